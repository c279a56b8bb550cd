/*
 * Fixed-point BigInt arithmetic for generating glibc's tables of 2^(k/N) and log(c) at load
 * time (rather than copying them): values are integers scaled by 2^prec.
 */

/** floor(sqrt(n)) by Newton's iteration from above. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** 2^(k / 2^levels) * 2^prec, by `levels` fixed-point square roots (error a few units of 2^-prec). */
export function exp2Fraction(k: number, levels: number, prec: bigint): bigint {
  let v = 1n << (BigInt(k) + prec);
  for (let j = 0; j < levels; j++) v = isqrt(v << prec);
  return v;
}

/** 2 atanh(p/q) * 2^prec = ln((q + p) / (q - p)) * 2^prec. */
export function twoAtanh(p: bigint, q: bigint, prec: bigint): bigint {
  let term = (p << prec) / q;
  const p2 = p * p;
  const q2 = q * q;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * p2) / q2;
  }
  return 2n * sum;
}

/** The nearest double to v * 2^-prec (BigInt to Number conversion rounds to nearest). */
export function fixedToDouble(v: bigint, prec: bigint): number {
  return (v < 0n ? -Number(-v) : Number(v)) * 2 ** -Number(prec);
}
