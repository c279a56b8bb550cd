import { describe, expect, it } from 'vitest';
import type { Figure, Series } from '../src/figure/model.js';
import { FIGURES, type FigureBuilder } from '../src/figures/index.js';
import { manualSeed } from '../src/rng/index.js';
import { ALL_SECTIONS, EXTRA_SECTIONS, findSection, SECTIONS } from '../src/sections/index.js';
import { defaultsOf } from '../src/sections/types.js';
import { evaluatedGrid, quadratic } from '../src/sections/landscape.js';
import { fixture } from './helpers/cli.js';

/*
 * Every section's figures against PyTorch 1.13 (test/fixtures/figures/make_fixtures.py): kinds,
 * series names and lengths, and the values compared as float32 bits (NumPy's float64 for the
 * landscape grids), for the default options and for others.
 */

interface Case {
  readonly section: string;
  readonly seed: number;
  readonly options: Record<string, unknown>;
  readonly expected: Record<string, any>;
}

const { cases } = JSON.parse(fixture('figures/cases.json')) as { cases: Case[] };

/** NaN's sign and payload do not survive a double in JS (the model's values): any NaN is the canonical one. */
const canon = (b: number): number => ((b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0 ? 0x7fc00000 : b);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const bitsOf = (v: number): number => {
  f32[0] = v;
  return canon(u32[0]!);
};
const fromBits = (b: number): number => {
  u32[0] = b;
  return f32[0]!;
};
const C = (a: readonly number[]): number[] => a.map(canon);
const ys = (s: Series): number[] => s.points.map((p) => bitsOf(p[1]));
const xs = (s: Series): number[] => s.points.map((p) => bitsOf(p[0]));
/** Every value of a series is a float32 (the model widens them exactly). */
const isF32 = (v: number): boolean => Number.isNaN(v) || Math.fround(v) === v;
/** Python's repr of the fixtures' option values (no exponents among them). */
const pyRepr = (v: number): string => (Number.isInteger(v) ? `${v}.0` : String(v));
const num = (r: string): number => (r === 'nan' ? NaN : r === 'inf' ? Infinity : r === '-inf' ? -Infinity : Number(r));

async function build(c: Case): Promise<Figure[]> {
  const def = findSection(c.section)!;
  const builder: FigureBuilder = await FIGURES[c.section]!();
  return builder({ manualSeed: () => manualSeed(BigInt(c.seed)) }, { ...defaultsOf(def), ...c.options });
}

const byName = (f: Figure, name: string): Series => {
  const s = f.series.find((x) => x.name === name);
  if (!s) throw new Error(`no series ${name} in ${f.title}: ${f.series.map((x) => x.name).join(', ')}`);
  return s;
};

const checks: Record<string, (figs: Figure[], e: Record<string, any>, o: Record<string, any>) => void> = {
  regression(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['lines', 'lines']);
    const [curves, residuals] = figs as [Figure, Figure];
    const huber = `Huber (δ=${String(o.delta).includes('.') ? o.delta : `${o.delta}.0`})`;
    expect(curves.series.map((s) => s.name)).toEqual(['MSE', 'MAE', huber, 'Log-Cosh']);
    for (const s of curves.series) expect(xs(s)).toEqual(C(e.e));
    expect(ys(byName(curves, 'MSE'))).toEqual(C(e.mse));
    expect(ys(byName(curves, 'MAE'))).toEqual(C(e.mae));
    expect(ys(byName(curves, huber))).toEqual(C(e.huber));
    expect(ys(byName(curves, 'Log-Cosh'))).toEqual(C(e.logCosh));
    expect(curves.marks.filter((m) => m.kind === 'vline').map((m) => (m as { x: number }).x)).toEqual([-o.delta, o.delta]);
    const residual = byName(residuals, 'residual');
    expect(residual.style).toBe('points');
    expect(ys(residual)).toEqual(C(e.residual));
    expect(residual.points.map((p) => p[0])).toEqual(e.residual.map((_: number, i: number) => i));
    const outliers = byName(residuals, 'outliers');
    expect(outliers.points.map((p) => p[0])).toEqual([10, 25, 50, 75]);
    expect(ys(outliers)).toEqual([10, 25, 50, 75].map((i) => e.residual[i]));
  },
  'cross-entropy'(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['lines']);
    const [f] = figs as [Figure];
    expect(f.x.scale).toBe('log');
    expect(f.series.map((s) => s.name)).toEqual(['built-in', 'naive', 'stable']);
    for (const s of f.series) expect(s.points.map((p) => p[0])).toEqual(e.scales);
    expect(ys(byName(f, 'built-in'))).toEqual(C(e.builtin));
    expect(ys(byName(f, 'naive'))).toEqual(C(e.naive));
    expect(ys(byName(f, 'stable'))).toEqual(C(e.stable));
    expect(e.scales.at(-1)).toBeGreaterThan(Math.abs(o.scale));
  },
  focal(figs, e, o) {
    const [f] = figs as [Figure];
    expect(f.kind).toBe('lines');
    expect(f.title).toContain(`α=${o.alpha}`);
    expect(f.series.length).toBe(o.gammas.length);
    f.series.forEach((s, i) => {
      expect(s.name.startsWith(`γ=${o.gammas[i]}`)).toBe(true);
      expect(xs(s)).toEqual(C(e.p));
      expect(ys(s)).toEqual(C(e.curves[i]));
    });
  },
  'label-smoothing'(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['bars', 'lines']);
    const [bars, curve] = figs as [Figure, Figure];
    expect(bars.categories).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(bars.x.label).toContain(`true class ${e.target}`);
    expect(bars.series.map((s) => s.points.map((p) => p[0]))).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    expect(ys(bars.series[0]!)).toEqual(C(e.smoothed));
    expect(ys(bars.series[1]!)).toEqual(C(e.softmax));
    const [manual, builtin, sweep] = curve.series as [Series, Series, Series];
    expect(xs(manual)).toEqual(C(e.eps));
    expect(ys(manual)).toEqual(C(e.manual));
    expect(ys(builtin)).toEqual(C(e.builtin));
    expect(sweep.style).toBe('points');
    expect(sweep.points.map((p) => p[0])).toEqual(o.smoothings);
    expect(ys(sweep)).toEqual(C(e.sweep));
  },
  contrastive(figs, e, o) {
    const [f] = figs as [Figure];
    expect(f.kind).toBe('lines');
    expect(f.series.map((s) => s.points.length)).toEqual([101, 101, 16, 16]);
    const [similar, dissimilar, pos, neg] = f.series as [Series, Series, Series, Series];
    expect(xs(similar)).toEqual(C(e.d));
    expect(ys(similar)).toEqual(C(e.similar));
    expect(ys(dissimilar)).toEqual(C(e.dissimilar));
    expect([...xs(pos), ...xs(neg)]).toEqual(C(e.distance));
    expect([...ys(pos), ...ys(neg)]).toEqual(C(e.perPair));
    expect([pos.style, neg.style]).toEqual(['points', 'points']);
    expect(f.x.domain).toEqual([0, e.upper]);
    expect(f.marks).toContainEqual(expect.objectContaining({ kind: 'vline', x: o.margin }));
  },
  triplet(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['lines', 'lines']);
    const [dist, curve] = figs as [Figure, Figure];
    expect(dist.series.map((s) => s.name)).toEqual(['D(a,p)', 'D(a,n)']);
    expect(ys(dist.series[0]!)).toEqual(C(e.sortedPos));
    expect(ys(dist.series[1]!)).toEqual(C(e.sortedNeg));
    expect(dist.marks.map((m) => bitsOf((m as { y: number }).y))).toEqual([e.meanPos, e.meanNeg]);
    const [loss, sweep] = curve.series as [Series, Series];
    expect(xs(loss)).toEqual(C(e.margins));
    expect(ys(loss)).toEqual(C(e.loss));
    expect(sweep.points.map((p) => p[0])).toEqual(o.margins);
    expect(ys(sweep)).toEqual(C(e.sweep));
  },
  dice(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['heatmap', 'heatmap', 'heatmap']);
    const side = (n: number) => Math.ceil(n / e.k);
    for (const [f, key] of [[figs[0], 'target'], [figs[1], 'probs'], [figs[2], 'binary']] as const) {
      const g = f!.grid!;
      expect(g.x).toEqual(Array.from({ length: side(o.width) }, (_, i) => i * e.k));
      expect(g.y).toEqual(Array.from({ length: side(o.height) }, (_, i) => i * e.k));
      expect(g.values.length).toBe(side(o.height));
      expect(g.values.flat().map(bitsOf)).toEqual(C(e[key]));
      expect(g.x.length).toBeLessThanOrEqual(64);
      expect(f!.note === undefined).toBe(e.k === 1);
    }
  },
  multitask(figs, e, o) {
    const [f] = figs as [Figure];
    expect(f.kind).toBe('lines');
    expect(f.series.length).toBe(2);
    f.series.forEach((s, i) => {
      expect(xs(s)).toEqual(C(e.s));
      expect(ys(s)).toEqual(C(e.curves[i]));
    });
    const points = f.marks.filter((m) => m.kind === 'point') as { x: number; y: number }[];
    expect(points.map((p) => [bitsOf(p.x), bitsOf(p.y)])).toEqual([
      [e.minX[0], e.minY[0]], [bitsOf(o.logVars[0]), e.chosenY[0]], [e.minX[1], e.minY[1]], [bitsOf(o.logVars[1]), e.chosenY[1]],
    ]);
    expect(f.series[0]!.name).toContain(fromBits(e.losses[0]).toFixed(4));
  },
  landscape(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['heatmap', 'heatmap', 'lines']);
    const [quad, rosen, loss] = figs as [Figure, Figure, Figure];
    const axis = e.axis.map(num);
    for (const [f, key] of [[quad, 'quadratic'], [rosen, 'rosenbrock']] as const) {
      expect(f.grid!.x).toEqual(axis);
      expect(f.grid!.y).toEqual(axis);
      expect(f.grid!.values).toEqual(e[key].map((row: string[]) => row.map(num)));
      expect(f.grid!.x.length).toBeLessThanOrEqual(60);
      const path = f.series[0]!;
      expect(path.points.flat().map(bitsOf)).toEqual(C(e.paths[key]));
      expect(path.points.length).toBe(o.steps + 1);
    }
    expect(rosen.grid!.scale).toBe('log');
    expect(loss.series.map((s) => s.name)).toEqual(['quadratic', 'Rosenbrock']);
    expect(ys(loss.series[0]!)).toEqual(C(e.losses.quadratic));
    expect(ys(loss.series[1]!)).toEqual(C(e.losses.rosenbrock));
    expect(loss.series[0]!.points.map((p) => p[0])).toEqual(Array.from({ length: o.steps }, (_, i) => i));
  },
  infonce(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['lines', 'heatmap', 'lines']);
    const [tau, heat, batch] = figs as [Figure, Figure, Figure];
    expect(tau.x.scale).toBe('log');
    const [curve, sweep] = tau.series as [Series, Series];
    expect(curve.points.map((p) => p[0])).toEqual(e.taus);
    expect(e.taus[0]).toBeLessThanOrEqual(Math.min(0.01, ...o.temperatures, o.temperature));
    expect(e.taus.at(-1)).toBeGreaterThanOrEqual(Math.max(10, ...o.temperatures, o.temperature));
    expect(ys(curve)).toEqual(C(e.loss));
    expect(sweep.style).toBe('points');
    expect(sweep.points.map((p) => p[0])).toEqual(o.temperatures);
    expect(ys(sweep)).toEqual(C(e.sweep));
    expect(tau.marks).toContainEqual(expect.objectContaining({ kind: 'vline', x: o.temperature }));
    const logN = tau.marks.find((m) => m.kind === 'hline') as { y: number };
    expect(bitsOf(logN.y)).toBe(e.logN);
    // values[j][i]: query j (y) against key i (x)
    const g = heat.grid!;
    expect(g.x).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect(g.y).toEqual(g.x);
    expect(g.values.flat().map(bitsOf)).toEqual(C(e.similarity));
    const misses = (e.top1 as number[]).flatMap((j, i) => (j === i ? [] : [[j, i]]));
    expect(heat.series.flatMap((s) => s.points)).toEqual(misses);
    expect(heat.note).toContain(`for ${32 - misses.length} of 32 queries`);
    const [lossN, logNs, sweepN] = batch.series as [Series, Series, Series];
    expect(batch.x.scale).toBe('log');
    const sizes = e.sizes as number[];
    for (const n of [1, 32, ...o.batchSizes]) expect(sizes).toContain(n);
    expect(lossN.points.map((p) => p[0])).toEqual(sizes);
    expect(ys(lossN)).toEqual(C(e.lossN));
    expect(logNs.points.map((p) => p[0])).toEqual(sizes);
    expect(ys(logNs)).toEqual(C(e.logNs));
    expect(sweepN.points.map((p) => p[0])).toEqual(o.batchSizes);
    expect(ys(sweepN)).toEqual(C(e.sweepN));
  },
  segmentation(figs, e, o) {
    expect(figs.map((f) => f.kind)).toEqual(['lines', 'heatmap', 'heatmap']);
    const [curves, target, probs] = figs as [Figure, Figure, Figure];
    expect([curves.x.scale, curves.y.scale]).toEqual(['log', 'log']);
    expect(curves.series.map((s) => s.name)).toEqual([
      'BCE', `Focal (α=${pyRepr(o.alpha)}, γ=${pyRepr(o.gamma)})`, 'Dice', '--sizes: BCE', '--sizes: Focal', '--sizes: Dice',
    ]);
    const [bce, focal, dice, ...marked] = curves.series as Series[];
    for (const s of [bce!, focal!, dice!]) expect(s.points.map((p) => p[0])).toEqual(e.sides);
    expect(ys(bce!)).toEqual(C(e.bce));
    expect(ys(focal!)).toEqual(C(e.focal));
    expect(ys(dice!)).toEqual(C(e.dice));
    marked.forEach((s, i) => {
      expect(s.style).toBe('points');
      expect(s.points.map((p) => p[0])).toEqual(o.sizes);
      expect(ys(s)).toEqual(C(e.sweep[i]));
    });
    for (const [f, key] of [[target, 'target'], [probs, 'probs']] as const) {
      const g = f.grid!;
      expect(g.x).toEqual(Array.from({ length: 64 }, (_, i) => i));
      expect(g.y).toEqual(g.x);
      expect(g.values.flat().map(bitsOf)).toEqual(C(e[key]));
    }
  },
};

