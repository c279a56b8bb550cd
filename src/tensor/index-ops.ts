import { DenseTensor, elements, type Tensor } from './tensor.js';

/*
 * The indexing the script does on 2-D (rows, classes) tensors with one class per row. These copy
 * values without arithmetic, so they are exact; only the value written by scatter_ is cast. Each
 * element is found through the tensor's strides (storage index offset + i*stride[0] + c*stride[1]),
 * so a view is read and written where it lies.
 */

function checkRows(t: Tensor, cols: readonly number[], what: string): number {
  if (t.ndim !== 2) throw new RangeError(`${what}: needs a 2-D tensor, got ${t.ndim}-D`);
  const [rows, n] = t.shape as [number, number];
  if (cols.length !== rows) throw new RangeError(`${what}: ${cols.length} indices for ${rows} rows`);
  for (const c of cols) {
    if (!Number.isInteger(c) || c < -n || c >= n) throw new RangeError(`${what}: index ${c} is out of bounds for size ${n}`);
  }
  return n;
}

/** Negative indices count from the end, as in PyTorch's advanced indexing. */
const wrap = (c: number, n: number): number => (c < 0 ? c + n : c);

/** `t[range(rows), cols]`: one element of each row (advanced indexing, a gather). */
export function gatherRows(t: Tensor, cols: readonly number[]): DenseTensor {
  const n = checkRows(t, cols, 'gatherRows');
  const out = new Float32Array(cols.length);
  const s = t.storage;
  const [rs, cs] = t.stride as [number, number];
  for (let i = 0; i < cols.length; i++) out[i] = s[t.offset + i * rs + wrap(cols[i]!, n) * cs]!;
  return new DenseTensor(out, [cols.length]);
}

/** `t[range(rows), cols] = values` (index_put_), on a copy. */
export function putRows(t: Tensor, cols: readonly number[], values: Tensor): DenseTensor {
  const n = checkRows(t, cols, 'putRows');
  if (values.numel !== cols.length) throw new RangeError(`putRows: ${values.numel} values for ${cols.length} rows`);
  const out = t.clone();
  const v = elements(values);
  for (let i = 0; i < cols.length; i++) out.data[i * n + wrap(cols[i]!, n)] = v[i]!;
  return out;
}

/** `t.scatter_(1, cols.unsqueeze(1), value)`: in place; the Python float is cast to float32 once. */
export function scatterRows_(t: Tensor, cols: readonly number[], value: number): Tensor {
  const n = checkRows(t, cols, 'scatterRows_');
  const v = Math.fround(value);
  for (let i = 0; i < cols.length; i++) {
    // scatter_ checks 0 <= index < size (no negative wrap, unlike advanced indexing)
    if (cols[i]! < 0) throw new RangeError(`scatterRows_: index ${cols[i]} is out of bounds for size ${n}`);
    t.storage[t.offset + i * t.stride[0]! + cols[i]! * t.stride[1]!] = v;
  }
  return t;
}

/** `t[i]` of a 1-D tensor: a 0-dim view of that element (Tensor.pick). */
export function select(t: Tensor, i: number): Tensor {
  if (t.ndim !== 1) throw new RangeError(`select: needs a 1-D tensor, got ${t.ndim}-D`);
  const n = t.shape[0]!;
  if (!Number.isInteger(i) || i < -n || i >= n) throw new RangeError(`select: index ${i} is out of bounds for size ${n}`);
  return t.pick(0, i);
}
