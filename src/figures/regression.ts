import type { Figure, Mark } from '../figure/model.js';
import { formatRepr } from '../format/index.js';
import { huberLoss } from '../losses/huber-loss.js';
import { l1Loss } from '../losses/l1-loss.js';
import { mseLoss } from '../losses/mse-loss.js';
import { OUTLIER_INDICES, regressionData } from '../sections/regression.js';
import { sub } from '../tensor/elementwise.js';
import { cosh, log } from '../tensor/unary-math.js';
import { elements, fromData, zeros } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series, sweep } from './series.js';

interface Opts {
  readonly delta: number;
  readonly noise: number;
  readonly outlierScale: number;
}

/**
 * Sample intervals over [-R, R]: 96, so that the default R = 3 steps by 1/16 (exact in float32)
 * and the default δ = 1 and 0 are sample points (Huber's and MAE's kinks). More would not show:
 * 80 columns hold 140 braille dots.
 */
const STEPS = 96;

export const figures: FigureBuilder = (ctx, options) => {
  const { delta, noise, outlierScale } = options as unknown as Opts;
  const d = formatRepr(delta);

  // the curves are each loss's per-element values for prediction e and target 0, on one tensor
  // (log-cosh's cosh takes the scalar tail on the last numel % 16, as torch.cosh does)
  const range = delta > 2.5 ? Math.ceil(delta * 1.2) : 3;
  const e = fromData(sweep(-range, range, STEPS));
  const zero = zeros(e.shape);
  const mse = elements(mseLoss(e, zero, { reduction: 'none' }));
  const mae = elements(l1Loss(e, zero, { reduction: 'none' }));
  const huber = elements(huberLoss(e, zero, { delta, reduction: 'none' }));
  const logCosh = elements(log(cosh(sub(e, zero))));
  const curves: Figure = {
    title: 'Regression losses vs error',
    kind: 'lines',
    x: { label: 'error e = prediction − target' },
    y: { label: 'loss' },
    series: [
      series('MSE', e.data, mse),
      series('MAE', e.data, mae),
      series(`Huber (δ=${d})`, e.data, huber),
      series('Log-Cosh', e.data, logCosh),
    ],
    marks: [
      { kind: 'vline', x: -delta, label: `−δ=${formatRepr(-delta)}` },
      { kind: 'vline', x: delta, label: `δ=${d}` },
    ],
    note: 'Huber is quadratic inside ±δ and linear outside; MSE keeps growing as e².',
  };

  const { predictions, targets } = regressionData(ctx.manualSeed(), noise, outlierScale);
  const residual = sub(predictions, targets).data;
  const index = residual.map((_, i) => i);
  const outlierMarks: Mark[] = OUTLIER_INDICES.map((i) => ({ kind: 'point', x: i, y: residual[i]!, label: `outlier ${i}` }));
  const residuals: Figure = {
    title: 'Residuals of the 100 points',
    kind: 'lines',
    x: { label: 'point index' },
    y: { label: 'prediction − target' },
    series: [
      series('residual', index, residual, 'points'),
      series('outliers', OUTLIER_INDICES, OUTLIER_INDICES.map((i) => residual[i]!), 'points'),
    ],
    marks: [
      ...outlierMarks,
      { kind: 'hline', y: delta, label: `+δ` },
      { kind: 'hline', y: -delta, label: `−δ` },
    ],
    note: `Outliers: targets ${OUTLIER_INDICES.join(', ')} got extra noise ×${formatRepr(outlierScale)}; Huber treats residuals beyond ±δ linearly.`,
  };
  return [curves, residuals];
};
