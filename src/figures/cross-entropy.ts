import type { Figure, Mark } from '../figure/model.js';
import { formatG } from '../format/index.js';
import { crossEntropy } from '../losses/cross-entropy.js';
import { classificationData, crossEntropyNaive, crossEntropyStable } from '../sections/cross-entropy.js';
import { mul } from '../tensor/elementwise.js';
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
  const builtin: number[] = [];
  const naive: number[] = [];
  const stable: number[] = [];
  for (const s of scales) {
    // extreme_logits = logits * s, as the section scales them
    const scaled = mul(logits, s);
    builtin.push(crossEntropy(scaled, targets).item());
    naive.push(crossEntropyNaive(scaled, targets).item());
    stable.push(crossEntropyStable(scaled, targets).item());
  }
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
