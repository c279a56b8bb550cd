/*
 * Sleef 3.5.1 xpowf (Sleef_powf8_u10, what Vectorized<float>::pow calls), one float32 lane of
 * the AVX2 build: e^(y * log|x|) with log and exp in double-float (logkf, expkf), then the sign
 * and special-value selections in the order the vector code applies them.
 */
import { cvtRound, cvtTrunc, fma32, fround as f, mulsign } from './f32.js';
import {
  DF, dfAdd2DD, dfAdd2DF, dfAdd2FF, dfAddDD, dfAddFD, dfDiv, dfMulDD, dfMulDF, dfNormalize, dfSqu,
} from './sleef-df.js';
import { L2LF, L2UF, R_LN2F } from './sleef-exp.js';
import { FLT_MIN, LN2_HI, LN2_LO, RECIP_075, TWO64 } from './sleef-log.js';
import { ilogb2k, ldexp3, ldexpk } from './sleef-scale.js';

const L2 = f(0.240320354700088500976562);
const L1 = f(0.285112679004669189453125);
const L0 = f(0.400007992982864379882812);
const CH = f(0.66666662693023681640625);
const CL = f(3.69183861259614332084311e-9);

/** logkf: log(d) as a double-float in DF, for d >= 0. */
function logk(d: number): void {
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
  const xh = DF[0]!;
  const xl = DF[1]!;
  dfSqu(xh, xl);
  const x2h = DF[0]!;
  const x2l = DF[1]!;

  let t = fma32(L2, x2h, L1);
  t = fma32(t, x2h, L0);

  // (x2 * x) * (x2 * t + c)
  dfMulDF(x2h, x2l, t);
  dfAdd2DD(DF[0]!, DF[1]!, CH, CL);
  const qh = DF[0]!;
  const ql = DF[1]!;
  dfMulDD(x2h, x2l, xh, xl);
  dfMulDD(DF[0]!, DF[1]!, qh, ql);
  const rh = DF[0]!;
  const rl = DF[1]!;
  // e ln2 + 2x + that
  dfMulDF(LN2_HI, LN2_LO, f(e));
  dfAddDD(DF[0]!, DF[1]!, f(xh * 2), f(xl * 2));
  dfAddDD(DF[0]!, DF[1]!, rh, rl);
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
  dfAdd2DF(dh, dl, f(qf * -L2UF));
  dfAdd2DF(DF[0]!, DF[1]!, f(qf * -L2LF));
  dfNormalize(DF[0]!, DF[1]!);
  const sh = DF[0]!;
  const sl = DF[1]!;

  let u = fma32(X4, sh, X3);
  u = fma32(u, sh, X2);
  u = fma32(u, sh, X1);
  u = fma32(u, sh, X0);

  dfSqu(sh, sl);
  dfMulDF(DF[0]!, DF[1]!, u);
  dfAddDD(sh, sl, DF[0]!, DF[1]!);
  dfAddFD(1, DF[0]!, DF[1]!);
  const r = ldexpk(f(DF[0]! + DF[1]!), q);
  return dh < -104 ? 0 : r;
}

const TWO24 = 16777216;

/** One lane of Sleef_powf8_u10 (x ** y). */
export function sleefPowf(x: number, y: number): number {
  const ay = Math.abs(y);
  const yisint = Math.trunc(y) === y || ay > TWO24;
  const yisodd = (cvtTrunc(y) & 1) === 1 && yisint && ay < TWO24;

  logk(Math.abs(x));
  dfMulDF(DF[0]!, DF[1]!, y);
  let result = expk(DF[0]!, DF[1]!);

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
