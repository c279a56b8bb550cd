import { unary } from './elementwise.js';
import type { Tensor } from './tensor.js';

/*
 * torch.clamp with one bound (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp, clamp_min/max scalar
 * kernels): the bound is cast to float32; the scalar path is std::max(a, min) and the AVX2 path
 * _mm256_max_ps(min, a), which both return `a` when it is NaN or equal to the bound, so NaN
 * propagates and -0 stays -0.
 */

const f = Math.fround;

/** `torch.clamp(t, min=m)` / `t.clamp_min(m)`. */
export function clampMin(t: Tensor, min: number): Tensor {
  const m = f(min);
  return unary(t, (x) => (x < m ? m : x));
}

/** `torch.clamp(t, max=m)` / `t.clamp_max(m)`. */
export function clampMax(t: Tensor, max: number): Tensor {
  const m = f(max);
  return unary(t, (x) => (x > m ? m : x));
}
