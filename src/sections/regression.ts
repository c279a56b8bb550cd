import { formatRepr } from '../format/index.js';
import { huberLoss } from '../losses/huber-loss.js';
import { l1Loss } from '../losses/l1-loss.js';
import { mseLoss } from '../losses/mse-loss.js';
import { floatOption, OptionValueError } from '../options.js';
import { fixed, value } from '../report.js';
import type { Generator } from '../rng/index.js';
import { abs, add, minimum, mul, square, sub } from '../tensor/elementwise.js';
import { indexPut_, indexRows } from '../tensor/indexing.js';
import { mean } from '../tensor/reduce.js';
import { fromData, tensor, type Tensor } from '../tensor/tensor.js';
import { cosh, log } from '../tensor/unary-math.js';
import { defineSection, type OptionDef } from './types.js';

interface Opts {
  readonly delta: number;
  readonly noise: number;
  readonly outlierScale: number;
}

const SIZE = 100;
export const OUTLIER_INDICES: readonly number[] = [10, 25, 50, 75];

/** The script's data: 100 predictions, targets near them, four outlier targets (run and figures share it). */
export function regressionData(g: Generator, noise: number, outlierScale: number): { predictions: Tensor; targets: Tensor } {
  const predictions = fromData(g.randn(SIZE));
  const targets = add(predictions, mul(fromData(g.randn(SIZE)), noise));
  // targets[idx] += randn(4) * s is Python's getitem, in-place add, setitem (index_put_);
  // randn(4) takes the double-precision path (fewer than 16 values)
  const bumped = add(indexRows(targets, OUTLIER_INDICES), mul(fromData(g.randn(OUTLIER_INDICES.length)), outlierScale));
  indexPut_(targets, OUTLIER_INDICES, bumped);
  return { predictions, targets };
}

/**
 * The script's huber_loss_manual: min(|e|, delta) split into a quadratic and a linear part. Every
 * op is its own kernel, so `0.5 * quadratic**2 + delta * linear` rounds after each multiply and
 * the add (no fused multiply-add across kernels).
 */
export function huberLossManual(pred: Tensor, target: Tensor, delta = 1.0): Tensor {
  const error = abs(sub(pred, target));
  // torch.tensor(delta) is a float32 0-dim tensor, broadcast by torch.min (minimum)
  const quadratic = minimum(error, tensor([delta], []));
  const linear = sub(error, quadratic);
  return mean(add(mul(square(quadratic), 0.5), mul(linear, delta)));
}

/** The script's log_cosh_loss: torch.log(torch.cosh(error)) as two vectorized kernels, then the mean. */
export function logCoshLoss(pred: Tensor, target: Tensor): Tensor {
  const error = sub(pred, target);
  return mean(log(cosh(error)));
}

// huber_loss checks delta > 0 (aten/src/ATen/native/Loss.cpp), so the option does too.
const deltaOption: OptionDef<number> = (() => {
  const base = floatOption('delta', 'delta of the built-in and manual Huber loss (> 0)', 1.0, '1.0', '2');
  return {
    ...base,
    parse: (raw: string) => {
      const v = base.parse(raw);
      if (!(v > 0)) throw new OptionValueError('expected a finite number > 0');
      return v;
    },
  };
})();

export const section = defineSection<Opts>({
  number: 1,
  name: 'regression',
  title: '1. Regression Losses: Handling Outliers',
  options: [
    deltaOption,
    floatOption('noise', 'scale of the noise added to the data (regression: targets around the predictions)', 0.1, '0.1', '0.3'),
    floatOption('outlier-scale', 'scale of the noise added to the four outlier targets', 5.0, '5.0', '10'),
  ],
  run(ctx, { delta, noise, outlierScale }) {
    const { predictions, targets } = regressionData(ctx.manualSeed(), noise, outlierScale);

    const mse = mseLoss(predictions, targets).item();
    const mae = l1Loss(predictions, targets).item();
    const huber = huberLoss(predictions, targets, { delta }).item();
    const huberManual = huberLossManual(predictions, targets, delta).item();
    const logCosh = logCoshLoss(predictions, targets).item();

    return {
      lines: [
        ['Data shape: ', value('Data shape', predictions.shape, 'size')],
        ['Outlier indices: ', value('Outlier indices', OUTLIER_INDICES, 'int')],
        ['Outlier values: ', value('Outlier values', indexRows(targets, OUTLIER_INDICES).toArray(), 'float')],
        [''],
        ['MSE Loss: ', fixed('MSE Loss', mse)],
        [' → Squares errors, sensitive to outliers'],
        [''],
        ['MAE Loss: ', fixed('MAE Loss', mae)],
        [' → Absolute errors, robust to outliers'],
        [''],
        [`Huber Loss (delta=${formatRepr(delta)}): `, fixed('Huber Loss', huber)],
        [' → L2 for small errors, L1 for large errors'],
        ['Huber Loss (manual): ', fixed('Huber Loss (manual)', huberManual)],
        [''],
        ['Log-Cosh Loss: ', fixed('Log-Cosh Loss', logCosh)],
        [' → Smooth approximation to MAE, less sensitive to outliers'],
      ],
    };
  },
});
