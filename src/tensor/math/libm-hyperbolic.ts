/*
 * glibc 2.36 coshf and tanhf (sysdeps/ieee754/flt-32/e_coshf.c, s_tanhf.c: fdlibm's float
 * algorithms, compiled without FMA). coshf is not correctly rounded: (e^|x| + 1/e^|x|) / 2 with
 * e^|x| from glibc's expf (the FMA-selected __expf_fma, reached through the ifunc), or
 * 1 + t^2 / (2 (1 + t)) with t = expm1f(|x|) for small |x|; tanhf goes through expm1f(2|x|).
 * These are std::cosh(float) / std::tanh(float) in PyTorch's scalar kernel paths.
 */
import { floatBits, fround as f } from './f32.js';
import { libmExpf } from './libm-expf.js';
import { libmExpm1f } from './libm-expm1f.js';

/** glibc's coshf(x), bit for bit. */
export function libmCoshf(x: number): number {
  const ix = floatBits(x) & 0x7fffffff;
  const a = Math.abs(x);
  if (ix < 0x41b00000) {
    // |x| < 22
    if (ix < 0x3eb17218) {
      // |x| < ln2 / 2
      if (ix < 0x24000000) return 1;
      const t = libmExpm1f(a);
      const w = f(1 + t);
      return f(1 + f(f(t * t) / f(w + w)));
    }
    const t = libmExpf(a);
    return f(f(0.5 * t) + f(0.5 / t));
  }
  if (ix < 0x42b17180) return f(0.5 * libmExpf(a));
  if (ix <= 0x42b2d4fc) {
    const w = libmExpf(f(0.5 * a));
    const t = f(0.5 * w);
    return f(t * w);
  }
  if (ix >= 0x7f800000) return f(x * x);
  return Infinity;
}

/** glibc's tanhf(x), bit for bit. */
export function libmTanhf(x: number): number {
  const jx = floatBits(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7f800000) return jx >= 0 ? f(f(1 / x) + 1) : f(f(1 / x) - 1);
  let z: number;
  if (ix < 0x41b00000) {
    // |x| < 22
    if (ix === 0) return x;
    if (ix < 0x24000000) return f(x * f(1 + x));
    if (ix >= 0x3f800000) {
      const t = libmExpm1f(f(2 * Math.abs(x)));
      z = f(1 - f(2 / f(t + 2)));
    } else {
      const t = libmExpm1f(f(-2 * Math.abs(x)));
      z = f(-t / f(t + 2));
    }
  } else {
    z = 1;
  }
  return jx >= 0 ? z : -z;
}
