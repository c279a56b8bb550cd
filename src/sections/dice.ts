import { binaryCrossEntropyWithLogits } from '../losses/binary-cross-entropy-with-logits.js';
import { floatOption, intOption } from '../options.js';
import { fixed, value } from '../report.js';
import { gtScalar } from '../tensor/compare.js';
import { fillSlices_ } from '../tensor/indexing.js';
import { sigmoid } from '../tensor/math/index.js';
import { cascadeSum } from '../tensor/reduce.js';
import { Tensor, zeros } from '../tensor/tensor.js';
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

/** `(a * b).sum()`: the float32 products, then cascade_sum. */
function productSum(a: Float32Array, b: Float32Array): number {
  const prod = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) prod[i] = a[i]! * b[i]!;
  return cascadeSum(prod);
}

/**
 * The script's dice_loss after its torch.sigmoid: 1 - (2·|P∩T| + smooth) / (|P| + |T| + smooth),
 * each scalar op on 0-dim float32 tensors (the Python float smooth cast to float32).
 */
export function diceLossFromProbabilities(probs: Tensor, target: Tensor, smooth = 1e-6): number {
  const s = f(smooth);
  const intersection = productSum(probs.data, target.data);
  const union = f(cascadeSum(probs.data) + cascadeSum(target.data));
  const dice = f(f(f(2 * intersection) + s) / f(union + s));
  return f(1 - dice);
}

/** The script's dice_loss(pred, target, smooth) on logits. */
export function diceLoss(logits: Tensor, target: Tensor, smooth = 1e-6): number {
  return diceLossFromProbabilities(new Tensor(sigmoid(logits.data), logits.shape), target, smooth);
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

    // target_masks * 5.0 + torch.randn(...) * 2.0: three kernels (mul, mul, add), each rounding
    // to float32, run here element by element into randn's buffer
    const logitsData = g.randn(masks.numel);
    const m = masks.data;
    for (let i = 0; i < m.length; i++) logitsData[i] = f(f(m[i]! * 5) + f(logitsData[i]! * 2));
    const logits = new Tensor(logitsData, shape);

    // dice_loss and pred_probs apply the same sigmoid kernel to the same logits: computed once
    const probs = new Tensor(sigmoid(logitsData), shape);
    const dice = diceLossFromProbabilities(probs, masks, smooth);
    const bce = binaryCrossEntropyWithLogits(logits, masks).item();
    const diceCoef = f(1 - dice);

    const predBinary = gtScalar(probs, 0.5);
    const intersection = productSum(predBinary.data, m);
    const positives = cascadeSum(m);
    const union = f(f(cascadeSum(predBinary.data) + positives) - intersection);
    const iou = f(intersection / f(union + f(1e-6)));

    return {
      lines: [
        ['Mask shape: ', value('Mask shape', shape, 'size')],
        ['Positive pixels: ', value('Positive pixels', positives, 'float'), ' / ', value('Total pixels', masks.numel, 'int')],
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
