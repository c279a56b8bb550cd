import { Tensor } from './tensor.js';

/*
 * Comparisons with a Python scalar (the comparison kernels of aten/src/ATen/native/cpu/
 * BinaryOpsKernel.cpp): the scalar is cast to float32 first, NaN compares false. `.float()` of
 * the bool result is 0/1, so these return the float tensor directly.
 */

/** `(t > s).float()` */
export function gtScalar(t: Tensor, s: number): Tensor {
  const y = Math.fround(s);
  const x = t.data;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! > y ? 1 : 0;
  return new Tensor(out, t.shape);
}
