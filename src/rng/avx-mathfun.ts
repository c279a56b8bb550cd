/*
 * One float32 lane of log256_ps and sincos256_ps (aten/src/ATen/native/cpu/avx_mathfun.h), the
 * Cephes-style polynomials PyTorch's AVX2 randn runs. GCC fused some of their multiply-adds into
 * FMAs (../shared/reference/NOTES-fma.md): `fma` below marks each fused pair, `f(a * b)` a product
 * rounded on its own. An FMA of float32 operands is exact as fround(a * b + c) in double.
 */

const f = Math.fround;
const fma = (a: number, b: number, c: number): number => f(a * b + c);

const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);

const MIN_NORM_POS = 1.1754943508222875e-38;
const SQRTHF = f(0.707106781186547524);
const LOG_P = [
  7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f);
const LOG_Q1 = f(-2.12194440e-4);
const LOG_Q2 = f(0.693359375);

/** log256_ps for one lane: NaN for x <= 0. */
export function log256(input: number): number {
  if (!(input > 0)) return NaN;
  asFloat[0] = Math.max(input, MIN_NORM_POS);
  const raw = bits[0]!;
  let e = f((raw >>> 23) - 127 + 1);
  bits[0] = (raw & ~0x7f800000) | 0x3f000000; // mantissa scaled into [0.5, 1)
  let x = asFloat[0]!;
  const small = x < SQRTHF;
  const keep = small ? x : 0;
  x = f(x - 1);
  if (small) e = f(e - 1);
  x = f(x + keep);
  const z = f(x * x);
  let y = LOG_P[0]!;
  for (let k = 1; k < LOG_P.length; k++) y = fma(y, x, LOG_P[k]!);
  y = f(y * x);
  y = fma(y, z, f(e * LOG_Q1));
  y = f(y - z * 0.5);
  return fma(e, LOG_Q2, f(x + y));
}

const FOPI = f(1.27323954473516);
const DP1 = f(-0.78515625);
const DP2 = f(-2.4187564849853515625e-4);
const DP3 = f(-3.77489497744594108e-8);
const SIN_P0 = f(-1.9515295891e-4);
const SIN_P1 = f(8.3321608736e-3);
const SIN_P2 = f(-1.6666654611e-1);
const COS_P0 = f(2.443315711809948e-5);
const COS_P1 = f(-1.388731625493765e-3);
const COS_P2 = f(4.166664568298827e-2);

/** sincos256_ps for one lane; writes sin to out[0] and cos to out[1]. */
export function sincos256(input: number, out: Float64Array): void {
  let x = Math.abs(input);
  let j = Math.trunc(f(x * FOPI)) | 0;
  j = (j + 1) & ~1;
  const y = f(j);
  const sinNegative = ((j & 4) !== 0) !== (input < 0);
  const cosNegative = (~(j - 2) & 4) !== 0;
  const firstOctant = (j & 2) === 0;
  x = fma(y, DP1, x);
  x = fma(y, DP2, x);
  x = fma(y, DP3, x);
  const z = f(x * x);
  let c = fma(COS_P0, z, COS_P1);
  c = fma(c, z, COS_P2);
  c = f(c * z);
  c = fma(c, z, -f(z * 0.5));
  c = f(c + 1);
  let s = fma(SIN_P0, z, SIN_P1);
  s = fma(s, z, SIN_P2);
  s = f(s * z);
  s = fma(s, x, x);
  const sin = firstOctant ? s : c;
  const cos = firstOctant ? c : s;
  out[0] = sinNegative ? -sin : sin;
  out[1] = cosNegative ? -cos : cos;
}
