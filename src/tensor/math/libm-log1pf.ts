/*
 * glibc 2.36 log1pf (sysdeps/ieee754/flt-32/s_log1pf.c, fdlibm's float algorithm, no FMA
 * variant): log1p(x) = k ln2 + log(1 + f) with a correction term c for the rounding of 1 + x.
 * What std::log1p(float) returns in PyTorch's scalar kernel paths.
 */
import { bitsFloat, floatBits, fround as f } from './f32.js';

const LN2_HI = bitsFloat(0x3f317180);
const LN2_LO = bitsFloat(0x3717f7d1);
const LP1 = bitsFloat(0x3f2aaaab);
const LP2 = bitsFloat(0x3ecccccd);
const LP3 = bitsFloat(0x3e924925);
const LP4 = bitsFloat(0x3e638e29);
const LP5 = bitsFloat(0x3e3a3325);
const LP6 = bitsFloat(0x3e1cd04f);
const LP7 = bitsFloat(0x3e178897);
const TWO_THIRDS = f(0.66666666666666666);

/** glibc's log1pf(x), bit for bit. */
export function libmLog1pf(x: number): number {
  const hx = floatBits(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let fr = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3ed413d7) {
    // x < 0.41422
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN;
    if (ax < 0x31000000) {
      // |x| < 2^-29
      if (ax < 0x24800000) return x;
      return f(x - f(f(x * x) * 0.5));
    }
    if (hx > 0 || hx <= (0xbe95f61f | 0)) {
      // -0.2929 < x < 0.41422
      k = 0;
      fr = x;
      hu = 1;
    }
  }
  if (hx >= 0x7f800000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x5a000000) {
      u = f(1 + x);
      hu = floatBits(u);
      k = (hu >> 23) - 127;
      c = k > 0 ? f(1 - f(u - x)) : f(x - f(u - 1));
      c = f(c / u);
    } else {
      u = x;
      hu = floatBits(u);
      k = (hu >> 23) - 127;
      c = 0;
    }
    hu &= 0x007fffff;
    if (hu < 0x3504f7) {
      u = bitsFloat(hu | 0x3f800000);
    } else {
      k += 1;
      u = bitsFloat(hu | 0x3f000000);
      hu = (0x00800000 - hu) >> 2;
    }
    fr = f(u - 1);
  }
  const hfsq = f(f(0.5 * fr) * fr);
  if (hu === 0) {
    // |f| < 2^-20
    if (fr === 0) {
      if (k === 0) return 0;
      c = f(c + f(k * LN2_LO));
      return f(f(k * LN2_HI) + c);
    }
    const r = f(hfsq * f(1 - f(TWO_THIRDS * fr)));
    if (k === 0) return f(fr - r);
    return f(f(k * LN2_HI) - f(f(r - f(f(k * LN2_LO) + c)) - fr));
  }
  const s = f(fr / f(2 + fr));
  const z = f(s * s);
  let r = f(LP6 + f(z * LP7));
  r = f(LP5 + f(z * r));
  r = f(LP4 + f(z * r));
  r = f(LP3 + f(z * r));
  r = f(LP2 + f(z * r));
  r = f(LP1 + f(z * r));
  r = f(z * r);
  if (k === 0) return f(fr - f(hfsq - f(s * f(hfsq + r))));
  return f(f(k * LN2_HI) - f(f(hfsq - f(f(s * f(hfsq + r)) + f(f(k * LN2_LO) + c))) - fr));
}
