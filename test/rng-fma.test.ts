import { describe, expect, it } from 'vitest';
import { fma32, log256, makeLanes, sincos256 } from '../src/rng/avx-mathfun.js';

/*
 * randn's AVX2 lanes emulate vfmadd as fround(a·b + c), which can double-round. These tests show
 * it never does on the inputs randn can give them: every 1 - k·2^-24 for log256 and every
 * f(2π)·k·2^-24 for sincos256 (k < 2^24), against the same lanes over a correctly rounded fma32.
 * The full sweep takes 10–25 s: RNG_EXHAUSTIVE=1 npx vitest run test/rng-fma.test.ts; by default
 * every 61st k is checked.
 */

const f = Math.fround;
const TWO_PI_F = f(2 * Math.PI);
const N = 1 << 24;
const exhaustive = process.env.RNG_EXHAUSTIVE === '1';
const STEP = exhaustive ? 1 : 61;

describe('fma32', () => {
  it('rounds once where fround(a*b + c) double-rounds', () => {
    const a = f(1 + 2 ** -12); // a·a = 1 + 2^-11 + 2^-24: halfway between two floats
    expect(f(a * a + 2 ** -60)).toBe(1 + 2 ** -11); // the double sum lost 2^-60, then tied to even
    expect(fma32(a, a, 2 ** -60)).toBe(1 + 2 ** -11 + 2 ** -23);
    expect(fma32(a, a, -(2 ** -60))).toBe(1 + 2 ** -11);
    expect(fma32(a, a, 0)).toBe(1 + 2 ** -11); // a true tie goes to even
    expect(fma32(-a, a, -(2 ** -60))).toBe(-(1 + 2 ** -11 + 2 ** -23));
  });

  it('agrees with fround(a*b + c) away from midpoints', () => {
    const xs = [0.1, -3.5, 1e-20, 7.25, -0.333, 2 ** 100].map(f);
    for (const a of xs) for (const b of xs) for (const c of xs) expect(fma32(a, b, c)).toBe(f(a * b + c));
  });
});

describe(`the AVX2 lanes on randn's inputs (${exhaustive ? 'all' : `every ${STEP}th of`} 2^24)`, () => {
  const exact = makeLanes(fma32);

  it('log256 of 1 - k·2^-24', () => {
    let checked = 0;
    for (let k = 0; k < N; k += STEP) {
      const u1 = f(1 - k / N);
      const got = log256(u1);
      if (!Object.is(got, exact.log256(u1))) expect([k, got]).toEqual([k, exact.log256(u1)]);
      checked++;
    }
    expect(checked).toBe(Math.ceil(N / STEP));
  });

  it('sincos256 of f(2π)·k·2^-24', () => {
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    for (let k = 0; k < N; k += STEP) {
      const theta = f(TWO_PI_F * (k / N));
      sincos256(theta, a);
      exact.sincos256(theta, b);
      if (!Object.is(a[0], b[0]) || !Object.is(a[1], b[1])) expect([k, ...a]).toEqual([k, ...b]);
    }
  });

  it('log256 follows the AVX lane on special inputs', () => {
    expect(log256(0)).toBeNaN();
    expect(log256(-1)).toBeNaN();
    expect(log256(1)).toBe(0);
    expect(log256(NaN)).toBe(log256(1.1754943508222875e-38)); // _mm256_max_ps keeps min_norm_pos
    expect(log256(1e-45)).toBe(log256(1.1754943508222875e-38)); // denormals are cut off
  });
});

describe('fma32 at the overflow threshold', () => {
  it('rounds the exact value, not the double sum, at FLT_MAX + half an ulp', () => {
    const FLT_MAX = f(3.4028234663852886e38);
    const tie = FLT_MAX + 2 ** 103;
    // a·b = 2^103 exactly, c = FLT_MAX: a true tie rounds to even (infinity)
    expect(fma32(2 ** 52, 2 ** 51, FLT_MAX)).toBe(Infinity);
    expect(f(tie)).toBe(Infinity);
    // (31·601·2^103)·1801 = the tie exactly; the double sum loses -2^-10 and would round up
    const a = 18631 * 2 ** 103;
    expect(a * 1801).toBe(tie);
    expect(f(a * 1801 - 2 ** -10)).toBe(Infinity);
    expect(fma32(a, 1801, -(2 ** -10))).toBe(FLT_MAX);
    expect(fma32(a, 1801, 2 ** -10)).toBe(Infinity);
    expect(fma32(-(2 ** 52), 2 ** 51, -FLT_MAX)).toBe(-Infinity);
  });
});
