import { formatRepr } from '../format/index.js';
import { floatOption, intOption, listOption } from '../options.js';
import { fixed, type Line } from '../report.js';
import { add, backward, mul, Parameter, pow, sub, type Scalar } from '../tensor/autograd.js';
import { vectorNorm2 } from '../tensor/distance.js';
import * as T from '../tensor/elementwise.js';
import { libmPowSquare } from '../tensor/math/libm-pow.js';
import { arraySource, describeArray, linspace, type Float64Source, type LandscapeStats } from '../tensor/numpy-stats.js';
import { tensor, type Tensor } from '../tensor/tensor.js';
import { defineSection } from './types.js';

export interface LandscapeOptions {
  readonly lr: number;
  readonly steps: number;
  readonly grid: number;
  readonly range: number;
  readonly start: readonly number[];
}

/**
 * A loss function of the script evaluated on the grid: (i, j) -> loss(w[i], w[j]) in float64.
 * `np.float64 ** 2` is glibc's pow(x, 2.0) (not x * x); the squares that depend on one index
 * only are computed once per index.
 */
export type GridLoss = (w: Float64Array) => (i: number, j: number) => number;

/** `x ** 2` of a np.float64: scalarmath's double power calls npy_pow, glibc's pow, about 1 result in 1300 off x * x. */
const powSquare = libmPowSquare;

/** quadratic_loss: w1**2 + w2**2 */
export const quadratic: GridLoss = (w) => {
  const sq = w.map(powSquare);
  return (i, j) => sq[i]! + sq[j]!;
};

/** rosenbrock_loss with the Python ints a=1, b=100: (a - w1)**2 + b * (w2 - w1**2)**2 */
export const rosenbrock: GridLoss = (w) => {
  const sq = w.map(powSquare);
  const oneMinusSq = w.map((v) => powSquare(1 - v));
  return (i, j) => oneMinusSq[i]! + 100 * powSquare(w[j]! - sq[i]!);
};

/** Grids up to this many points are evaluated into memory (8 MiB); larger ones are streamed. */
const MATERIALIZE_MAX = 2 ** 20;

/** Grids up to this many points, once evaluated for the text, are kept for the figures (512 KiB). */
const KEEP_MAX = 2 ** 16;
/** The latest grids the text evaluated (at most two: the quadratic and Rosenbrock of one run). */
let evaluated: { readonly gridLoss: GridLoss; readonly gridSize: number; readonly rangeVal: number; readonly values: Float64Array }[] = [];

/**
 * The values landscapeStats evaluated for this grid (row-major: loss(w1[i], w2[j]) at
 * i·gridSize + j), if it was among the latest two and small enough to keep: the figures read
 * them rather than evaluating every point again.
 */
export function evaluatedGrid(gridLoss: GridLoss, gridSize: number, rangeVal: number): Float64Array | undefined {
  return evaluated.find((e) => e.gridLoss === gridLoss && e.gridSize === gridSize && Object.is(e.rangeVal, rangeVal))?.values;
}

/** loss_landscape_stats: the loss at every (w1[i], w2[j]) of a linspace grid, row-major, as float64. */
function landscapeStats(gridLoss: GridLoss, gridSize: number, rangeVal: number): LandscapeStats {
  const w = linspace(-rangeVal, rangeVal, gridSize);
  const loss = gridLoss(w);
  const src: Float64Source = {
    length: gridSize * gridSize,
    read(start, out) {
      let i = Math.floor(start / gridSize);
      let j = start % gridSize;
      for (let k = 0; k < out.length; k++) {
        out[k] = loss(i, j);
        if (++j === gridSize) {
          j = 0;
          i++;
        }
      }
    },
  };
  if (src.length > MATERIALIZE_MAX) return describeArray(src);
  // small grids: evaluate each point once (describeArray reads its source twice)
  const values = new Float64Array(src.length);
  src.read(0, values);
  if (values.length <= KEEP_MAX) evaluated = [...evaluated.slice(-1), { gridLoss, gridSize, rangeVal, values }];
  return describeArray(arraySource(values));
}

