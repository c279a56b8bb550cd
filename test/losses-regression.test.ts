import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits } from '../src/losses/binary-cross-entropy-with-logits.js';
import { huberLoss } from '../src/losses/huber-loss.js';
import { l1Loss } from '../src/losses/l1-loss.js';
import { mseLoss } from '../src/losses/mse-loss.js';
import type { Reduction } from '../src/losses/reduction.js';
import { Tensor } from '../src/tensor/tensor.js';
import { fixture } from './helpers/cli.js';

/*
 * F.mse_loss, F.l1_loss, F.huber_loss and F.binary_cross_entropy_with_logits against PyTorch 1.13
 * (test/fixtures/losses-regression/make_fixtures.py): every output compared as float32 bits.
 */

interface Case {
  readonly op: 'mse' | 'l1' | 'huber' | 'bce_logits';
  readonly reduction: Reduction;
  readonly delta?: number;
  readonly shape: number[];
  readonly targetShape?: number[];
  readonly input: string;
  readonly target: string;
  readonly out: number[];
}

const { arrays, cases } = JSON.parse(fixture('losses-regression/cases.json')) as {
  arrays: Record<string, number[]>;
  cases: Case[];
};

const tensorOf = (name: string, shape: number[]): Tensor =>
  new Tensor(new Float32Array(Uint32Array.from(arrays[name]!).buffer), shape);
const bitsOf = (t: Tensor): number[] => Array.from(new Uint32Array(Float32Array.from(t.data).buffer));

function run(c: Case): Tensor {
  const input = tensorOf(c.input, c.shape);
  const target = tensorOf(c.target, c.targetShape ?? c.shape);
  const reduction = c.reduction;
  switch (c.op) {
    case 'mse':
      return mseLoss(input, target, { reduction });
    case 'l1':
      return l1Loss(input, target, { reduction });
    case 'huber':
      return huberLoss(input, target, { reduction, delta: c.delta! });
    case 'bce_logits':
      return binaryCrossEntropyWithLogits(input, target, { reduction });
  }
}

const named = cases.map((c, i) => ({ ...c, name: `#${i} ${c.op} ${c.reduction}${c.delta === undefined ? '' : ` delta=${c.delta}`} [${c.shape.join(',')}] ${c.input}` }));

describe('regression and BCE losses against PyTorch', () => {
  it('has cases of every op', () => {
    expect(new Set(cases.map((c) => c.op))).toEqual(new Set(['mse', 'l1', 'huber', 'bce_logits']));
  });

  it.each(named)('$name', (c) => {
    expect(bitsOf(run(c))).toEqual(c.out);
  });

  it('rejects a non-positive delta as huber_loss does', () => {
    const t = new Tensor(Float32Array.of(1, 2), [2]);
    expect(() => huberLoss(t, t, { delta: 0 })).toThrow(/non-positive/);
    expect(() => huberLoss(t, t, { delta: -1 })).toThrow(/non-positive/);
  });
});
