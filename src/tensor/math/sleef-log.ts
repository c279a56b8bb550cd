/*
 * Sleef 3.5.1 xlogf_u1 (Sleef_logf8_u10, Vectorized<float>::log) and xlog1pf
 * (Sleef_log1pf8_u10, Vectorized<float>::log1p), one float32 lane of the AVX2 build.
 */
import { fma32, fround as f } from './f32.js';
import { DF, dfAdd2FF, dfAddDD, dfAddDF, dfAddFF, dfDiv, dfMulDF } from './sleef-df.js';
import { POW2, POW2_BIAS } from './f64.js';
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

/**
 * One lane of Sleef_logf8_u10, written out flat (BCE takes a log per element, often before V8
 * has optimised it): the double-float operations of logTail and dfDiv with their (hi, lo) pairs
 * in locals, where the exact ones are computed directly in double:
 * - m = d·2^-e is in [0.75, 1.5), so dfadd2(-1, m) is exactly (m - 1, 0) (Sterbenz) and
 *   dfadd2(1, m), a TwoSum, is (fround(1 + m), the exact remainder);
 * - dfdiv's vfma(t, n, -s) is the exact error of a float product, and vfma(-dh, t, 1) rounds
 *   1 - dh·t, exact in double;
 * - the other fused multiply-adds are fround(a·b + c), checked over all 2^32 inputs against a
 *   correctly rounded fma to give this lane's results (test/math-sleef-lanes.test.ts).
 * ilogb and ldexp on the scaled d are its exponent field and a multiplication by a power of two;
 * zero, negative, infinite and NaN inputs take the lane's final selects.
 */
export function sleefLogf(d: number): number {
  if (!(d > 0 && d < Infinity)) return d === Infinity ? d : d === 0 ? -Infinity : NaN;
  let e = 0;
  if (d < FLT_MIN) {
    d = f(d * TWO64);
    e = -64;
  }
  const k = ilogb2k(f(d * RECIP_075));
  e += k;
  const m = d * POW2[POW2_BIAS - k]!;
  const nh = m - 1;
  const dh = f(1 + m);
  const dl = 1 + m - dh;
  // dfdiv((nh, 0), (dh, dl))
  const t = f(1 / dh);
  const xh = f(nh * t);
  const u = t * nh - xh;
  const v = f(-dl * t + f(1 - dh * t));
  const xl = f(xh * v + u);
  const x2 = f(xh * xh);
  let p = f(P2 * x2 + P1);
  p = f(p * x2 + P0);
  // (LN2_HI, LN2_LO)·e + (2xh, 2xl) + x2·xh·p
  const sh = f(LN2_HI * e);
  const sl = f(LN2_LO * e + (LN2_HI * e - sh));
  const yh = xh * 2;
  const yl = xl * 2;
  const s1 = f(sh + yh);
  const l1 = f(f(f(f(sh - s1) + yh) + sl) + yl);
  const y = f(f(x2 * xh) * p);
  const s2 = f(s1 + y);
  const l2 = f(f(f(s1 - s2) + y) + l1);
  return f(s2 + l2);
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
