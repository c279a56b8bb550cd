import { elements, Tensor } from './tensor.js';

/*
 * `t.argmax(dim=-1)` (argmax_kernel_impl in aten/src/ATen/native/cpu/ReduceOpsKernel.cpp, its
 * is_reduce_lastdim path): a scalar scan from (lowest, 0) with ArgMaxOps::reduce, which keeps
 * the accumulator when greater_or_nan(acc, x): a NaN wins (the first NaN), otherwise the larger
 * value, and on a tie the lower index. So: the index of the first maximum, or of the first NaN.
 */

/** greater_or_nan(a, b, idx_a, idx_b) of SharedReduceOps.h. */
function greaterOrNan(a: number, b: number, ia: number, ib: number): boolean {
  if (a !== a) return b !== b ? ia < ib : true;
  return a === b ? ia < ib : a > b;
}

/** `t.argmax(dim=-1)` as indices (int64 in PyTorch), one per row. */
export function argmaxLastDim(t: Tensor): number[] {
  if (t.ndim === 0) return [0];
  const n = t.shape[t.ndim - 1]!;
  const rows = n === 0 ? 0 : t.numel / n;
  const out: number[] = [];
  const x = elements(t);
  for (let r = 0; r < rows; r++) {
    let best = -Infinity;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const v = x[r * n + i]!;
      if (!greaterOrNan(best, v, at, i)) {
        best = v;
        at = i;
      }
    }
    out.push(at);
  }
  return out;
}
