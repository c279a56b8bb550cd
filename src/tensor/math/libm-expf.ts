/*
 * glibc 2.36 expf as x86-64 runs it on an AVX2+FMA CPU (__expf_fma, sysdeps/ieee754/flt-32/
 * e_expf.c compiled with -mfma): exp(x) = 2^(k/32) * 2^(r/32) in double arithmetic with a
 * degree-3 polynomial, rounded to float once at the end. Not correctly rounded (about 1 input in
 * 25000 differs from the nearest float), so it is emulated step by step. The multiply-adds GCC
 * fused in that build (read from the machine code) are fused here too.
 * This is what std::exp(float) returns in PyTorch's scalar kernel paths.
 */
import { floatBits, fround as f } from './f32.js';
import { fma64, POW2, POW2_BIAS } from './f64.js';
import { EXP2_32 } from './libm-tables.js';

// glibc's hex constants as the decimal literals of the same doubles (test/math-constants.test.ts):
// no parsing at start-up
const SHIFT = 6755399441055744 /* 0x1.8p+52 */;
const INV_LN2_N = 1.4426950408889634 /* 0x1.71547652b82fep+0 */ * 32;
const C0 = 0.05550361559341535 /* 0x1.c6af84b912394p-5 */ / 32 / 32 / 32;
const C1 = 0.2402284522445722 /* 0x1.ebfce50fac4f3p-3 */ / 32 / 32;
const C2 = 0.6931471806916203 /* 0x1.62e42ff0c52d6p-1 */ / 32;
const OVERFLOW = 88.72283172607422 /* 0x1.62e42ep6 */;
const UNDERFLOW = -103.97207641601562 /* -0x1.9fe368p6 */;
const MAY_UNDERFLOW = -103.27892303466797 /* -0x1.9d1d9ep6 */;
const DENORM_MIN = 2 ** -149;

/** glibc's expf(x), bit for bit. */
export function libmExpf(x: number): number {
  const abstop = (floatBits(x) >>> 20) & 0x7ff;
  if (abstop >= 0x42b) {
    // |x| >= 88 or NaN
    if (x === -Infinity) return 0;
    if (abstop >= 0x7f8) return x + x;
    if (x > OVERFLOW) return Infinity;
    if (x < UNDERFLOW) return 0;
    if (x < MAY_UNDERFLOW) return DENORM_MIN;
  }
  // k = round(x * 32/ln2) by the shift trick, then r = x * 32/ln2 - k, both from the exact product
  const k = fma64(INV_LN2_N, x, SHIFT) - SHIFT;
  const r = fma64(INV_LN2_N, x, -k);
  const s = EXP2_32[k & 31]! * POW2[(k >> 5) + POW2_BIAS]!;
  const z = fma64(C0, r, C1);
  const r2 = r * r;
  let y = fma64(C2, r, 1);
  y = fma64(z, r2, y);
  return f(y * s);
}
