import { stridedSum } from './strided-sum.js';
import { Tensor } from './tensor.js';

/*
 * `t.diagonal()` of a 2-D (N, M) tensor and the reductions the extras take over it. In PyTorch
 * the diagonal is a view of stride M + 1, not a copy, so its sum and mean reduce a strided input
 * (strided-sum.ts: row_sum on single floats), which differs in the last bit from the cascade sum
 * of the same values stored contiguously.
 */

function diagonalRun(t: Tensor): { stride: number; size: number } {
  if (t.ndim !== 2) throw new RangeError(`diagonal: expected a 2-D tensor, got ${t.ndim}-D`);
  const [rows, cols] = t.shape as [number, number];
  return { stride: cols + 1, size: Math.min(rows, cols) };
}

/** `t.diagonal()` as values (a contiguous copy: for printing or elementwise use, not for sums). */
export function diagonal(t: Tensor): Tensor {
  const { stride, size } = diagonalRun(t);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = t.data[i * stride]!;
  return new Tensor(out, [size]);
}

/** `t.diagonal().sum()`: the strided view's sum. */
export function diagonalSum(t: Tensor): Tensor {
  const { stride, size } = diagonalRun(t);
  return new Tensor(Float32Array.of(stridedSum(t.data, 0, stride, size)), []);
}

/** `t.diagonal().mean()`: mean_out's CPU path, sum then divided by numel in float32. */
export function diagonalMean(t: Tensor): Tensor {
  const { stride, size } = diagonalRun(t);
  return new Tensor(Float32Array.of(Math.fround(stridedSum(t.data, 0, stride, size) / Math.fround(size))), []);
}
