import { Tensor } from './tensor.js';

/*
 * The indexing the script does on 2-D (rows, classes) tensors with one class per row. These copy
 * values without arithmetic, so they are exact; only the value written by scatter_ is cast.
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
export function gatherRows(t: Tensor, cols: readonly number[]): Tensor {
  const n = checkRows(t, cols, 'gatherRows');
  const out = new Float32Array(cols.length);
  for (let i = 0; i < cols.length; i++) out[i] = t.data[i * n + wrap(cols[i]!, n)]!;
  return new Tensor(out, [cols.length]);
}

/** `t[range(rows), cols] = values` (index_put_), on a copy. */
export function putRows(t: Tensor, cols: readonly number[], values: Tensor): Tensor {
  const n = checkRows(t, cols, 'putRows');
  if (values.numel !== cols.length) throw new RangeError(`putRows: ${values.numel} values for ${cols.length} rows`);
  const out = t.data.slice();
  for (let i = 0; i < cols.length; i++) out[i * n + wrap(cols[i]!, n)] = values.data[i]!;
  return new Tensor(out, t.shape);
}

/** `t.scatter_(1, cols.unsqueeze(1), value)`: in place; the Python float is cast to float32 once. */
export function scatterRows_(t: Tensor, cols: readonly number[], value: number): Tensor {
  const n = checkRows(t, cols, 'scatterRows_');
  const v = Math.fround(value);
  for (let i = 0; i < cols.length; i++) {
    // scatter_ checks 0 <= index < size (no negative wrap, unlike advanced indexing)
    if (cols[i]! < 0) throw new RangeError(`scatterRows_: index ${cols[i]} is out of bounds for size ${n}`);
    t.data[i * n + cols[i]!] = v;
  }
  return t;
}

/** `t[i]` of a 1-D tensor: a 0-dim tensor. */
export function select(t: Tensor, i: number): Tensor {
  if (t.ndim !== 1) throw new RangeError(`select: needs a 1-D tensor, got ${t.ndim}-D`);
  const n = t.shape[0]!;
  if (!Number.isInteger(i) || i < -n || i >= n) throw new RangeError(`select: index ${i} is out of bounds for size ${n}`);
  return new Tensor(Float32Array.of(t.data[wrap(i, n)]!), []);
}
