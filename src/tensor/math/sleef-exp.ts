/*
 * Sleef 3.5.1 xexpf (Sleef_expf8_u10, what Vectorized<float>::exp calls), the double-float
 * exponential expk2f behind cosh/tanh/expm1, and xexpm1f (Sleef_expm1f8_u10), one float32 lane
 * of the AVX2 build: every vmla is a fused multiply-add.
 */
import { cvtRound, fma32, fround as f } from './f32.js';
import { DF, dfAdd2DD, dfAdd2DF, dfAddFD, dfMulDD, dfMulDF, dfSqu } from './sleef-df.js';
import { POW2, POW2_BIAS } from './f64.js';
import { ldexp2 } from './sleef-scale.js';

const ROUND_SHIFT = 6755399441055744; // 1.5·2^52

export const R_LN2F = f(1.442695040888963407359924681001892137426645954152985934135449406931);
export const L2UF = 0.693145751953125;
export const L2LF = f(1.428606765330187045e-6);

const E5 = f(0.000198527617612853646278381);
const E4 = f(0.00139304355252534151077271);
const E3 = f(0.00833336077630519866943359);
const E2 = f(0.0416664853692054748535156);
const E1 = f(0.166666671633720397949219);

/**
 * One lane of Sleef_expf8_u10, written out flat (it runs on every element of exp, sigmoid and
 * BCE, often before V8 has optimised it, when every call and every boxed double costs):
 * - below -104 the result is flushed to +0, above 100 it is +inf, NaN stays NaN: the lane's own
 *   final selects, taken first;
 * - q = round-half-even(d / ln2) (cvtps2dq) fits easily in an int32 there;
 * - the Cody-Waite steps vfma(q, -L2U, d) and vfma(q, -L2L, s): q·L2U has at most 23
 *   significant bits and d - q·L2U (below 0.36 in magnitude, a multiple of 2^-25 when q is not
 *   0) is a float itself, so the first needs no rounding; q·L2L has at most 32 bits and the
 *   second sum spans fewer than 53, so one fround of the double expression is the fused result;
 * - the polynomial's fused multiply-adds are fround(a·b + c): the double sum can round before the
 *   float rounding, but checked over all 2^32 inputs against a correctly rounded fma, that never
 *   changes this lane's result (test/math-sleef-lanes.test.ts);
 * - vldexp2's two factors 2^(q>>1) and 2^(q - (q>>1)) come from a table (both normal floats).
 */
export function sleefExpf(d: number): number {
  // 1 / 0 rather than the global Infinity: V8 would otherwise box every result where the lane is inlined
  if (!(d >= -104)) return d !== d ? d : 0;
  if (d > 100) return 1 / 0;
  // round half to even by the 1.5·2^52 shift (exact for |t| < 2^51), without Math.round's branch
  const q = f(d * R_LN2F) + ROUND_SHIFT - ROUND_SHIFT;
  const s = f(d - q * L2UF - q * L2LF);
  let u = f(E5 * s + E4);
  u = f(u * s + E3);
  u = f(u * s + E2);
  u = f(u * s + E1);
  u = f(u * s + 0.5);
  u = f(1 + f(f(s * s) * u + s));
  // u·2^q is a normal float for these q: both of vldexp2's multiplications are then exact
  if (q > -126 && q < 127) return u * POW2[POW2_BIAS + q]!;
  const h = q >> 1;
  return f(f(u * POW2[POW2_BIAS + h]!) * POW2[POW2_BIAS + q - h]!);
}

/**
 * sleefExpf of each of src[from .. to), into dst (which may be src): a loop of its own, so V8
 * inlines the lane into it and no result is boxed on the way.
 */
export function sleefExpfInto(src: ArrayLike<number>, dst: Float32Array, from = 0, to = src.length): void {
  for (let i = from; i < to; i++) dst[i] = sleefExpf(src[i]!);
}

const K4 = f(0.1980960224e-3);
const K3 = f(0.1394256484e-2);
const K2 = f(0.8333456703e-2);
const K1 = f(0.4166637361e-1);
const K0 = f(0.166666659414234244790680580464);

/**
 * expk2f: e^(dh + dl) as a double-float in DF, both parts scaled by vldexp2 and flushed to +0
 * below -104.
 */
export function expk2(dh: number, dl: number): void {
  const q = cvtRound(f(f(dh + dl) * R_LN2F));
  const qf = f(q);
  dfAdd2DF(dh, dl, f(qf * -L2UF));
  dfAdd2DF(DF[0]!, DF[1]!, f(qf * -L2LF));
  const sh = DF[0]!;
  const sl = DF[1]!;

  let u = fma32(K4, sh, K3);
  u = fma32(u, sh, K2);
  u = fma32(u, sh, K1);

  dfMulDF(sh, sl, u);
  dfAdd2DF(DF[0]!, DF[1]!, K0);
  dfMulDD(sh, sl, DF[0]!, DF[1]!);
  dfAdd2DF(DF[0]!, DF[1]!, 0.5);
  const th = DF[0]!;
  const tl = DF[1]!;
  dfSqu(sh, sl);
  dfMulDD(DF[0]!, DF[1]!, th, tl);
  dfAdd2DD(sh, sl, DF[0]!, DF[1]!);
  dfAddFD(1, DF[0]!, DF[1]!);

  if (dh < -104) {
    DF[0] = 0;
    DF[1] = 0;
  } else {
    DF[0] = ldexp2(DF[0]!, q);
    DF[1] = ldexp2(DF[1]!, q);
  }
}

/** One lane of Sleef_expm1f8_u10. */
export function sleefExpm1f(a: number): number {
  expk2(a, 0);
  dfAdd2DF(DF[0]!, DF[1]!, -1);
  let x = f(DF[0]! + DF[1]!);
  if (a > 88.72283172607421875) x = Infinity;
  if (a < f(-16.635532333438687426013570)) x = -1;
  if (a === 0 && 1 / a < 0) x = -0;
  return x;
}
