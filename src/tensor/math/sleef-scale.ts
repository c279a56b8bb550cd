/*
 * Sleef's integer exponent manipulations (sleefsimdsp.c, non-AVX512 branch), on int32 lanes with
 * wrap-around like the AVX2 integer instructions.
 */
import { bitsFloat, floatBits, fround as f } from './f32.js';

/** vpow2i_vf_vi2: 2^q built directly in the exponent field (no range check). */
export function pow2i(q: number): number {
  return bitsFloat((q + 0x7f) << 23);
}

/** vldexp2_vf_vf_vi2: d * 2^e as two multiplications by 2^(e>>1) and 2^(e - (e>>1)). */
export function ldexp2(d: number, e: number): number {
  const h = e >> 1;
  return f(f(d * pow2i(h)) * pow2i((e - h) | 0));
}

/** vldexp3_vf_vf_vi2: adds q to the exponent field of d's bits. */
export function ldexp3(d: number, q: number): number {
  return bitsFloat((floatBits(d) + (q << 23)) | 0);
}

/** vldexp_vf_vf_vi2: d * 2^q for any q, through four clamped factors and one exact one. */
export function ldexpk(x: number, q: number): number {
  let m = q >> 31;
  m = ((((m + q) | 0) >> 6) - m) << 4;
  q = (q - (m << 2)) | 0;
  m = (m + 0x7f) | 0;
  if (!(m > 0)) m = 0;
  if (m > 0xff) m = 0xff;
  let u = bitsFloat(m << 23);
  x = f(f(f(f(x * u) * u) * u) * u);
  u = bitsFloat((q + 0x7f) << 23);
  return f(x * u);
}

/** vilogb2k_vi2_vf: the unbiased exponent field of d (no subnormal handling). */
export function ilogb2k(d: number): number {
  return ((floatBits(d) >>> 23) & 0xff) - 0x7f;
}
