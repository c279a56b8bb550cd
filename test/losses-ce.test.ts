import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../src/losses/cross-entropy.js';
import { nllLoss } from '../src/losses/nll-loss.js';
import type { Reduction } from '../src/losses/reduction.js';
import { logSoftmax, softmax } from '../src/tensor/softmax.js';
import { Tensor } from '../src/tensor/tensor.js';
import { fixture } from './helpers/cli.js';

/*
 * softmax, log_softmax, nll_loss and cross_entropy against PyTorch 1.13, bit for bit
 * (test/fixtures/losses-ce/make_fixtures.py): row widths around the 8-lane vector size, batches
 * around nll_loss's 16-row cascade levels, ignored targets, label smoothing, inf and NaN logits.
 */

interface Stored {
  readonly shape: number[];
  readonly bits: string;
}
interface Cases {
  readonly softmax: { input: Stored; softmax: Stored; log_softmax: Stored }[];
  readonly nll: ({ input: Stored; target: number[] } & Record<Reduction, Stored>)[];
  readonly ce: ({ input: Stored; target: number[]; label_smoothing: number } & Record<Reduction, Stored>)[];
}

const cases = JSON.parse(fixture('losses-ce/cases.json')) as Cases;

function load(s: Stored): Tensor {
  const words = new Uint32Array(s.bits.length / 8);
  for (let i = 0; i < words.length; i++) words[i] = parseInt(s.bits.slice(8 * i, 8 * i + 8), 16);
  return new Tensor(new Float32Array(words.buffer), s.shape);
}

/** Bit patterns, so that -0 and NaN compare as PyTorch stored them (any NaN matches any NaN). */
function bitsOf(t: Tensor): string[] {
  return Array.from(t.data, (v) => (Number.isNaN(v) ? 'nan' : new Uint32Array(Float32Array.of(v).buffer)[0]!.toString(16)));
}

function expectSame(actual: Tensor, expected: Stored): void {
  expect(actual.shape).toEqual(expected.shape);
  expect(bitsOf(actual)).toEqual(bitsOf(load(expected)));
}

const REDUCTIONS: Reduction[] = ['none', 'sum', 'mean'];

describe('softmax / log_softmax over the last dim', () => {
  it.each(cases.softmax.map((c, i) => [i, c.input.shape.join('x'), c] as const))('case %i (%s)', (_i, _shape, c) => {
    expectSame(softmax(load(c.input), 1), c.softmax);
    expectSame(logSoftmax(load(c.input), 1), c.log_softmax);
  });
});

describe('nll_loss', () => {
  it.each(cases.nll.map((c) => [c.target.length, c] as const))('batch %i', (_n, c) => {
    for (const reduction of REDUCTIONS) expectSame(nllLoss(load(c.input), c.target, { reduction }), c[reduction]);
  });
});

describe('cross_entropy', () => {
  it.each(cases.ce.map((c) => [c.input.shape.join('x'), c.label_smoothing, c] as const))('%s, label_smoothing %s', (_s, ls, c) => {
    for (const reduction of REDUCTIONS) {
      expectSame(crossEntropy(load(c.input), c.target, { reduction, labelSmoothing: ls }), c[reduction]);
    }
  });

  it('rejects targets out of range and smoothing outside [0, 1]', () => {
    const x = new Tensor(new Float32Array(6), [2, 3]);
    expect(() => crossEntropy(x, [0, 3])).toThrow(/out of bounds/);
    expect(() => crossEntropy(x, [0, 1], { labelSmoothing: 1.5 })).toThrow(/label_smoothing/);
  });
});
