import { describe, expect, it } from 'vitest';
import { normalFill16 } from '../src/rng/avx-mathfun.js';
import { fma32 } from '../src/tensor/math/f32.js';
import { boxMuller16, makeLanes } from './helpers/avx-lanes.js';

/*
 * randn's AVX2 lanes (normalFill16) emulate vfmadd as fround(a·b + c), which can double-round.
 * These tests show it never does on the inputs randn can give them: every 1 - k·2^-24 for log256
 * and every f(2π)·k·2^-24 for sincos256 (k < 2^24), against the reference lanes
 * (test/helpers/avx-lanes.ts) over a correctly rounded fma32.
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

describe(`normal_fill_16 on randn's inputs (${exhaustive ? 'all' : `every ${STEP}th of`} 2^24)`, () => {
  const exact = makeLanes(fma32);

  it('matches the lanes over a correctly rounded fma, for u1 = u2 = k·2^-24', () => {
    // blocks of 16: the k-th value as u1 (log256 of 1 - u1) and as u2 (sincos256 of 2π·u2)
    const ks: number[] = [];
    for (let k = 0; k < N; k += STEP) ks.push(k);
    const blocks = Math.ceil(ks.length / 8);
    const got = new Float32Array(16 * blocks);
    for (let b = 0; b < blocks; b++) {
      for (let l = 0; l < 8; l++) {
        const k = ks[Math.min(8 * b + l, ks.length - 1)]!;
        got[16 * b + l] = k / N;
        got[16 * b + 8 + l] = k / N;
      }
    }
    const want = got.slice();
    normalFill16(got, 0, got.length);
    for (let b = 0; b < blocks; b++) boxMuller16(exact, want, 16 * b);
    for (let i = 0; i < got.length; i++) {
      if (!Object.is(got[i], want[i])) expect([i, got[i]]).toEqual([i, want[i]]);
    }
    expect(blocks).toBe(Math.ceil(Math.ceil(N / STEP) / 8));
  });

  it('ends with u1 = 1 - 2^-24 and u2 = 0: log of 2^-24, the cosine and sine of 0', () => {
    const data = new Float32Array(16);
    data.fill(1 - 2 ** -24, 0, 8);
    const want = data.slice();
    normalFill16(data, 0, 16);
    boxMuller16(exact, want, 0);
    expect(Array.from(data)).toEqual(Array.from(want));
    expect(data[8]).toBe(0);
    expect(Object.is(data[8], 0)).toBe(true);
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
