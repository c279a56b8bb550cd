import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arraySource, linspace, npMax, npMean, npMin, npStd, npSum } from '../src/tensor/numpy-stats.js';

/*
 * np.linspace and the float64 reductions against NumPy 1.24 (test/fixtures/tensor/make_numpy_stats.py),
 * compared exactly (Object.is, so -0 and NaN count).
 */

type Case =
  | { op: 'linspace'; start: string; stop: string; num: number; out: string[] }
  | { op: 'stats'; n: number; scale: string; sum: string; mean: string; std: string; min: string; max: string };
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensor/numpy-stats.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** A Python float repr back to a double. */
const py = (s: string): number => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));

/** The fixture's array: the same float64 steps as the Python generator. */
function data(n: number, scale: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (((i * 7919) % 1009) * 0.37 - 150.0 + i * 0.001) * scale;
  return x;
}

describe('np.linspace', () => {
  const cases = fixture.cases.filter((c): c is Extract<Case, { op: 'linspace' }> => c.op === 'linspace');
  it.each(cases)('linspace($start, $stop, $num)', (c) => {
    const got = Array.from(linspace(py(c.start), py(c.stop), c.num));
    expect(got.length).toBe(c.out.length);
    got.forEach((v, i) => expect(Object.is(v, py(c.out[i]!)), `element ${i}: ${v} vs ${c.out[i]}`).toBe(true));
  });
});

describe('np.sum / mean / std / min / max', () => {
  const cases = fixture.cases.filter((c): c is Extract<Case, { op: 'stats' }> => c.op === 'stats');
  it.each(cases)('n=$n scale=$scale', (c) => {
    const src = arraySource(data(c.n, py(c.scale)));
    expect(npSum(src)).toBe(py(c.sum));
    expect(npMean(src)).toBe(py(c.mean));
    expect(npStd(src)).toBe(py(c.std));
    expect(npMin(src)).toBe(py(c.min));
    expect(npMax(src)).toBe(py(c.max));
  });

  it('min and max propagate NaN', () => {
    const src = arraySource([1, NaN, -3]);
    expect(npMin(src)).toBeNaN();
    expect(npMax(src)).toBeNaN();
  });
});
