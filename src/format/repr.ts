import { decompose, pow10, roundScaled } from './exact.js';

/** Python's exponent suffix: sign always, at least two digits ('e-05', 'e+16', 'e+300'). */
function exponentSuffix(e: number): string {
  const a = Math.abs(e);
  return `e${e < 0 ? '-' : '+'}${a < 10 ? '0' : ''}${a}`;
}

/**
 * Lays out significant digits `ds` (no leading/trailing zeros, value = 0.ds * 10^decpt) the way
 * CPython's format_float_short does; `exponentForm` picks scientific layout, `forceDot`
 * appends '.0' to integral fixed output (repr's behaviour, not 'g''s).
 */
function layout(ds: string, decpt: number, exponentForm: boolean, forceDot: boolean): string {
  if (exponentForm) {
    const rest = ds.slice(1);
    return ds[0] + (rest ? `.${rest}` : '') + exponentSuffix(decpt - 1);
  }
  if (decpt <= 0) return `0.${'0'.repeat(-decpt)}${ds}`;
  if (ds.length <= decpt) return ds + '0'.repeat(decpt - ds.length) + (forceDot ? '.0' : '');
  return `${ds.slice(0, decpt)}.${ds.slice(decpt)}`;
}

/**
 * Shortest round-trip digits of x (x finite, nonzero) from JS's Number-to-String, which like
 * CPython's repr (dtoa mode 0) picks the shortest digit string that reads back as x and, among
 * those, the one closest to x. Only its layout differs, so it is parsed back into digits.
 */
function shortestDigits(x: number): { ds: string; decpt: number } {
  const s = String(Math.abs(x));
  const ePos = s.indexOf('e');
  const mantissa = ePos < 0 ? s : s.slice(0, ePos);
  const e10 = ePos < 0 ? 0 : Number(s.slice(ePos + 1));
  const dot = mantissa.indexOf('.');
  const intLen = dot < 0 ? mantissa.length : dot;
  let ds = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let decpt = intLen + e10;
  let lead = 0;
  while (ds[lead] === '0') lead++;
  ds = ds.slice(lead);
  decpt -= lead;
  let end = ds.length;
  while (ds[end - 1] === '0') end--;
  return { ds: ds.slice(0, end), decpt };
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

/** Python `repr(float)`: exponent form when the decimal exponent is < -4 or >= 16. */
export function formatRepr(x: number): string {
  const sp = special(x);
  if (sp !== undefined) return sp;
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const { ds, decpt } = shortestDigits(x);
  const body = layout(ds, decpt, decpt < -3 || decpt > 16, true);
  return x < 0 ? `-${body}` : body;
}

/**
 * Python `format(x, 'g')` / `format(x, '.Pg')`: P significant digits of the exact binary value
 * (half-to-even), exponent form when the exponent is < -4 or >= P, trailing zeros dropped.
 */
export function formatG(x: number, precision = 6): string {
  if (!Number.isInteger(precision) || precision < 0) {
    throw new RangeError(`formatG: precision must be a non-negative integer, got ${precision}`);
  }
  const sp = special(x);
  if (sp !== undefined) return sp;
  const p = precision === 0 ? 1 : precision;
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const { mant, exp } = decompose(x);
  // Decimal exponent estimate; corrected below by checking the rounded digit count.
  let e10 = Math.floor(Math.log10(Math.abs(x)));
  let n = roundScaled(mant, exp, p - 1 - e10);
  for (let guard = 0; guard < 4; guard++) {
    if (n >= pow10(p)) e10 += 1;
    else if (n < pow10(p - 1)) e10 -= 1;
    else break;
    n = roundScaled(mant, exp, p - 1 - e10);
  }
  let ds = n.toString();
  let end = ds.length;
  while (end > 1 && ds[end - 1] === '0') end--;
  ds = ds.slice(0, end);
  const decpt = e10 + 1;
  const body = layout(ds, decpt, decpt < -3 || decpt > p, false);
  return x < 0 ? `-${body}` : body;
}
