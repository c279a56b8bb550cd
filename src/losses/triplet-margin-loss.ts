import { minimum, add, sub } from '../tensor/elementwise.js';
import { clampMin } from '../tensor/clamp.js';
import { pairwiseDistance } from '../tensor/distance.js';
import type { Tensor } from '../tensor/tensor.js';
import { applyReduction, type Reduction } from './reduction.js';

export interface TripletMarginLossOptions {
  readonly margin?: number;
  readonly p?: number;
  readonly eps?: number;
  readonly swap?: boolean;
  readonly reduction?: Reduction;
}

/**
 * F.triplet_margin_loss: at::triplet_margin_loss (aten/src/ATen/native/Loss.cpp) computes
 * clamp_min(margin + dist_pos - dist_neg, 0) with pairwise distances (eps 1e-6). The margin is
 * added to dist_pos first, then dist_neg subtracted: a different rounding from the script's
 * manual `d_pos - d_neg + margin`.
 */
export function tripletMarginLoss(
  anchor: Tensor, positive: Tensor, negative: Tensor,
  { margin = 1.0, p = 2, eps = 1e-6, swap = false, reduction = 'mean' }: TripletMarginLossOptions = {},
): Tensor {
  const distPos = pairwiseDistance(anchor, positive, { p, eps });
  let distNeg = pairwiseDistance(anchor, negative, { p, eps });
  if (swap) distNeg = minimum(distNeg, pairwiseDistance(positive, negative, { p, eps }));
  return tripletMarginLossOfDistances(distPos, distNeg, margin, reduction);
}

/** The loss of tripletMarginLoss from its two pairwise distances, for a caller that has them. */
export function tripletMarginLossOfDistances(distPos: Tensor, distNeg: Tensor, margin = 1.0, reduction: Reduction = 'mean'): Tensor {
  return applyReduction(clampMin(sub(add(distPos, margin), distNeg), 0), reduction);
}