/**
 * The script's descent loop for one parameter: loss, backward, `w -= lr * w.grad` and
 * `w.grad.zero_()` under no_grad, all float32. `record` sees w and the loss before each step
 * taken (not the steps skipped at a fixed point).
 */
export function descend(start: readonly number[], lr: number, steps: number, loss: (w: Parameter) => Scalar,
  record?: (w: Float32Array, loss: number) => void): Tensor {
  const w = new Parameter(start);
  const shape = [w.data.length];
  for (let step = 0; step < steps; step++) {
    const l = loss(w);
    record?.(w.data, l.data);
    backward(l);
    const before = w.data.slice();
    w.data.set(T.sub(tensor(Array.from(w.data), shape), T.mul(tensor(Array.from(w.grad!), shape), lr)).data);
    w.zeroGrad();
    // From the second step on (`.grad` exists and is zeroed), a step is a function of w alone:
    // once w stops changing (a fixed point, or all NaN) the remaining steps change nothing.
    if (step > 0 && before.every((v, k) => Object.is(v, w.data[k]))) break;
  }
  return tensor(Array.from(w.data), shape);
}

export const quadraticStep = (w: Parameter): Scalar => add(pow(w.select(0), 2), pow(w.select(1), 2));

export const rosenbrockStep = (w: Parameter): Scalar =>
  add(pow(sub(1, w.select(0)), 2), mul(100, pow(sub(w.select(1), pow(w.select(0), 2)), 2)));

function statsLines(name: string, s: LandscapeStats): Line[] {
  return [
    [' Min: ', fixed(`${name}: Min`, s.min)],
    [' Max: ', fixed(`${name}: Max`, s.max)],
    [' Mean: ', fixed(`${name}: Mean`, s.mean)],
    [' Std: ', fixed(`${name}: Std`, s.std)],
  ];
}

export const section = defineSection<LandscapeOptions>({
  number: 9,
  name: 'landscape',
  title: '9. Loss Landscape Comparison',
  options: [
    floatOption('lr', 'learning rate of the gradient descent', 0.01, '0.01', '0.001'),
    intOption('steps', 'gradient descent steps (at most 1,000,000)', 10, '25', { min: 0, max: 1_000_000 }),
    intOption('grid', 'grid points per axis of the landscape statistics (at most 2048)', 50, '7', { min: 1, max: 2048 }),
    floatOption('range', 'the landscape grid spans [-range, range] on both axes', 2.0, '2.0', '1.5'),
    listOption('start', 'starting point w of the gradient descent', [1.5, 1.5], '1.5,1.5', '0.5,-1', {}, 2),
  ],
  run(_ctx, { lr, steps, grid, range, start }) {
    const quad = landscapeStats(quadratic, grid, range);
    const rosen = landscapeStats(rosenbrock, grid, range);
    const wQuad = descend(start, lr, steps, quadraticStep);
    const wRosen = descend(start, lr, steps, rosenbrockStep);
    const distQuad = vectorNorm2(wQuad);
    const distRosen = vectorNorm2(T.sub(wRosen, tensor([1.0, 1.0])));

    return {
      lines: [
        ['Quadratic loss landscape:'],
        ...statsLines('Quadratic landscape', quad),
        [' → Convex, smooth, single minimum'],
        [''],
        ['Rosenbrock loss landscape:'],
        ...statsLines('Rosenbrock landscape', rosen),
        [' → Non-convex, narrow valley, harder optimization'],
        [''],
        [`Gradient descent comparison (${steps} steps, lr=${formatRepr(lr)}):`],
        ['Quadratic final: w = [', fixed('Quadratic final w1', wQuad.get(0)), ', ', fixed('Quadratic final w2', wQuad.get(1)), ']'],
        [' Distance to optimum (0,0): ', fixed('Quadratic distance to optimum', distQuad.item())],
        ['Rosenbrock final: w = [', fixed('Rosenbrock final w1', wRosen.get(0)), ', ', fixed('Rosenbrock final w2', wRosen.get(1)), ']'],
        [' Distance to optimum (1,1): ', fixed('Rosenbrock distance to optimum', distRosen.item())],
      ],
    };
  },
});
