/*
 * Sleef 3.5.1 xcoshf and xtanhf (Sleef_coshf8_u10 / Sleef_tanhf8_u10, what Vectorized<float>
 * ::cosh and ::tanh call), one float32 lane of the AVX2 build: e^|x| as a double-float from
 * expk2f, then (e + 1/e) / 2 or (e - 1/e) / (e + 1/e) in double-float arithmetic.
 */
import { fround as f, mulsign } from './f32.js';
import { DF, dfAddDD, dfDiv, dfRec } from './sleef-df.js';
import { expk2 } from './sleef-exp.js';

/** One lane of Sleef_coshf8_u10. */
export function sleefCoshf(x: number): number {
  const a = Math.abs(x);
  expk2(a, 0);
  const dh = DF[0]!;
  const dl = DF[1]!;
  dfRec(dh, dl);
  dfAddDD(dh, dl, DF[0]!, DF[1]!);
  let y = f(f(DF[0]! + DF[1]!) * 0.5);
  if (a > 89 || y !== y) y = Infinity;
  if (x !== x) y = NaN;
  return y;
}

const TANH_ONE = f(8.664339742);

/** One lane of Sleef_tanhf8_u10. */
export function sleefTanhf(x: number): number {
  const a = Math.abs(x);
  expk2(a, 0);
  const dh = DF[0]!;
  const dl = DF[1]!;
  dfRec(dh, dl);
  const eh = DF[0]!;
  const el = DF[1]!;
  dfAddDD(dh, dl, -eh, -el);
  const nh = DF[0]!;
  const nl = DF[1]!;
  dfAddDD(dh, dl, eh, el);
  dfDiv(nh, nl, DF[0]!, DF[1]!);
  let y = f(DF[0]! + DF[1]!);
  if (a > TANH_ONE || y !== y) y = 1;
  y = mulsign(y, x);
  if (x !== x) y = NaN;
  return y;
}
