/*
 * Float32 building blocks shared by the Sleef and glibc emulations: bit casts, an exactly rounded
 * float FMA (what vfmadd*ps computes), and the x86 float->int32 conversions with their
 * out-of-range result.
 */

export const fround = Math.fround;

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

/** The IEEE bit pattern of a float32 value, as a signed int32. */
export function floatBits(x: number): number {
  F32[0] = x;
  return I32[0]!;
}

/** The float32 whose bit pattern is the int32 `b`. */
export function bitsFloat(b: number): number {
  I32[0] = b;
  return F32[0]!;
}

const FLT_MAX = 3.4028234663852886e38;
const OVERFLOW_TIE = FLT_MAX + 2 ** 103; // halfway from FLT_MAX to 2^128: rounds to infinity

/**
 * fma(a, b, c) on float32 operands with one rounding, as _mm256_fmadd_ps. The double product a*b
 * is exact; the double sum can round, and only if it lands exactly halfway between two floats
 * does that decide the float result (a second rounding): then the sign of the sum's TwoSum error
 * says which side the exact value lies on. The midpoint above FLT_MAX is the one whose upper
 * neighbour (2^128) is not a float: there the tie rounds to infinity.
 */
export function fma32(a: number, b: number, c: number): number {
  const s = a * b + c;
  const r = fround(s);
  if (r === s || s !== s) return r;
  let other: number; // the float on s's other side if s is halfway between two floats
  if (r === Infinity || r === -Infinity) {
    if (Math.abs(s) !== OVERFLOW_TIE) return r;
    other = s > 0 ? FLT_MAX : -FLT_MAX;
  } else {
    other = 2 * s - r; // exact (Sterbenz)
    if (fround(other) !== other) return r;
  }
  const p = a * b;
  const pb = s - p;
  const err = p - (s - pb) + (c - pb);
  if (err === 0) return r;
  return err > 0 === other > r ? other : r;
}

/** cvtps2dq: round half to even; NaN and out-of-range give INT32_MIN (the "integer indefinite"). */
export function cvtRound(x: number): number {
  if (!(x >= -2147483648 && x < 2147483648)) return -2147483648;
  let r = Math.round(x);
  if (r - x === 0.5 && (r & 1) !== 0) r -= 1;
  return r | 0;
}

/** cvttps2dq: truncation; NaN and out-of-range give INT32_MIN. */
export function cvtTrunc(x: number): number {
  if (!(x > -2147483649 && x < 2147483648)) return -2147483648;
  return Math.trunc(x) | 0;
}

/** copysign-like xor of the sign of y into x (Sleef's vmulsign). */
export function mulsign(x: number, y: number): number {
  return bitsFloat(floatBits(x) ^ (floatBits(y) & -2147483648));
}
