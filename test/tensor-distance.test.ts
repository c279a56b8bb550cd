import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tripletMarginLoss } from '../src/losses/triplet-margin-loss.js';
import { cat } from '../src/tensor/cat.js';
import { clampMin, clampMax } from '../src/tensor/clamp.js';
import { pairwiseDistance, vectorNorm2 } from '../src/tensor/distance.js';
import { fma32 as fmaf } from '../src/tensor/math/f32.js';
import { Tensor, tensor } from '../src/tensor/tensor.js';

/*
 * pairwise_distance, torch.norm, triplet_margin_loss and clamp_min against PyTorch 1.13
 * (test/fixtures/tensor/make_distance.py), compared as float32 bit patterns.
 */

interface Case {
  op: 'pairwise_distance' | 'norm' | 'triplet_margin_loss' | 'clamp_min';
  shape?: number[];
  x?: number[]; x1?: number[]; x2?: number[];
  anchor?: number[]; positive?: number[]; negative?: number[];
  margin?: number; swap?: boolean; reduction?: 'none' | 'mean' | 'sum'; min?: number;
  out: number[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensor/distance.json', import.meta.url), 'utf8')) as { cases: Case[] };

const floats = (bits: number[]): Float32Array => new Float32Array(Uint32Array.from(bits).buffer);
const bitsOf = (xs: Float32Array): number[] => Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length));
const t = (bits: number[], shape: number[]): Tensor => new Tensor(floats(bits), shape);

function run(c: Case): Float32Array {
  switch (c.op) {
    case 'pairwise_distance':
      return pairwiseDistance(t(c.x1!, c.shape!), t(c.x2!, c.shape!)).data;
    case 'norm':
      return vectorNorm2(t(c.x!, c.shape!)).data;
    case 'triplet_margin_loss':
      return tripletMarginLoss(t(c.anchor!, c.shape!), t(c.positive!, c.shape!), t(c.negative!, c.shape!),
        { margin: c.margin!, swap: c.swap!, reduction: c.reduction! }).data;
    case 'clamp_min':
      return clampMin(t(c.x!, [c.x!.length]), c.min!).data;
  }
}

describe('distance ops match PyTorch 1.13 bit for bit', () => {
  it.each(fixture.cases.map((c, i) => ({ ...c, name: `${c.op} ${c.shape?.join('x') ?? c.x?.length} #${i}` })))('$name', (c) => {
    expect(bitsOf(run(c))).toEqual(c.out);
  });
});

describe('fma32 (the fused multiply-adds of the norm kernel)', () => {
  it('rounds once where rounding the double sum to float32 would round twice', () => {
    // a*b = 2^-24 (1 - 2^-36); + c = 1 + 2^-23 lies just below a float32 midpoint, which the
    // double sum rounds onto (then ties-to-even would go up)
    const a = Math.fround(2 ** -24 * (1 + 2 ** -18));
    const b = Math.fround(1 - 2 ** -18);
    const c = Math.fround(1 + 2 ** -23);
    expect(Math.fround(a * b + c)).toBe(Math.fround(1 + 2 ** -22));
    expect(fmaf(a, b, c)).toBe(c);
    expect(fmaf(-a, b, -c)).toBe(-c);
  });
  it('agrees with fround(a * b + c) when the double sum is exact', () => {
    expect(fmaf(3, 5, 7)).toBe(22);
    expect(fmaf(Math.fround(0.1), Math.fround(0.1), Math.fround(0.2))).toBe(Math.fround(Math.fround(0.1) * Math.fround(0.1) + Math.fround(0.2)));
  });
});

describe('clampMax and cat', () => {
  it('clampMax keeps NaN and casts the bound to float32', () => {
    expect(Array.from(clampMax(tensor([0.5, NaN, 2, -1]), 0.1).data)).toEqual([Math.fround(0.1), NaN, Math.fround(0.1), -1]);
  });
  it('cat joins along dim 0 and dim 1', () => {
    const a = tensor([1, 2, 3, 4], [2, 2]);
    const b = tensor([5, 6], [1, 2]);
    expect(Array.from(cat([a, b]).data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cat([a, b]).shape).toEqual([3, 2]);
    const c = tensor([7, 8], [2, 1]);
    expect(Array.from(cat([a, c], 1).data)).toEqual([1, 2, 7, 3, 4, 8]);
    expect(cat([a, c], -1).shape).toEqual([2, 3]);
    expect(() => cat([a, tensor([1, 2, 3], [1, 3])])).toThrow(RangeError);
  });
});
