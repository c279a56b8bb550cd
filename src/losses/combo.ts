import { add, mul } from '../tensor/elementwise.js';
import type { Tensor } from '../tensor/tensor.js';
import { binaryCrossEntropyWithLogits } from './binary-cross-entropy-with-logits.js';
import { diceLoss } from './dice.js';

export interface ComboLossOptions {
  readonly diceWeight?: number;
  readonly smooth?: number;
}

/**
 * The extras' combo_loss: w·Dice + (1 - w)·BCE (mean BCE with logits), on 0-dim float32
 * tensors; w and 1 - w (computed in double by Python) are each cast to float32 by mul.
 */
export function comboLoss(logits: Tensor, target: Tensor, options: ComboLossOptions = {}): Tensor {
  const w = options.diceWeight ?? 0.5;
  const bce = binaryCrossEntropyWithLogits(logits, target);
  const dice = diceLoss(logits, target, options.smooth === undefined ? {} : { smooth: options.smooth });
  return add(mul(w, dice), mul(1 - w, bce));
}
