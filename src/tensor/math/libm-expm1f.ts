/*
 * glibc 2.36 expm1f (sysdeps/ieee754/flt-32/s_expm1f.c, the fdlibm float algorithm), all in
 * float32 arithmetic; it has no FMA-selected variant, so nothing is fused.
 */
import { bitsFloat, floatBits, fround as f } from './f32.js';

const O_THRESHOLD = bitsFloat(0x42b17180);
const LN2_HI = bitsFloat(0x3f317180);
const LN2_LO = bitsFloat(0x3717f7d1);
const INV_LN2 = bitsFloat(0x3fb8aa3b);
const Q1 = bitsFloat(0xbd088889 | 0);
const Q2 = bitsFloat(0x3ad00d01);
const Q3 = bitsFloat(0xb8a670cd | 0);
const Q4 = bitsFloat(0x36867e54);
const Q5 = bitsFloat(0xb457edbb | 0);

/** Adds k to the exponent field of the float y. */
const scaleBits = (y: number, k: number): number => bitsFloat((floatBits(y) + (k << 23)) | 0);

/** glibc's expm1f(x), bit for bit. */
export function libmExpm1f(x: number): number {
  const bits = floatBits(x);
  const negative = bits < 0;
  const hx = bits & 0x7fffffff;
  if (hx >= 0x4195b844) {
    // |x| >= 27 ln2
    if (hx >= 0x42b17218) {
      if (hx > 0x7f800000) return x + x;
      if (hx === 0x7f800000) return negative ? -1 : x;
      if (x > O_THRESHOLD) return Infinity;
    }
    if (negative) return -1;
  }
  let k = 0;
  let c = 0;
  if (hx > 0x3eb17218) {
    // |x| > ln2 / 2: reduce to x - k ln2
    let hi: number;
    let lo: number;
    if (hx < 0x3f851592) {
      hi = negative ? f(x + LN2_HI) : f(x - LN2_HI);
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(f(f(INV_LN2 * x) + (negative ? -0.5 : 0.5)));
      hi = f(x - f(k * LN2_HI));
      lo = f(k * LN2_LO);
    }
    x = f(hi - lo);
    c = f(f(hi - x) - lo);
  } else if (hx < 0x33000000) {
    return x;
  }
  const hfx = f(0.5 * x);
  const hxs = f(x * hfx);
  let r1 = f(Q4 + f(hxs * Q5));
  r1 = f(Q3 + f(hxs * r1));
  r1 = f(Q2 + f(hxs * r1));
  r1 = f(Q1 + f(hxs * r1));
  r1 = f(1 + f(hxs * r1));
  let t = f(3 - f(r1 * hfx));
  let e = f(hxs * f(f(r1 - t) / f(6 - f(x * t))));
  if (k === 0) return f(x - f(f(x * e) - hxs));
  e = f(f(x * f(e - c)) - c);
  e = f(e - hxs);
  if (k === -1) return f(f(0.5 * f(x - e)) - 0.5);
  if (k === 1) {
    if (x < -0.25) return f(-2 * f(e - f(x + 0.5)));
    return f(1 + f(2 * f(x - e)));
  }
  if (k <= -2 || k > 56) return f(scaleBits(f(1 - f(e - x)), k) - 1);
  if (k < 23) {
    t = bitsFloat(0x3f800000 - (0x1000000 >> k));
    return scaleBits(f(t - f(e - x)), k);
  }
  t = bitsFloat((0x7f - k) << 23);
  return scaleBits(f(f(x - f(e + t)) + 1), k);
}
