import { cascadeSum } from './reduce.js';
import { elements, Tensor } from './tensor.js';

/*
 * `(a.unsqueeze(1) * b.unsqueeze(0)).sum(dim=2)` for a (N, D) and b (M, D): PyTorch 1.13
 * materialises the broadcast product (N, M, D), every element a float32 product a[i,d] * b[j,d]
 * (mul_kernel, exact rounding on either path), then sums its last dim. That dim is contiguous, so
 * cascade_sum (SumKernel.cpp) takes vectorized_inner_sum on each of the N * M rows of D floats,
 * independently (the output dims coalesce; a thread split, if any, is along outputs): each row is
 * cascadeSum of its D products. Here one row of products at a time is formed and summed, which
 * gives the same values without the N * M * D buffer.
 */
const f = Math.fround;
const ACC = new Float32Array(32);
const ROW = new Float32Array(512);

/**
 * vectorized_inner_sum of the row of d products x[xo + k] * y[yo + k], 8 <= d < 512: there
 * row_sum has fewer than 16 groups of 4 vectors, so multi_row_sum never carries between its
 * levels and is 4 vector accumulators (32 lanes, element (4g + k)·8 + l into accumulator k,
 * lane l); the leftover vectors go into accumulator 0, accumulators 1-3 are added into 0, the
 * scalar tail (d % 8) is summed into a fresh float, the 8 lanes are added to it in order, and the
 * result is stored as 0 + s. The same additions as cascadeSum, without its bookkeeping per row;
 * one small function per row, which V8 optimises after a few of the N·M calls.
 */
function shortProductSum(x: Float32Array, xo: number, y: Float32Array, yo: number, d: number): number {
  const acc = ACC;
  acc.fill(0);
  const vectors = d >> 3;
  const groupsEnd = (vectors >> 2) * 32;
  let i = 0;
  for (; i < groupsEnd; i += 32) for (let a = 0; a < 32; a++) acc[a] += f(x[xo + i + a]! * y[yo + i + a]!);
  for (; i < vectors * 8; i += 8) for (let l = 0; l < 8; l++) acc[l] += f(x[xo + i + l]! * y[yo + i + l]!);
  for (let k = 1; k < 4; k++) for (let l = 0; l < 8; l++) acc[l] += acc[k * 8 + l]!;
  let total = 0;
  for (; i < d; i++) total = f(total + f(x[xo + i]! * y[yo + i]!));
  for (let l = 0; l < 8; l++) total = f(total + acc[l]!);
  return f(0 + total);
}

/** Any other d: the row of products formed, then cascadeSum (below 8 floats: scalar_inner_sum). */
function productSum(x: Float32Array, xo: number, y: Float32Array, yo: number, d: number): number {
  const row = d <= ROW.length ? ROW.subarray(0, d) : new Float32Array(d);
  for (let k = 0; k < d; k++) row[k] = x[xo + k]! * y[yo + k]!;
  return cascadeSum(row);
}

export function broadcastProductSum(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2 || b.ndim !== 2 || a.shape[1] !== b.shape[1]) {
    throw new RangeError(`broadcastProductSum: expected (N, D) and (M, D), got [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const [n, d] = a.shape as [number, number];
  const m = b.shape[0]!;
  const out = new Float32Array(n * m);
  const sum = d >= 8 && d < 512 ? shortProductSum : productSum;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) out[i * m + j] = sum(elements(a), i * d, elements(b), j * d, d);
  }
  return new Tensor(out, [n, m]);
}
