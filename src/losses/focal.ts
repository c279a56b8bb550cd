import { mul, sub } from '../tensor/elementwise.js';
import { gatherRows } from '../tensor/index-ops.js';
import { mean } from '../tensor/reduce.js';
import { softmax } from '../tensor/softmax.js';
import type { Tensor } from '../tensor/tensor.js';
import { pow } from '../tensor/unary-math.js';
import { crossEntropy } from './cross-entropy.js';

export interface FocalLossOptions {
  readonly alpha?: number;
  readonly gamma?: number;
}

/**
 * The script's focal_loss: mean of alpha * (1 - p_t)^gamma * CE, with p_t the softmax
 * probability of the target class and CE per example (reduction 'none'). The power goes through
 * PyTorch's pow(Tensor, Scalar), whose special exponents (0, 1, ±0.5, -1, 2, 3, -2) and scalar
 * tail decide the last bit.
 */
export function focalLoss(logits: Tensor, targets: readonly number[], options: FocalLossOptions = {}): Tensor {
  const alpha = options.alpha ?? 0.25;
  const gamma = options.gamma ?? 2.0;
  const ce = crossEntropy(logits, targets, { reduction: 'none' });
  const pt = gatherRows(softmax(logits, 1), targets);
  const base = sub(1, pt);
  const focalTerm = pow(base, gamma);
  return mean(mul(mul(alpha, focalTerm), ce));
}
