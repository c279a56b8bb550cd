import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatFixed, formatFloatList, formatG, formatIntList, formatRepr, formatSize } from '../src/format/index.js';

// CPython's own outputs; see test/fixtures/format/README.md for the command that made them.
interface Cases {
  fixed: [string, string][];
  fixedSome: [string, number, string][];
  g: [string, string][];
  gp: [string, number, string][];
}
const cases = JSON.parse(
  gunzipSync(readFileSync(new URL('./fixtures/format/cases.json.gz', import.meta.url))).toString('utf8'),
) as Cases;

/** Reads a Python repr back into the exact double (JS parsing is correctly rounded). */
function parse(r: string): number {
  if (r === 'nan') return NaN;
  if (r === 'inf') return Infinity;
  if (r === '-inf') return -Infinity;
  return Number(r);
}

/** Compares every case and returns the mismatches, so one failure shows them all. */
function mismatches<T extends unknown[]>(rows: T[], check: (row: T) => [string, string] | undefined) {
  return rows.map(check).filter((m) => m !== undefined);
}

describe('formatFixed', () => {
  it("matches Python's format(x, '.Nf') for N = 0..17", () => {
    const bad: string[] = [];
    let compared = 0;
    for (const [r, expected] of cases.fixed) {
      const want = expected.split(' ');
      expect(want).toHaveLength(18);
      const x = parse(r);
      for (let n = 0; n < 18; n++) {
        compared++;
        const got = formatFixed(x, n);
        if (got !== want[n]) bad.push(`${r} .${n}f: got ${got}, want ${want[n]}`);
      }
    }
    expect(bad).toEqual([]);
    expect(compared).toBeGreaterThan(35_000);
  });

  it('matches Python for huge values (every digit printed exactly)', () => {
    const bad = mismatches(cases.fixedSome, ([r, n, want]) => {
      const got = formatFixed(parse(r), n);
      return got === want ? undefined : [`${r} .${n}f`, got];
    });
    expect(bad).toEqual([]);
    expect(cases.fixedSome.length).toBeGreaterThan(500);
  });

  it('pinned examples', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(2.675, 2)).toBe('2.67');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(3.5, 0)).toBe('4');
    expect(formatFixed(-0, 4)).toBe('-0.0000');
    expect(formatFixed(-0.00001, 4)).toBe('-0.0000');
    expect(formatFixed(0, 0)).toBe('0');
    expect(formatFixed(5e-324, 17)).toBe('0.00000000000000000');
    expect(formatFixed(1e22, 1)).toBe('10000000000000000000000.0');
    expect(formatFixed(1e300, 17)).toBe(`${BigInt(1e300)}.00000000000000000`);
    expect(formatFixed(NaN, 4)).toBe('nan');
    expect(formatFixed(Infinity, 4)).toBe('inf');
    expect(formatFixed(-Infinity, 4)).toBe('-inf');
    expect(() => formatFixed(1, -1)).toThrow(RangeError);
    expect(() => formatFixed(1, 1.5)).toThrow(RangeError);
  });
});

describe('formatRepr', () => {
  it("matches Python's repr(float) for every fixture input", () => {
    const rows = [...cases.fixed.map(([r]) => r), ...cases.fixedSome.map(([r]) => r), ...cases.g.map(([r]) => r)];
    const bad = mismatches(rows.map((r) => [r]), ([r]) => {
      const got = formatRepr(parse(r));
      return got === r ? undefined : [r, got];
    });
    expect(bad).toEqual([]);
    expect(rows.length).toBeGreaterThan(3000);
  });

  it('pinned examples', () => {
    expect(formatRepr(5)).toBe('5.0');
    expect(formatRepr(1e-5)).toBe('1e-05');
    expect(formatRepr(0.0001)).toBe('0.0001');
    expect(formatRepr(8.383915997001168e-7)).toBe('8.383915997001168e-07');
    expect(formatRepr(1e16)).toBe('1e+16');
    expect(formatRepr(1.5e16)).toBe('1.5e+16');
    expect(formatRepr(1234567890123456)).toBe('1234567890123456.0');
    expect(formatRepr(1e22)).toBe('1e+22');
    expect(formatRepr(1.5e-7)).toBe('1.5e-07');
    expect(formatRepr(1e300)).toBe('1e+300');
    expect(formatRepr(5e-324)).toBe('5e-324');
    expect(formatRepr(-0)).toBe('-0.0');
    expect(formatRepr(0)).toBe('0.0');
    expect(formatRepr(NaN)).toBe('nan');
    expect(formatRepr(Infinity)).toBe('inf');
    expect(formatRepr(-Infinity)).toBe('-inf');
    expect(formatRepr(Math.fround(0.1))).toBe('0.10000000149011612');
  });
});

describe('formatG', () => {
  it("matches Python's format(x, 'g')", () => {
    const bad = mismatches(cases.g, ([r, want]) => {
      const got = formatG(parse(r));
      return got === want ? undefined : [r, got];
    });
    expect(bad).toEqual([]);
    expect(cases.g.length).toBeGreaterThan(500);
  });

  it("matches Python's format(x, '.Pg') for P = 0..17", () => {
    const bad = mismatches(cases.gp, ([r, p, want]) => {
      const got = formatG(parse(r), p);
      return got === want ? undefined : [`${r} .${p}g`, got];
    });
    expect(bad).toEqual([]);
  });

  it('pinned examples', () => {
    expect(formatG(100)).toBe('100');
    expect(formatG(7.5)).toBe('7.5');
    expect(formatG(1e6)).toBe('1e+06');
    expect(formatG(999999.5)).toBe('1e+06');
    expect(formatG(1e-5)).toBe('1e-05');
    expect(formatG(0.0001)).toBe('0.0001');
    expect(formatG(0)).toBe('0');
    expect(formatG(-0)).toBe('-0');
    expect(formatG(NaN)).toBe('nan');
    expect(formatG(Infinity)).toBe('inf');
    expect(formatG(-Infinity)).toBe('-inf');
  });
});

describe('lists and sizes', () => {
  it('prints like Python', () => {
    expect(formatFloatList([1.5, -2])).toBe('[1.5, -2.0]');
    expect(formatFloatList([])).toBe('[]');
    expect(formatFloatList([1e-5, NaN, -0])).toBe('[1e-05, nan, -0.0]');
    expect(formatIntList([4, 1, 6])).toBe('[4, 1, 6]');
    expect(formatIntList([-3, -0, 1e21])).toBe('[-3, 0, 1000000000000000000000]');
    expect(() => formatIntList([1.5])).toThrow(RangeError);
    expect(formatSize([4, 64, 64])).toBe('torch.Size([4, 64, 64])');
    expect(formatSize([])).toBe('torch.Size([])');
  });
});
