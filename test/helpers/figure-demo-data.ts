/**
 * Realistic figures for looking at the renderers by eye (test/helpers/figure-demo.ts shows them):
 * MSE/MAE/Huber/log-cosh curves, a Rosenbrock heatmap with a descent path, a 10-bar chart,
 * grouped bars, a curve that becomes Infinity half way, and a log-y chart.
 */
import type { Figure } from '../../src/figure/model.js';

const xs = Array.from({ length: 121 }, (_, i) => -3 + i * 0.05);
const f32 = Math.fround;

export function demoFigures(): Record<string, Figure> {
  const curves: Figure = {
    title: 'Regression losses of the residual r = y - ŷ',
    kind: 'lines',
    x: { label: 'residual r' },
    y: { label: 'loss' },
    series: [
      { name: 'MSE', points: xs.map((x) => [x, f32(x * x)]) },
      { name: 'MAE', points: xs.map((x) => [x, Math.abs(x)]) },
      { name: 'Huber (δ=1)', points: xs.map((x) => [x, Math.abs(x) < 1 ? 0.5 * x * x : Math.abs(x) - 0.5]) },
      { name: 'log-cosh', points: xs.map((x) => [x, Math.log(Math.cosh(x))]) },
    ],
    marks: [{ kind: 'vline', x: 1, label: 'δ' }, { kind: 'vline', x: -1, label: '-δ' }],
  };
  const n = 50;
  const gx = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
  const gy = Array.from({ length: n }, (_, j) => -1 + (4 * j) / (n - 1));
  const values = gy.map((y) => gx.map((x) => (1 - x) ** 2 + 100 * (y - x * x) ** 2));
  const path: [number, number][] = [];
  let p = [-1.5, 2.0];
  for (let k = 0; k < 3000; k++) {
    path.push([p[0]!, p[1]!]);
    const [x, y] = p as [number, number];
    const gxv = -2 * (1 - x) - 400 * x * (y - x * x);
    const gyv = 200 * (y - x * x);
    p = [x - 0.0008 * gxv, y - 0.0008 * gyv];
  }
  const heat: Figure = {
    title: 'Rosenbrock loss landscape, gradient descent (lr 0.0008)',
    kind: 'heatmap',
    x: { label: 'w1' },
    y: { label: 'w2' },
    grid: { x: gx, y: gy, values, label: 'loss', scale: 'log' },
    series: [{ name: 'descent path', points: path }],
    marks: [{ kind: 'point', x: 1, y: 1, label: 'minimum (1, 1)' }],
  };
  const names = ['MSE', 'MAE', 'Huber', 'Smooth L1', 'log-cosh', 'CE', 'focal γ=2', 'label smoothing', 'Dice', 'triplet'];
  const bars: Figure = {
    title: 'Loss values at seed 42',
    kind: 'bars',
    x: { label: 'loss' },
    y: { label: 'value' },
    categories: names,
    series: [{ name: 'value', points: names.map((_, i) => [i, [0.61, 0.52, 0.21, 0.21, 0.18, 2.31, 0.094, 1.02, 0.47, 1.38][i]!]) }],
    marks: [],
  };
  const grouped: Figure = {
    title: 'Focal vs CE on easy and hard examples',
    kind: 'bars',
    x: { label: 'example' },
    y: { label: 'loss' },
    categories: ['easy', 'hard', 'very hard'],
    series: [
      { name: 'CE', points: [[0, 0.105], [1, 2.3], [2, 4.6]] },
      { name: 'focal', points: [[0, 0.0003], [1, 1.86], [2, Infinity]] },
    ],
    marks: [{ kind: 'hline', y: 1, label: 'loss 1' }],
  };
  const xe = Array.from({ length: 101 }, (_, i) => i * 1.5);
  const blowup: Figure = {
    title: 'Naive cross-entropy overflows (float32 exp)',
    kind: 'lines',
    x: { label: 'logit scale' },
    y: { label: 'loss' },
    series: [
      { name: 'naive CE', points: xe.map((x) => [x, f32(Math.log(f32(Math.exp(x)) + 1)) ]) },
      { name: 'log-sum-exp CE', points: xe.map((x) => [x, x + Math.log1p(Math.exp(-x))]) },
    ],
    marks: [{ kind: 'hline', y: 100, label: 'loss 100' }],
    note: 'float32 exp overflows past 88.72',
  };
  const logy: Figure = {
    title: 'Training loss',
    kind: 'lines',
    x: { label: 'step' },
    y: { label: 'loss', scale: 'log' },
    series: [
      { name: 'train', points: Array.from({ length: 200 }, (_, i) => [i, 3 * Math.exp(-i / 30) + 0.002]) },
      { name: 'eval', style: 'points', points: Array.from({ length: 20 }, (_, i) => [i * 10, 3.3 * Math.exp(-i / 3) + 0.01]) },
    ],
    marks: [],
  };
  return { curves, heat, bars, grouped, blowup, logy };
}
