import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cascadeSum, mean, sumLastDim } from '../src/tensor/reduce.js';
import { Tensor } from '../src/tensor/tensor.js';

interface Case { op: 'sum' | 'mean' | 'sumLastDim'; shape?: number[]; x: number[]; out: number[] }
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensor/sums.json', import.meta.url), 'utf8')) as { cases: Case[] };

const floats = (bits: number[]): Float32Array => new Float32Array(Uint32Array.from(bits).buffer);
const bitsOf = (xs: Float32Array): number[] => Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length));

describe('cascade sum matches torch.sum bit for bit', () => {
  for (const c of fixture.cases) {
    const x = floats(c.x);
    it(`${c.op} of ${c.shape ? c.shape.join('x') : x.length}`, () => {
      let got: Float32Array;
      if (c.op === 'sum') got = Float32Array.of(cascadeSum(x));
      else if (c.op === 'mean') got = mean(new Tensor(x, [x.length])).data;
      else got = sumLastDim(new Tensor(x, c.shape!)).data;
      expect(bitsOf(got)).toEqual(c.out);
    });
  }
});
