/*
 * normal_fill_16_AVX2 (aten/src/ATen/native/cpu/DistributionTemplates.h) with one float32 lane of
 * log256_ps and sincos256_ps (aten/src/ATen/native/cpu/avx_mathfun.h), the Cephes-style
 * polynomials PyTorch's AVX2 randn runs, for the inputs randn gives them. GCC fused some of their
 * multiply-adds into FMAs (NOTES-fma.md of the reference): those are written fround(a·b + c), a
 * product rounded on its own is f(a * b).
 *
 * fround(a·b + c) is a fused multiply-add whenever the double sum does not land exactly halfway
 * between two floats (the double product of floats is exact). On randn's inputs (1 - k·2^-24 to
 * log256, f(2π)·k·2^-24 to sincos256, k < 2^24) that never changes a result:
 * test/rng-fma.test.ts checks every k against the lanes over a correctly rounded fma
 * (test/helpers/avx-lanes.ts, which also keeps the lanes' handling of inputs randn never gives:
 * zero, negatives, NaN, denormals). Here, written out flat in one loop: every element of every
 * randn goes through it, mostly before V8 has optimised anything.
 */

import { POW2, POW2_BIAS } from '../tensor/math/f64.js';
import {
  SQRTHF, P0, P1, P2, P3, P4, P5, P6, P7, P8, Q1, Q2, FOPI, DP1, DP2, DP3, SIN_P0, SIN_P1, SIN_P2, COS_P0, COS_P1, COS_P2, TWO_PI_F,
} from './avx-mathfun-constants.js';

const f = Math.fround;

const TWO_POW_24 = 16777216;
const blend = new Float64Array(2);

/**
 * normal_fill_16_AVX2 on each whole block of 16 in data[from .. to): data holds randn's uniforms
 * ((u32 & 0xffffff)·2^-24, in [0, 1)); in each block the first 8 are u1, the next 8 u2, and they
 * become radius·cos(θ) and radius·sin(θ) with radius = sqrt(-2 log(1 - u1)), θ = 2π·u2. The
 * closing _mm256_fmadd_ps(n, std=1, mean=0) is exact except that it turns -0 into +0.
 */
export function normalFill16(data: Float32Array, from: number, to: number): void {
  for (let i = from; i + 16 <= to; i += 16) {
    for (let k = i; k < i + 8; k++) {
      // log256(1 - u1): 1 - u1 = M·2^-24 exactly, M = 2^24 - u1·2^24 an integer in [1, 2^24]. Its
      // exponent field - 0x7f + 1 is bitlength(M) - 24 and its mantissa scaled into [0.5, 1) is
      // M·2^-bitlength(M), both exact
      const big = TWO_POW_24 - data[k]! * TWO_POW_24;
      const length = 32 - Math.clz32(big);
      let e = length - 24;
      let x = big * POW2[POW2_BIAS - length]!;
      // below sqrt(1/2): one exponent down and x = x - 1 + x; as arithmetic on small (0 or 1), not
      // a branch the CPU would mispredict on every other element (f(x - 1) + 0 is f(x - 1))
      // (x - 1 is exact for x in [0.5, 1): Sterbenz)
      const small = +(x < SQRTHF);
      e -= small;
      x = f(x - 1 + x * small);
      let z = f(x * x);
      let y = f(P0 * x + P1);
      y = f(y * x + P2);
      y = f(y * x + P3);
      y = f(y * x + P4);
      y = f(y * x + P5);
      y = f(y * x + P6);
      y = f(y * x + P7);
      y = f(y * x + P8);
      y = f(y * x);
      y = f(y * z + f(e * Q1));
      y = f(y - z * 0.5);
      // (-2·log is exact: a doubling)
      const radius = f(Math.sqrt(-2 * f(e * Q2 + f(x + y))));

      // sincos256(θ), θ = f(2π·u2) in [0, 2π): no sign to carry in, j fits an int32
      x = f(TWO_PI_F * data[k + 8]!);
      let j = Math.trunc(f(x * FOPI));
      j = ((j + 1) | 0) & ~1;
      const jf = j; // a small integer, a float as it is
      // (the first step is exact: j·DP1 is a multiple of 2^-7 with few bits, j is 0 below 0.5,
      // and the difference, below 1, needs no more bits than x has)
      x = jf * DP1 + x;
      x = f(jf * DP2 + x);
      x = f(jf * DP3 + x);
      z = f(x * x);
      let c = f(COS_P0 * z + COS_P1);
      c = f(c * z + COS_P2);
      c = f(c * z);
      c = f(c * z - f(z * 0.5));
      c = f(c + 1);
      let s = f(SIN_P0 * z + SIN_P1);
      s = f(s * z + SIN_P2);
      s = f(s * z);
      s = f(s * x + x);
      // the blend (sin and cos swapped in octants 2, 3, 6, 7) adds the masked-out lane's +0, which
      // turns a -0 into +0 before the sign flip; the selects and flips are table lookups and
      // multiplications by ±1, not branches the CPU would mispredict on random angles
      blend[0] = s + 0;
      blend[1] = c + 0;
      const swap = (j & 2) >> 1;
      const sin = blend[swap]! * (1 - ((j & 4) >> 1));
      const cos = blend[1 - swap]! * (1 - ((~((j - 2) | 0) & 4) >> 1));
      data[k] = f(radius * cos) + 0;
      data[k + 8] = f(radius * sin) + 0;
    }
  }
}
