import type { Figure } from '../figure/model.js';
import { formatRepr } from '../format/index.js';
import { contrastiveLossOfDistance } from '../losses/contrastive.js';
import { contrastivePairs, PAIRS } from '../sections/contrastive.js';
import { pairwiseDistance } from '../tensor/distance.js';
import { elements, fromData, full, zeros } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series, sweep } from './series.js';

interface Opts {
  readonly margin: number;
  readonly noise: number;
}

/** Sample intervals over [0, upper]: both branches are smooth but for the margin's kink. */
const STEPS = 100;

export const figures: FigureBuilder = (ctx, options) => {
  const { margin, noise } = options as unknown as Opts;
  const m = formatRepr(margin);
  const { emb1, emb2, labels } = contrastivePairs(ctx.manualSeed(), noise);
  const distance = pairwiseDistance(emb1, emb2);
  const perPair = elements(contrastiveLossOfDistance(distance, labels, { margin }));
  const dist = distance.data;

  // the two branches are contrastive_loss's per-pair values for label 0 and label 1
  let longest = 0;
  for (const v of dist) if (v > longest) longest = v;
  const upper = Math.ceil(Math.max(2 * Math.abs(margin), longest) * 1.1);
  const d = fromData(sweep(0, upper, STEPS));
  const similar = elements(contrastiveLossOfDistance(d, zeros(d.shape), { margin }));
  const dissimilar = elements(contrastiveLossOfDistance(d, full(d.shape, 1), { margin }));

  // the similar branch grows as ½D² out to the dissimilar pairs' distances: the y axis stops a
  // little above the margin's branch and the pairs, so that both stay readable
  let top = 0.5 * margin * margin;
  for (const v of perPair) if (v > top) top = v;
  const figure: Figure = {
    title: `Contrastive loss vs distance (margin=${m})`,
    kind: 'lines',
    x: { label: 'distance D', domain: [0, upper] },
    y: { label: 'loss', domain: [0, Math.max(top, 0.5) * 1.5] },
    series: [
      series('similar: ½D²', d.data, similar),
      series(`dissimilar: ½max(0, ${m}−D)²`, d.data, dissimilar),
      series('similar pairs', dist.subarray(0, PAIRS), perPair.subarray(0, PAIRS), 'points'),
      series('dissimilar pairs', dist.subarray(PAIRS), perPair.subarray(PAIRS), 'points'),
    ],
    marks: [{ kind: 'vline', x: margin, label: `margin=${m}` }],
    note: 'Similar pairs pay for any distance; dissimilar pairs only when closer than the margin.',
  };
  return [figure];
};
