import type { Figure } from '../figure/model.js';
import { formatRepr } from '../format/index.js';
import { crossEntropyOfLogProbs } from '../losses/cross-entropy.js';
import { classificationData } from '../sections/cross-entropy.js';
import { labelSmoothingOfLogProbs } from '../sections/label-smoothing.js';
import { scatterRows_ } from '../tensor/index-ops.js';
import { logSoftmax, softmax } from '../tensor/softmax.js';
import { elements, full } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series, sweep } from './series.js';

interface Opts {
  readonly smoothing: number;
  readonly smoothings: readonly number[];
}

const CLASSES = 10;
/** ε = i / 10, i = 0..10: both losses are linear in ε, so a few points draw them exactly. */
const STEPS = 10;

export const figures: FigureBuilder = (ctx, options) => {
  const { smoothing, smoothings } = options as unknown as Opts;
  const eps = formatRepr(smoothing);
  // section 4 draws section 2's logits and targets (randn(8, 10), randint)
  const { logits, targets } = classificationData(ctx.manualSeed());
  const target = targets[0]!;
  const classes = Array.from({ length: CLASSES }, (_, k) => k);

  // the script's smooth_labels for example 1: full_like(ε/K), scatter_ of 1 - ε at the class
  const smoothed = elements(scatterRows_(full([1, CLASSES], smoothing / CLASSES), [target], 1.0 - smoothing));
  const probs = elements(softmax(logits.slice(0, 0, 1), 1));
  const distribution: Figure = {
    title: `Smoothed target of example 1 (ε=${eps})`,
    kind: 'bars',
    x: { label: `class (true class ${target})` },
    y: { label: 'probability', domain: [0, 1] },
    series: [series(`target (ε=${eps})`, classes, smoothed), series('model softmax', classes, probs)],
    marks: [],
    categories: classes.map(String),
    note: `The true class keeps 1 − ε; every class gets ε/${CLASSES} (the script's smoothing).`,
  };

  // both losses start from the same log_softmax(logits): run it once for every ε
  const logProbs = logSoftmax(logits, 1);
  const e = sweep(0, 1, STEPS);
  const manual: number[] = [];
  const builtin: number[] = [];
  for (const v of e) {
    manual.push(labelSmoothingOfLogProbs(logProbs, targets, v).item());
    builtin.push(crossEntropyOfLogProbs(logProbs, targets, { labelSmoothing: v }).item());
  }
  const sweepLoss = smoothings.map((v) => labelSmoothingOfLogProbs(logProbs, targets, v).item());
  const curve: Figure = {
    title: 'Label-smoothed CE vs ε',
    kind: 'lines',
    x: { label: 'smoothing ε', domain: [0, 1] },
    y: { label: 'mean CE loss' },
    series: [
      series('script (1−ε on the class)', e, manual),
      series('F.cross_entropy(label_smoothing=ε)', e, builtin),
      series('--smoothings', smoothings, sweepLoss, 'points'),
    ],
    marks: [{ kind: 'vline', x: smoothing, label: `ε=${eps}` }],
    note: "PyTorch's label_smoothing gives the true class 1 − ε + ε/K, the script's 1 − ε.",
  };
  return [distribution, curve];
};
