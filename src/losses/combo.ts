import { add, mul } from '../tensor/elementwise.js';
import { mean } from '../tensor/reduce.js';
import type { Tensor } from '../tensor/tensor.js';
import { diceLossFromProbs } from './dice.js';
import { pixelTerms } from './pixel-terms.js';

export interface ComboLossOptions {
  readonly diceWeight?: number;
  readonly smooth?: number;
}

/**
 * w·Dice + (1 - w)·BCE from the two losses, on 0-dim float32 tensors; w and 1 - w (computed in
 * double by Python) are each cast to float32 by mul.
 */
export function comboFromLosses(dice: Tensor, bce: Tensor, diceWeight = 0.5): Tensor {
  return add(mul(diceWeight, dice), mul(1 - diceWeight, bce));
}

/** The extras' combo_loss(logits, target, dice_weight): mean BCE with logits and dice_loss. */
export function comboLoss(logits: Tensor, target: Tensor, options: ComboLossOptions = {}): Tensor {
  const terms = pixelTerms(logits, target);
  const dice = diceLossFromProbs(terms.probs, target, options.smooth === undefined ? {} : { smooth: options.smooth });
  return comboFromLosses(dice, mean(terms.bce), options.diceWeight);
}
