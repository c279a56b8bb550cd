import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fma64 } from '../src/tensor/math/f64.js';
import { libmPow, libmPowSquare } from '../src/tensor/math/libm-pow.js';

/*
 * glibc's pow as NumPy's np.float64 ** 2 calls it (section 9's landscape), against Python on this
 * machine (test/fixtures/tensor/make_glibc_pow.py), bit for bit: 300 arguments where it is not
 * x * x, grid values, results near overflow and in the subnormal range, special values. The
 * general exponents are in test/math.test.ts (the scalar tail of torch.pow).
 */

const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensor/glibc-pow.json', import.meta.url), 'utf8')) as { cases: [string, string][] };

const view = new DataView(new ArrayBuffer(8));
function fromHex(hex: string): number {
  for (let i = 0; i < 8; i++) view.setUint8(i, parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  return view.getFloat64(0, true);
}

describe('libmPow(x, 2)', () => {
  it(`matches glibc on ${fixture.cases.length} arguments`, () => {
    const wrong: string[] = [];
    for (const [x, want] of fixture.cases) {
      const got = libmPow(fromHex(x), 2);
      const w = fromHex(want);
      if (!(Object.is(got, w) || (Number.isNaN(got) && Number.isNaN(w)))) wrong.push(`${fromHex(x)}: ${got} vs ${w}`);
    }
    expect(wrong).toEqual([]);
  });

  it('differs from x * x where glibc does', () => {
    const differing = fixture.cases.filter(([x, want]) => fromHex(x) * fromHex(x) !== fromHex(want));
    expect(differing.length).toBeGreaterThanOrEqual(300);
  });
});

describe('libmPowSquare', () => {
  it('is libmPow(x, 2) on the fixture arguments', () => {
    for (const [x] of fixture.cases) expect(Object.is(libmPowSquare(fromHex(x)), libmPow(fromHex(x), 2)) || Number.isNaN(libmPow(fromHex(x), 2))).toBe(true);
  });

  it('is libmPow(x, 2) on 400,000 arguments of every magnitude, and on the landscape grids', () => {
    // a fixed xorshift stream: random bit patterns, uniform in [-5, 5], and 1 - w, w - w'² of grid values
    let s = 0x9e3779b9;
    const next = (): number => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
    const words = new Uint32Array(2);
    const asDouble = new Float64Array(words.buffer);
    const args: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      words[0] = next() * 2 ** 32;
      words[1] = next() * 2 ** 32;
      args.push(asDouble[0]!, (next() - 0.5) * 10);
    }
    for (const n of [7, 50, 97, 2048]) {
      for (let i = 0; i < n; i++) {
        const w = -2 + (4 * i) / (n - 1);
        args.push(w, 1 - w, w - libmPow(-1.9 + (3.8 * ((i * 7) % n)) / n, 2));
      }
    }
    const wrong = args.filter((x) => !Object.is(libmPowSquare(x), libmPow(x, 2)) && !Number.isNaN(libmPow(x, 2)));
    expect(wrong).toEqual([]);
  });
});

describe('fma64', () => {
  it('rounds a * b + c once', () => {
    // (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60: the 2^-60 is lost by a separate product rounding
    const a = 1 + 2 ** -30;
    expect(fma64(a, a, -1)).toBe(2 ** -29 + 2 ** -60);
    expect(a * a - 1).toBe(2 ** -29);
    // a tie of the double sum broken by the product's low part
    expect(fma64(1 + 2 ** -52, 1 - 2 ** -53, 2 ** -53)).toBe(1 + 2 ** -52);
    expect(fma64(3, 5, 7)).toBe(22);
  });
});
