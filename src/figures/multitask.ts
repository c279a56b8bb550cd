import type { Figure, Mark } from '../figure/model.js';
import { formatFixed, formatRepr } from '../format/index.js';
import { taskLosses } from '../sections/multitask.js';
import { add, mul, neg } from '../tensor/elementwise.js';
import { exp, log } from '../tensor/unary-math.js';
import { fromData, tensor, type Tensor } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series, sweep } from './series.js';

interface Opts {
  readonly logVars: readonly number[];
}

const STEPS = 100;
const TASKS = ['regression', 'classification'];

/** One task's term of MultiTaskLoss.forward at log-variances s: exp(-s) * L + s (torch.exp: Sleef throughout). */
function weighted(s: Tensor, loss: Tensor): Float32Array {
  return add(mul(exp(neg(s)), loss), s).data;
}

export const figures: FigureBuilder = (ctx, options) => {
  const { logVars } = options as unknown as Opts;
  const losses = taskLosses(ctx.manualSeed());
  // the minimum of exp(-s)·L + s is at s = log L (torch.log of the 0-dim loss)
  const minima = losses.map((l) => log(l));
  const lo = Math.floor(Math.min(-2, ...logVars, ...minima.map((m) => m.item()))) - 1;
  const hi = Math.ceil(Math.max(3, ...logVars, ...minima.map((m) => m.item()))) + 1;
  const s = fromData(sweep(lo, hi, STEPS));
  const marks: Mark[] = [];
  const curves = losses.map((loss, i) => {
    const name = `task ${i + 1} (${TASKS[i]}, L=${formatFixed(loss.item(), 4)})`;
    const at = minima[i]!;
    marks.push({ kind: 'point', x: at.item(), y: weighted(at, loss)[0]!, label: `min ${i + 1}` });
    const chosen = tensor([logVars[i]!]);
    marks.push({ kind: 'point', x: chosen.item(), y: weighted(chosen, loss)[0]!, label: `s${i + 1}=${formatRepr(logVars[i]!)}` });
    return series(name, s.data, weighted(s, loss));
  });
  // exp(-s)·L explodes for negative s: the y axis shows the marked points with room above
  const markYs = marks.map((mk) => (mk.kind === 'point' ? mk.y : NaN)).filter(Number.isFinite);
  const figure: Figure = {
    title: 'Uncertainty-weighted loss vs log-variance',
    kind: 'lines',
    x: { label: 'log-variance s = log σ²' },
    y: markYs.length === 0 ? { label: 'exp(−s)·L + s' }
      : { label: 'exp(−s)·L + s', domain: [Math.min(0, ...markYs), Math.max(...markYs) + 3] },
    series: curves,
    marks,
    note: 'min k: task k is smallest at s = log L (value 1 + log L), so a harder task (larger L) settles at a larger s, a smaller weight; sk: the --log-vars value.',
  };
  return [figure];
};
