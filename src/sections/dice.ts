import { bceExpArgument, bceWithLogitsInto } from '../losses/binary-cross-entropy-with-logits.js';
import { floatOption, intOption } from '../options.js';
import { fixed, value } from '../report.js';
import { fillSlices_ } from '../tensor/indexing.js';
import { libmExpf, sleefExpfInto, VECTOR_BLOCK } from '../tensor/math/index.js';
import { CascadeSum } from '../tensor/reduce.js';
import { zeros } from '../tensor/tensor.js';
import { defineSection } from './types.js';

interface Opts {
  readonly smooth: number;
  readonly batchSize: number;
  readonly height: number;
  readonly width: number;
}

const f = Math.fround;

/** Elements of the mask batch: above this a run would need more than about 2 GiB. */
export const MAX_DICE_ELEMENTS = 2 ** 25;

/** Elements computed per block before their sums take them (a multiple of cascade_sum's 32-float rows). */
const BLOCK = 4096;

/**
 * cascade_sum of a tensor of zeros and ones. Up to 2^24 elements every partial sum is an integer
 * that float32 holds exactly, so the order cannot change the result and the ones are counted;
 * beyond that (the cap is 2^25) cascade_sum's order decides the rounding, so it is followed.
 */
class ZeroOneSum {
  private count = 0;
  private readonly cascade: CascadeSum | undefined;

  constructor(n: number) {
    this.cascade = n > 2 ** 24 ? new CascadeSum(n) : undefined;
  }

  add(x: Float32Array, from: number, to: number): void {
    if (this.cascade) {
      this.cascade.add(x, from, to);
      return;
    }
    let c = 0;
    for (let i = from; i < to; i++) c += x[i]!;
    this.count += c;
  }

  result(): number {
    return this.cascade ? this.cascade.result() : this.count;
  }
}

/** The section's reductions, each in cascade_sum's order over the whole mask batch. */
interface DiceSums {
  /** sigmoid(logits).sum() */
  readonly probs: number;
  /** (sigmoid(logits) * target).sum() */
  readonly intersection: number;
  /** target.sum() */
  readonly target: number;
  /** the per-element BCE losses' sum (their mean is the loss) */
  readonly bce: number;
  /** (sigmoid(logits) > 0.5).float().sum() */
  readonly binary: number;
  /** (pred_binary * target).sum() */
  readonly binaryIntersection: number;
}

/**
 * Every tensor the script derives from the noise, in one pass: each element's logit, sigmoid, BCE
 * loss and threshold go straight into the sums that read them, block by block, so none of the
 * full-size intermediate tensors is materialised. Per element this is what the kernels compute:
 * - pred_logits = target_masks * 5.0 + torch.randn(...) * 2.0: three kernels (mul, mul, add),
 *   each rounding to float32;
 * - torch.sigmoid (dice_loss, twice, and pred_probs: one kernel, the same bits each time):
 *   cpu_kernel_vec, 1 / (1 + exp(0 - x)) with Sleef's expf on blocks of 16 and glibc's expf on
 *   the numel % 16 tail (sigmoidVec / sigmoidScalar of tensor/math/ops.ts);
 * - F.binary_cross_entropy_with_logits: bceWithLogitsInto. Its exponential is Sleef's exp(-x)
 *   for x > 0, the very value the vectorized sigmoid computed, so it is reused there;
 * - the products with the 0/1 target and the 0/1 threshold, rounded to float32 as mul's output.
 */
