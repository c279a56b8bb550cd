import { describe, expect, it } from 'vitest';
import { add } from '../src/tensor/elementwise.js';
import { fillSlices_, indexPut_, indexRows, type SliceKey } from '../src/tensor/indexing.js';
import { Tensor, zeros } from '../src/tensor/tensor.js';
import { fixture } from './helpers/cli.js';

/*
 * Slice assignment, t[idx] reads and the three ways to write t[idx] against PyTorch 1.13
 * (test/fixtures/tensor/make_indexing.py), compared as float32 bits.
 */

interface SliceCase {
  shape: number[];
  key: (number | [number | null, number | null])[];
  value: number;
  out: number[];
}
interface PutCase {
  base: number[];
  indices: number[];
  values: number[];
  get: number[];
  set: number[];
  iadd: number[];
  accumulate: number[];
}

const data = JSON.parse(fixture('tensor/indexing.json')) as { slices: SliceCase[]; puts: PutCase[] };
const fromBits = (b: number[]): Float32Array => new Float32Array(Uint32Array.from(b).buffer);
const bitsOf = (t: Tensor): number[] => Array.from(new Uint32Array(Float32Array.from(t.data).buffer));
const vec = (b: number[]): Tensor => new Tensor(fromBits(b), [b.length]);

describe('fillSlices_', () => {
  it.each(data.slices.map((c) => ({ ...c, name: JSON.stringify(c.key) })))('t[$name] = v', (c) => {
    const key: SliceKey[] = c.key.map((k) => (typeof k === 'number' ? k : [k[0] ?? undefined, k[1] ?? undefined]));
    const t = zeros(c.shape);
    expect(fillSlices_(t, key, c.value)).toBe(t);
    expect(bitsOf(t)).toEqual(c.out);
  });

  it('rejects an integer index out of range', () => {
    expect(() => fillSlices_(zeros([2, 3]), [2], 1)).toThrow(/out of bounds/);
  });
});

describe('index rows', () => {
  it.each(data.puts.map((c) => ({ ...c, name: c.indices.join(',') })))('indices $name', (c) => {
    expect(bitsOf(indexRows(vec(c.base), c.indices))).toEqual(c.get);
    expect(bitsOf(indexPut_(vec(c.base), c.indices, vec(c.values)))).toEqual(c.set);
    const t = vec(c.base);
    indexPut_(t, c.indices, add(indexRows(t, c.indices), vec(c.values)));
    expect(bitsOf(t)).toEqual(c.iadd);
    expect(bitsOf(indexPut_(vec(c.base), c.indices, vec(c.values), true))).toEqual(c.accumulate);
  });
});
