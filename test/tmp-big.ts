import { FIGURES } from '../src/figures/index.js';
import { manualSeed } from '../src/rng/index.js';
const ctx = { manualSeed: () => manualSeed(42n) };
const dice = await FIGURES.dice!();
for (const o of [{ batchSize: 1, height: 5792, width: 5792 }, { batchSize: 8, height: 2048, width: 2048 }]) {
  const t = performance.now();
  const figs = dice(ctx, o);
  console.log(JSON.stringify(o), (performance.now() - t).toFixed(1), 'ms', figs[0]!.grid!.x.length, figs[0]!.note);
}
const land = await FIGURES.landscape!();
let t = performance.now();
let figs = land(ctx, { lr: 0.01, steps: 1_000_000, grid: 2048, range: 2, start: [1.5, 1.5] });
console.log('landscape 1e6 steps grid 2048', (performance.now() - t).toFixed(1), 'ms', figs[0]!.series[0]!.points.length, figs[2]!.series[0]!.points.length);
t = performance.now();
figs = land(ctx, { lr: 0.0001, steps: 1_000_000, grid: 2048, range: 2, start: [0.5, -1] });
console.log('landscape 1e6 steps converging', (performance.now() - t).toFixed(1), 'ms', figs[1]!.series[0]!.points.length, figs[2]!.series[1]!.points.slice(-2));
