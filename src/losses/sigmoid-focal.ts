import { add, mul, sub } from '../tensor/elementwise.js';
import { powScalar } from '../tensor/math/index.js';
import { Tensor } from '../tensor/tensor.js';
import { pixelTerms, type PixelTerms } from './pixel-terms.js';
import { applyReduction, type Reduction } from './reduction.js';

export interface SigmoidFocalLossOptions {
  readonly alpha?: number;
  readonly gamma?: number;
  readonly reduction?: Reduction;
}

/**
 * The extras' sigmoid_focal_loss (torchvision's form): α_t (1 - p_t)^γ · BCE per pixel, with
 * p = sigmoid(logits), BCE = binary_cross_entropy_with_logits(reduction='none'),
 * p_t = p·t + (1 - p)(1 - t), α_t = α·t + (1 - α)(1 - t). Each op is its own float32 kernel:
 * α and 1 - α (a Python double) are cast to float32 by mul; the power goes through
 * pow(Tensor, Scalar) with its special exponents (γ = 2 is x·x). The script reduces with mean.
 */
export function sigmoidFocalLoss(logits: Tensor, target: Tensor, options: SigmoidFocalLossOptions = {}): Tensor {
  return sigmoidFocalFromTerms(pixelTerms(logits, target), target, options);
}

/** sigmoid_focal_loss from the sigmoid and per-pixel BCE of its logits (pixel-terms.ts). */
export function sigmoidFocalFromTerms(terms: PixelTerms, target: Tensor, options: SigmoidFocalLossOptions = {}): Tensor {
  const alpha = options.alpha ?? 0.25;
  const gamma = options.gamma ?? 2.0;
  const p = terms.probs;
  const ce = terms.bce;
  const notTarget = sub(1, target);
  const pt = add(mul(p, target), mul(sub(1, p), notTarget));
  const alphaT = add(mul(alpha, target), mul(1 - alpha, notTarget));
  const base = sub(1, pt);
  const focalTerm = new Tensor(powScalar(base.data, gamma), base.shape);
  return applyReduction(mul(mul(alphaT, focalTerm), ce), options.reduction ?? 'mean');
}
