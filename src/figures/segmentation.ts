import type { Figure } from '../figure/model.js';
import { formatRepr } from '../format/index.js';
import { backgroundOnly, type BackgroundOnly, HEIGHT, segmentationData, WIDTH } from '../sections/segmentation.js';
import { sigmoid } from '../tensor/unary-math.js';
import { elements, type Tensor } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series } from './series.js';

interface Opts {
  readonly alpha: number;
  readonly gamma: number;
  readonly noise: number;
  readonly sizes: readonly number[];
}

/**
 * Square sides of the curve, evenly spaced on its log axis: each side costs the losses of a whole
 * 4×64×64 batch (about 2 ms), and the curves are smooth in log(side).
 */
const SIDES = [1, 2, 4, 8, 16, 32, 64];

export const figures: FigureBuilder = (ctx, options) => {
  const { alpha, gamma, noise, sizes } = options as unknown as Opts;

  // each side's masks drawn after a fresh manual_seed, as the section's sweep draws them: a side
  // gives the same losses every time, so one on the curve and in --sizes is computed once
  const memo = new Map<number, BackgroundOnly>();
  const at = (side: number): BackgroundOnly => {
    let r = memo.get(side);
    if (r === undefined) memo.set(side, (r = backgroundOnly(ctx.manualSeed(), side, alpha, gamma)));
    return r;
  };
  const sweep = (sides: readonly number[]) => sides.map(at);
  const curve = sweep(SIDES);
  const marked = sweep(sizes);
  const focalName = `Focal (α=${formatRepr(alpha)}, γ=${formatRepr(gamma)})`;
  const imbalance: Figure = {
    title: 'A prediction that ignores the object (logits −5)',
    kind: 'lines',
    x: { label: 'square side (pixels)', scale: 'log' },
    y: { label: 'loss', scale: 'log' },
    series: [
      series('BCE', SIDES, curve.map((r) => r.bce)),
      series(focalName, SIDES, curve.map((r) => r.focal)),
      series('Dice', SIDES, curve.map((r) => r.dice)),
      series('--sizes: BCE', sizes, marked.map((r) => r.bce), 'points'),
      series('--sizes: Focal', sizes, marked.map((r) => r.focal), 'points'),
      series('--sizes: Dice', sizes, marked.map((r) => r.dice), 'points'),
    ],
    marks: [],
    note: `The square is side² of each mask's ${HEIGHT * WIDTH} pixels. BCE and focal average over pixels and shrink with it; Dice stays near 1: a miss.`,
  };

  // mask 1 of the section's batch and its predicted probability, row 0 at the bottom (as section 7's)
  const { target, logits } = segmentationData(ctx.manualSeed(), noise);
  // torch.sigmoid of mask 1 alone: 4096 elements, all in the vectorized blocks of 16, as they
  // are in the whole batch (whose numel % 16 tail is empty), so the bits are the batch's
  const mask1 = (t: Tensor): Tensor => t.slice(0, 0, 1).contiguous();
  const probs = sigmoid(mask1(logits));
  const rows = Array.from({ length: HEIGHT }, (_, i) => i);
  const cols = Array.from({ length: WIDTH }, (_, i) => i);
  const first = (values: Float32Array): number[][] => rows.map((r) => cols.map((c) => values[r * WIDTH + c]!));
  const heatmap = (title: string, values: Float32Array, label: string): Figure => ({
    title,
    kind: 'heatmap',
    x: { label: 'column', domain: [0, WIDTH - 1] },
    y: { label: 'row', domain: [0, HEIGHT - 1] },
    series: [],
    grid: { x: cols, y: rows, values: first(values), label },
    marks: [],
  });
  return [
    imbalance,
    heatmap('Mask 1: target (16×16 square)', elements(mask1(target)), 'target'),
    { ...heatmap(`Mask 1: sigmoid(prediction), noise ${formatRepr(noise)}`, elements(probs), 'probability'),
      note: 'The logits are 5·target + noise·randn − 1: the square shows through the noise.' },
  ];
};
