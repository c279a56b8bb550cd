/*
 * The reference model of randn's AVX2 lanes: one float32 lane of log256_ps and sincos256_ps
 * (aten/src/ATen/native/cpu/avx_mathfun.h), over any inputs, with the multiply-adds GCC fused
 * (NOTES-fma.md of the reference) done by a given FMA emulation. Over fma32 (one rounding, what
 * the hardware does) they are what src/rng/avx-mathfun.ts must reproduce on randn's inputs.
 */

import {
  SQRTHF, P0, P1, P2, P3, P4, P5, P6, P7, P8, Q1, Q2, FOPI, DP1, DP2, DP3, SIN_P0, SIN_P1, SIN_P2, COS_P0, COS_P1, COS_P2, TWO_PI_F,
} from '../../src/rng/avx-mathfun-constants.js';

const f = Math.fround;

export type Fma = (a: number, b: number, c: number) => number;

const MIN_NORM_POS = 1.1754943508222875e-38; // 0x00800000
const INT32_MIN = -2147483648;

export interface Lanes {
  /** log256_ps: NaN for x <= 0; a NaN input gives log(MIN_NORM_POS) (max_ps keeps its 2nd operand). */
  log256(input: number): number;
  /** sincos256_ps: writes sin to out[0] and cos to out[1]. */
  sincos256(input: number, out: Float64Array): void;
}

/** The two lanes over a given FMA emulation. */
export function makeLanes(fma: Fma): Lanes {
  const bits = new Uint32Array(1);
  const asFloat = new Float32Array(bits.buffer);

  function log256(input: number): number {
    if (input <= 0) return NaN;
    asFloat[0] = input > MIN_NORM_POS ? input : MIN_NORM_POS;
    const raw = bits[0]!;
    let e = (raw >>> 23) - 126; // exponent - 0x7f, plus one
    bits[0] = (raw & 0x807fffff) | 0x3f000000; // mantissa scaled into [0.5, 1)
    let x = asFloat[0]!;
    if (x < SQRTHF) {
      e -= 1;
      x = f(f(x - 1) + x);
    } else {
      x = f(x - 1);
    }
    const z = f(x * x);
    let y = fma(P0, x, P1);
    y = fma(y, x, P2);
    y = fma(y, x, P3);
    y = fma(y, x, P4);
    y = fma(y, x, P5);
    y = fma(y, x, P6);
    y = fma(y, x, P7);
    y = fma(y, x, P8);
    y = f(y * x);
    y = fma(y, z, f(e * Q1));
    y = f(y - z * 0.5);
    return fma(e, Q2, f(x + y));
  }

  function sincos256(input: number, out: Float64Array): void {
    let x = Math.abs(input);
    const scaled = f(x * FOPI);
    // cvttps_epi32 gives INT32_MIN for NaN and out-of-range values
    let j = scaled < 2147483648 ? Math.trunc(scaled) : INT32_MIN;
    j = ((j + 1) | 0) & ~1;
    const y = f(j);
    const sinNegative = ((j & 4) !== 0) !== (input < 0 || Object.is(input, -0));
    const cosNegative = (~((j - 2) | 0) & 4) !== 0;
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
    // the blend adds the masked-out lane's +0, which turns a -0 into +0 before the sign flip
    const sin = (firstOctant ? s : c) + 0;
    const cos = (firstOctant ? c : s) + 0;
    out[0] = sinNegative ? -sin : sin;
    out[1] = cosNegative ? -cos : cos;
  }

  return { log256, sincos256 };
}


/** normal_fill_16_AVX2 over data[i .. i+16) with the given lanes (the reference for normalFill16). */
export function boxMuller16(lanes: Lanes, data: Float32Array, i: number): void {
  const sc = new Float64Array(2);
  for (let k = i; k < i + 8; k++) {
    const radius = f(Math.sqrt(f(-2 * lanes.log256(f(1 - data[k]!)))));
    lanes.sincos256(f(TWO_PI_F * data[k + 8]!), sc);
    data[k] = f(radius * sc[1]!) + 0;
    data[k + 8] = f(radius * sc[0]!) + 0;
  }
}
