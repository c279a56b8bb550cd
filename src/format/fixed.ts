import { decompose, roundScaled } from './exact.js';

/**
 * Python `format(x, '.Nf')`: the exact binary value rounded half-to-even to N decimals.
 * The sign is kept whenever x is negative (including -0.0 and values that round to zero),
 * as CPython's float formatting does.
 */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isInteger(digits) || digits < 0) {
    throw new RangeError(`formatFixed: digits must be a non-negative integer, got ${digits}`);
  }
  if (Number.isNaN(x)) return 'nan';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (!Number.isFinite(x)) return `${sign}inf`;
  const { mant, exp } = decompose(x);
  let s = mant === 0 ? '0' : roundScaled(mant, exp, digits).toString();
  if (digits === 0) return sign + s;
  if (s.length <= digits) s = '0'.repeat(digits + 1 - s.length) + s;
  const cut = s.length - digits;
  return `${sign}${s.slice(0, cut)}.${s.slice(cut)}`;
}
