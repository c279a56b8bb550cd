import { readFileSync } from 'node:fs';
import type { Figure, Series } from '../../src/figure/model.js';

type Pairs = [string, string][];
interface Curves {
  regression: Record<string, Pairs>;
  naive_ce: Pairs;
  stable_ce: Pairs;
  logcosh_wide: Pairs;
}

/** PyTorch's curves (test/fixtures/plot-curves/make_fixtures.py), reprs read back to doubles. */
export const curves = JSON.parse(readFileSync(new URL('../fixtures/plot-curves/curves.json', import.meta.url), 'utf8')) as Curves;

const num = (r: string): number => (r === 'nan' ? NaN : r === 'inf' ? Infinity : r === '-inf' ? -Infinity : Number(r));

export function series(name: string, pairs: Pairs, style?: 'line' | 'points'): Series {
  const points = pairs.map(([x, y]) => [num(x), num(y)] as const);
  return style === undefined ? { name, points } : { name, points, style };
}

export function lines(title: string, s: Series[], extra: Partial<Figure> = {}): Figure {
  return { title, kind: 'lines', x: { label: 'x' }, y: { label: 'y' }, series: s, marks: [], ...extra };
}

export function regressionFigure(): Figure {
  return lines('Regression losses', Object.entries(curves.regression).map(([k, v]) => series(k, v)), {
    x: { label: 'residual' },
    y: { label: 'loss' },
    marks: [{ kind: 'vline', x: 1, label: 'δ' }],
  });
}

/** Strips ANSI colours (the CLI's chalk) and the fake paint's tags. */
export function visible(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}

/**
 * Deterministic random figures full of edge cases: NaN, ±Infinity, ±0, subnormals, values near
 * the float limits, bad fixed domains, log scales over non-positive data, long labels.
 */
export function randomFigures(count: number, seed = 1): Figure[] {
  let st = seed;
  const rnd = (): number => (st = (st * 1103515245 + 12345) % 2147483648) / 2147483648;
  const specials = [NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 1e-300, 5e-324, 1, -1];
  const val = (): number => (rnd() < 0.3 ? specials[Math.floor(rnd() * specials.length)]! : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12 - 6));
  const scale = (): 'log' | 'linear' => (rnd() < 0.4 ? 'log' : 'linear');
  const domain = (): [number, number] | undefined => (rnd() < 0.2 ? [val(), val()] : undefined);
  const figs: Figure[] = [];
  for (let t = 0; t < count; t++) {
    const kind = (['lines', 'heatmap', 'bars'] as const)[t % 3]!;
    const series = Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => ({
      name: `s${i}${'x'.repeat(Math.floor(rnd() * 30))}`,
      style: rnd() < 0.3 ? ('points' as const) : ('line' as const),
      points: Array.from({ length: Math.floor(rnd() * 30) }, (_, k) => [rnd() < 0.8 ? k : val(), val()] as const),
    }));
    const gx = Array.from({ length: Math.floor(rnd() * 6) }, (_, i) => (rnd() < 0.8 ? i : val()));
    const gy = Array.from({ length: Math.floor(rnd() * 6) }, (_, i) => (rnd() < 0.8 ? i : val()));
    const fig: Figure = {
      title: 'T'.repeat(Math.floor(rnd() * 250)),
      kind,
      x: { label: 'x', scale: scale(), ...(domain() ? { domain: domain()! } : {}) },
      y: { label: 'y', scale: scale(), ...(domain() ? { domain: domain()! } : {}) },
      series,
      marks: rnd() < 0.5 ? [{ kind: 'vline', x: val(), label: 'v' }, { kind: 'hline', y: val(), label: 'h'.repeat(50) }, { kind: 'point', x: val(), y: val(), label: 'p' }] : [],
      ...(kind === 'heatmap' && rnd() < 0.9 ? { grid: { x: gx, y: gy, values: gy.map(() => gx.map(() => val())), label: 'g', scale: scale() } } : {}),
      ...(kind === 'bars' && rnd() < 0.5 ? { categories: ['a', 'b'.repeat(60), 'c'] } : {}),
      ...(rnd() < 0.3 ? { note: 'note '.repeat(40) } : {}),
    };
    figs.push(fig);
  }
  return figs;
}
