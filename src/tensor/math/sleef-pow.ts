/*
 * Sleef 3.5.1 xpowf (Sleef_powf8_u10, what Vectorized<float>::pow calls), one float32 lane of
 * the AVX2 build: e^(y * log|x|) with log and exp in double-float (logkf, expkf), then the sign
 * and special-value selections in the order the vector code applies them.
 */
import { cvtRound, cvtTrunc, fma32, fround as f, mulsign } from './f32.js';
import {
  dfAdd2DD, dfAdd2DF, dfAdd2FF, dfAddDD, dfAddFD, dfDiv, DF_LO, dfMulDD, dfMulDF, dfNormalize, dfSqu,
} from './sleef-df.js';
import { L2LF, L2UF, R_LN2F } from './sleef-exp.js';
import { FLT_MIN, LN2_HI, LN2_LO, RECIP_075, TWO64 } from './sleef-log.js';
import { ilogb2k, ldexp3, ldexpk } from './sleef-scale.js';

const L2 = f(0.240320354700088500976562);
const L1 = f(0.285112679004669189453125);
const L0 = f(0.400007992982864379882812);
const CH = f(0.66666662693023681640625);
const CL = f(3.69183861259614332084311e-9);

/** logkf: log(d) as a double-float (hi returned, lo in DF_LO[0]), for d >= 0. */
function logk(d: number): number {
  const o = d < FLT_MIN;
  if (o) d = f(d * TWO64);
  let e = ilogb2k(f(d * RECIP_075));
  const m = ldexp3(d, -e);
  if (o) e -= 64;

  const nh = dfAdd2FF(-1, m);
  const nl = DF_LO[0]!;
  const mh = dfAdd2FF(1, m);
  const ml = DF_LO[0]!;
  const xh = dfDiv(nh, nl, mh, ml);
  const xl = DF_LO[0]!;
  const x2h = dfSqu(xh, xl);
  const x2l = DF_LO[0]!;

  let t = fma32(L2, x2h, L1);
  t = fma32(t, x2h, L0);

  let sh = dfMulDF(LN2_HI, LN2_LO, f(e));
  let sl = DF_LO[0]!;
  sh = dfAddDD(sh, sl, f(xh * 2), f(xl * 2));
  sl = DF_LO[0]!;
  // (x2 * x) * (x2 * t + c)
  const ph = dfMulDD(x2h, x2l, xh, xl);
  const pl = DF_LO[0]!;
  let qh = dfMulDF(x2h, x2l, t);
  let ql = DF_LO[0]!;
  qh = dfAdd2DD(qh, ql, CH, CL);
  ql = DF_LO[0]!;
  const rh = dfMulDD(ph, pl, qh, ql);
  const rl = DF_LO[0]!;
  sh = dfAddDD(sh, sl, rh, rl);
  return sh;
}

const X4 = f(0.00136324646882712841033936);
const X3 = f(0.00836596917361021041870117);
const X2 = f(0.0416710823774337768554688);
const X1 = f(0.166665524244308471679688);
const X0 = f(0.499999850988388061523438);

/** expkf: e^(dh + dl) rounded to float32, flushed to +0 below -104. */
function expk(dh: number, dl: number): number {
  const q = cvtRound(f(f(dh + dl) * R_LN2F));
  const qf = f(q);
  let sh = dfAdd2DF(dh, dl, f(qf * -L2UF));
  let sl = DF_LO[0]!;
  sh = dfAdd2DF(sh, sl, f(qf * -L2LF));
  sl = DF_LO[0]!;
  sh = dfNormalize(sh, sl);
  sl = DF_LO[0]!;

  let u = fma32(X4, sh, X3);
  u = fma32(u, sh, X2);
  u = fma32(u, sh, X1);
  u = fma32(u, sh, X0);

  const qh = dfSqu(sh, sl);
  const ql = DF_LO[0]!;
  const ph = dfMulDF(qh, ql, u);
  const pl = DF_LO[0]!;
  let th = dfAddDD(sh, sl, ph, pl);
  let tl = DF_LO[0]!;
  th = dfAddFD(1, th, tl);
  tl = DF_LO[0]!;
  let r = f(th + tl);
  r = ldexpk(r, q);
  if (dh < -104) r = 0;
  return r;
}

const TWO24 = 16777216;

/** One lane of Sleef_powf8_u10 (x ** y). */
export function sleefPowf(x: number, y: number): number {
  const ay = Math.abs(y);
  const yisint = Math.trunc(y) === y || ay > TWO24;
  const yisodd = (cvtTrunc(y) & 1) === 1 && yisint && ay < TWO24;

  const lh = logk(Math.abs(x));
  const ph = dfMulDF(lh, DF_LO[0]!, y);
  let result = expk(ph, DF_LO[0]!);

  if (result !== result) result = Infinity;
  result = f(result * (x > 0 ? 1 : yisint ? (yisodd ? -1 : 1) : NaN));

  const efx = mulsign(f(Math.abs(x) - 1), y);
  if (ay === Infinity) result = efx < 0 ? 0 : efx === 0 ? 1 : Infinity;

  if (Math.abs(x) === Infinity || x === 0) {
    const sign = yisodd ? mulsign(1, x) : 1;
    const yy = x === 0 ? -y : y;
    result = sign * (yy < 0 ? 0 : Infinity);
  }
  if (x !== x || y !== y) result = NaN;
  if (y === 0 || x === 1) result = 1;
  return result;
}
