import { sleefExpf, sleefLogf } from '../tensor/math/index.js';
import { Tensor } from '../tensor/tensor.js';
import { applyReduction, type Reduction } from './reduction.js';

export interface BinaryCrossEntropyWithLogitsOptions {
  readonly reduction?: Reduction;
}

const f = Math.fround;

/*
 * F.binary_cross_entropy_with_logits(input, target) without weights, as PyTorch 1.13 composes it
 * from tensor ops (binary_cross_entropy_with_logits in aten/src/ATen/native/Loss.cpp):
 *   max_val = (-input).clamp_min_(0)
 *   loss = (1 - target).mul_(input).add_(max_val)
 *            .add_((-max_val).exp_().add_((-input - max_val).exp_()).log_())
 * Each op is its own kernel rounding to float32; here they run fused per element with a rounding
 * after each. exp and log are vml kernels (Sleef on every element), so an element's loss does not
 * depend on its position and the whole loss is a map of bceWithLogitsElement.
 *
 * Of the two exponentials one argument is always ±0 (exp gives exactly 1): for x > 0, max_val is
 * 0 and exp(-max_val) = 1; otherwise -input - max_val is 0. Only the other one, exp(-|x|), is
 * computed. The exception is x = -inf or NaN, where -input - max_val is NaN and so is the sum.
 */

/** The argument of the one exponential that is not exp(±0): -x for x > 0, else x (NaN stays NaN). */
export function bceExpArgument(x: number): number {
  return x > 0 ? -x : x;
}

/** One element's loss, given e = Sleef's exp(bceExpArgument(x)) (a caller may have it already). */
export function bceWithLogitsElement(x: number, y: number, e: number): number {
  const nx = -x;
  // clamp_min(0): max(0, a) keeps a when it is NaN or -0, as _mm256_max_ps(min, a) does
  const maxVal = nx < 0 ? 0 : nx;
  const sum = Number.isNaN(nx - maxVal) ? NaN : f(e + 1);
  return f(f(f(f(1 - y) * x) + maxVal) + sleefLogf(sum));
}

export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {}): Tensor {
  if (input.numel !== target.numel || input.shape.some((d, i) => d !== target.shape[i])) {
    throw new RangeError(`Target size ([${target.shape.join(', ')}]) must be the same as input size ([${input.shape.join(', ')}])`);
  }
  const x = input.data;
  const y = target.data;
  const loss = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    loss[i] = bceWithLogitsElement(xi, y[i]!, sleefExpf(bceExpArgument(xi)));
  }
  return applyReduction(new Tensor(loss, input.shape), options.reduction ?? 'mean');
}
