import { DenseTensor, elements, forEachRow, type Tensor } from './tensor.js';

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

/** `t[indices]` for a list of indices into dim 0: a copy of the selected rows (index is a gather, not a view). */
export function indexRows(t: Tensor, indices: readonly number[]): DenseTensor {
  const n = t.shape[0]!;
  const row = t.numel / n;
  const out = new Float32Array(indices.length * row);
  indices.forEach((i, k) => out.set(elements(t.pick(0, rowIndex(i, n))), k * row));
  return new DenseTensor(out, [indices.length, ...t.shape.slice(1)]);
}

/**
 * `t.index_put_((indices,), values, accumulate)` into dim 0, in place (through t's strides when
 * t is a view). `t[indices] = v` is the plain form (a repeated index keeps the last write);
 * accumulate adds each value in index order, as the CPU index_put kernel's serial accumulate
 * does. Python's `t[indices] += v` is neither: it reads t[indices], adds, then stores with the
 * plain form.
 */
export function indexPut_<T extends Tensor>(t: T, indices: readonly number[], values: Tensor, accumulate = false): T {
  const n = t.shape[0]!;
  const row = t.numel / n;
  if (values.numel !== indices.length * row && values.numel !== row && values.numel !== 1) {
    throw new RangeError(`shape mismatch: values of ${values.numel} elements cannot be put into ${indices.length} rows of ${row}`);
  }
  const src = elements(values);
  const perRow = values.numel === indices.length * row;
  const s = t.storage;
  indices.forEach((i, k) => {
    let j = 0;
    forEachRow(t.pick(0, rowIndex(i, n)), (base, step, len) => {
      for (let e = 0; e < len; e++, j++) {
        const v = src.length === 1 ? src[0]! : src[(perRow ? k * row : 0) + j]!;
        const at = base + e * step;
        s[at] = accumulate ? f(s[at]! + v) : v;
      }
    });
  });
  return t;
}

/** One index of a basic-indexing key: an integer, or a slice [start, stop) with step 1 (undefined bound = open). */
export type SliceKey = number | readonly [number | undefined, number | undefined];

/**
 * The view `t[k0, k1, ...]` for a key of integers (pick: the dim goes) and step-1 slices (slice:
 * Python's bounds, clipped at the edges), trailing dims taken whole.
 */
export function sliceView(t: Tensor, key: readonly SliceKey[]): Tensor {
  if (key.length > t.ndim) throw new RangeError(`too many indices for tensor of dimension ${t.ndim}`);
  let view = t;
  let d = 0;
  for (const k of key) {
    if (typeof k === 'number') view = view.pick(d, k);
    else view = view.slice(d++, k[0], k[1]);
  }
  return view;
}

/**
 * `t[k0, k1, ...] = value` for a key of integers and step-1 slices (trailing dims taken whole), in
 * place, written through the view sliceView makes: slices past the edge clip as Python's do, so
 * a box may be partly or wholly outside. The Python float is cast to float32 once, as fill_ does.
 */
export function fillSlices_<T extends Tensor>(t: T, key: readonly SliceKey[], value: number): T {
  sliceView(t, key).fill_(value);
  return t;
}