function diceSums(noise: Float32Array, target: Float32Array): DiceSums {
  const n = noise.length;
  const probs = new CascadeSum(n);
  const intersection = new CascadeSum(n);
  const targetSum = new ZeroOneSum(n);
  const bce = new CascadeSum(n);
  const binary = new ZeroOneSum(n);
  const binaryIntersection = new ZeroOneSum(n);
  const size = Math.min(BLOCK, n);
  const x = new Float32Array(size);
  const p = new Float32Array(size);
  const pt = new Float32Array(size);
  const loss = new Float32Array(size);
  const b = new Float32Array(size);
  const bt = new Float32Array(size);
  const args = new Float32Array(size);
  const gathered = new Int32Array(size);
  const vecEnd = n - (n % VECTOR_BLOCK);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    const len = end - start;
    for (let k = 0; k < len; k++) {
      const t = target[start + k]!;
      // t·5 and noise·2 are exact (t is 0 or 1; doubling a float is exact): one rounding, the add's
      const xk = f(t * 5 + noise[start + k]! * 2);
      x[k] = xk;
      args[k] = f(0 - xk);
    }
    // sigmoid's exponentials: Sleef's on the vectorized part, glibc's on the numel % 16 tail
    sleefExpfInto(args, p, 0, len);
    for (let i = Math.max(start, vecEnd); i < end; i++) p[i - start] = libmExpf(-x[i - start]!);
    // In one pass: the sigmoid, the products with the target, the threshold; and BCE's
    // exponential of -|x|, which is the sigmoid's on the vectorized part where x > 0 and is
    // gathered for computing otherwise (without a branch: the sign of x is random, and a
    // mispredicted branch costs more)
    let m = 0;
    for (let k = 0; k < len; k++) {
      const xk = x[k]!;
      const e = p[k]!;
      loss[k] = e;
      gathered[m] = k;
      args[m] = bceExpArgument(xk);
      m += 1 - (+(xk > 0) & +(start + k < vecEnd));
      const t = target[start + k]!;
      const prob = f(1 / f(1 + e));
      p[k] = prob;
      pt[k] = prob * t;
      const above = +(prob > 0.5);
      b[k] = above;
      bt[k] = above * t;
    }
    sleefExpfInto(args, args, 0, m);
    for (let j = 0; j < m; j++) loss[gathered[j]!] = args[j]!;
    bceWithLogitsInto(x, target.subarray(start, end), loss, loss, len);
    probs.add(p, 0, len);
    intersection.add(pt, 0, len);
    targetSum.add(target, start, end);
    bce.add(loss, 0, len);
    binary.add(b, 0, len);
    binaryIntersection.add(bt, 0, len);
  }
  return {
    probs: probs.result(),
    intersection: intersection.result(),
    target: targetSum.result(),
    bce: bce.result(),
    binary: binary.result(),
    binaryIntersection: binaryIntersection.result(),
  };
}

/**
 * The script's dice_loss from its sums: 1 - (2·|P∩T| + smooth) / (|P| + |T| + smooth), each
 * scalar op on 0-dim float32 tensors (the Python float smooth cast to float32).
 */
function diceLoss(sums: DiceSums, smooth: number): number {
  const s = f(smooth);
  const union = f(sums.probs + sums.target);
  const dice = f(f(f(2 * sums.intersection) + s) / f(union + s));
  return f(1 - dice);
}

export const section = defineSection<Opts>({
  number: 7,
  name: 'dice',
  title: '7. Dice Loss for Binary Segmentation',
  options: [
    floatOption('smooth', 'smoothing term of dice_loss', 1e-6, '1e-6', '1'),
    intOption('batch-size', 'masks in the batch', 4, '2', { min: 1 }),
    intOption('height', 'mask height', 64, '40', { min: 1 }),
    intOption('width', 'mask width', 64, '30', { min: 1 }),
  ],
  validate({ batchSize, height, width }) {
    const n = batchSize * height * width;
    if (n <= MAX_DICE_ELEMENTS) return undefined;
    return `options '--batch-size' × '--height' × '--width' = ${n} elements, over the cap of ${MAX_DICE_ELEMENTS} (about 2 GiB of memory)`;
  },
  run(ctx, { smooth, batchSize, height, width }) {
    const g = ctx.manualSeed();
    const shape = [batchSize, height, width];
    const masks = zeros(shape);
    for (let i = 0; i < batchSize; i++) {
      // torch.randint(10, 50, (2,)) then torch.randint(10, 20, (2,)); the slices clip at the edges
      const [x, y] = g.randint(10, 50, 2) as [number, number];
      const [w, h] = g.randint(10, 20, 2) as [number, number];
      fillSlices_(masks, [i, [x, x + w], [y, y + h]], 1.0);
    }

    const m = masks.data;
    const sums = diceSums(g.randn(masks.numel), m);
    const dice = diceLoss(sums, smooth);
    const bce = f(sums.bce / f(m.length));
    const diceCoef = f(1 - dice);

    const intersection = sums.binaryIntersection;
    const union = f(f(sums.binary + sums.target) - intersection);
    const iou = f(intersection / f(union + f(1e-6)));

    return {
      lines: [
        ['Mask shape: ', value('Mask shape', shape, 'size')],
        ['Positive pixels: ', value('Positive pixels', sums.target, 'float'), ' / ', value('Total pixels', masks.numel, 'int')],
        [''],
        ['Dice Loss: ', fixed('Dice Loss', dice)],
        ['BCE Loss: ', fixed('BCE Loss', bce)],
        [' → Dice is better for imbalanced segmentation'],
        [''],
        ['Dice Coefficient: ', fixed('Dice Coefficient', diceCoef), ' (higher is better)'],
        ['IoU: ', fixed('IoU', iou)],
      ],
    };
  },
});
