import { sigmoidScalar, sigmoidVec, sleefExpf, VECTOR_BLOCK } from '../tensor/math/index.js';
import { elements, Tensor } from '../tensor/tensor.js';
import { bceExpArgument, bceWithLogitsInto } from './binary-cross-entropy-with-logits.js';

const f = Math.fround;

/*
 * The two per-pixel tensors the segmentation losses share: torch.sigmoid(logits) and
 * F.binary_cross_entropy_with_logits(logits, target, reduction='none'). The script computes them
 * again in each loss (BCE, dice_loss, sigmoid_focal_loss, combo_loss); they are the same tensors
 * each time, so they are computed once per (logits, target) and each loss takes them.
 *
 * A prediction that is one value everywhere (torch.full_like(masks, -5.0)) needs its exp, log
 * and sigmoid once (pixelTermsOfConstant): the vectorized kernels give every element the same
 * bits, and sigmoid's scalar tail (numel % 16 elements, glibc expf) its own value.
 */

export interface PixelTerms {
  /** torch.sigmoid(logits) */
  readonly probs: Tensor;
  /** binary_cross_entropy_with_logits(logits, target, reduction='none') */
  readonly bce: Tensor;
}

/**
 * Elements per call of termsBlock: small (and a multiple of 16, so that sigmoid's vectorized
 * blocks and tail fall where the whole-tensor kernel puts them) so that V8 optimises the function
 * after a few calls, where one call over all elements would run mostly interpreted, waiting for
 * on-stack replacement (as section 7's Dice blocks, dice-kernel.ts).
 */
const BLOCK = 128;

/** Elements [from, to): sigmoid (Sleef below vecEnd, glibc on the tail) and BCE with logits. */
function termsBlock(x: Float32Array, y: Float32Array, probs: Float32Array, bce: Float32Array, from: number, to: number, vecEnd: number): void {
  for (let i = from; i < to; i++) bce[i] = sleefExpf(bceExpArgument(x[i]!));
  // sigmoid's vectorized lane is 1 / (1 + exp(0 - x)) with Sleef's exp (sigmoidVec); for x > 0,
  // 0 - x is -|x|, BCE's argument, so that exponential is the one just computed (section 7 shares
  // it the same way)
  for (let i = from; i < to; i++) {
    const xi = x[i]!;
    probs[i] = i >= vecEnd ? sigmoidScalar(xi) : xi > 0 ? f(1 / f(1 + bce[i]!)) : sigmoidVec(xi);
  }
  const out = bce.subarray(from, to);
  bceWithLogitsInto(x.subarray(from, to), y.subarray(from, to), out, out, to - from);
}

export function pixelTerms(logits: Tensor, target: Tensor): PixelTerms {
  if (logits.numel !== target.numel) throw new RangeError(`pixelTerms: ${logits.numel} logits for ${target.numel} targets`);
  const x = elements(logits);
  const n = x.length;
  const probs = new Float32Array(n);
  const bce = new Float32Array(n);
  const vecEnd = n - (n % VECTOR_BLOCK);
  for (let from = 0; from < n; from += BLOCK) termsBlock(x, elements(target), probs, bce, from, Math.min(n, from + BLOCK), vecEnd);
  return { probs: new Tensor(probs, logits.shape), bce: new Tensor(bce, logits.shape) };
}

/** Elements [from, to) of a constant prediction's BCE: the loss for target 0, for 1, or looked up. */
function constantBceBlock(yBits: Uint32Array, bce: Float32Array, from: number, to: number,
  zero: number, unit: number, other: (bits: number) => number): void {
  for (let i = from; i < to; i++) {
    const bits = yBits[i]!;
    bce[i] = bits === 0 ? zero : bits === 0x3f800000 ? unit : other(bits);
  }
}

/**
 * pixelTerms(torch.full(target.shape, value), target) without the tensor of logits: sigmoid of
 * the one value (Sleef on the whole blocks of 16, glibc on the tail), and the BCE of an element,
 * which depends on its target alone, from one bceWithLogitsInto per distinct target (masks hold
 * 0 and 1; any other value is computed once by its bits).
 */
export function pixelTermsOfConstant(value: number, target: Tensor): PixelTerms {
  const c = Math.fround(value);
  const y = elements(target);
  const n = y.length;
  const vecEnd = n - (n % VECTOR_BLOCK);
  const probs = new Float32Array(n).fill(sigmoidVec(c), 0, vecEnd).fill(sigmoidScalar(c), vecEnd);
  const e = Float32Array.of(sleefExpf(bceExpArgument(c)));
  const lossFor = (t: number): number => {
    const one = new Float32Array(1);
    bceWithLogitsInto(Float32Array.of(c), Float32Array.of(t), e, one, 1);
    return one[0]!;
  };
  const memo = new Map<number, number>();
  const bitsView = new Uint32Array(1);
  const floatView = new Float32Array(bitsView.buffer);
  const other = (bits: number): number => {
    let v = memo.get(bits);
    if (v === undefined) {
      bitsView[0] = bits;
      memo.set(bits, (v = lossFor(floatView[0]!)));
    }
    return v;
  };
  const bce = new Float32Array(n);
  const yBits = new Uint32Array(y.buffer, y.byteOffset, n);
  const zero = lossFor(0);
  const unit = lossFor(1);
  for (let from = 0; from < n; from += BLOCK) constantBceBlock(yBits, bce, from, Math.min(n, from + BLOCK), zero, unit, other);
  return { probs: new Tensor(probs, target.shape), bce: new Tensor(bce, target.shape) };
}
