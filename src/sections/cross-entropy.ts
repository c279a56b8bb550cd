import { formatG } from '../format/index.js';
import { crossEntropy } from '../losses/cross-entropy.js';
import { floatOption } from '../options.js';
import { fixed, value } from '../report.js';
import type { Generator } from '../rng/index.js';
import { div, mul, neg, sub } from '../tensor/elementwise.js';
import { gatherRows } from '../tensor/index-ops.js';
import { maxLastDim, mean, sumLastDim } from '../tensor/reduce.js';
import { fromData, type Tensor } from '../tensor/tensor.js';
import { exp, log } from '../tensor/unary-math.js';
import { defineSection } from './types.js';

interface Opts {
  readonly scale: number;
}

const BATCH = 8;
const CLASSES = 10;

/** The script's randn(8, 10) logits and randint targets (sections 2 and 4 draw them alike). */
export function classificationData(g: Generator): { logits: Tensor; targets: number[] } {
  const logits = fromData(g.randn(BATCH * CLASSES), [BATCH, CLASSES]);
  return { logits, targets: g.randint(0, CLASSES, BATCH) };
}

/** The script's cross_entropy_naive: softmax by exp / sum, then log (overflows for large logits). */
export function crossEntropyNaive(logits: Tensor, targets: readonly number[]): Tensor {
  return mean(crossEntropyNaiveRows(logits, targets));
}

/** cross_entropy_naive's per-row losses, before its .mean(): every op is row by row. */
export function crossEntropyNaiveRows(logits: Tensor, targets: readonly number[]): Tensor {
  const probs = div(exp(logits), sumLastDim(exp(logits), true));
  return neg(gatherRows(log(probs), targets));
}

/** The script's cross_entropy_stable: the log-sum-exp trick written out with tensor ops. */
export function crossEntropyStable(logits: Tensor, targets: readonly number[]): Tensor {
  return mean(crossEntropyStableRows(logits, targets));
}

/** cross_entropy_stable's per-row losses, before its .mean(). */
export function crossEntropyStableRows(logits: Tensor, targets: readonly number[]): Tensor {
  const max = maxLastDim(logits, true).values;
  const logSumExp = log(sumLastDim(exp(sub(logits, max)), true));
  const logProbs = sub(sub(logits, max), logSumExp);
  return neg(gatherRows(logProbs, targets));
}

export const section = defineSection<Opts>({
  number: 2,
  name: 'cross-entropy',
  title: '2. Cross-Entropy Loss with Numerical Stability',
  options: [
    floatOption('scale', 'factor applied to the logits for the extreme-logits comparison', 100, '100', '1000'),
  ],
  run(ctx, { scale }) {
    const { logits, targets } = classificationData(ctx.manualSeed());

    const builtin = crossEntropy(logits, targets).item();
    const naive = crossEntropyNaive(logits, targets).item();
    const stable = crossEntropyStable(logits, targets).item();

    const extreme = mul(logits, scale);
    const builtinExtreme = crossEntropy(extreme, targets).item();
    const stableExtreme = crossEntropyStable(extreme, targets).item();

    return {
      lines: [
        ['Logits shape: ', value('Logits shape', logits.shape, 'size')],
        ['Targets: ', value('Targets', targets, 'int')],
        [''],
        ['Built-in CE Loss: ', fixed('Built-in CE Loss', builtin)],
        ['Naive CE Loss: ', fixed('Naive CE Loss', naive)],
        ['Stable CE Loss: ', fixed('Stable CE Loss', stable)],
        [''],
        [`Extreme logits (×${formatG(scale)}):`],
        [' Built-in CE: ', fixed('Extreme logits: Built-in CE', builtinExtreme)],
        [' Stable CE: ', fixed('Extreme logits: Stable CE', stableExtreme)],
      ],
    };
  },
});
