import { add, mul, neg } from '../tensor/elementwise.js';
import { sum, sumLastDim } from '../tensor/reduce.js';
import { logSoftmax } from '../tensor/softmax.js';
import { Tensor } from '../tensor/tensor.js';
import { nllLoss } from './nll-loss.js';
import type { Reduction } from './reduction.js';

export interface CrossEntropyOptions {
  readonly reduction?: Reduction;
  readonly ignoreIndex?: number;
  /** In [0, 1]; 0 (the default) is plain log_softmax + nll_loss. */
  readonly labelSmoothing?: number;
}

const f = Math.fround;

/**
 * F.cross_entropy(logits, targets) for logits (N, C) and class-index targets, as
 * cross_entropy_loss (aten/src/ATen/native/LossNLL.cpp) runs it: log_softmax over the classes,
 * then the loss of those log-probabilities (crossEntropyOfLogProbs).
 */
export function crossEntropy(logits: Tensor, targets: readonly number[], options: CrossEntropyOptions = {}): Tensor {
  if (logits.ndim !== 2) throw new RangeError(`crossEntropy: logits should be 2-D (N, C), got ${logits.ndim}-D`);
  return crossEntropyOfLogProbs(logSoftmax(logits, 1), targets, options);
}

/**
 * cross_entropy_loss after its log_softmax: nll_loss of the log-probabilities (N, C), and with
 * label smoothing ε cross_entropy_loss_label_smoothing's term: (1 - ε) * nll + smooth * (ε / C),
 * smooth being -sum(log_softmax) per row reduced (its mean divides the torch.sum of the rows by
 * the count of non-ignored rows). Apart from crossEntropy so that a sweep over rows (a view of a
 * larger batch) or over ε runs log_softmax once.
 */
export function crossEntropyOfLogProbs(logProbs: Tensor, targets: readonly number[], options: CrossEntropyOptions = {}): Tensor {
  const reduction = options.reduction ?? 'mean';
  const ignoreIndex = options.ignoreIndex ?? -100;
  const smoothing = options.labelSmoothing ?? 0;
  if (logProbs.ndim !== 2) throw new RangeError(`crossEntropy: log-probabilities should be 2-D (N, C), got ${logProbs.ndim}-D`);
  if (!(smoothing >= 0 && smoothing <= 1)) throw new RangeError(`label_smoothing must be between 0.0 and 1.0. Got: ${smoothing}`);
  const nll = nllLoss(logProbs, targets, { reduction, ignoreIndex });
  if (smoothing === 0) return nll;

  const rows = neg(sumLastDim(logProbs));
  let kept = 0;
  targets.forEach((t, i) => {
    if (t === ignoreIndex) rows.data[i] = 0;
    else kept++;
  });
  let smooth: Tensor;
  if (reduction === 'none') smooth = rows;
  else if (reduction === 'sum') smooth = sum(rows);
  else smooth = new Tensor(Float32Array.of(f(sum(rows).item() / f(kept))), []);
  const classes = logProbs.shape[1]!;
  return add(mul(nll, 1 - smoothing), mul(smooth, smoothing / classes));
}
