import { sleefExpf, sleefLogfInto } from '../tensor/math/index.js';
import { DenseTensor, elements, type Tensor } from '../tensor/tensor.js';
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
 * depend on its position: blocks of any size give the same losses.
 *
 * Of the two exponentials one argument is always ±0 (exp gives exactly 1): for x > 0, max_val is
 * 0 and exp(-max_val) = 1; otherwise -input - max_val is 0. Only the other one, exp(-|x|), is
 * computed. The exception is x = -inf or NaN, where -input - max_val is NaN and so is the sum.
 */

/**
 * The argument of the one exponential that is not exp(±0): -x for x > 0, else x (NaN stays NaN),
 * that is -|x| (for x = +0 that is -0 instead of +0, and exp gives 1 for both). Computed without a
 * branch: over a batch of logits the sign is random, and a mispredicted branch per element costs
 * more than the arithmetic.
 */
export function bceExpArgument(x: number): number {
  return -Math.abs(x);
}

/** clamp_min's choice between +0 and -x, as a table lookup rather than a branch (see above). */
const CLAMPED = new Float64Array(2);

/**
 * The losses of elements [0, n) into `loss`: x the logits, y the targets, e Sleef's
 * exp(bceExpArgument(x)) of each (a caller may have them already; e may be `loss` itself). The
 * log runs over the whole run at once (sleefLogfInto), so no result crosses a call boundary.
 */
export function bceWithLogitsInto(x: Float32Array, y: Float32Array, e: Float32Array, loss: Float32Array, n: number): void {
  for (let k = 0; k < n; k++) {
    const xk = x[k]!;
    // -input - max_val is NaN for x = NaN or -inf (inf - inf), and so is the sum; 0 / 0 rather
    // than the global NaN, which V8 would make box every value of this expression
    loss[k] = xk !== xk || xk === -1 / 0 ? 0 / 0 : f(e[k]! + 1);
  }
  sleefLogfInto(loss, loss, 0, n);
  for (let k = 0; k < n; k++) {
    const xk = x[k]!;
    // max_val = (-input).clamp_min_(0): max(0, a) keeps a when it is NaN or -0, as
    // _mm256_max_ps(min, a) does, so it is +0 only for a < 0
    CLAMPED[1] = -xk;
    const maxVal = CLAMPED[+!(-xk < 0)]!;
    loss[k] = f(f(f(f(1 - y[k]!) * xk) + maxVal) + loss[k]!);
  }
}

export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {}): Tensor {
  if (input.numel !== target.numel || input.shape.some((d, i) => d !== target.shape[i])) {
    throw new RangeError(`Target size ([${target.shape.join(', ')}]) must be the same as input size ([${input.shape.join(', ')}])`);
  }
  // (each element's loss is its own: a view's elements are read in row-major order)
  const x = elements(input);
  const loss = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) loss[i] = sleefExpf(bceExpArgument(x[i]!));
  bceWithLogitsInto(x, elements(target), loss, loss, x.length);
  return applyReduction(new DenseTensor(loss, input.shape), options.reduction ?? 'mean');
}
