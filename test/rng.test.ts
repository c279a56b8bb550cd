import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { RNG_NAMES, manualSeed, type Generator } from '../src/rng/index.js';
import { createBitSource } from '../src/rng/sources.js';

/* PyTorch 1.13's CPU generator, bit for bit (fixtures: test/fixtures/rng/make_fixtures.py). */

interface Draw { n: number; bits?: number[]; sha256?: string; head?: number[]; tail?: number[] }
type Op = { op: 'randn'; n: number } | { op: 'randint'; low: number; high: number; n: number };
const fx = JSON.parse(readFileSync(new URL('./fixtures/rng/torch-rng.json', import.meta.url), 'utf8')) as {
  randn: Array<{ seed: string; draw: Draw }>;
  repeated: Array<{ seed: string; times: number; draw: Draw }>;
  sequences: Array<{ seed: string; ops: Op[]; results: Array<Draw | { values: number[] }> }>;
  randint: Array<{ seed: string; low: number; high: number; values: number[] }>;
};

let compared = 0; // float32 values compared bit for bit against PyTorch
afterAll(() => console.log(`rng: ${compared} float32 values matched PyTorch bit for bit`));

const u32 = (x: Float32Array): number[] => Array.from(new Uint32Array(x.buffer, x.byteOffset, x.length));

function expectDraw(got: Float32Array, want: Draw): void {
  expect(got.length).toBe(want.n);
  if (want.bits) {
    expect(u32(got)).toEqual(want.bits);
  } else {
    expect(u32(got.subarray(0, 32))).toEqual(want.head);
    expect(u32(got.subarray(got.length - 32))).toEqual(want.tail);
    const sha = createHash('sha256').update(new Uint8Array(got.buffer, got.byteOffset, got.byteLength)).digest('hex');
    expect(sha).toBe(want.sha256);
  }
  compared += got.length;
}

describe('torch.randn', () => {
  it.each(fx.randn.map((c) => [c.seed, c.draw.n, c.draw] as const))('seed %s, %i values', (seed, _n, draw) => {
    expectDraw(manualSeed(BigInt(seed)).randn(draw.n), draw);
  });

  it.each(fx.repeated.map((c) => [c.seed, c.times, c.draw.n / c.times, c] as const))(
    'seed %s, %i calls of randn(%i) (the double path and its cache)',
    (seed, times, n, c) => {
      const g = manualSeed(BigInt(seed));
      const all = new Float32Array(times * n);
      for (let i = 0; i < times; i++) all.set(g.randn(n), i * n);
      expectDraw(all, c.draw);
    },
  );

  it('pins the AVX2 path: manual_seed(42); randn(100)', () => {
    const x = manualSeed(42n).randn(100);
    expect(Array.from(x.subarray(0, 3))).toEqual([1.9269152879714966, 1.4872840642929077, 0.9007171988487244]);
  });

  it('pins the double path: manual_seed(42); randn(2)', () => {
    expect(Array.from(manualSeed(42n).randn(2))).toEqual([0.33669036626815796, 0.12880940735340118]);
  });

  it('gives +0, not -0, where a uniform of 0 makes the radius -0 (PyTorch fmadds the mean)', () => {
    const x = manualSeed(159627n).randn(144);
    expect(Object.is(x[134], 0)).toBe(true);
    expect(Object.is(x[142], 0)).toBe(true);
  });

  it('draws nothing for randn(0)', () => {
    const g = manualSeed(42n);
    expect(g.randn(0).length).toBe(0);
    expect(Array.from(g.randn(2))).toEqual([0.33669036626815796, 0.12880940735340118]);
  });
});

describe('call sequences: the cached second normal sample, randint in between', () => {
  const label = (ops: Op[]) => ops.map((o) => (o.op === 'randn' ? `randn(${o.n})` : `randint(${o.low},${o.high},${o.n})`)).join(' ');
  it.each(fx.sequences.map((c) => [c.seed, label(c.ops), c] as const))('seed %s: %s', (_s, _l, c) => {
    const g: Generator = manualSeed(BigInt(c.seed));
    c.ops.forEach((op, i) => {
      const want = c.results[i]!;
      if (op.op === 'randn') expectDraw(g.randn(op.n), want as Draw);
      else expect(g.randint(op.low, op.high, op.n)).toEqual((want as { values: number[] }).values);
    });
  });
});

