import { binary } from '../tensor/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { applyReduction, type Reduction } from './reduction.js';

export interface L1LossOptions {
  readonly reduction?: Reduction;
}

/**
 * F.l1_loss(input, target): l1_loss_out (aten/src/ATen/native/Loss.cpp) takes at::sub, then
 * abs_ in place, then mean/sum; the inputs broadcast as in functional.py.
 */
export function l1Loss(input: Tensor, target: Tensor, options: L1LossOptions = {}): Tensor {
  const losses = binary(input, target, (a, b) => Math.abs(Math.fround(a - b)));
  return applyReduction(losses, options.reduction ?? 'mean');
}
