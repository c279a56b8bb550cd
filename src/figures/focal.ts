import type { Figure } from '../figure/model.js';
import { formatRepr } from '../format/index.js';
import { uniqueLabels } from '../report.js';
import { mul, neg, sub } from '../tensor/elementwise.js';
import { log, pow } from '../tensor/unary-math.js';
import { fromData } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series } from './series.js';

interface Opts {
  readonly alpha: number;
  readonly gammas: readonly number[];
}

/** p_t = i / 100, i = 1..100: (0, 1] without 0, where -log p_t is infinite. */
const POINTS = 100;

export const figures: FigureBuilder = (_ctx, options) => {
  const { alpha, gammas } = options as unknown as Opts;
  const p = new Float32Array(POINTS);
  for (let i = 0; i < POINTS; i++) p[i] = (i + 1) / POINTS;
  const pt = fromData(p);
  // focal_loss's terms with CE = -log p_t: alpha * (1 - p_t)**gamma * ce_loss, each op a float32 kernel
  const ce = neg(log(pt));
  const base = sub(1, pt);
  const names = uniqueLabels(gammas.map((g) => `γ=${formatRepr(g)}`));
  const curves = gammas.map((gamma, k) => {
    const term = pow(base, gamma);
    return series(names[k]!, p, mul(mul(alpha, term), ce).data);
  });
  const figure: Figure = {
    title: `Focal loss vs p_t (α=${formatRepr(alpha)})`,
    kind: 'lines',
    x: { label: 'p_t (probability of the true class)', domain: [0, 1] },
    y: { label: 'α(1−p_t)^γ·(−log p_t)' },
    series: curves,
    marks: [],
    note: 'γ=0 is α-weighted cross-entropy; a larger γ shrinks the loss of well-classified examples (p_t near 1).',
  };
  return [figure];
};
