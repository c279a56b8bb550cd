import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits } from '../src/losses/binary-cross-entropy-with-logits.js';
import { pixelTerms } from '../src/losses/pixel-terms.js';
import { sigmoid } from '../src/tensor/math/index.js';
import { full, Tensor } from '../src/tensor/tensor.js';

/*
 * pixelTerms computes a constant prediction's sigmoid and BCE once per value (and target); it
 * must give every element the bits the elementwise kernels give it (sigmoid's scalar tail
 * included), which the section fixtures check only at 4096 and 16384 elements.
 */

const bitsOf = (xs: Float32Array): number[] => Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length));

describe('pixelTerms of a constant prediction', () => {
  const sizes = [1, 7, 15, 16, 17, 33, 100, 4096];
  const values = [-5, -10, 0, -0, 3.25, 1e-8, 88.5, -104, Infinity, -Infinity, NaN];
  it.each(sizes)('%i elements', (n) => {
    const target = new Tensor(Float32Array.from({ length: n }, (_, i) => [0, 1, 0.5, 1][i % 4]!), [n]);
    for (const v of values) {
      const logits = full([n], v);
      const { probs, bce } = pixelTerms(logits, target);
      expect(bitsOf(probs.data), `sigmoid(${v})`).toEqual(bitsOf(sigmoid(logits.data)));
      const expected = binaryCrossEntropyWithLogits(logits, target, { reduction: 'none' }).data;
      expect(bitsOf(bce.data), `bce(${v})`).toEqual(bitsOf(expected));
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
