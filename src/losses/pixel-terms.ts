import { sigmoid, sigmoidScalar, sigmoidVec, sleefExpf, VECTOR_BLOCK } from '../tensor/math/index.js';
import { Tensor } from '../tensor/tensor.js';
import { bceExpArgument, bceWithLogitsInto } from './binary-cross-entropy-with-logits.js';

/*
 * The two per-pixel tensors the segmentation losses share: torch.sigmoid(logits) and
 * F.binary_cross_entropy_with_logits(logits, target, reduction='none'). The script computes them
 * again in each loss (BCE, dice_loss, sigmoid_focal_loss, combo_loss); they are the same tensors
 * each time, so they are computed once per (logits, target) and each loss takes them.
 *
 * A prediction that is one value everywhere (torch.full_like(masks, -5.0)) needs its exp, log
 * and sigmoid once: the vectorized kernels give every element the same bits, and sigmoid's
 * scalar tail (numel % 16 elements, glibc expf) its own value.
 */

export interface PixelTerms {
  /** torch.sigmoid(logits) */
  readonly probs: Tensor;
  /** binary_cross_entropy_with_logits(logits, target, reduction='none') */
  readonly bce: Tensor;
}

const BITS = new Uint32Array(1);
const FLOAT = new Float32Array(BITS.buffer);

/** The one value of x if all its elements have the same bits, else undefined. */
function constantValue(x: Float32Array): number | undefined {
  if (x.length === 0) return undefined;
  const bits = new Uint32Array(x.buffer, x.byteOffset, x.length);
  const b = bits[0]!;
  for (let i = 1; i < bits.length; i++) if (bits[i] !== b) return undefined;
  BITS[0] = b;
  return FLOAT[0];
}

export function pixelTerms(logits: Tensor, target: Tensor): PixelTerms {
  if (logits.numel !== target.numel) throw new RangeError(`pixelTerms: ${logits.numel} logits for ${target.numel} targets`);
  const x = logits.data;
  const n = x.length;
  const c = constantValue(x);
  const bce = new Float32Array(n);
  let probs: Float32Array;
  if (c === undefined) {
    probs = sigmoid(x);
    for (let i = 0; i < n; i++) bce[i] = sleefExpf(bceExpArgument(x[i]!));
    bceWithLogitsInto(x, target.data, bce, bce, n);
  } else {
    const vecEnd = n - (n % VECTOR_BLOCK);
    probs = new Float32Array(n).fill(sigmoidVec(c), 0, vecEnd).fill(sigmoidScalar(c), vecEnd);
    // the loss of an element depends on its target alone: one bceWithLogitsInto per distinct target
    const e = Float32Array.of(sleefExpf(bceExpArgument(c)));
    const memo = new Map<number, number>();
    const y = target.data;
    const yBits = new Uint32Array(y.buffer, y.byteOffset, n);
    const one = new Float32Array(1);
    for (let i = 0; i < n; i++) {
      let v = memo.get(yBits[i]!);
      if (v === undefined) {
        bceWithLogitsInto(Float32Array.of(c), y.subarray(i, i + 1), e, one, 1);
        v = one[0]!;
        memo.set(yBits[i]!, v);
      }
      bce[i] = v;
    }
  }
  return { probs: new Tensor(probs, logits.shape), bce: new Tensor(bce, logits.shape) };
}