describe('torch.randint', () => {
  it.each(fx.randint.map((c) => [c.seed, c.low, c.high, c] as const))('seed %s, [%i, %i)', (seed, low, high, c) => {
    expect(manualSeed(BigInt(seed)).randint(low, high, c.values.length)).toEqual(c.values);
  });

  it('rejects an empty range, as random_ does', () => {
    expect(() => manualSeed(0n).randint(5, 5, 1)).toThrow(RangeError);
  });
});

describe('seeds', () => {
  it('uses the low 32 bits: 2^32 + 42 draws as 42, -1 as 2^64 - 1', () => {
    expect(manualSeed(2n ** 32n + 42n).randn(20)).toEqual(manualSeed(42n).randn(20));
    expect(manualSeed(-1n).randn(20)).toEqual(manualSeed(2n ** 64n - 1n).randn(20));
  });

  it('rejects seeds outside [-2^63, 2^64), as torch.manual_seed does', () => {
    expect(() => manualSeed(2n ** 64n)).toThrow(RangeError);
    expect(() => manualSeed(-(2n ** 63n) - 1n)).toThrow(RangeError);
  });
});

describe('seedrandom bit sources', () => {
  const others = RNG_NAMES.filter((n) => n !== 'torch');

  it.each(others)('%s is deterministic per seed, differs between seeds and from torch', (name) => {
    const a = manualSeed(7n, name).randn(40);
    expect(manualSeed(7n, name).randn(40)).toEqual(a);
    expect(manualSeed(8n, name).randn(40)).not.toEqual(a);
    expect(manualSeed(0n, name).randn(40)).not.toEqual(manualSeed(1n, name).randn(40));
    expect(a).not.toEqual(manualSeed(7n).randn(40));
    expect(manualSeed(-1n, name).randn(20)).toEqual(manualSeed(2n ** 64n - 1n, name).randn(20));
    const ints = manualSeed(7n, name).randint(0, 10, 100);
    expect(Math.min(...ints)).toBe(0);
    expect(Math.max(...ints)).toBe(9);
  });

  it.each(others)('%s gives distinct streams for 2000 seeds (first randn(16))', (name) => {
    const seen = new Set<string>();
    for (let s = 0n; s < 1000n; s++) {
      seen.add(u32(manualSeed(s, name).randn(16)).join());
      seen.add(u32(manualSeed(2n ** 32n + 1000n + s * 1000003n, name).randn(16)).join());
    }
    expect(seen.size).toBe(2000);
  });

  it('seeds each generator as documented in sources.ts', () => {
    const req = createRequire(import.meta.url);
    const sr = req('seedrandom') as Record<string, (seed: string | number) => { int32(): number }> & ((seed: string) => { int32(): number });
    const first = (prng: { int32(): number }) => [prng.int32() >>> 0, prng.int32() >>> 0, prng.int32() >>> 0];
    const ours = (name: (typeof others)[number], seed: bigint) => {
      const src = createBitSource(name, seed);
      return [src.nextU32(), src.nextU32(), src.nextU32()];
    };
    for (const name of ['alea', 'xor128', 'xorwow', 'xor4096', 'tychei'] as const) {
      expect(ours(name, 42n)).toEqual(first(sr[name]!('42')));
      expect(ours(name, -1n)).toEqual(first(sr[name]!('18446744073709551615')));
    }
    expect(ours('xorshift7', 42n)).toEqual(first(sr.xorshift7!(42)));
    expect(ours('xorshift7', 2n ** 32n + 42n)).toEqual(first(sr.xorshift7!(42)));
    expect(ours('xorshift7', 2n ** 32n - 1n)).toEqual(first(sr.xorshift7!(-1)));
    expect(ours('arc4', 42n)).toEqual(first(sr('42\0')));
    expect(ours('arc4', 42n)).toEqual(first(sr(42 as unknown as string))); // seedrandom's own numeric seeding
  });
});
