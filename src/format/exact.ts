// Exact decimal rounding of a double's binary value. Python formats floats with David Gay's
// dtoa, which rounds the exact binary value half-to-even; JS's toFixed/toPrecision round
// differently near ties, so these helpers do the arithmetic exactly with BigInt.

const bits = new DataView(new ArrayBuffer(8));

/** |x| = mant * 2^exp with mant an odd integer < 2^53 (or 0). x must be finite. */
export function decompose(x: number): { mant: number; exp: number } {
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (hi & 0xfffff) * 4294967296 + lo;
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant += 4503599627370496; // implicit bit, 2^52
    exp = biased - 1075;
  }
  if (mant === 0) return { mant: 0, exp: 0 };
  while (mant % 2 === 0) {
    mant /= 2;
    exp += 1;
  }
  return { mant, exp };
}

const pow10Cache: bigint[] = [];

export function pow10(n: number): bigint {
  let p = pow10Cache[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    pow10Cache[n] = p;
  }
  return p;
}

/**
 * round_half_even(mant * 2^exp * 10^scale) as a BigInt, computed exactly.
 * scale may be negative (used by 'g' to keep only the leading significant digits).
 */
export function roundScaled(mant: number, exp: number, scale: number): bigint {
  let num = BigInt(mant);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (scale >= 0) num *= pow10(scale);
  else den *= pow10(-scale);
  if (den === 1n) return num;
  const q = num / den;
  const twiceRem = (num - q * den) * 2n;
  if (twiceRem > den || (twiceRem === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}
