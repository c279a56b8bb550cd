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

/**
 * fma(a, b, c) on float32 operands with one rounding, as _mm256_fmadd_ps. The double product a*b
 * is exact; the double sum can round, and only if it lands exactly on a float32 midpoint does
 * that decide the float result (a second rounding): then the sign of the sum's error breaks the
 * tie. Kept tiny so V8 inlines it (a call that is not inlined boxes the double it returns).
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = fround(s);
  // s is a midpoint between r and its neighbour r2 only if r2 = 2s - r is itself a float32
  const r2 = 2 * s - r;
  return r === s || fround(r2) !== r2 ? r : midpointTie(p, c, s, r, r2);
}

function midpointTie(p: number, c: number, s: number, r: number, r2: number): number {
  const bv = s - p;
  const err = (p - (s - bv)) + (c - bv);
  if (err === 0) return r;
  return err > 0 ? (r > r2 ? r : r2) : (r < r2 ? r : r2);
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
