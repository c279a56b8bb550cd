import { describe, expect, it } from 'vitest';
import { viridis } from '../src/figure/colormap.js';
import {
  clipSegment, fitDomain, formatShort, formatValue, gapNote, heatScale, invertPointer, makeScale, niceDomain, parseNumbers,
  segments, ticks,
} from '../src/figure/scale.js';
import { curves, series } from './helpers/figure-fixtures.js';

describe('ticks', () => {
  it('are 1-2-5 multiples with exact decimals and one format per axis', () => {
    expect(ticks([0, 1], 'linear', 5)).toEqual({ values: [0, 0.2, 0.4, 0.6, 0.8, 1], labels: ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'] });
    const t = ticks([0.1, 0.7], 'linear', 6);
    expect(t.values).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(ticks([-3, 3], 'linear', 6).labels).toEqual(['-3', '-2', '-1', '0', '1', '2', '3']);
    expect(ticks([0, 9], 'linear', 4).values).toEqual([0, 2, 4, 6, 8]);
    expect(ticks([0, 250000], 'linear', 5).labels).toEqual(['0', '5e4', '1e5', '1.5e5', '2e5', '2.5e5']);
    expect(ticks([0, 0.004], 'linear', 4).labels).toEqual(['0', '1e-3', '2e-3', '3e-3', '4e-3']);
    expect(ticks([-1, -0.5], 'linear', 5).labels).toEqual(['-1.0', '-0.9', '-0.8', '-0.7', '-0.6', '-0.5']);
  });

  it('are decades on a log axis, thinned when there are many, with 2× and 5× over few', () => {
    expect(ticks([1e-3, 1e3], 'log', 8)).toEqual({ values: [1e-3, 0.01, 0.1, 1, 10, 100, 1000], labels: ['1e-3', '0.01', '0.1', '1', '10', '100', '1000'] });
    expect(ticks([1e-3, 1e3], 'log', 4).values).toEqual([1e-3, 0.1, 10, 1000]);
    expect(ticks([1, 100], 'log', 8).values).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(ticks([2, 8], 'log', 5).values).toEqual([2, 5]);
    expect(ticks([1e-12, 1e12], 'log', 5).labels).toEqual(['1e-12', '1e-7', '0.01', '1000', '1e8']);
  });

  it('give nothing for an empty or non-finite domain', () => {
    expect(ticks([1, 1]).values).toEqual([]);
    expect(ticks([NaN, 1]).values).toEqual([]);
    expect(ticks([0, Infinity]).values).toEqual([]);
  });
});

describe('formatShort and formatValue', () => {
  it('are short', () => {
    expect([0.5, 0.001, 100, 2.5e6, -0, 1e5, 0.01, 12345.678].map((v) => formatShort(v))).toEqual(['0.5', '1e-3', '100', '2.5e6', '0', '1e5', '0.01', '12345.678']);
    expect([NaN, Infinity, -Infinity].map((v) => formatShort(v))).toEqual(['nan', 'inf', '-inf']);
    expect([88.72283935546875, 0.30000001192092896, 4.338e-4, 2509.49].map(formatValue)).toEqual(['88.72', '0.3', '4.338e-4', '2509']);
  });
});

describe('fitDomain', () => {
  it('fits the finite values and ignores the rest', () => {
    expect(fitDomain([1, NaN, 3, Infinity, -Infinity, 2])).toEqual([1, 3]);
    expect(fitDomain([-1, 0, 0.01, 100], 'log')).toEqual([0.01, 100]);
  });
  it('widens a constant series and defaults when nothing is finite', () => {
    expect(fitDomain([5, 5, 5])).toEqual([4.5, 5.5]);
    expect(fitDomain([0, 0])).toEqual([-1, 1]);
    expect(fitDomain([-2])).toEqual([-2.2, -1.8]);
    const [a, b] = fitDomain([10], 'log');
    expect(a).toBeCloseTo(10 / Math.sqrt(10), 12);
    expect(b).toBeCloseTo(10 * Math.sqrt(10), 12);
    expect(fitDomain([NaN, Infinity])).toEqual([0, 1]);
    expect(fitDomain([], 'log')).toEqual([1, 10]);
    expect(fitDomain([-5, 0], 'log')).toEqual([1, 10]);
  });
  it('keeps a usable fixed domain, includes values asked for, and makes nice ends', () => {
    expect(fitDomain([1, 2], 'linear', [0, 10])).toEqual([0, 10]);
    expect(fitDomain([1, 2], 'linear', [3, 3])).toEqual([1, 2]);
    expect(fitDomain([1, 2], 'log', [0, 10])).toEqual([1, 2]);
    expect(fitDomain([0.2, 0.7], 'linear', undefined, { include: [0] })).toEqual([0, 0.7]);
    expect(fitDomain([0.13, 8.7], 'linear', undefined, { nice: true, ticks: 5 })).toEqual([0, 10]);
    expect(fitDomain([0.002, 3.1], 'log', undefined, { nice: true })).toEqual([1e-3, 10]);
    expect(niceDomain([0.31, 0.58], 'linear', 5)).toEqual([0.3, 0.6]);
  });
});

describe('makeScale and invertPointer', () => {
  it('maps linear and log values, with gaps as NaN', () => {
    const s = makeScale('log', [1, 100], [0, 100]);
    expect(s.map(10)).toBe(50);
    expect(s.map(0)).toBeNaN();
    expect(s.map(-1)).toBeNaN();
    expect(s.map(NaN)).toBeNaN();
    expect(s.invert(50)).toBeCloseTo(10, 12);
    const l = makeScale('linear', [-3, 3], [10, 70]);
    expect(l.map(0)).toBe(40);
    expect(l.map(Infinity)).toBeNaN();
  });
  it('maps the pointer back to data, SVG y growing downwards', () => {
    const plot = parseNumbers('50 20 400 300') as [number, number, number, number];
    expect(invertPointer(250, 170, plot, [-3, 3], [0, 10])).toEqual({ x: 0, y: 5 });
    const p = invertPointer(50, 20, plot, [1, 1000], [0.01, 100], 'log', 'log')!;
    expect(p.x).toBeCloseTo(1, 12);
    expect(p.y).toBeCloseTo(100, 12);
    expect(invertPointer(49, 100, plot, [0, 1], [0, 1])).toBeUndefined();
    expect(invertPointer(100, 321, plot, [0, 1], [0, 1])).toBeUndefined();
  });
});

describe('geometry and gaps', () => {
  it('clips segments to the frame', () => {
    expect(clipSegment(-1, 0, 1, 0, 0, 10, -1, 1)).toEqual([0, 0, 1, 0]);
    expect(clipSegment(-2, -2, 12, 12, 0, 10, 0, 10)).toEqual([0, 0, 10, 10]);
    expect(clipSegment(-2, 5, -1, 5, 0, 10, 0, 10)).toBeUndefined();
  });
  it('splits lines at non-finite points and, on a log axis, at non-positive ones', () => {
    const pts = [[0, 1], [1, NaN], [2, 3], [3, 4], [4, -1], [5, 2]] as const;
    expect(segments(pts, 'linear', 'linear').map((r) => r.length)).toEqual([1, 4]);
    expect(segments(pts, 'linear', 'log').map((r) => r.length)).toEqual([1, 2, 1]);
  });
  it('say where a PyTorch curve stops being finite', () => {
    // float32 exp overflows past 88.72: the naive CE is inf from s = 89 on
    expect(gapNote(series('naive CE', curves.naive_ce), 'linear', 'linear')).toBe('naive CE: not finite for x >= 89');
    expect(gapNote(series('stable CE', curves.stable_ce), 'linear', 'linear')).toBeUndefined();
    expect(gapNote(series('log-cosh', curves.logcosh_wide), 'linear', 'linear')).toBe('log-cosh: not finite at 6 of 41 points');
    const rev = series('r', [...curves.naive_ce].reverse().map(([x, y]) => [String(-Number(x)), y]));
    expect(gapNote(rev, 'linear', 'linear')).toBe('r: not finite for x <= -89');
    expect(gapNote({ name: 'n', points: [[0, NaN], [1, Infinity]] }, 'linear', 'linear')).toBe('n: no finite values');
    expect(gapNote({ name: 'l', points: [[0, 1], [1, 0], [2, -1], [3, NaN]] }, 'linear', 'log'))
      .toBe('l: not finite at 1 of 4 points; 2 of 4 points <= 0 (not shown on the log axis)');
  });
  it('normalise heat values, log10 of positive ones on a log scale', () => {
    const h = heatScale([[1, 10], [100, NaN]], 'log');
    expect([h.min, h.max]).toEqual([1, 100]);
    expect([h.t(1), h.t(10), h.t(100), h.t(0), h.t(NaN)]).toEqual([0, 0.5, 1, NaN, NaN]);
    expect(heatScale([[7, 7]]).t(7)).toBe(0.5);
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    expect(viridis(0.0625)).toEqual([70, 23, 104]);
    expect(viridis(NaN)).toBeUndefined();
  });
});
