import { sleefExpf, sleefLogf } from './math/index.js';
import { DenseTensor, elements, normDim, type Tensor } from './tensor.js';
import { laneAdd, laneMaximum, mapReduceAll, reduceAll } from './vec-functional.js';

/*
 * softmax / log_softmax over the last dim, as PyTorch 1.13's CPU kernels do it
 * (aten/src/ATen/native/cpu/SoftMaxKernel.cpp, host_softmax with inner_size 1). Every exp and log
 * is Sleef's AVX2 vector function (Sleef_expf8_u10 / Sleef_logf8_u10), the partial last vector
 * included, since they run through vec::map / vec::map_reduce_all, never a scalar tail.
 */

const f = Math.fround;

function lastDimOnly(t: Tensor, dim: number, what: string): number {
  if (normDim(dim, t.ndim) !== t.ndim - 1) throw new RangeError(`${what}: only the last dim is implemented`);
  return t.shape[t.ndim - 1]!;
}

/** _vec_log_softmax_lastdim: (x - max) - log(sum(exp(x - max))), the two subtractions kept apart. */
export function logSoftmax(t: Tensor, dim = -1): DenseTensor {
  const n = lastDimOnly(t, dim, 'logSoftmax');
  // host_softmax runs on input.contiguous()
  const x = elements(t);
  const out = new Float32Array(x.length);
  for (let row = 0; row * n < x.length; row++) {
    const base = row * n;
    const max = reduceAll(x, base, n, laneMaximum);
    const sum = mapReduceAll(x, base, n, (v) => sleefExpf(f(v - max)), laneAdd);
    const logSum = sleefLogf(sum);
    for (let k = 0; k < n; k++) out[base + k] = f(f(x[base + k]! - max) - logSum);
  }
  return new DenseTensor(out, t.shape);
}

/** _vec_softmax_lastdim: exp(x - max) stored, summed by reduce_all, then scaled by 1/sum (a reciprocal, not a division). */
export function softmax(t: Tensor, dim = -1): DenseTensor {
  const n = lastDimOnly(t, dim, 'softmax');
  // host_softmax runs on input.contiguous()
  const x = elements(t);
  const out = new Float32Array(x.length);
  for (let row = 0; row * n < x.length; row++) {
    const base = row * n;
    const max = reduceAll(x, base, n, laneMaximum);
    for (let k = 0; k < n; k++) out[base + k] = sleefExpf(f(x[base + k]! - max));
    const inv = f(1 / reduceAll(out, base, n, laneAdd));
    for (let k = 0; k < n; k++) out[base + k] = f(out[base + k]! * inv);
  }
  return new DenseTensor(out, t.shape);
}
