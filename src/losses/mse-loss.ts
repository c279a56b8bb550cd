import { binary } from '../tensor/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { applyReduction, type Reduction } from './reduction.js';

export interface MseLossOptions {
  readonly reduction?: Reduction;
}

const f = Math.fround;

/**
 * F.mse_loss(input, target): the inputs broadcast against each other (as torch.broadcast_tensors
 * in functional.py), then mse_kernel (aten/src/ATen/native/cpu/BinaryOpsKernel.cpp) squares the
 * float32 difference per element, `diff * diff` with a rounding after each op (nothing to fuse),
 * and apply_loss_reduction reduces.
 */
export function mseLoss(input: Tensor, target: Tensor, options: MseLossOptions = {}): Tensor {
  const losses = binary(input, target, (a, b) => {
    const d = f(a - b);
    return f(d * d);
  });
  return applyReduction(losses, options.reduction ?? 'mean');
}
