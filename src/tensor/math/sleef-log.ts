/*
 * Sleef 3.5.1 xlogf_u1 (Sleef_logf8_u10, Vectorized<float>::log) and xlog1pf
 * (Sleef_log1pf8_u10, Vectorized<float>::log1p), one float32 lane of the AVX2 build.
 */
import { fma32, fround as f } from './f32.js';
import { DF, dfAdd2FF, dfAddDD, dfAddDF, dfAddFF, dfDiv, dfMulDF } from './sleef-df.js';
import { ilogb2k, ldexp3 } from './sleef-scale.js';

export const FLT_MIN = 1.1754943508222875e-38;
export const TWO64 = 18446744073709551616;
export const RECIP_075 = f(1 / 0.75);
export const LN2_HI = f(0.69314718246459960938);
export const LN2_LO = f(-1.904654323148236017e-9);

const P2 = f(0.3027294874);
const P1 = f(0.3996108174);
const P0 = f(0.6666694880);

/** s + 2x + x^3 t, with s = e ln2 and t the polynomial in x^2: the common tail of logf_u1 and log1pf. */
function logTail(e: number, xh: number, xl: number): number {
  const x2 = f(xh * xh);
  let t = fma32(P2, x2, P1);
  t = fma32(t, x2, P0);
  dfMulDF(LN2_HI, LN2_LO, f(e));
  dfAddDD(DF[0]!, DF[1]!, f(xh * 2), f(xl * 2));
  dfAddDF(DF[0]!, DF[1]!, f(f(x2 * xh) * t));
  return f(DF[0]! + DF[1]!);
}

/** One lane of Sleef_logf8_u10. */
export function sleefLogf(d: number): number {
  const o = d < FLT_MIN;
  if (o) d = f(d * TWO64);
  let e = ilogb2k(f(d * RECIP_075));
  const m = ldexp3(d, -e);
  if (o) e -= 64;

  dfAdd2FF(-1, m);
  const nh = DF[0]!;
  const nl = DF[1]!;
  dfAdd2FF(1, m);
  dfDiv(nh, nl, DF[0]!, DF[1]!);
  let r = logTail(e, DF[0]!, DF[1]!);

  if (d === Infinity) r = Infinity;
  if (d < 0 || d !== d) r = NaN;
  if (d === 0) r = -Infinity;
  return r;
}

/** One lane of Sleef_log1pf8_u10. */
export function sleefLog1pf(d: number): number {
  let dp1 = f(d + 1);
  const o = dp1 < FLT_MIN;
  if (o) dp1 = f(dp1 * TWO64);
  let e = ilogb2k(f(dp1 * RECIP_075));
  const t = ldexp3(1, -e);
  const m = fma32(d, t, f(t - 1));
  if (o) e -= 64;

  dfAddFF(2, m);
  dfDiv(m, 0, DF[0]!, DF[1]!);
  let r = logTail(e, DF[0]!, DF[1]!);

  if (d > f(1e38)) r = Infinity;
  if (-1 > d || d !== d) r = NaN;
  if (d === -1) r = -Infinity;
  if (d === 0 && 1 / d < 0) r = -0;
  return r;
}
