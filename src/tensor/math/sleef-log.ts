/*
 * Sleef 3.5.1 xlogf_u1 (Sleef_logf8_u10, Vectorized<float>::log) and xlog1pf
 * (Sleef_log1pf8_u10, Vectorized<float>::log1p), one float32 lane of the AVX2 build.
 */
import { fma32, fround as f } from './f32.js';
import { DF, dfAddDD, dfAddDF, dfAddFF, dfDiv, dfMulDF } from './sleef-df.js';
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
 * Sleef_logf8_u10 (Vectorized<float>::log) on each of src[from .. to), into dst (which may be
 * src). The lane is written out flat inside the loop: BCE takes a log per element, and a call
 * that V8 does not inline (this lane is too long for it) returns each result as a new heap
 * number. The double-float operations of logTail and dfDiv keep their (hi, lo) pairs in locals;
 * the exact ones are computed directly in double:
 * - m = d·2^-k is in [0.75, 1.5), so dfadd2(-1, m) is exactly (m - 1, 0) (Sterbenz) and
 *   dfadd2(1, m), a TwoSum, is (fround(1 + m), the exact remainder);
 * - dfdiv's vfma(t, n, -s) is the exact error of a float product, and vfma(-dh, t, 1) rounds
 *   1 - dh·t, exact in double; so is vfma(LN2_HI, e, -sh), e being a small integer;
 * - the other fused multiply-adds are fround(a·b + c), checked over all 2^32 inputs against a
 *   correctly rounded fma to give this lane's results (test/math-sleef-lanes.test.ts).
 * ilogb and ldexp are the exponent field of d·(1/0.75) and a multiplication by a power of two;
 * subnormals are scaled by 2^64 first (and 64 taken off the exponent); zero, negative, infinite
 * and NaN inputs take the lane's final selects.
 */
export function sleefLogfInto(src: ArrayLike<number>, dst: Float32Array, from = 0, to = src.length): void {
  for (let i = from; i < to; i++) {
    let d = src[i]!;
    let e = 0;
    if (!(d >= FLT_MIN && d < Infinity)) {
      if (!(d > 0 && d < FLT_MIN)) {
        dst[i] = d === Infinity ? d : d === 0 ? -Infinity : NaN;
        continue;
      }
      d = f(d * TWO64);
      e = -64;
    }
    const k = ilogb2k(f(d * RECIP_075));
    e += k;
    const m = d * POW2[POW2_BIAS - k]!;
    const nh = m - 1;
    const dh = f(1 + m);
    const dl = 1 + m - dh;
    // (xh, xl) = dfdiv((nh, 0), (dh, dl))
    const t = f(1 / dh);
    const xh = f(nh * t);
    const xl = f(xh * f(-dl * t + f(1 - dh * t)) + (t * nh - xh));
    const x2 = f(xh * xh);
    const p = f(f(P2 * x2 + P1) * x2 + P0);
    // (LN2_HI, LN2_LO)·e + (2xh, 2xl) + x2·xh·p, then hi + lo
    const sh = f(LN2_HI * e);
    const s1 = f(sh + xh * 2);
    const l1 = f(f(f(f(sh - s1) + xh * 2) + f(LN2_LO * e + (LN2_HI * e - sh))) + xl * 2);
    const y = f(f(x2 * xh) * p);
    const s2 = f(s1 + y);
    dst[i] = f(s2 + f(f(f(s1 - s2) + y) + l1));
  }
}

const LANE = new Float32Array(1);

/** One lane of Sleef_logf8_u10, for a float32 d. */
export function sleefLogf(d: number): number {
  LANE[0] = d;
  sleefLogfInto(LANE, LANE, 0, 1);
  return LANE[0]!;
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
