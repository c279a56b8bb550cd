import type { Figure, Series } from '../figure/model.js';
import { formatRepr } from '../format/index.js';
import { descend, evaluatedGrid, quadratic, quadraticStep, rosenbrock, rosenbrockStep, type GridLoss, type LandscapeOptions } from '../sections/landscape.js';
import type { Parameter, Scalar } from '../tensor/autograd.js';
import { linspace } from '../tensor/numpy-stats.js';
import type { FigureBuilder } from './index.js';
import { strided } from './series.js';

type Opts = LandscapeOptions;

/** Grid points per axis of a displayed landscape at most. */
const MAX_SIDE = 60;
/** Points of a path or loss curve at most (longer runs are sampled every k-th step). */
const MAX_STEPS = 1000;

interface Descent {
  /** (w1, w2) before every sampled step, then the final w. */
  readonly path: Series;
  /** The loss at every sampled step. */
  readonly loss: Series;
}

/**
 * The section's descent, recorded: steps skipped at a fixed point (see descend) keep the last w
 * and loss. Every k-th step is kept, and the final w.
 */
function recordDescent(name: string, start: readonly number[], lr: number, steps: number, step: (w: Parameter) => Scalar): Descent {
  const { k } = strided(steps, MAX_STEPS);
  const ws: [number, number][] = [];
  const losses: [number, number][] = [];
  let taken = 0;
  let last: [number, number, number] = [NaN, NaN, NaN];
  const final = descend(start, lr, steps, step, (w, l) => {
    last = [w[0]!, w[1]!, l];
    if (taken % k === 0) {
      ws.push([w[0]!, w[1]!]);
      losses.push([taken, l]);
    }
    taken++;
  });
  for (let t = taken; t < steps; t++) {
    if (t % k !== 0) continue;
    ws.push([last[0], last[1]]);
    losses.push([t, last[2]]);
  }
  ws.push([final.get(0), final.get(1)]);
  return { path: { name, points: ws }, loss: { name, points: losses } };
}

export const figures: FigureBuilder = (_ctx, options) => {
  const { lr, steps, grid, range, start } = options as unknown as Opts;
  // the section's float64 grid (np.linspace and the script's losses), every k-th point per axis
  const w = linspace(-range, range, grid);
  const { k, indices } = strided(grid, MAX_SIDE);
  const axis = indices.map((i) => w[i]!);
  const values = (gridLoss: GridLoss): number[][] => {
    // values[j][i] is the loss at (w1 = axis[i], w2 = axis[j]): the text's own values when it kept them
    const known = evaluatedGrid(gridLoss, grid, range);
    const loss = known !== undefined ? (i: number, j: number): number => known[i * grid + j]! : gridLoss(w);
    const out: number[][] = [];
    for (const j of indices) {
      const row: number[] = [];
      for (const i of indices) row.push(loss(i, j));
      out.push(row);
    }
    return out;
  };
  const note = k > 1 ? `Every ${k}-th point of the ${grid}×${grid} grid; the path is the gradient descent from (${start.map(formatRepr).join(', ')}).`
    : `The path is the gradient descent from (${start.map(formatRepr).join(', ')}).`;
  const quad = recordDescent('descent path', start, lr, steps, quadraticStep);
  const rosen = recordDescent('descent path', start, lr, steps, rosenbrockStep);
  const heatmap = (title: string, gridLoss: GridLoss, path: Series, label: string, scale: 'linear' | 'log'): Figure => ({
    title,
    kind: 'heatmap',
    x: { label: 'w1', domain: [-range, range] },
    y: { label: 'w2', domain: [-range, range] },
    series: [path],
    grid: { x: axis, y: axis, values: values(gridLoss), label, scale },
    marks: [],
    note,
  });
  const lossCurve: Figure = {
    title: `Gradient descent (${steps} steps, lr=${formatRepr(lr)})`,
    kind: 'lines',
    x: { label: 'step' },
    y: { label: 'loss', scale: 'log' },
    series: [{ ...quad.loss, name: 'quadratic' }, { ...rosen.loss, name: 'Rosenbrock' }],
    marks: [],
    note: 'The loss before each step; Rosenbrock can overflow to inf and NaN with a large learning rate.',
  };
  return [
    { ...heatmap('Quadratic landscape w1² + w2²', quadratic, quad.path, 'loss', 'linear'), marks: [{ kind: 'point', x: 0, y: 0, label: 'minimum (0, 0)' }] },
    { ...heatmap('Rosenbrock landscape', rosenbrock, rosen.path, 'loss', 'log'), marks: [{ kind: 'point', x: 1, y: 1, label: 'minimum (1, 1)' }] },
    lossCurve,
  ];
};
