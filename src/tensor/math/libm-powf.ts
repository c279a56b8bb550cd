/*
 * glibc 2.36 powf as x86-64 runs it with FMA (__powf_fma: sysdeps/ieee754/flt-32/e_powf.c
 * compiled with -mfma): 2^(y log2 x) with log2 from a 16-entry table and a degree-5 polynomial
 * and exp2 from the 32-entry 2^(i/32) table, in double, rounded to float once (0.82 ULP; emulated
 * step by step with the multiply-adds GCC fused in that build). This is std::pow(float, float).
 */
import { bitsFloat, floatBits, fround as f } from './f32.js';
import { fma64, hiWord, POW2, POW2_BIAS } from './f64.js';
import { EXP2_32 } from './libm-tables.js';

// __powf_log2_data.tab: {1/c, log2(c)} (same subintervals and 1/c as logf)
const TABLE = [
  1.398907162146528 /* 0x1.661ec79f8f3bep+0 */, -0.48430022186289673 /* -0x1.efec65b963019p-2 */,
  1.3403141896637998 /* 0x1.571ed4aaf883dp+0 */, -0.42257122959194704 /* -0x1.b0b6832d4fca4p-2 */,
  1.286432210124115 /* 0x1.49539f0f010bp+0 */, -0.3633754347673556 /* -0x1.7418b0a1fb77bp-2 */,
  1.2367150214269895 /* 0x1.3c995b0b80385p+0 */, -0.30651309567405577 /* -0x1.39de91a6dcf7bp-2 */,
  1.1906977166711752 /* 0x1.30d190c8864a5p+0 */, -0.25180720160537634 /* -0x1.01d9bf3f2b631p-2 */,
  1.1479821020556429 /* 0x1.25e227b0b8eap+0 */, -0.19910014943794563 /* -0x1.97c1d1b3b7afp-3 */,
  1.1082251448272158 /* 0x1.1bb4a4a1a343fp+0 */, -0.14825100623281615 /* -0x1.2f9e393af3c9fp-3 */,
  1.0711297413057381 /* 0x1.12358f08ae5bap+0 */, -0.09913323807318392 /* -0x1.960cbbf788d5cp-4 */,
  1.036437278977283 /* 0x1.0953f419900a7p+0 */, -0.051632812977629436 /* -0x1.a6f9db6475fcep-5 */,
  1 /* 0x1p+0 */, 0 /* 0x0p+0 */,
  0.9492859795739057 /* 0x1.e608cfd9a47acp-1 */, 0.07508531937943004 /* 0x1.338ca9f24f53dp-4 */,
  0.8951049428609004 /* 0x1.ca4b31f026aap-1 */, 0.15987125980713107 /* 0x1.476a9543891bap-3 */,
  0.8476821620351103 /* 0x1.b2036576afce6p-1 */, 0.2384046664317681 /* 0x1.e840b4ac4e4d2p-3 */,
  0.8050314851692001 /* 0x1.9c2d163a1aa2dp-1 */, 0.31288288605863257 /* 0x1.40645f0c6651cp-2 */,
  0.7664671008843108 /* 0x1.886e6037841edp-1 */, 0.38370422656453185 /* 0x1.88e9c2c1b9ff8p-2 */,
  0.731428603316328 /* 0x1.767dcf5534862p-1 */, 0.451211048935815 /* 0x1.ce0a44eb17bccp-2 */,
];
const INVC = Float64Array.from({ length: 16 }, (_, i) => TABLE[2 * i]!);
const LOGC = Float64Array.from({ length: 16 }, (_, i) => TABLE[2 * i + 1]!);

// glibc's hex constants as the decimal literals of the same doubles (test/math-constants.test.ts):
// no parsing at start-up
const A0 = 0.288457581109214 /* 0x1.27616c9496e0bp-2 */;
const A1 = -0.36092606229713164 /* -0x1.71969a075c67ap-2 */;
const A2 = 0.480898481472577 /* 0x1.ec70a6ca7baddp-2 */;
const A3 = -0.7213474675006291 /* -0x1.7154748bef6c8p-1 */;
const A4 = 1.4426950408774342 /* 0x1.71547652ab82bp0 */;
const OFF = 0x3f330000;

