/*
 * glibc 2.36 logf as x86-64 runs it with FMA (__logf_fma: sysdeps/ieee754/flt-32/e_logf.c
 * compiled with -mfma): x = 2^k z, log(x) = log1p(z/c - 1) + log(c) + k ln2 with a 16-entry
 * table of 1/c and log(c) and a degree-4 polynomial in double, rounded to float once (0.82 ULP,
 * so emulated step by step with the multiply-adds GCC fused in that build).
 * This is what std::log(float) returns in PyTorch's scalar kernel paths.
 */
import { bitsFloat, floatBits, fround as f } from './f32.js';
import { fma64 } from './f64.js';

// __logf_data.tab: {1/c, log(c)} for the 16 subintervals of [0x3f330000, 2 * 0x3f330000)
const TABLE = [
  1.398907162146528 /* 0x1.661ec79f8f3bep+0 */, -0.33569133332882284 /* -0x1.57bf7808caadep-2 */,
  1.3403141896637998 /* 0x1.571ed4aaf883dp+0 */, -0.2929040563774074 /* -0x1.2bef0a7c06ddbp-2 */,
  1.286432210124115 /* 0x1.49539f0f010bp+0 */, -0.2518726580937369 /* -0x1.01eae7f513a67p-2 */,
  1.2367150214269895 /* 0x1.3c995b0b80385p+0 */, -0.21245868807117255 /* -0x1.b31d8a68224e9p-3 */,
  1.1906977166711752 /* 0x1.30d190c8864a5p+0 */, -0.17453945183745634 /* -0x1.6574f0ac07758p-3 */,
  1.1479821020556429 /* 0x1.25e227b0b8eap+0 */, -0.1380057072319758 /* -0x1.1aa2bc79c81p-3 */,
  1.1082251448272158 /* 0x1.1bb4a4a1a343fp+0 */, -0.10275976698545139 /* -0x1.a4e76ce8c0e5ep-4 */,
  1.0711297413057381 /* 0x1.12358f08ae5bap+0 */, -0.06871392447020525 /* -0x1.1973c5a611cccp-4 */,
  1.036437278977283 /* 0x1.0953f419900a7p+0 */, -0.0357891387398228 /* -0x1.252f438e10c1ep-5 */,
  1 /* 0x1p+0 */, 0 /* 0x0p+0 */,
  0.9492859795739057 /* 0x1.e608cfd9a47acp-1 */, 0.05204517742929496 /* 0x1.aa5aa5df25984p-5 */,
  0.8951049428609004 /* 0x1.ca4b31f026aap-1 */, 0.11081431298787942 /* 0x1.c5e53aa362eb4p-4 */,
  0.8476821620351103 /* 0x1.b2036576afce6p-1 */, 0.1652495223695143 /* 0x1.526e57720db08p-3 */,
  0.8050314851692001 /* 0x1.9c2d163a1aa2dp-1 */, 0.21687389031699977 /* 0x1.bc2860d22477p-3 */,
  0.7664671008843108 /* 0x1.886e6037841edp-1 */, 0.2659635028121397 /* 0x1.1058bc8a07ee1p-2 */,
  0.731428603316328 /* 0x1.767dcf5534862p-1 */, 0.3127556664073557 /* 0x1.4043057b6ee09p-2 */,
];
const INVC = Float64Array.from({ length: 16 }, (_, i) => TABLE[2 * i]!);
const LOGC = Float64Array.from({ length: 16 }, (_, i) => TABLE[2 * i + 1]!);

// glibc's hex constants as the decimal literals of the same doubles (test/math-constants.test.ts):
// no parsing at start-up
const LN2 = 0.6931471805599453 /* 0x1.62e42fefa39efp-1 */;
const A0 = -0.25089342214237154 /* -0x1.00ea348b88334p-2 */;
const A1 = 0.333456765744066 /* 0x1.5575b0be00b6ap-2 */;
const A2 = -0.4999997485802103 /* -0x1.ffffef20a4123p-2 */;
const OFF = 0x3f330000;

/** glibc's logf(x), bit for bit. */
export function libmLogf(x: number): number {
  let ix = floatBits(x) >>> 0;
  if (ix === 0x3f800000) return 0;
  if (((ix - 0x00800000) >>> 0) >= 0x7f000000) {
    // x < 0x1p-126, or inf, or NaN
    if (((ix << 1) >>> 0) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if ((ix & 0x80000000) !== 0 || ((ix << 1) >>> 0) >= 0xff000000) return NaN;
    // subnormal: normalize by 2^23, then take 23 off the exponent field
    ix = ((floatBits(f(x * 8388608)) >>> 0) - (23 << 23)) >>> 0;
  }
  const tmp = (ix - OFF) >>> 0;
  const i = (tmp >>> 19) & 15;
  const k = (tmp | 0) >> 23;
  const z = bitsFloat((ix - ((tmp & 0xff800000) >>> 0)) | 0);

  const r = fma64(z, INVC[i]!, -1);
  const y0 = fma64(k, LN2, LOGC[i]!);
  const r2 = r * r;
  let y = fma64(A1, r, A2);
  y = fma64(A0, r2, y);
  y = fma64(y, r2, y0 + r);
  return f(y);
}
