import { formatG, formatRepr } from '../format/index.js';
import { comboFromLosses } from '../losses/combo.js';
import { diceLossFromProbs } from '../losses/dice.js';
import { pixelTerms, pixelTermsOfConstant } from '../losses/pixel-terms.js';
import { sigmoidFocalFromTerms } from '../losses/sigmoid-focal.js';
import { floatOption, intListOption, listOption } from '../options.js';
import { fixed, type Line, uniqueLabels, value } from '../report.js';
import type { Generator } from '../rng/index.js';
import { add, mul, sub } from '../tensor/elementwise.js';
import { fillSlices_ } from '../tensor/indexing.js';
import { mean } from '../tensor/reduce.js';
import { fromData, type Tensor, zeros } from '../tensor/tensor.js';
import { defineSection } from './types.js';

interface Opts {
  readonly alpha: number;
  readonly gamma: number;
  readonly diceWeight: number;
  readonly noise: number;
  readonly sizes: readonly number[];
  readonly smooths: readonly number[];
}

const BATCH = 4;
export const HEIGHT = 64;
export const WIDTH = 64;
const SHAPE = [BATCH, HEIGHT, WIDTH];
const BAR = '='.repeat(60);

/** square_masks: one size×size square per mask, its corner drawn by torch.randint(0, 64 - size + 1, (1,)) twice. */
function squareMasks(g: Generator, size: number): Tensor {
  const masks = zeros(SHAPE);
  for (let i = 0; i < BATCH; i++) {
    const x = g.randint(0, HEIGHT - size + 1, 1)[0]!;
    const y = g.randint(0, WIDTH - size + 1, 1)[0]!;
    fillSlices_(masks, [i, [x, x + size], [y, y + size]], 1.0);
  }
  return masks;
}

/** The section's 16×16 target masks and the noisy logits predicted for them. */
export function segmentationData(g: Generator, noise: number): { target: Tensor; logits: Tensor } {
  const target = squareMasks(g, 16);
  // target_masks * 5.0 + torch.randn(4, 64, 64) * noise - 1.0
  const logits = sub(add(mul(target, 5.0), mul(fromData(g.randn(target.numel), SHAPE), noise)), 1.0);
  return { target, logits };
}

/** The losses of the class-imbalance sweep at one square size. */
export interface BackgroundOnly {
  /** masks.mean().item() * 100: a Python float product */
  readonly foregroundPercent: number;
  readonly bce: number;
  readonly focal: number;
  readonly dice: number;
}

/**
 * The script's "prediction that ignores the object": square_masks of one size drawn from g (a
 * fresh torch.manual_seed), predicted torch.full_like(masks, -5.0). (--alpha and --gamma are the
 * defaults of the script's sigmoid_focal_loss, so they apply here too)
 */
export function backgroundOnly(g: Generator, size: number, alpha: number, gamma: number): BackgroundOnly {
  const masks = squareMasks(g, size);
  const background = pixelTermsOfConstant(-5.0, masks);
  return {
    foregroundPercent: mean(masks).item() * 100,
    bce: mean(background.bce).item(),
    focal: sigmoidFocalFromTerms(background, masks, { alpha, gamma }).item(),
    dice: diceLossFromProbs(background.probs, masks).item(),
  };
}

export const section = defineSection<Opts>({
  number: 11,
  name: 'segmentation',
  title: '11. Segmentation: Focal and Combo Losses',
  extra: true,
  options: [
    floatOption('alpha', 'weighting factor α of sigmoid_focal_loss', 0.25, '0.25', '0.5'),
    floatOption('gamma', 'focusing parameter γ of sigmoid_focal_loss', 2.0, '2.0', '5'),
    floatOption('dice-weight', 'weight w of Dice in the combo loss w·Dice + (1 - w)·BCE', 0.5, '0.5', '0.7'),
    floatOption('noise', 'scale of the noise in the predicted logits', 2.0, '2.0', '0.5'),
    intListOption('sizes', 'square sizes of the class-imbalance sweep', [32, 16, 8, 4], '32,16,8,4', '64,2,1', { min: 1, max: HEIGHT }),
    listOption('smooths', 'smooth values of the empty-mask Dice', [1e-6, 1.0], '1e-6,1.0', '0,0.5', { min: 0 }),
  ],
  run(ctx, { alpha, gamma, diceWeight, noise, sizes, smooths }) {
    const { target, logits } = segmentationData(ctx.manualSeed(), noise);
    // the sigmoid and per-pixel BCE that each of the script's four losses computes again
    const terms = pixelTerms(logits, target);
    const bce = mean(terms.bce);
    const dice = diceLossFromProbs(terms.probs, target);
    const focal = sigmoidFocalFromTerms(terms, target, { alpha, gamma }).item();
    const combo = comboFromLosses(dice, bce, diceWeight).item();

    const sizeLabels = uniqueLabels(sizes.map((s) => `${s}×${s}`));
    const sizeLines: Line[] = sizes.map((size, i) => {
      const r = backgroundOnly(ctx.manualSeed(), size, alpha, gamma);
      const label = sizeLabels[i]!;
      return [
        ` ${String(size).padStart(2)}×${String(size).padEnd(2)} (`,
        value(`${label}: foreground %`, r.foregroundPercent, { fixed: 2 }, 'size'),
        '%): BCE ',
        value(`${label}: BCE`, r.bce, { fixed: 4 }, 'size'),
        '  Focal ',
        value(`${label}: Focal`, r.focal, { fixed: 4 }, 'size'),
        '  Dice ',
        value(`${label}: Dice`, r.dice, { fixed: 4 }, 'size'),
      ];
    });

    const empty = zeros([1, HEIGHT, WIDTH]);
    const backgroundProbs = pixelTermsOfConstant(-10.0, empty).probs;
    // (torch.full((1, 64, 64), -10.0))
    const smoothLabels = uniqueLabels(smooths.map((s) => `smooth=${formatG(s)}`));
    const smoothLines: Line[] = smooths.map((smooth, i) => [
      ` smooth=${formatG(smooth)}: Dice Loss `,
      value(smoothLabels[i]!, diceLossFromProbs(backgroundProbs, empty, { smooth }).item(), { fixed: 4 }, 'smooth'),
    ]);

    return {
      lines: [
        ['Mask shape: ', value('Mask shape', SHAPE, 'size')],
        ['Foreground fraction: ', fixed('Foreground fraction', mean(target).item())],
        [''],
        ['BCE Loss: ', fixed('BCE Loss', bce.item())],
        ['Dice Loss: ', fixed('Dice Loss', dice.item())],
        [`Focal Loss (α=${formatRepr(alpha)}, γ=${formatRepr(gamma)}): `, fixed('Focal Loss', focal)],
        [`Combo Loss (${formatG(diceWeight)}·Dice + ${formatG(1 - diceWeight)}·BCE): `, fixed('Combo Loss', combo)],
        [''],
        ['Class imbalance: a prediction that ignores the object'],
        ...sizeLines,
        [' → BCE and focal reward missing a small object; Dice still scores it a miss'],
        [''],
        ['Empty mask, predicted empty:'],
        ...smoothLines,
        [' → With a tiny smooth a correct empty prediction scores as a miss'],
        // the script's closing print("\n" + "=" * 60), text and bar: the last section carries them
        [''],
        [BAR],
        ['Extra sections complete!'],
        [BAR],
      ],
    };
  },
});
