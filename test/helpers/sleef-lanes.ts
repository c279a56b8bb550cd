/*
 * The reference model of two Sleef 3.5.1 lanes the AVX2 build runs, written as Sleef writes them:
 * xexpf (Sleef_expf8_u10) and xlogf_u1 (Sleef_logf8_u10), every vfma a correctly rounded fused
 * multiply-add (fma32), the double-float steps through src/tensor/math/sleef-df.ts. The flat
 * production lanes (sleef-exp.ts, sleef-log.ts) must give the same bits for every input.
 */
import { cvtRound, fma32, fround as f } from '../../src/tensor/math/f32.js';
import { DF, dfAdd2FF, dfAddDD, dfAddDF, dfDiv, dfMulDF } from '../../src/tensor/math/sleef-df.js';
import { ilogb2k, ldexp2, ldexp3 } from '../../src/tensor/math/sleef-scale.js';
import { FLT_MIN, LN2_HI, LN2_LO, RECIP_075, TWO64 } from '../../src/tensor/math/sleef-log.js';

const R_LN2F = f(1.442695040888963407359924681001892137426645954152985934135449406931);
const L2UF = 0.693145751953125;
const L2LF = f(1.428606765330187045e-6);
const E5 = f(0.000198527617612853646278381);
const E4 = f(0.00139304355252534151077271);
const E3 = f(0.00833336077630519866943359);
const E2 = f(0.0416664853692054748535156);
const E1 = f(0.166666671633720397949219);

export function expfReference(d: number): number {
  const q = cvtRound(f(d * R_LN2F));
  const qf = f(q);
  let s = fma32(qf, -L2UF, d);
  s = fma32(qf, -L2LF, s);
  let u = fma32(E5, s, E4);
  u = fma32(u, s, E3);
  u = fma32(u, s, E2);
  u = fma32(u, s, E1);
  u = fma32(u, s, 0.5);
  u = f(1 + fma32(f(s * s), u, s));
  u = ldexp2(u, q);
  if (d < -104) u = 0;
  if (100 < d) u = Infinity;
  return u;
}

const P2 = f(0.3027294874);
const P1 = f(0.3996108174);
const P0 = f(0.6666694880);

export function logfReference(d: number): number {
  const o = d < FLT_MIN;
  if (o) d = f(d * TWO64);
  let e = ilogb2k(f(d * RECIP_075));
  const m = ldexp3(d, -e);
  if (o) e -= 64;
  dfMulDF(LN2_HI, LN2_LO, f(e));
  const sh = DF[0]!;
  const sl = DF[1]!;
  dfAdd2FF(-1, m);
  const nh = DF[0]!;
  const nl = DF[1]!;
  dfAdd2FF(1, m);
  dfDiv(nh, nl, DF[0]!, DF[1]!);
  const xh = DF[0]!;
  const xl = DF[1]!;
  const x2 = f(xh * xh);
  let t = fma32(P2, x2, P1);
  t = fma32(t, x2, P0);
  dfAddDD(sh, sl, f(xh * 2), f(xl * 2));
  dfAddDF(DF[0]!, DF[1]!, f(f(x2 * xh) * t));
  let r = f(DF[0]! + DF[1]!);
  if (d === Infinity) r = Infinity;
  if (d < 0 || d !== d) r = NaN;
  if (d === 0) r = -Infinity;
  return r;
}
