import { crossEntropy } from '../losses/cross-entropy.js';
import { mseLoss } from '../losses/mse-loss.js';
import { listOption } from '../options.js';
import { fixed } from '../report.js';
import type { Generator } from '../rng/index.js';
import { add, mul, neg } from '../tensor/elementwise.js';
import { select } from '../tensor/index-ops.js';
import { sum } from '../tensor/reduce.js';
import { stack } from '../tensor/stack.js';
import { fromData, tensor, zeros, type Tensor } from '../tensor/tensor.js';
import { exp } from '../tensor/unary-math.js';
import { defineSection } from './types.js';

interface Opts {
  readonly logVars: readonly number[];
}

/**
 * The script's MultiTaskLoss.forward: sum over tasks of exp(-log_var) * loss + log_var, each term
 * a 0-dim float32 tensor, stacked and summed.
 */
export function multiTaskLoss(logVars: Tensor, losses: readonly Tensor[]): Tensor {
  const weighted = losses.map((loss, i) => {
    const logVar = select(logVars, i);
    return add(mul(exp(neg(logVar)), loss), logVar);
  });
  return sum(stack(weighted));
}

/** The script's two simulated task losses: MSE of a regression, CE of a classification (0-dim). */
export function taskLosses(g: Generator): [Tensor, Tensor] {
  const pred1 = fromData(g.randn(320), [32, 10]);
  const target1 = fromData(g.randn(320), [32, 10]);
  const loss1 = mseLoss(pred1, target1, { reduction: 'mean' });
  const pred2 = fromData(g.randn(320), [32, 10]);
  const target2 = g.randint(0, 10, 32);
  return [loss1, crossEntropy(pred2, target2)];
}

export const section = defineSection<Opts>({
  number: 8,
  name: 'multitask',
  title: '8. Multi-Task Loss with Learned Uncertainty',
  options: [
    listOption('log-vars', 'the two log-variances set after simulated training', [0, 1], '0,1', '-1,2.5', {}, 2),
  ],
  run(ctx, { logVars }) {
    const [loss1, loss2] = taskLosses(ctx.manualSeed());

    const initial = zeros([2]);
    const weighted = multiTaskLoss(initial, [loss1, loss2]);
    const sigma = (i: number): number => exp(mul(select(initial, i), 0.5)).item();

    // multi_task_loss.log_vars.data = torch.tensor([...]): Python floats to float32
    const trained = tensor(logVars);
    const weightedTrained = multiTaskLoss(trained, [loss1, loss2]);
    const weight = (i: number): number => exp(neg(select(trained, i))).item();

    return {
      lines: [
        ['Task losses (unweighted):'],
        [' Task 1 (regression): ', fixed('Task 1 (regression) loss', loss1.item())],
        [' Task 2 (classification): ', fixed('Task 2 (classification) loss', loss2.item())],
        [' Simple sum: ', fixed('Simple sum', add(loss1, loss2).item())],
        [''],
        ['Weighted multi-task loss: ', fixed('Weighted multi-task loss', weighted.item())],
        ['Task uncertainties (σ):'],
        [' Task 1: ', fixed('Task 1 uncertainty σ', sigma(0))],
        [' Task 2: ', fixed('Task 2 uncertainty σ', sigma(1))],
        [''],
        ['After simulated training (task 2 is harder):'],
        ['Weighted loss: ', fixed('Weighted loss after training', weightedTrained.item())],
        [' Task 1 weight (1/σ²): ', fixed('Task 1 weight (1/σ²)', weight(0))],
        [' Task 2 weight (1/σ²): ', fixed('Task 2 weight (1/σ²)', weight(1))],
        [' → Task 2 gets lower weight due to higher uncertainty'],
      ],
    };
  },
});
