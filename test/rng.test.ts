import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RNG_NAMES, manualSeed } from '../src/rng/index.js';

/* PyTorch's CPU generator, bit for bit (fixtures: test/fixtures/rng/make_fixtures.py). */

interface Draw { n: number; bits?: number[]; sha256?: string; head?: number[]; tail?: number[] }
const fx = JSON.parse(readFileSync(new URL('./fixtures/rng/torch-rng.json', import.meta.url), 'utf8')) as {
  randn: Array<{ seed: string; draw: Draw }>;
  sequences: Array<{ seed: string; sizes: number[]; draws: Draw[] }>;
  randint: Array<{ seed: string; low: number; high: number; values: number[] }>;
};

const u32 = (x: Float32Array): number[] => Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length));

function expectDraw(got: Float32Array, want: Draw): void {
  expect(got.length).toBe(want.n);
  if (want.bits) {
    expect(u32(got)).toEqual(want.bits);
    return;
  }
  expect(u32(got.subarray(0, 32))).toEqual(want.head);
  expect(u32(got.subarray(got.length - 32))).toEqual(want.tail);
  const sha = createHash('sha256').update(new Uint8Array(got.buffer, got.byteOffset, got.byteLength)).digest('hex');
  expect(sha).toBe(want.sha256);
}

describe('torch.randn', () => {
  it.each(fx.randn.map((c) => [c.seed, c.draw.n, c.draw] as const))('seed %s, %i values', (seed, _n, draw) => {
    expectDraw(manualSeed(BigInt(seed)).randn(draw.n), draw);
  });

  it('pins the AVX2 path: manual_seed(42); randn(100)', () => {
    expect(Array.from(manualSeed(42n).randn(100).subarray(0, 3))).toEqual([1.9269152879714966, 1.4872840642929077, 0.9007171988487244]);
  });

  it('pins the double path: manual_seed(42); randn(2)', () => {
    expect(Array.from(manualSeed(42n).randn(2))).toEqual([0.33669036626815796, 0.12880940735340118]);
  });
});

describe('the cached second normal sample', () => {
  it.each(fx.sequences.map((c) => [c.seed, c.sizes.join(' then '), c] as const))('seed %s: randn %s', (_s, _d, c) => {
    const g = manualSeed(BigInt(c.seed));
    c.sizes.forEach((n, i) => expectDraw(g.randn(n), c.draws[i]!));
  });
});

describe('torch.randint', () => {
  it.each(fx.randint.map((c) => [c.seed, c.low, c.high, c] as const))('seed %s, [%i, %i)', (seed, low, high, c) => {
    expect(manualSeed(BigInt(seed)).randint(low, high, c.values.length)).toEqual(c.values);
  });
});

describe('seeds', () => {
  it('uses the low 32 bits: 2^32 + 42 draws as 42, -1 as 2^32 - 1', () => {
    expect(manualSeed(2n ** 32n + 42n).randn(20)).toEqual(manualSeed(42n).randn(20));
    expect(manualSeed(-1n).randn(20)).toEqual(manualSeed(2n ** 64n - 1n).randn(20));
  });
});

describe('seedrandom bit sources', () => {
  it.each(RNG_NAMES.filter((n) => n !== 'torch'))('%s is deterministic per seed and differs from torch', (name) => {
    const a = manualSeed(7n, name).randn(40);
    expect(manualSeed(7n, name).randn(40)).toEqual(a);
    expect(manualSeed(8n, name).randn(40)).not.toEqual(a);
    expect(a).not.toEqual(manualSeed(7n).randn(40));
    const ints = manualSeed(7n, name).randint(0, 10, 100);
    expect(Math.min(...ints)).toBe(0);
    expect(Math.max(...ints)).toBe(9);
  });
});
