import { mean, sum } from '../tensor/reduce.js';
import type { Tensor } from '../tensor/tensor.js';

export type Reduction = 'none' | 'mean' | 'sum';

/** apply_loss_reduction (aten/src/ATen/native/Loss.cpp): per-element losses to the requested reduction. */
export function applyReduction(losses: Tensor, reduction: Reduction): Tensor {
  switch (reduction) {
    case 'none':
      return losses;
    case 'mean':
      return mean(losses);
    case 'sum':
      return sum(losses);
    default: {
      const never: never = reduction;
      throw new TypeError(`unknown reduction ${String(never)}`);
    }
  }
}
