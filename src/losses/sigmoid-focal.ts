import { mean } from '../tensor/reduce.js';
import { powScalar } from '../tensor/math/index.js';
import { elements, Tensor } from '../tensor/tensor.js';
import { pixelTerms, type PixelTerms } from './pixel-terms.js';

const f = Math.fround;
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

/**
 * Elements per call of focalBlock: a multiple of 16, so that pow's vectorized blocks and tail
 * fall where the whole-tensor kernel puts them, and small, so that V8 optimises it after a few
 * calls (see pixel-terms.ts).
 */
const BLOCK = 128;

/**
 * Elements [from, to) of the loss. base = 1 - p_t, p_t = p * target + (1 - p) * (1 - target):
 * five elementwise kernels, each rounded to float32, fused per element (each op is exactly
 * rounded, so fusing keeps the bits); then (1 - p_t) ** gamma, pow(Tensor, Scalar); then
 * alpha_t * focal * ce.
 */
function focalBlock(p: Float32Array, t: Float32Array, ce: Float32Array, loss: Float32Array, from: number, to: number,
  a: number, b: number, gamma: number): void {
  const base = loss.subarray(from, to);
  for (let i = from; i < to; i++) {
    const ti = t[i]!;
    const pi = p[i]!;
    base[i - from] = f(1 - f(f(pi * ti) + f(f(1 - pi) * f(1 - ti))));
  }
  powScalar(base, gamma, base);
  for (let i = from; i < to; i++) {
    const ti = t[i]!;
    const alphaT = f(f(a * ti) + f(b * f(1 - ti)));
    loss[i] = f(f(alphaT * loss[i]!) * ce[i]!);
  }
}

/** sigmoid_focal_loss from the sigmoid and per-pixel BCE of its logits (pixel-terms.ts). */
export function sigmoidFocalFromTerms(terms: PixelTerms, target: Tensor, options: SigmoidFocalLossOptions = {}): Tensor {
  const alpha = options.alpha ?? 0.25;
  const gamma = options.gamma ?? 2.0;
  const p = elements(terms.probs);
  const ce = elements(terms.bce);
  const t = elements(target);
  const n = p.length;
  // alpha * target and (1 - alpha) * (1 - target): the Python floats cast to float32 by mul
  const a = f(alpha);
  const b = f(1 - alpha);
  const loss = new Float32Array(n);
  for (let from = 0; from < n; from += BLOCK) focalBlock(p, t, ce, loss, from, Math.min(n, from + BLOCK), a, b, gamma);
  const losses = new Tensor(loss, target.shape);
  const reduction = options.reduction ?? 'mean';
  // (the mean as reduction.ts takes it, its sum fed in blocks: the same additions)
  return reduction === 'mean' ? mean(losses) : applyReduction(losses, reduction);
}
