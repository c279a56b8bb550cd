import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits } from '../src/losses/binary-cross-entropy-with-logits.js';
import { pixelTerms, pixelTermsOfConstant } from '../src/losses/pixel-terms.js';
import { sigmoidFocalLoss } from '../src/losses/sigmoid-focal.js';
import { manualSeed } from '../src/rng/index.js';
import { add, mul, sub } from '../src/tensor/elementwise.js';
import { mean } from '../src/tensor/reduce.js';
import { powScalar, sigmoid } from '../src/tensor/math/index.js';
import { full, Tensor } from '../src/tensor/tensor.js';

/*
 * pixelTerms computes a constant prediction's sigmoid and BCE once per value (and target); it
 * must give every element the bits the elementwise kernels give it (sigmoid's scalar tail
 * included), which the section fixtures check only at 4096 and 16384 elements.
 */

const bitsOf = (xs: Float32Array): number[] => Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length));

describe('pixelTermsOfConstant: a constant prediction', () => {
  const sizes = [1, 7, 15, 16, 17, 33, 100, 4096];
  const values = [-5, -10, 0, -0, 3.25, 1e-8, 88.5, -104, Infinity, -Infinity, NaN];
  it.each(sizes)('%i elements', (n) => {
    const target = new Tensor(Float32Array.from({ length: n }, (_, i) => [0, 1, 0.5, 1, -0, 2][i % 6]!), [n]);
    for (const v of values) {
      const logits = full([n], v);
      const { probs, bce } = pixelTermsOfConstant(v, target);
      expect(bitsOf(probs.data), `sigmoid(${v})`).toEqual(bitsOf(sigmoid(logits.data)));
      const expected = binaryCrossEntropyWithLogits(logits, target, { reduction: 'none' }).data;
      expect(bitsOf(bce.data), `bce(${v})`).toEqual(bitsOf(expected));
    }
  });

  it('a non-constant prediction: blocks of 128 give the whole-tensor kernels\' bits (tails included)', () => {
    for (const n of [5, 16, 127, 128, 129, 1000, 16384]) {
      const g = manualSeed(BigInt(n));
      const logits = new Tensor(mul(new Tensor(g.randn(n), [n]), 4).data, [n]);
      const target = new Tensor(Float32Array.from(g.randint(0, 2, n)), [n]);
      const { probs, bce } = pixelTerms(logits, target);
      expect(bitsOf(probs.data)).toEqual(bitsOf(sigmoid(logits.data)));
      expect(bitsOf(bce.data)).toEqual(bitsOf(binaryCrossEntropyWithLogits(logits, target, { reduction: 'none' }).data));
    }
  });

  it('a non-constant prediction takes the elementwise path', () => {
    const logits = new Tensor(Float32Array.from([-5, -5, -5, 2]), [4]);
    const target = new Tensor(Float32Array.from([0, 1, 0, 1]), [4]);
    const { probs, bce } = pixelTerms(logits, target);
    expect(bitsOf(probs.data)).toEqual(bitsOf(sigmoid(logits.data)));
    expect(bitsOf(bce.data)).toEqual(bitsOf(binaryCrossEntropyWithLogits(logits, target, { reduction: 'none' }).data));
  });
});

describe('sigmoidFocalLoss, fused in blocks', () => {
  /** The script's sigmoid_focal_loss op by op, each a whole-tensor kernel. */
  function byOps(logits: Tensor, target: Tensor, alpha: number, gamma: number): number {
    const p = new Tensor(sigmoid(logits.data), logits.shape);
    const ce = binaryCrossEntropyWithLogits(logits, target, { reduction: 'none' });
    const pt = add(mul(p, target), mul(sub(1, p), sub(1, target)));
    const alphaT = add(mul(alpha, target), mul(1 - alpha, sub(1, target)));
    const base = sub(1, pt);
    const focal = new Tensor(powScalar(base.data, gamma), base.shape);
    return mean(mul(mul(alphaT, focal), ce)).item();
  }

  it.each([1, 15, 17, 128, 200, 4099])('%i elements', (n) => {
    const g = manualSeed(BigInt(n + 7));
    const logits = new Tensor(mul(new Tensor(g.randn(n), [n]), 3).data, [n]);
    const target = new Tensor(Float32Array.from(g.randint(0, 2, n)), [n]);
    for (const [alpha, gamma] of [[0.25, 2], [0.5, 1.5], [-1, 0], [1, 3], [0.1, -0.5], [0.3, 7.25]] as const) {
      expect(sigmoidFocalLoss(logits, target, { alpha, gamma }).item(), `α=${alpha} γ=${gamma}`).toBe(byOps(logits, target, alpha, gamma));
    }
  });
});
