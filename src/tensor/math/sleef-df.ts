/*
 * Sleef's double-float arithmetic (src/libm/df.h, the ENABLE_FMA_SP variants that the AVX2 build
 * compiles): a value is an unevaluated sum hi + lo of two float32s. Every function writes its
 * result to DF[0] (hi) and DF[1] (lo), to be read right after the call, and returns nothing: no
 * pair objects, and no boxed double returned from a call V8 does not inline.
 * Sleef builds with -ffp-contract=off: only the explicit vfma/vfmapn/vfmanp helpers are fused.
 */
import { fma32, fround as f } from './f32.js';

export const DF = new Float64Array(2);

/** dfadd_vf2_vf_vf: x + y, assuming |x| >= |y|. */
export function dfAddFF(x: number, y: number): void {
  const s = f(x + y);
  DF[0] = s;
  DF[1] = f(f(x - s) + y);
}

/** dfadd2_vf2_vf_vf: x + y, any magnitudes. */
export function dfAdd2FF(x: number, y: number): void {
  const s = f(x + y);
  const v = f(s - x);
  DF[0] = s;
  DF[1] = f(f(x - f(s - v)) + f(y - v));
}

/** dfadd_vf2_vf_vf2: x + (yh, yl). */
export function dfAddFD(x: number, yh: number, yl: number): void {
  const s = f(x + yh);
  DF[0] = s;
  DF[1] = f(f(f(x - s) + yh) + yl);
}

/** dfadd_vf2_vf2_vf: (xh, xl) + y. */
export function dfAddDF(xh: number, xl: number, y: number): void {
  const s = f(xh + y);
  DF[0] = s;
  DF[1] = f(f(f(xh - s) + y) + xl);
}

/** dfadd2_vf2_vf2_vf: (xh, xl) + y, any magnitudes. */
export function dfAdd2DF(xh: number, xl: number, y: number): void {
  const s = f(xh + y);
  const v = f(s - xh);
  const t = f(f(xh - f(s - v)) + f(y - v));
  DF[0] = s;
  DF[1] = f(t + xl);
}

/** dfadd_vf2_vf2_vf2: (xh, xl) + (yh, yl), assuming |x| >= |y|. */
export function dfAddDD(xh: number, xl: number, yh: number, yl: number): void {
  const s = f(xh + yh);
  DF[0] = s;
  DF[1] = f(f(f(f(xh - s) + yh) + xl) + yl);
}

/** dfadd2_vf2_vf2_vf2: (xh, xl) + (yh, yl), any magnitudes. */
export function dfAdd2DD(xh: number, xl: number, yh: number, yl: number): void {
  const s = f(xh + yh);
  const v = f(s - xh);
  const t = f(f(xh - f(s - v)) + f(yh - v));
  DF[0] = s;
  DF[1] = f(t + f(xl + yl));
}

/** dfnormalize_vf2_vf2. */
export function dfNormalize(xh: number, xl: number): void {
  const s = f(xh + xl);
  DF[0] = s;
  DF[1] = f(f(xh - s) + xl);
}

/** dfmul_vf2_vf2_vf: (xh, xl) * y. */
export function dfMulDF(xh: number, xl: number, y: number): void {
  const s = f(xh * y);
  DF[0] = s;
  DF[1] = fma32(xl, y, fma32(xh, y, -s));
}

/** dfmul_vf2_vf2_vf2: (xh, xl) * (yh, yl). */
export function dfMulDD(xh: number, xl: number, yh: number, yl: number): void {
  const s = f(xh * yh);
  DF[0] = s;
  DF[1] = fma32(xh, yl, fma32(xl, yh, fma32(xh, yh, -s)));
}

/** dfsqu_vf2_vf2: (xh, xl)^2. */
export function dfSqu(xh: number, xl: number): void {
  const s = f(xh * xh);
  DF[0] = s;
  DF[1] = fma32(f(xh + xh), xl, fma32(xh, xh, -s));
}

/** dfrec_vf2_vf2: 1 / (dh, dl). */
export function dfRec(dh: number, dl: number): void {
  const s = f(1 / dh);
  DF[0] = s;
  DF[1] = f(s * fma32(-dl, s, fma32(-dh, s, 1)));
}

/** dfdiv_vf2_vf2_vf2: (nh, nl) / (dh, dl). */
export function dfDiv(nh: number, nl: number, dh: number, dl: number): void {
  const t = f(1 / dh);
  const s = f(nh * t);
  const u = fma32(t, nh, -s);
  const v = fma32(-dl, t, fma32(-dh, t, 1));
  DF[0] = s;
  DF[1] = fma32(s, v, fma32(nl, t, u));
}