describe('figure builders against PyTorch', () => {
  it('every section with figures has fixture cases, and every numbered section (the extras too) has figures', () => {
    const numbered = ALL_SECTIONS.filter((s) => s.number !== null).map((s) => s.name);
    expect(Object.keys(FIGURES).sort()).toEqual([...numbered].sort());
    expect(new Set(cases.map((c) => c.section))).toEqual(new Set(numbered));
  });

  it.each(cases.map((c) => ({ ...c, name: `${c.section} seed ${c.seed} ${JSON.stringify(c.options)}` })))('$name', async (c) => {
    const figs = await build(c);
    const options = { ...defaultsOf(findSection(c.section)!), ...c.options };
    checks[c.section]!(figs, c.expected, options);
    for (const f of figs) {
      expect(f.title.length).toBeGreaterThan(0);
      // computed values are float32 widened (x may be an option's value, a double)
      for (const s of f.series) for (const p of s.points) expect(isF32(p[1])).toBe(true);
      // figures are data: they survive JSON (NaN and infinities aside)
      expect(() => JSON.stringify(f)).not.toThrow();
    }
  });

  // the CLI runs the text first, and the landscape figures then read the grid the text evaluated
  it.each(cases.filter((c) => c.section === 'landscape').map((c) => ({ ...c, name: `landscape after its text, seed ${c.seed} ${JSON.stringify(c.options)}` })))('$name', async (c) => {
    const def = findSection('landscape')!;
    const options = { ...defaultsOf(def), ...c.options };
    def.run({ manualSeed: () => manualSeed(BigInt(c.seed)) }, options);
    const kept = evaluatedGrid(quadratic, options.grid as number, options.range as number);
    expect(kept === undefined).toBe((options.grid as number) ** 2 > 2 ** 16);
    checks.landscape!(await build(c), c.expected, options);
  });
});

