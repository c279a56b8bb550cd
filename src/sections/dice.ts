import { diceFromSums } from '../losses/dice.js';
import { floatOption, intOption } from '../options.js';
import { fixed, value } from '../report.js';
import type { Generator } from '../rng/index.js';
import { MT19937 } from '../rng/mt19937.js';
import { fillSlices_ } from '../tensor/indexing.js';
import { fromData, zeros } from '../tensor/tensor.js';
import { DiceAccumulators, DiceBuffers, diceRange, type DiceSums } from './dice-kernel.js';
import { diceSumsParallel, diceThreads, sharedZeros } from './dice-parallel.js';
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

/**
 * The script's positive region of each mask, [x, y, w, h]: target_masks[i, x:x+w, y:y+h] = 1
 * (rows x.., columns y..; the slices clip at the edges). torch.randint(10, 50, (2,)) then
 * torch.randint(10, 20, (2,)) per mask, before the noise.
 */
export function maskBoxes(g: Generator, batchSize: number): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = [];
  for (let i = 0; i < batchSize; i++) {
    const [x, y] = g.randint(10, 50, 2) as [number, number];
    const [w, h] = g.randint(10, 20, 2) as [number, number];
    boxes.push([x, y, w, h]);
  }
  return boxes;
}

/**
 * The section's sums over the batch `target` (its masks), with randn's noise drawn from `g` block
 * by block as they are computed (diceRange), on one thread or, for large batches, two
 * (dice-parallel.ts), with the same result.
 */
function diceSums(g: Generator, target: Float32Array, threads: number): DiceSums {
  const n = target.length;
  if (threads > 1 && g.source instanceof MT19937) return diceSumsParallel(g.source, target, n);
  const sums = new DiceAccumulators(n);
  // (fewer than 16 values: randn's double-precision path, with its cached sample)
  if (n < 16) sums.block(new DiceBuffers(n), g.randn(n), target, 0, n);
  else diceRange(g.source, target, n, 0, n, sums);
  return sums.result();
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
    const n = batchSize * height * width;
    const threads = diceThreads(n, g.source);
    // (a second thread reads the masks from shared memory)
    const masks = threads > 1 ? fromData(sharedZeros(n), shape) : zeros(shape);
    // masks[i, x:x+w, y:y+h] = 1.0, written through the view (the slices clip at the edges)
    maskBoxes(g, batchSize).forEach(([x, y, w, h], i) => fillSlices_(masks, [i, [x, x + w], [y, y + h]], 1.0));

    const m = masks.data;
    const sums = diceSums(g, m, threads);
    const dice = diceFromSums(sums, smooth);
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
