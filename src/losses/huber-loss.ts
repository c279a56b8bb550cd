import { binary } from '../tensor/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { applyReduction, type Reduction } from './reduction.js';

export interface HuberLossOptions {
  readonly reduction?: Reduction;
  /** Must be > 0, as huber_loss checks; cast to float32 by the kernel. */
  readonly delta?: number;
}

const f = Math.fround;

/**
 * The per-element loss of huber_kernel (aten/src/ATen/native/cpu/BinaryOpsKernel.cpp) in float32:
 * z = |a - b|; z < delta ? 0.5·z·z : delta·(z - 0.5·delta). Its AVX2 path (blendv on z >= delta)
 * and scalar tail make the same roundings, so one formula serves both. `z - 0.5·delta` is a
 * multiply feeding a subtract, which GCC contracts into one FMA; 0.5·delta is exact unless delta
 * is subnormal, and the FMA form (exact product, one rounding) is kept for that case.
 */
export function huberElement(a: number, b: number, delta: number): number {
  const z = Math.abs(f(a - b));
  return z < delta ? f(f(0.5 * z) * z) : f(delta * f(z - 0.5 * delta));
}

/** F.huber_loss(input, target, delta): huber_loss (aten/src/ATen/native/Loss.cpp), then the reduction. */
export function huberLoss(input: Tensor, target: Tensor, options: HuberLossOptions = {}): Tensor {
  const delta = options.delta ?? 1.0;
  if (!(delta > 0)) throw new RangeError('huber_loss does not support non-positive values for delta.');
  const d = f(delta);
  const losses = binary(input, target, (a, b) => huberElement(a, b, d));
  return applyReduction(losses, options.reduction ?? 'mean');
}
