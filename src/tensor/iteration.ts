import type { Tensor } from './tensor.js';

/*
 * How PyTorch 1.13's TensorIterator (aten/src/ATen/TensorIterator.cpp) walks one tensor's
 * elements, for the kernels whose result depends on that walk (which elements a vectorized
 * loop takes in blocks, the order of a sum): dims reordered by stride, innermost first
 * (reorder_dimensions), then neighbours merged where the outer one steps over exactly the inner
 * one (coalesce_dimensions). The innermost merged dim is the run a kernel's 1-D loop gets.
 */

/** One loop dim: its size and its stride in the storage. */
export interface LoopDim {
  size: number;
  stride: number;
}

/**
 * reorder_dimensions for one input (the output's strides are not yet fixed, or all 0): an
 * insertion sort from the innermost dim out that swaps two dims when the inner one has the
 * larger stride, or the same stride and the larger size; a broadcast (stride 0) dim decides
 * nothing and stays where it is. Returns the dims, innermost first.
 */
export function iterationOrder(t: Tensor): number[] {
  const { shape, stride } = t;
  const perm = shape.map((_, d) => shape.length - 1 - d);
  const shouldSwap = (d0: number, d1: number): number => {
    const s0 = stride[d0]!;
    const s1 = stride[d1]!;
    if (s0 === 0 || s1 === 0) return 0;
    if (s0 < s1) return -1;
    if (s0 > s1) return 1;
    return shape[d0]! > shape[d1]! ? 1 : 0;
  };
  for (let i = 1; i < perm.length; i++) {
    let d1 = i;
    for (let d0 = i - 1; d0 >= 0; d0--) {
      const c = shouldSwap(perm[d0]!, perm[d1]!);
      if (c > 0) {
        [perm[d0], perm[d1]] = [perm[d1]!, perm[d0]!];
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  return perm;
}

/** The loop dims after reordering and coalescing, innermost first; size-1 dims merge into any. */
export function loopDims(t: Tensor): LoopDim[] {
  const out: LoopDim[] = [];
  for (const d of iterationOrder(t)) {
    const size = t.shape[d]!;
    const stride = t.stride[d]!;
    if (size === 1) continue;
    const inner = out[out.length - 1];
    if (inner !== undefined && inner.stride * inner.size === stride) inner.size *= size;
    else out.push({ size, stride });
  }
  return out;
}

/**
 * Calls `run(base, stride, size)` for each run of the innermost loop dim, in the iterator's
 * order: storage index of its first element, its stride and length.
 */
export function forEachLoopRun(t: Tensor, run: (base: number, stride: number, size: number) => void): void {
  if (t.numel === 0) return;
  const dims = loopDims(t);
  if (dims.length === 0) {
    run(t.offset, 1, 1);
    return;
  }
  const [inner, ...outer] = dims as [LoopDim, ...LoopDim[]];
  const idx = new Array<number>(outer.length).fill(0);
  let base = t.offset;
  for (;;) {
    run(base, inner.stride, inner.size);
    let d = 0;
    for (; d < outer.length; d++) {
      idx[d]!++;
      base += outer[d]!.stride;
      if (idx[d]! < outer[d]!.size) break;
      base -= outer[d]!.stride * outer[d]!.size;
      idx[d] = 0;
    }
    if (d === outer.length) return;
  }
}

/**
 * The strides of the output TensorIterator allocates for this input: dense, in the input's
 * iteration order (so a transposed input gives a transposed output).
 */
export function outputStrides(t: Tensor): number[] {
  const strides = new Array<number>(t.ndim).fill(0);
  let s = 1;
  for (const d of iterationOrder(t)) {
    strides[d] = s;
    s *= t.shape[d]!;
  }
  return strides;
}
