import { formatFixed, formatRepr } from '../format/index.js';
import { crossEntropy } from '../losses/cross-entropy.js';
import { floatOption, listOption } from '../options.js';
import { fixed, type Line, uniqueLabels, value } from '../report.js';
import { mul, neg } from '../tensor/elementwise.js';
import { gatherRows, scatterRows_ } from '../tensor/index-ops.js';
import { mean, sumLastDim } from '../tensor/reduce.js';
import { logSoftmax, softmax } from '../tensor/softmax.js';
import { full, fromData, type Tensor } from '../tensor/tensor.js';
import { defineSection } from './types.js';

interface Opts {
  readonly smoothing: number;
  readonly smoothings: readonly number[];
}

const BATCH = 8;
const CLASSES = 10;

/**
 * The script's cross_entropy_with_label_smoothing: targets ε/K everywhere and 1 - ε on the
 * class (both Python floats cast to float32 by full_like and scatter_), then
 * -(targets * log_softmax).sum(dim=1).mean().
 */
export function crossEntropyWithLabelSmoothing(logits: Tensor, targets: readonly number[], smoothing: number): Tensor {
  return labelSmoothingOfLogProbs(logSoftmax(logits, 1), targets, smoothing);
}

/** cross_entropy_with_label_smoothing after its log_softmax, for a sweep over ε that runs it once. */
export function labelSmoothingOfLogProbs(logProbs: Tensor, targets: readonly number[], smoothing: number): Tensor {
  const classes = logProbs.size(-1);
  const smoothLabels = scatterRows_(full(logProbs.shape, smoothing / classes), targets, 1.0 - smoothing);
  return mean(neg(sumLastDim(mul(smoothLabels, logProbs))));
}

export const section = defineSection<Opts>({
  number: 4,
  name: 'label-smoothing',
  title: '4. Label Smoothing for Calibration',
  options: [
    floatOption('smoothing', 'smoothing factor ε of the smoothed-target loss', 0.1, '0.1', '0.25', { min: 0, max: 1 }),
    listOption('smoothings', 'ε values of the sweep', [0, 0.05, 0.1, 0.2, 0.3], '0,0.05,0.1,0.2,0.3', '0,0.15,1', { min: 0, max: 1 }),
  ],
  run(ctx, { smoothing, smoothings }) {
    const g = ctx.manualSeed();
    const logits = fromData(g.randn(BATCH * CLASSES), [BATCH, CLASSES]);
    const targets = g.randint(0, CLASSES, BATCH);

    const ceStandard = crossEntropy(logits, targets).item();
    const confidence = mean(gatherRows(softmax(logits, 1), targets)).item();
    const ceSmooth = crossEntropyWithLabelSmoothing(logits, targets, smoothing).item();

    const labels = uniqueLabels(smoothings.map((v) => `ε=${formatRepr(v)}`));
    const sweep: Line[] = smoothings.map((eps, i) => [
      ` ε=${formatFixed(eps, 2)}: `,
      value(labels[i]!, crossEntropyWithLabelSmoothing(logits, targets, eps).item(), { fixed: 4 }, 'epsilon'),
    ]);

    return {
      lines: [
        ['Without label smoothing:'],
        [' CE Loss: ', fixed('Without label smoothing: CE Loss', ceStandard)],
        [' Avg confidence on true class: ', fixed('Avg confidence on true class', confidence)],
        [''],
        [`With label smoothing (ε=${formatRepr(smoothing)}):`],
        [' CE Loss: ', fixed('With label smoothing: CE Loss', ceSmooth)],
        [' → Encourages model to be less confident'],
        [''],
        ['Smoothing factor comparison:'],
        ...sweep,
      ],
    };
  },
});
