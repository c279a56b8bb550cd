import type { Figure } from '../figure/model.js';
import { formatFixed, formatRepr } from '../format/index.js';
import { tripletDistances, tripletHinge } from '../sections/triplet.js';
import { sub } from '../tensor/elementwise.js';
import { mean } from '../tensor/reduce.js';
import type { FigureBuilder } from './index.js';
import { series, sweep } from './series.js';
import { elements, fromData } from '../tensor/tensor.js';

interface Opts {
  readonly margin: number;
  readonly margins: readonly number[];
  readonly noise: number;
}

/** Margins sampled: the curve is a hinge sum with 16 kinks. */
const STEPS = 100;

export const figures: FigureBuilder = (ctx, options) => {
  const { margin, margins, noise } = options as unknown as Opts;
  const m = formatRepr(margin);
  const { distancePos, distanceNeg } = tripletDistances(ctx.manualSeed(), noise);
  const rank = Array.from({ length: distancePos.numel }, (_, i) => i + 1);
  const dPos = mean(distancePos).item();
  const dNeg = mean(distanceNeg).item();
  const distances: Figure = {
    title: 'Triplet distances (sorted)',
    kind: 'lines',
    x: { label: 'rank among the 16 triplets' },
    y: { label: 'distance' },
    series: [
      series('D(a,p)', rank, elements(distancePos).slice().sort(), 'points'),
      series('D(a,n)', rank, elements(distanceNeg).slice().sort(), 'points'),
    ],
    marks: [
      { kind: 'hline', y: dPos, label: `mean D(a,p)=${formatFixed(dPos, 4)}` },
      { kind: 'hline', y: dNeg, label: `mean D(a,n)=${formatFixed(dNeg, 4)}` },
    ],
    note: 'The loss is zero for a triplet once D(a,n) − D(a,p) exceeds the margin.',
  };

  // the margin axis reaches past the largest gap D(a,n) - D(a,p), where the loss starts
  let gap = 0;
  for (const v of sub(distanceNeg, distancePos).data) if (v > gap) gap = v;
  const lo = Math.min(0, Math.floor(Math.min(...margins, margin)));
  const hi = Math.ceil(Math.max(...margins, margin, gap) * 1.2);
  const ms = sweep(lo, hi, STEPS);
  // every margin at once: a column of margins (float32, as the scalar margin is cast) gives one
  // row of hinge terms per margin, and each row's mean is triplet_loss at that margin
  const lossAt = (column: Float32Array): number[] => {
    const hinge = tripletHinge(distancePos, distanceNeg, fromData(column, [column.length, 1]));
    return Array.from(column, (_, k) => mean(hinge.slice(0, k, k + 1)).item());
  };
  const loss = lossAt(ms);
  const sweepLoss = lossAt(Float32Array.from(margins));
  const curve: Figure = {
    title: 'Triplet loss vs margin',
    kind: 'lines',
    x: { label: 'margin' },
    y: { label: 'mean triplet loss' },
    series: [series('triplet loss', ms, loss), series('--margins', margins, sweepLoss, 'points')],
    marks: [{ kind: 'vline', x: margin, label: `margin=${m}` }],
    note: 'mean(max(0, D(a,p) − D(a,n) + margin)) over the 16 triplets.',
  };
  return [distances, curve];
};
