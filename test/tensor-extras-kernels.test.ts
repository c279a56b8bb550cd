import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { argmaxLastDim } from '../src/tensor/argmax.js';
import { broadcastProductSum } from '../src/tensor/broadcast-product-sum.js';
import { norm2LastDim } from '../src/tensor/distance.js';
import { div } from '../src/tensor/elementwise.js';
import { CascadeSum, cascadeSum, mean, sum } from '../src/tensor/reduce.js';
import { manualSeed } from '../src/rng/index.js';
import { divideByRowNorms } from '../src/tensor/normalize-rows.js';
import { fromData, gather, Tensor } from '../src/tensor/tensor.js';

/* The extras' kernels against PyTorch 1.13 (test/fixtures/tensor/make_extras_kernels.py). */

type Case =
  | { op: 'normalize'; shape: number[]; x: number[]; out: number[] }
  | { op: 'product_sum'; a_shape: number[]; b_shape: number[]; a: number[]; b: number[]; out: number[] }
  | { op: 'diagonal'; shape: number[]; diagonal: number[]; sum: number[]; mean: number[]; contiguous_sum: number[] }
  | { op: 'argmax'; shape: number[]; x: number[]; out: number[] };

const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensor/extras-kernels.json', import.meta.url), 'utf8')) as { cases: Case[] };
const floats = (bits: number[]): Float32Array => new Float32Array(Uint32Array.from(bits).buffer);
const bitsOf = (xs: Float32Array): number[] => Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length));
const casesOf = <K extends Case['op']>(op: K) => fixture.cases.filter((c): c is Extract<Case, { op: K }> => c.op === op);

/** An (N, M) matrix holding `diag` on its diagonal and NaN elsewhere (a kernel reading off the diagonal fails). */
function withDiagonal(shape: number[], diag: Float32Array): Tensor {
  const [n, m] = shape as [number, number];
  const data = new Float32Array(n * m).fill(NaN);
  for (let i = 0; i < diag.length; i++) data[i * (m + 1)] = diag[i]!;
  return new Tensor(data, [n, m]);
}

describe('x / x.norm(dim=1, keepdim=True)', () => {
  it.each(casesOf('normalize').map((c) => [c.shape.join('x'), c] as const))('%s', (_s, c) => {
    const x = new Tensor(floats(c.x), c.shape);
    expect(bitsOf(div(x, norm2LastDim(x, true)).data)).toEqual(c.out);
    expect(bitsOf(divideByRowNorms(x).data)).toEqual(c.out);
  });
});

describe('(a.unsqueeze(1) * b.unsqueeze(0)).sum(dim=2)', () => {
  it.each(casesOf('product_sum').map((c) => [`${c.a_shape.join('x')} by ${c.b_shape.join('x')}`, c] as const))('%s', (_s, c) => {
    const got = broadcastProductSum(new Tensor(floats(c.a), c.a_shape), new Tensor(floats(c.b), c.b_shape));
    expect(got.shape).toEqual([c.a_shape[0], c.b_shape[0]]);
    expect(bitsOf(got.data)).toEqual(c.out);
  });
});

describe('diagonal().sum() and .mean() reduce a strided view', () => {
  const cases = casesOf('diagonal');
  it.each(cases.map((c) => [c.shape.join('x'), c] as const))('%s', (_s, c) => {
    const x = withDiagonal(c.shape, floats(c.diagonal));
    // x.diagonal() is a view of stride M + 1: sum and mean read it where it lies
    expect(bitsOf(gather(x.diagonal()))).toEqual(c.diagonal);
    expect(bitsOf(sum(x.diagonal()).data)).toEqual(c.sum);
    expect(bitsOf(mean(x.diagonal()).data)).toEqual(c.mean);
    expect(bitsOf(Float32Array.of(cascadeSum(floats(c.diagonal))))).toEqual(c.contiguous_sum);
  });

  it('differs from the contiguous sum on some inputs (so the cases tell the two apart)', () => {
    expect(cases.filter((c) => c.sum[0] !== c.contiguous_sum[0]).length).toBeGreaterThan(5);
  });
});

describe('argmax(dim=1)', () => {
  it.each(casesOf('argmax').map((c, i) => [`${c.shape.join('x')} #${i}`, c] as const))('%s', (_s, c) => {
    expect(argmaxLastDim(new Tensor(floats(c.x), c.shape))).toEqual(c.out);
  });
});

describe('cascadeSum fed in blocks of 128 is CascadeSum fed at once', () => {
  // cascadeSum itself is checked against torch.sum in sums.test.ts
  it.each([1, 7, 8, 31, 127, 128, 129, 1000, 16384, 70001, 600000])('%i floats', (n) => {
    const g = manualSeed(BigInt(n));
    const x = g.randn(n);
    for (let i = 0; i < n; i += 3) x[i] = x[i]! * 1000;
    const once = new CascadeSum(n);
    once.add(x);
    const total = once.result();
    expect(cascadeSum(x)).toBe(total);
    expect(mean(fromData(x)).item()).toBe(Math.fround(total / n));
  });
});
