/*
 * Sleef's double-float arithmetic (src/libm/df.h, the ENABLE_FMA_SP variants that the AVX2 build
 * compiles): a value is an unevaluated sum hi + lo of two float32s. Every function returns hi and
 * leaves lo in DF_LO[0] (read it right after the call): no pair objects, and a typed-array slot
 * rather than a module variable, which would box every double it holds.
 * Sleef builds with -ffp-contract=off: only the explicit vfma/vfmapn/vfmanp helpers are fused.
 */
import { fma32, fround as f } from './f32.js';

export const DF_LO = new Float64Array(1);

/** dfadd_vf2_vf_vf: x + y, assuming |x| >= |y|. */
export function dfAddFF(x: number, y: number): number {
  const s = f(x + y);
  DF_LO[0] = f(f(x - s) + y);
  return s;
}

/** dfadd2_vf2_vf_vf: x + y, any magnitudes. */
export function dfAdd2FF(x: number, y: number): number {
  const s = f(x + y);
  const v = f(s - x);
  DF_LO[0] = f(f(x - f(s - v)) + f(y - v));
  return s;
}

/** dfadd_vf2_vf_vf2: x + (yh, yl). */
export function dfAddFD(x: number, yh: number, yl: number): number {
  const s = f(x + yh);
  DF_LO[0] = f(f(f(x - s) + yh) + yl);
  return s;
}

/** dfadd_vf2_vf2_vf: (xh, xl) + y. */
export function dfAddDF(xh: number, xl: number, y: number): number {
  const s = f(xh + y);
  DF_LO[0] = f(f(f(xh - s) + y) + xl);
  return s;
}

/** dfadd2_vf2_vf2_vf: (xh, xl) + y, any magnitudes. */
export function dfAdd2DF(xh: number, xl: number, y: number): number {
  const s = f(xh + y);
  const v = f(s - xh);
  const t = f(f(xh - f(s - v)) + f(y - v));
  DF_LO[0] = f(t + xl);
  return s;
}

/** dfadd_vf2_vf2_vf2: (xh, xl) + (yh, yl), assuming |x| >= |y|. */
export function dfAddDD(xh: number, xl: number, yh: number, yl: number): number {
  const s = f(xh + yh);
  DF_LO[0] = f(f(f(f(xh - s) + yh) + xl) + yl);
  return s;
}

/** dfadd2_vf2_vf2_vf2: (xh, xl) + (yh, yl), any magnitudes. */
export function dfAdd2DD(xh: number, xl: number, yh: number, yl: number): number {
  const s = f(xh + yh);
  const v = f(s - xh);
  const t = f(f(xh - f(s - v)) + f(yh - v));
  DF_LO[0] = f(t + f(xl + yl));
  return s;
}

/** dfnormalize_vf2_vf2. */
export function dfNormalize(xh: number, xl: number): number {
  const s = f(xh + xl);
  DF_LO[0] = f(f(xh - s) + xl);
  return s;
}

/** dfmul_vf2_vf_vf: the exact product x * y as hi + lo. */
export function dfMulFF(x: number, y: number): number {
  const s = f(x * y);
  DF_LO[0] = fma32(x, y, -s);
  return s;
}

/** dfmul_vf2_vf2_vf: (xh, xl) * y. */
export function dfMulDF(xh: number, xl: number, y: number): number {
  const s = f(xh * y);
  DF_LO[0] = fma32(xl, y, fma32(xh, y, -s));
  return s;
}

/** dfmul_vf2_vf2_vf2: (xh, xl) * (yh, yl). */
export function dfMulDD(xh: number, xl: number, yh: number, yl: number): number {
  const s = f(xh * yh);
  DF_LO[0] = fma32(xh, yl, fma32(xl, yh, fma32(xh, yh, -s)));
  return s;
}

/** dfsqu_vf2_vf2: (xh, xl)^2. */
export function dfSqu(xh: number, xl: number): number {
  const s = f(xh * xh);
  DF_LO[0] = fma32(f(xh + xh), xl, fma32(xh, xh, -s));
  return s;
}

/** dfrec_vf2_vf2: 1 / (dh, dl). */
export function dfRec(dh: number, dl: number): number {
  const s = f(1 / dh);
  DF_LO[0] = f(s * fma32(-dl, s, fma32(-dh, s, 1)));
  return s;
}

/** dfdiv_vf2_vf2_vf2: (nh, nl) / (dh, dl). */
export function dfDiv(nh: number, nl: number, dh: number, dl: number): number {
  const t = f(1 / dh);
  const s = f(nh * t);
  const u = fma32(t, nh, -s);
  const v = fma32(-dl, t, fma32(-dh, t, 1));
  DF_LO[0] = fma32(s, v, fma32(nl, t, u));
  return s;
}