describe('figure builders: cost', () => {
  const ctx = { manualSeed: () => manualSeed(42n) };

  // test/bench/figures.mjs measures it properly (fresh processes after the text); this bound only
  // catches a builder that does far more work than its figures need
  it('builds every section figures at the defaults in well under a second', async () => {
    const builders = await Promise.all(SECTIONS.filter((s) => FIGURES[s.name]).map(async (s) => [s, await FIGURES[s.name]!()] as const));
    for (const [s, b] of builders) b(ctx, defaultsOf(s));
    const t0 = performance.now();
    for (const [s, b] of builders) b(ctx, defaultsOf(s));
    expect(performance.now() - t0).toBeLessThan(400);
  });

  // (test/bench/figures.mjs: about 10 ms for infonce and 20 ms for segmentation, fresh processes)
  it('builds the extras\' figures at the defaults in well under a second', async () => {
    const builders = await Promise.all(EXTRA_SECTIONS.map(async (s) => [s, await FIGURES[s.name]!()] as const));
    for (const [s, b] of builders) b(ctx, defaultsOf(s));
    const t0 = performance.now();
    for (const [s, b] of builders) b(ctx, defaultsOf(s));
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('draws only the shown pixels of a huge Dice batch', async () => {
    const dice = await FIGURES.dice!();
    const t0 = performance.now();
    const figs = dice(ctx, { ...defaultsOf(findSection('dice')!), batchSize: 2, height: 4096, width: 4096 });
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(figs[0]!.grid!.x.length).toBe(64);
    expect(figs[0]!.note).toContain('every 64 pixels');
  });
});
