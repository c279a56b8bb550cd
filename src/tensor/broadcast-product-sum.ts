import { cascadeSum } from './reduce.js';
import { Tensor } from './tensor.js';

/*
 * `(a.unsqueeze(1) * b.unsqueeze(0)).sum(dim=2)` for a (N, D) and b (M, D): PyTorch 1.13
 * materialises the broadcast product (N, M, D), every element a float32 product a[i,d] * b[j,d]
 * (mul_kernel, exact rounding on either path), then sums its last dim. That dim is contiguous, so
 * cascade_sum (SumKernel.cpp) takes vectorized_inner_sum on each of the N * M rows of D floats,
 * independently (the output dims coalesce; a thread split, if any, is along outputs): each row is
 * cascadeSum of its D products. Here one row of products at a time is formed and summed, which
 * gives the same values without the N * M * D buffer.
 */
export function broadcastProductSum(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2 || b.ndim !== 2 || a.shape[1] !== b.shape[1]) {
    throw new RangeError(`broadcastProductSum: expected (N, D) and (M, D), got [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`);
  }
  const [n, d] = a.shape as [number, number];
  const m = b.shape[0]!;
  const out = new Float32Array(n * m);
  const row = new Float32Array(d);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < d; k++) row[k] = x[i * d + k]! * y[j * d + k]!;
      out[i * m + j] = cascadeSum(row);
    }
  }
  return new Tensor(out, [n, m]);
}
