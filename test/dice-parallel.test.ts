/*
 * The Dice section on two threads gives the bits of one thread: cascade sums split and joined,
 * the section's sums split at any split point, the real worker, the main thread taking the
 * prefix over, and the CLI both ways against PyTorch's output for sizes above the threshold
 * (the in-process splits are tested at smaller sizes: they do not depend on the threshold).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Generator } from '../src/rng/generator.js';
import { MT19937 } from '../src/rng/mt19937.js';
import { BLOCK, DiceAccumulators, DiceBuffers, diceRange, PREFIX_STATE_LENGTH, ZeroOneSum, type DiceSums } from '../src/sections/dice-kernel.js';
import { diceSumsSplit, diceThreads, diceWorkerMain, diceWorkerScript, type DiceWorkerData, PARALLEL_THRESHOLD, pieceCount, sharedZeros } from '../src/sections/dice-parallel.js';
import { CASCADE_TOP_LANES, CascadeSum, cascadeSum } from '../src/tensor/reduce.js';
import { fixture, runCli } from './helpers/cli.js';

/** A small deterministic generator of test data (not the one under test). */
function xorshift(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** Floats of every sign and of magnitudes over 2^-20 .. 2^20, so that the order of additions shows in the rounding. */
function randomFloats(n: number, seed: number): Float32Array {
  const r = xorshift(seed);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = (r() - 0.5) * 2 ** Math.floor(r() * 40 - 20);
  return x;
}

/** The split points of a sum of n worth testing: the first, one in the middle, the last. */
function splitPoints(n: number): number[] {
  const period = CascadeSum.splitPeriod(n);
  const last = Math.floor((n - (n % 32)) / period) * period;
  return [...new Set([period, Math.round(n / 2 / period) * period || period, last])].filter((s) => s > 0 && s <= n);
}

describe('CascadeSum split at a split point and joined', () => {
  // 2^20 + 5 and 1,053,573 (3×331×1061): level step 16; 2^24 + 1000 + 5: step 32; 2^25: the cap
  const sizes = [2 ** 20 + 5, 3 * 331 * 1061, 2 ** 24 + 1005, 2 ** 25];
  for (const n of sizes) {
    it(`gives cascadeSum's bits for n = ${n}, fed in uneven pieces`, () => {
      const x = randomFloats(n, n);
      const want = cascadeSum(x);
      for (const split of splitPoints(n)) {
        const prefix = new CascadeSum(n);
        for (let i = 0; i < split; i += 5000) prefix.add(x, i, Math.min(split, i + 5000));
        const top = new Float64Array(CASCADE_TOP_LANES);
        prefix.prefixState(top);
        const suffix = CascadeSum.suffix(n, split);
        for (let i = split; i < n; i += 7777) suffix.add(x, i, Math.min(n, i + 7777));
        suffix.joinPrefix(top);
        expect([split, suffix.result()]).toEqual([split, want]);
      }
    });
  }

  it('chains: pieces between split points, summed apart in any order, joined in order', () => {
    const n = 2 ** 20 + 5;
    const x = randomFloats(n, 99);
    const period = CascadeSum.splitPeriod(n);
    const starts: number[] = [];
    for (let s = 0; s <= n - (n % 32) - period || s === 0; s += period) starts.push(s);
    const pieces = starts.map((from, i) => {
      const sum = from === 0 ? new CascadeSum(n) : CascadeSum.suffix(n, from);
      return { sum, from, to: starts[i + 1] ?? n };
    });
    for (const { sum, from, to } of [...pieces].reverse()) sum.add(x, from, to);
    const top = new Float64Array(CASCADE_TOP_LANES);
    pieces.forEach(({ sum, from }, i) => {
      if (from > 0) sum.joinPrefix(top);
      if (i < pieces.length - 1) sum.prefixState(top);
    });
    expect(pieces.length).toBe(8);
    expect(pieces[pieces.length - 1]!.sum.result()).toBe(cascadeSum(x));
  });

  it('refuses a split off the split points, and a result before the join', () => {
    const n = 2 ** 20 + 5;
    const period = CascadeSum.splitPeriod(n);
    expect(period).toBe(2 ** 17);
    expect(() => CascadeSum.suffix(n, period + 32)).toThrow(RangeError);
    const suffix = CascadeSum.suffix(n, period);
    suffix.add(new Float32Array(n - period));
    expect(() => suffix.result()).toThrow(RangeError);
    const prefix = new CascadeSum(n);
    prefix.add(new Float32Array(100));
    expect(() => prefix.prefixState(new Float64Array(CASCADE_TOP_LANES))).toThrow(RangeError);
  });
});

/** Masks of zeros and ones: ones with probability `ones` (or, given true, 0.9; false, 0.05). */
function masks(n: number, seed: number, ones: boolean | number): Float32Array {
  const r = xorshift(seed);
  const t = sharedZeros(n);
  const p = ones === true ? 0.9 : ones === false ? 0.05 : ones;
  for (let i = 0; i < n; i++) t[i] = r() < p ? 1 : 0;
  return t;
}

/** The one-thread reference: torch.randn(n) as one tensor, then the blocks over it in order. */
function sequentialSums(seed: number, target: Float32Array): DiceSums {
  const n = target.length;
  const noise = new Generator(new MT19937(seed)).randn(n);
  const sums = new DiceAccumulators(n);
  const buffers = new DiceBuffers(n);
  // blocks of another length than diceRange's (the buffers hold up to BLOCK + 32)
  const step = BLOCK + 16;
  for (let start = 0; start < n; start += step) {
    const len = Math.min(step, n - start);
    sums.block(buffers, noise.subarray(start, start + len), target, start, len);
  }
  return sums.result();
}

/** The prefix [0, split) and the suffix [split, n) computed apart (both on this thread), then joined. */
function splitSums(seed: number, target: Float32Array, split: number): DiceSums {
  const n = target.length;
  const mt = new MT19937(seed);
  const prefix = new Float64Array(PREFIX_STATE_LENGTH);
  const head = new DiceAccumulators(n);
  diceRange(MT19937.restore(mt.snapshot()), target, n, 0, split, head);
  head.prefixState(prefix);
  mt.skip(split);
  const suffix = new DiceAccumulators(n, split);
  diceRange(mt, target, n, split, n, suffix);
  suffix.joinPrefix(prefix);
  return suffix.result();
}

describe('the Dice sums split between two ranges', () => {
  it('streamed randn (diceRange) gives the sums of randn as one tensor, n not a multiple of 16', () => {
    for (const n of [16, 17, 31, 4096 + 17, 4096 * 3 + 33, 100_003]) {
      const target = masks(n, n, false);
      const sums = new DiceAccumulators(n);
      diceRange(new MT19937(n), target, n, 0, n, sums);
      expect([n, sums.result()]).toEqual([n, sequentialSums(n, target)]);
    }
  });

  const cases: [string, number, boolean][] = [
    ['3×331×1061 (n % 16 = 5), sparse masks', 3 * 331 * 1061, false],
    ['2^20 + 16, dense masks', 2 ** 20 + 16, true],
  ];
  for (const [name, n, dense] of cases) {
    it(`gives one thread's bits at the first, a middle and the last split point: ${name}`, () => {
      const target = masks(n, 7, dense);
      const want = sequentialSums(7, target);
      for (const split of splitPoints(n)) {
        expect([split, splitSums(7, target, split)]).toEqual([split, want]);
      }
    });
  }

  // (the whole section above 2^24 is checked through the CLI below, on both paths; here its sums
  // of zeros and ones, whose cascade order shows once they pass 2^24)
  it('splits the sums of zeros and ones above 2^24, where cascade_sum\'s order rounds them', () => {
    for (const n of [17_000_005, 2 ** 25]) {
      const ones = masks(n, n, 0.99);
      const want = cascadeSum(ones);
      let count = 0;
      for (let i = 0; i < n; i++) count += ones[i]!;
      expect(want).not.toBe(count);
      for (const split of splitPoints(n)) {
        const prefix = new ZeroOneSum(n);
        prefix.add(ones, 0, split);
        const state = new Float64Array(CASCADE_TOP_LANES);
        prefix.prefixState(state, 0);
        const suffix = new ZeroOneSum(n, split);
        suffix.add(ones, split, n);
        suffix.joinPrefix(state, 0);
        expect([split, suffix.result()]).toEqual([split, want]);
      }
    }
  });
});

describe('the worker thread', () => {
  const n = 16 * 512 * 512 + 21;
  const target = masks(n, 11, false);
  const want = sequentialSums(11, target);

  it('takes pieces from the front while the main thread takes them from the back: the same bits', () => {
    const script = diceWorkerScript();
    expect(script).toBeDefined();
    expect(pieceCount(n)).toBe(33);
    const run = diceSumsSplit(new MT19937(11), target, n, script);
    expect(run.sums).toEqual(want);
    // (the main thread's share takes hundreds of ms; the worker starts in tens)
    expect(run.workerPieces).toBeGreaterThan(0);
    expect(run.workerPieces).toBeLessThan(32);
  }, 60_000);

  it('is not needed: without one, the main thread does every piece, from the back, and joins them', () => {
    const m = 3 * 331 * 1061;
    const t = masks(m, 12, true);
    const mt = new MT19937(12);
    const run = diceSumsSplit(mt, t, m, undefined);
    expect(run.workerPieces).toBe(0);
    expect(run.sums).toEqual(sequentialSums(12, t));
    // the generator is left where randn(m) leaves it
    const ref = new MT19937(12);
    new Generator(ref).randn(m);
    expect([mt.nextU32(), mt.nextU32()]).toEqual([ref.nextU32(), ref.nextU32()]);
  });

  it('does every piece but the last when it is alone (the last ends at n, not at a split point)', () => {
    const m = 3 * 331 * 1061;
    const t = masks(m, 13, false);
    const count = pieceCount(m);
    const data: DiceWorkerData = {
      n: m,
      target: t,
      mt: new MT19937(13).snapshot(),
      claims: new Int32Array(new SharedArrayBuffer(4 * count)),
      control: new Int32Array(new SharedArrayBuffer(8)),
      prefix: new Float64Array(new SharedArrayBuffer(PREFIX_STATE_LENGTH * 8)),
    };
    diceWorkerMain(data);
    expect(Array.from(data.control)).toEqual([1, count - 1]);
    expect(Array.from(data.claims)).toEqual([...Array(count - 1).fill(1), 0]);
    const head = new DiceAccumulators(m);
    diceRange(new MT19937(13), t, m, 0, (count - 1) * CascadeSum.splitPeriod(m), head);
    const want = new Float64Array(PREFIX_STATE_LENGTH);
    head.prefixState(want);
    expect(Array.from(data.prefix)).toEqual(Array.from(want));
  });

  it('may fail: the main thread then computes the pieces it had claimed', () => {
    // a worker that claims the first three pieces and reports a failure
    const dir = mkdtempSync(join(tmpdir(), 'dice-worker-'));
    const script = join(dir, 'failing-worker.cjs');
    writeFileSync(script, `const { workerData: d } = require('node:worker_threads');
for (let i = 0; i < 3; i++) Atomics.compareExchange(d.claims, i, 0, 1);
Atomics.store(d.control, 0, 2);
Atomics.notify(d.control, 0);
`);
    try {
      const run = diceSumsSplit(new MT19937(11), target, n, script);
      expect(run.workerPieces).toBe(0);
      expect(run.sums).toEqual(want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('may die without a word: after a stall the main thread computes the pieces it had claimed', () => {
    // a worker that claims the first two pieces and ends, as one killed or out of memory would
    const dir = mkdtempSync(join(tmpdir(), 'dice-worker-'));
    const script = join(dir, 'dying-worker.cjs');
    writeFileSync(script, `const { workerData: d } = require('node:worker_threads');
for (let i = 0; i < 2; i++) Atomics.compareExchange(d.claims, i, 0, 1);
`);
    try {
      const run = diceSumsSplit(new MT19937(11), target, n, script, 300);
      expect(run.workerPieces).toBe(0);
      expect(run.sums).toEqual(want);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('is used from 2^21 elements on, for the torch bit source, unless LOSS_DEMO_THREADS=1', () => {
    const saved = process.env['LOSS_DEMO_THREADS'];
    try {
      delete process.env['LOSS_DEMO_THREADS'];
      const two = availableParallelism() >= 2 ? 2 : 1;
      expect(diceThreads(PARALLEL_THRESHOLD, new MT19937(0))).toBe(two);
      expect(diceThreads(PARALLEL_THRESHOLD - 1, new MT19937(0))).toBe(1);
      expect(diceThreads(PARALLEL_THRESHOLD, { nextU32: () => 0, fill: () => undefined })).toBe(1);
      process.env['LOSS_DEMO_THREADS'] = '1';
      expect(diceThreads(2 ** 25, new MT19937(0))).toBe(1);
      process.env['LOSS_DEMO_THREADS'] = '2';
      expect(diceThreads(2 ** 25, new MT19937(0))).toBe(2);
    } finally {
      if (saved === undefined) delete process.env['LOSS_DEMO_THREADS'];
      else process.env['LOSS_DEMO_THREADS'] = saved;
    }
  });
});

describe('loss-demo section dice above the threshold prints what PyTorch prints, on one thread and two', () => {
  const cases: [string, string, string[]][] = [
    ['s42__3x331x2113', '42', ['3', '331', '2113']],
    ['s7__65x509x509', '7', ['65', '509', '509']],
  ];
  for (const [name, seed, [b, h, w]] of cases) {
    // (the text output is checked on the smaller case; every digit, on both)
    const variants = name === 's7__65x509x509' ? [true] : [false, true];
    for (const full of variants) {
      for (const threads of ['1', undefined]) {
        it(`${name}${full ? ' --precision full' : ''}, LOSS_DEMO_THREADS=${threads ?? '(unset)'}`, () => {
          const args = ['section', 'dice', '--seed', seed, '--batch-size', b!, '--height', h!, '--width', w!];
          if (full) args.push('--precision', 'full');
          const env: NodeJS.ProcessEnv = {};
          if (threads !== undefined) env['LOSS_DEMO_THREADS'] = threads;
          const r = runCli(args, env);
          expect(r.stderr).toBe('');
          expect(r.status).toBe(0);
          expect(r.stdout).toBe(fixture(`dice-large/${name}${full ? '-full' : ''}.txt`));
        }, 60_000);
      }
    }
  }
});
