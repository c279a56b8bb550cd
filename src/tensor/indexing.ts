import { Tensor } from './tensor.js';

/*
 * Indexing a tensor by a list of positions along dim 0 (advanced indexing: index / index_put_ of
 * aten/src/ATen/native/TensorAdvancedIndexing.cpp) and assigning to a box of basic slices. These
 * move float32 values without arithmetic except index_put_'s accumulate, which adds in float32.
 */

const f = Math.fround;

function rowIndex(i: number, n: number): number {
  if (!Number.isInteger(i) || i < -n || i >= n) throw new RangeError(`index ${i} is out of bounds for dimension 0 with size ${n}`);
  return i < 0 ? i + n : i;
}

/** `t[indices]` for a list of indices into dim 0: a copy of the selected rows. */
export function indexRows(t: Tensor, indices: readonly number[]): Tensor {
  const n = t.shape[0]!;
  const row = t.numel / n;
  const out = new Float32Array(indices.length * row);
  indices.forEach((i, k) => out.set(t.data.subarray(rowIndex(i, n) * row, (rowIndex(i, n) + 1) * row), k * row));
  return new Tensor(out, [indices.length, ...t.shape.slice(1)]);
}

/**
 * `t.index_put_((indices,), values, accumulate)` into dim 0, in place. `t[indices] = v` is the
 * plain form (a repeated index keeps the last write); accumulate adds each value in index order,
 * as the CPU index_put kernel's serial accumulate does. Python's `t[indices] += v` is neither:
 * it reads t[indices], adds, then stores with the plain form.
 */
export function indexPut_(t: Tensor, indices: readonly number[], values: Tensor, accumulate = false): Tensor {
  const n = t.shape[0]!;
  const row = t.numel / n;
  if (values.numel !== indices.length * row && values.numel !== row && values.numel !== 1) {
    throw new RangeError(`shape mismatch: values of ${values.numel} elements cannot be put into ${indices.length} rows of ${row}`);
  }
  const src = values.data;
  const perRow = values.numel === indices.length * row;
  indices.forEach((i, k) => {
    const base = rowIndex(i, n) * row;
    for (let j = 0; j < row; j++) {
      const v = src.length === 1 ? src[0]! : src[(perRow ? k * row : 0) + j]!;
      t.data[base + j] = accumulate ? f(t.data[base + j]! + v) : v;
    }
  });
  return t;
}

/** One index of a basic-indexing key: an integer, or a slice [start, stop) with step 1 (undefined bound = open). */
export type SliceKey = number | readonly [number | undefined, number | undefined];

/** Python's slice.indices for step 1: negative bounds count from the end, then both clip to [0, n]. */
function sliceBounds(key: readonly [number | undefined, number | undefined], n: number): [number, number] {
  const clip = (v: number | undefined, open: number): number => {
    if (v === undefined) return open;
    const w = v < 0 ? v + n : v;
    return Math.min(Math.max(w, 0), n);
  };
  const start = clip(key[0], 0);
  return [start, Math.max(clip(key[1], n), start)];
}

/**
 * `t[k0, k1, ...] = value` for a key of integers and step-1 slices (trailing dims taken whole), in
 * place: slices past the edge clip as Python's do, so a box may be partly or wholly outside. The
 * Python float is cast to float32 once, as fill_ does.
 */
export function fillSlices_(t: Tensor, key: readonly SliceKey[], value: number): Tensor {
  if (key.length > t.ndim) throw new RangeError(`too many indices for tensor of dimension ${t.ndim}`);
  const v = f(value);
  const lo: number[] = [];
  const hi: number[] = [];
  t.shape.forEach((n, d) => {
    const k = key[d];
    if (k === undefined) {
      lo.push(0);
      hi.push(n);
    } else if (typeof k === 'number') {
      if (!Number.isInteger(k) || k < -n || k >= n) throw new RangeError(`index ${k} is out of bounds for dimension ${d} with size ${n}`);
      const i = k < 0 ? k + n : k;
      lo.push(i);
      hi.push(i + 1);
    } else {
      const [a, b] = sliceBounds(k, n);
      lo.push(a);
      hi.push(b);
    }
  });
  if (lo.some((a, d) => a >= hi[d]!)) return t;
  if (t.ndim === 0) {
    t.data[0] = v;
    return t;
  }
  const ndim = t.ndim;
  const strides = new Array<number>(ndim).fill(1);
  for (let d = ndim - 2; d >= 0; d--) strides[d] = strides[d + 1]! * t.shape[d + 1]!;
  // Walk the box row by row along the last dim.
  const idx = lo.slice(0, ndim - 1);
  const last = ndim - 1;
  for (;;) {
    let base = 0;
    for (let d = 0; d < last; d++) base += idx[d]! * strides[d]!;
    t.data.fill(v, base + lo[last]!, base + hi[last]!);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      if (idx[d]! < hi[d]!) break;
      idx[d] = lo[d]!;
    }
    if (d < 0) break;
  }
  return t;
}
