import { exp, log } from '../tensor/math/index.js';
import { Tensor } from '../tensor/tensor.js';
import { applyReduction, type Reduction } from './reduction.js';

export interface BinaryCrossEntropyWithLogitsOptions {
  readonly reduction?: Reduction;
}

const f = Math.fround;

/**
 * F.binary_cross_entropy_with_logits(input, target) without weights, as PyTorch 1.13 composes it
 * from tensor ops (binary_cross_entropy_with_logits in aten/src/ATen/native/Loss.cpp):
 *   max_val = (-input).clamp_min_(0)
 *   loss = (1 - target).mul_(input).add_(max_val)
 *            .add_((-max_val).exp_().add_((-input - max_val).exp_()).log_())
 * Each op is its own kernel rounding to float32; the arithmetic ones run fused per element here
 * with a rounding after each, exp and log as the whole-tensor kernels (torch.exp/log: Sleef on
 * every element, so an element's result does not depend on its position).
 *
 * Of the two exponentials one argument is always ±0 (exp gives exactly 1): for x > 0, max_val is
 * 0 and exp(-max_val) = 1; otherwise -input - max_val is 0. Only the other one is computed. The
 * exception is x = -inf or NaN, where -input - max_val is NaN and so is the sum.
 */
export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {}): Tensor {
  if (input.numel !== target.numel || input.shape.some((d, i) => d !== target.shape[i])) {
    throw new RangeError(`Target size ([${target.shape.join(', ')}]) must be the same as input size ([${input.shape.join(', ')}])`);
  }
  const x = input.data;
  const y = target.data;
  const n = x.length;
  const maxVal = new Float32Array(n);
  const work = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const nx = -x[i]!;
    // clamp_min(0): max(0, a) keeps a when it is NaN or -0, as _mm256_max_ps(min, a) does
    const m = nx < 0 ? 0 : nx;
    maxVal[i] = m;
    work[i] = nx < 0 ? nx : -m;
  }
  exp(work, work);
  for (let i = 0; i < n; i++) {
    const m = maxVal[i]!;
    work[i] = Number.isNaN(-x[i]! - m) ? NaN : f(work[i]! + 1);
  }
  log(work, work);
  for (let i = 0; i < n; i++) {
    work[i] = f(f(f(f(1 - y[i]!) * x[i]!) + maxVal[i]!) + work[i]!);
  }
  return applyReduction(new Tensor(work, input.shape), options.reduction ?? 'mean');
}
