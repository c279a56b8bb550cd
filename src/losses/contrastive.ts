import { clampMin } from '../tensor/clamp.js';
import { pairwiseDistance } from '../tensor/distance.js';
import { add, mul, square, sub } from '../tensor/elementwise.js';
import { mean } from '../tensor/reduce.js';
import type { Tensor } from '../tensor/tensor.js';

export interface ContrastiveLossOptions {
  readonly margin?: number;
}

/**
 * The script's contrastive_loss (not a PyTorch built-in): with D = F.pairwise_distance(e1, e2),
 * mean((1 - y) * 0.5 * D**2 + y * 0.5 * clamp(margin - D, min=0)**2), each operator a float32
 * kernel evaluated left to right; also returns D.mean() and D.
 */
export function contrastiveLoss(
  embedding1: Tensor, embedding2: Tensor, label: Tensor, { margin = 1.0 }: ContrastiveLossOptions = {},
): { loss: Tensor; meanDistance: Tensor; distance: Tensor } {
  const distance = pairwiseDistance(embedding1, embedding2);
  return { loss: mean(contrastiveLossOfDistance(distance, label, { margin })), meanDistance: mean(distance), distance };
}

/** contrastiveLoss's per-pair values from the distances D: the two branches, before the mean. */
export function contrastiveLossOfDistance(distance: Tensor, label: Tensor, { margin = 1.0 }: ContrastiveLossOptions = {}): Tensor {
  const similar = mul(mul(sub(1, label), 0.5), square(distance));
  const dissimilar = mul(mul(label, 0.5), square(clampMin(sub(margin, distance), 0)));
  return add(similar, dissimilar);
}
