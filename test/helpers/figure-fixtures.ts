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
