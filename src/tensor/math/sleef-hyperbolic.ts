/*
 * Sleef 3.5.1 xcoshf and xtanhf (Sleef_coshf8_u10 / Sleef_tanhf8_u10, what Vectorized<float>
 * ::cosh and ::tanh call), one float32 lane of the AVX2 build: e^|x| as a double-float from
 * expk2f, then (e + 1/e) / 2 or (e - 1/e) / (e + 1/e) in double-float arithmetic.
 */
import { fround as f, mulsign } from './f32.js';
import { dfAddDD, dfDiv, DF_LO, dfRec } from './sleef-df.js';
import { expk2 } from './sleef-exp.js';

/** One lane of Sleef_coshf8_u10. */
export function sleefCoshf(x: number): number {
  const a = Math.abs(x);
  let dh = expk2(a, 0);
  let dl = DF_LO[0]!;
  const rh = dfRec(dh, dl);
  const rl = DF_LO[0]!;
  dh = dfAddDD(dh, dl, rh, rl);
  dl = DF_LO[0]!;
  let y = f(f(dh + dl) * 0.5);
  if (a > 89 || y !== y) y = Infinity;
  if (x !== x) y = NaN;
  return y;
}

const TANH_ONE = f(8.664339742);

/** One lane of Sleef_tanhf8_u10. */
export function sleefTanhf(x: number): number {
  const a = Math.abs(x);
  const dh = expk2(a, 0);
  const dl = DF_LO[0]!;
  const eh = dfRec(dh, dl);
  const el = DF_LO[0]!;
  const nh = dfAddDD(dh, dl, -eh, -el);
  const nl = DF_LO[0]!;
  const mh = dfAddDD(dh, dl, eh, el);
  const ml = DF_LO[0]!;
  const qh = dfDiv(nh, nl, mh, ml);
  let y = f(qh + DF_LO[0]!);
  if (a > TANH_ONE || y !== y) y = 1;
  y = mulsign(y, x);
  if (x !== x) y = NaN;
  return y;
}
