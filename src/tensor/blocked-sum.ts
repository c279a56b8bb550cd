import { CascadeSum } from './reduce.js';
import { elements, Tensor } from './tensor.js';

/*
 * cascadeSum (reduce.ts: PyTorch 1.13's cascade_sum of a contiguous run) fed 128 floats per call
 * of CascadeSum.add: the same additions in the same order, so the same result, but V8 optimises
 * `add` after a few of the calls, where one call over a large tensor runs its row loop in the
 * interpreter until on-stack replacement. For sums computed once per run on cold code (the
 * extras' 16,384-element masks); a multiple of 32 keeps each call on whole rows.
 */
const BLOCK = 128;

export function blockedCascadeSum(x: Float32Array): number {
  const n = x.length;
  const sum = new CascadeSum(n);
  for (let from = 0; from < n; from += BLOCK) sum.add(x, from, Math.min(n, from + BLOCK));
  return sum.result();
}

/** `t.mean()`: the sum, then divided by numel in float32 (mean_out's CPU path), as reduce.ts's mean. */
export function blockedMean(t: Tensor): Tensor {
  return new Tensor(Float32Array.of(Math.fround(blockedCascadeSum(elements(t)) / Math.fround(t.numel))), []);
}
