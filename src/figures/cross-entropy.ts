import type { Figure, Mark } from '../figure/model.js';
import { formatG } from '../format/index.js';
import { crossEntropyOfLogProbs } from '../losses/cross-entropy.js';
import { classificationData, crossEntropyNaiveRows, crossEntropyStableRows } from '../sections/cross-entropy.js';
import { cat } from '../tensor/cat.js';
import { mul } from '../tensor/elementwise.js';
import { mean } from '../tensor/reduce.js';
import { logSoftmax } from '../tensor/softmax.js';
import type { Tensor } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series } from './series.js';

interface Opts {
  readonly scale: number;
}

/** Four scales per decade (1, 2, 3, 5), as decimal mantissas (parsed like Python's float('12e-1')). */
const MANTISSAS = [10, 20, 30, 50];

/** The logit scales of the sweep: from 1 up to the first one past `upper` (finite ones only). */
export function logitScales(upper: number): number[] {
  const out: number[] = [];
  for (let k = 0; ; k++) {
    for (const m of MANTISSAS) {
      const s = Number(`${m}e${k - 1}`);
      if (!Number.isFinite(s)) return out;
      out.push(s);
      if (s > upper) return out;
    }
  }
}

export const figures: FigureBuilder = (ctx, options) => {
  const { scale } = options as unknown as Opts;
  const { logits, targets } = classificationData(ctx.manualSeed());
  const scales = logitScales(Math.max(Math.abs(scale), 10));
  // every scale's extreme_logits = logits * s (as the section scales them) stacked into one
  // batch: each op of the three losses is row by row and each exp and log is Sleef's on every
  // element (vml), so a row's loss is the one the 8-row batch gives; a scale's mean is then
  // taken over its own 8 rows (a view), as the section's .mean() / nll_loss take it
  const n = targets.length;
  const batch = cat(scales.map((s) => mul(logits, s)));
  const batchTargets = scales.flatMap(() => targets);
  const logProbs = logSoftmax(batch, 1);
  const naiveRows = crossEntropyNaiveRows(batch, batchTargets);
  const stableRows = crossEntropyStableRows(batch, batchTargets);
  const rows = (t: Tensor, k: number): Tensor => t.slice(0, k * n, (k + 1) * n);
  const builtin = scales.map((_, k) => crossEntropyOfLogProbs(rows(logProbs, k), targets).item());
  const naive = scales.map((_, k) => mean(rows(naiveRows, k)).item());
  const stable = scales.map((_, k) => mean(rows(stableRows, k)).item());
  const marks: Mark[] = scale > 0 ? [{ kind: 'vline', x: scale, label: `--scale ×${formatG(scale)}` }] : [];
  const figure: Figure = {
    title: 'Cross-entropy as the logits grow',
    kind: 'lines',
    x: { label: 'logit scale (×)', scale: 'log' },
    y: { label: 'mean CE loss', scale: 'log' },
    series: [series('built-in', scales, builtin), series('naive', scales, naive), series('stable', scales, stable)],
    marks,
    note: 'The naive curve breaks where exp(logit) overflows float32 (logits above about 88.7); built-in and stable stay finite.',
  };
  return [figure];
};