const SHIFT = 6755399441055744 /* 0x1.8p+52 */ / 32;
const C0 = 0.05550361559341535 /* 0x1.c6af84b912394p-5 */;
const C1 = 0.2402284522445722 /* 0x1.ebfce50fac4f3p-3 */;
const C2 = 0.6931471806916203 /* 0x1.62e42ff0c52d6p-1 */;
const OVERFLOW = 127.99999995700433 /* 0x1.fffffffd1d571p+6 */;
const TOP_126 = hiWord(126) >>> 15;
const DENORM_MIN = 2 ** -149;

/** log2 of the float with bits ix (normalized, positive; may carry a negative exponent). */
function log2Inline(ix: number): number {
  const tmp = (ix - OFF) >>> 0;
  const i = (tmp >>> 19) & 15;
  const top = (tmp & 0xff800000) >>> 0;
  const z = bitsFloat((ix - top) | 0);
  const k = (top | 0) >> 23;
  const r = fma64(z, INVC[i]!, -1);
  const y0 = LOGC[i]! + k;
  const r2 = r * r;
  const y = fma64(A0, r, A1);
  const p = fma64(A2, r, A3);
  const r4 = r2 * r2;
  let q = fma64(A4, r, y0);
  q = fma64(p, r2, q);
  return fma64(y, r4, q);
}

/** 2^xd with the result's sign negated when `negative`. */
function exp2Inline(xd: number, negative: boolean): number {
  const k = (xd + SHIFT - SHIFT) * 32;
  const r = xd - k / 32;
  const s = EXP2_32[k & 31]! * POW2[(k >> 5) + POW2_BIAS]!;
  const z = fma64(C0, r, C1);
  const r2 = r * r;
  let y = fma64(C2, r, 1);
  y = fma64(z, r2, y);
  y *= s;
  return negative ? -y : y;
}

/** 0 if the float with bits iy is not an integer, 1 if odd, 2 if even. */
function checkint(iy: number): number {
  const e = (iy >>> 23) & 0xff;
  if (e < 0x7f) return 0;
  if (e > 0x7f + 23) return 2;
  if ((iy & ((1 << (0x7f + 23 - e)) - 1)) !== 0) return 0;
  if ((iy & (1 << (0x7f + 23 - e))) !== 0) return 1;
  return 2;
}

/** Zero, infinity or NaN. */
const zeroinfnan = (i: number): boolean => ((2 * i - 1) >>> 0) >= 0xfeffffff;

/** glibc's powf(x, y), bit for bit. */
export function libmPowf(x: number, y: number): number {
  let negative = false;
  let ix = floatBits(x) >>> 0;
  const iy = floatBits(y) >>> 0;
  if (((ix - 0x00800000) >>> 0) >= 0x7f000000 || zeroinfnan(iy)) {
    if (zeroinfnan(iy)) {
      if (((iy << 1) >>> 0) === 0) return 1;
      if (ix === 0x3f800000) return 1;
      if (((ix << 1) >>> 0) > 0xff000000 || ((iy << 1) >>> 0) > 0xff000000) return x + y;
      if (((ix << 1) >>> 0) === 0x7f000000) return 1;
      if ((((ix << 1) >>> 0) < 0x7f000000) === ((iy & 0x80000000) === 0)) return 0;
      return y * y;
    }
    if (zeroinfnan(ix)) {
      let x2 = f(x * x);
      if ((ix & 0x80000000) !== 0 && checkint(iy) === 1) x2 = -x2;
      return (iy & 0x80000000) !== 0 ? f(1 / x2) : x2;
    }
    // x and y are non-zero finite
    if ((ix & 0x80000000) !== 0) {
      const yint = checkint(iy);
      if (yint === 0) return NaN;
      if (yint === 1) negative = true;
      ix = (ix & 0x7fffffff) >>> 0;
    }
    if (ix < 0x00800000) {
      ix = (floatBits(f(x * 8388608)) & 0x7fffffff) >>> 0;
      ix = (ix - (23 << 23)) >>> 0;
    }
  }
  const ylogx = y * log2Inline(ix);
  if (((hiWord(ylogx) >>> 15) & 0xffff) >= TOP_126) {
    // |y log2 x| >= 126
    if (ylogx > OVERFLOW) return negative ? -Infinity : Infinity;
    if (ylogx <= -150) return negative ? -0 : 0;
    if (ylogx < -149) return negative ? -DENORM_MIN : DENORM_MIN;
  }
  return f(exp2Inline(ylogx, negative));
}
