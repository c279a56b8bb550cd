import { mul } from '../tensor/elementwise.js';
import { sigmoid } from '../tensor/unary-math.js';
import { cascadeSum } from '../tensor/reduce.js';
import { elements, Tensor } from '../tensor/tensor.js';

const f = Math.fround;

/** The three sums dice_loss takes: (pred * target).sum(), pred.sum(), target.sum(). */
export interface DiceLossSums {
  readonly intersection: number;
  readonly probs: number;
  readonly target: number;
}

export interface DiceLossOptions {
  readonly smooth?: number;
}

/**
 * The script's dice_loss (section 7 and the extras' section 11) from its sums:
 * 1 - (2·|P∩T| + smooth) / (|P| + |T| + smooth), each scalar op on 0-dim float32 tensors, the
 * Python float smooth cast to float32 by each op.
 */
export function diceFromSums(sums: DiceLossSums, smooth = 1e-6): number {
  const s = f(smooth);
  const union = f(sums.probs + sums.target);
  const dice = f(f(f(2 * sums.intersection) + s) / f(union + s));
  return f(1 - dice);
}

/**
 * dice_loss from torch.sigmoid(logits) (pixel-terms.ts): the elementwise product and three full
 * cascade sums of contiguous tensors. Section 7 computes the same sums fused with its noise
 * (sections/dice-kernel.ts); this is the plain form for tensors already built.
 */
export function diceLossFromProbs(probs: Tensor, target: Tensor, options: DiceLossOptions = {}): Tensor {
  if (probs.numel !== target.numel) throw new RangeError(`diceLoss: ${probs.numel} predictions for ${target.numel} targets`);
  const sums = {
    intersection: cascadeSum(mul(probs, target).data),
    probs: cascadeSum(elements(probs)),
    target: cascadeSum(elements(target)),
  };
  return new Tensor(Float32Array.of(diceFromSums(sums, options.smooth ?? 1e-6)), []);
}

/** dice_loss(logits, target): torch.sigmoid (cpu_kernel_vec: Sleef on blocks of 16, glibc on the tail), then diceLossFromProbs. */
export function diceLoss(logits: Tensor, target: Tensor, options: DiceLossOptions = {}): Tensor {
  return diceLossFromProbs(sigmoid(logits), target, options);
}
