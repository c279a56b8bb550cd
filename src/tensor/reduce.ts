import { Tensor, normDim } from './tensor.js';

/*
 * Sums in the order of PyTorch 1.13's cascade_sum (aten/src/ATen/native/cpu/SumKernel.cpp),
 * single-threaded (PyTorch splits reductions over 32768+ elements across threads).
 * A reduced run of `size` floats at `offset` (stride 1):
 * - size >= 8 (vectorized_inner_sum): 8-lane vector accumulators over the first floor(size/8)*8
 *   floats via row_sum (ILP 4 over multi_row_sum's 4-level cascade), the scalar tail summed into
 *   a fresh float, then the 8 lanes added to it in lane order;
 * - size < 8 (scalar_inner_sum): the same row_sum on single floats.
 * The result is stored by adding it to the zero-filled output (0 + s).
 */

const f = Math.fround;
const LEVELS = 4;
const ILP = 4;

function ceilLog2(x: number): number {
  return x <= 2 ? 1 : 32 - Math.clz32(x - 1);
}

/**
 * multi_row_sum with `nrows` rows of `width` lanes: element (i, k) starts at
 * base + i*rowStride + k*colStride and has `width` consecutive lanes. acc gets nrows*width lanes.
 */
function multiRowSum(
  x: Float32Array, base: number, rowStride: number, colStride: number, size: number,
  nrows: number, width: number, acc: Float64Array,
): void {
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
  const levelStep = 2 ** levelPower;
  const lanes = nrows * width;
  const levels = new Float64Array(LEVELS * lanes);
  let i = 0;
  for (; i + levelStep <= size; ) {
    for (let j = 0; j < levelStep; j++, i++) {
      const rowBase = base + i * rowStride;
      for (let k = 0; k < nrows; k++) {
        const src = rowBase + k * colStride;
        for (let l = 0; l < width; l++) {
          const a = k * width + l;
          levels[a] = f(levels[a]! + x[src + l]!);
        }
      }
    }
    for (let j = 1; j < LEVELS; j++) {
      for (let a = 0; a < lanes; a++) {
        levels[j * lanes + a] = f(levels[j * lanes + a]! + levels[(j - 1) * lanes + a]!);
        levels[(j - 1) * lanes + a] = 0;
      }
      // `(i & (level_mask << j*level_power)) != 0`
      if (Math.floor(i / 2 ** (j * levelPower)) % levelStep !== 0) break;
    }
  }
  for (; i < size; i++) {
    const rowBase = base + i * rowStride;
    for (let k = 0; k < nrows; k++) {
      const src = rowBase + k * colStride;
      for (let l = 0; l < width; l++) {
        const a = k * width + l;
        levels[a] = f(levels[a]! + x[src + l]!);
      }
    }
  }
  for (let j = 1; j < LEVELS; j++) {
    for (let a = 0; a < lanes; a++) levels[a] = f(levels[a]! + levels[j * lanes + a]!);
  }
  for (let a = 0; a < lanes; a++) acc[a] = levels[a]!;
}

/** row_sum: `size` elements of `width` lanes, stride `stride` floats; returns `width` lanes in out. */
function rowSum(x: Float32Array, base: number, stride: number, size: number, width: number, out: Float64Array): void {
  const sizeIlp = Math.floor(size / ILP);
  const partial = new Float64Array(ILP * width);
  multiRowSum(x, base, stride * ILP, stride, sizeIlp, ILP, width, partial);
  for (let i = sizeIlp * ILP; i < size; i++) {
    for (let l = 0; l < width; l++) partial[l] = f(partial[l]! + x[base + i * stride + l]!);
  }
  for (let k = 1; k < ILP; k++) {
    for (let l = 0; l < width; l++) partial[l] = f(partial[l]! + partial[k * width + l]!);
  }
  for (let l = 0; l < width; l++) out[l] = partial[l]!;
}

const VEC = 8;

/** Sum of x[offset .. offset+size) in cascade_sum's order for a contiguous inner reduction. */
export function cascadeSum(x: Float32Array, offset = 0, size = x.length - offset): number {
  if (size >= VEC) {
    const vecSize = Math.floor(size / VEC);
    const lanes = new Float64Array(VEC);
    rowSum(x, offset, VEC, vecSize, VEC, lanes);
    let acc = 0;
    for (let k = vecSize * VEC; k < size; k++) acc = f(acc + x[offset + k]!);
    for (let l = 0; l < VEC; l++) acc = f(acc + lanes[l]!);
    return f(0 + acc);
  }
  const one = new Float64Array(1);
  rowSum(x, offset, 1, size, 1, one);
  return f(0 + one[0]!);
}

/** `t.sum()` */
export function sum(t: Tensor): Tensor {
  return new Tensor(Float32Array.of(cascadeSum(t.data)), []);
}

/** `t.mean()`: sum, then divided by numel in float32 (mean_out's CPU path). */
export function mean(t: Tensor): Tensor {
  return new Tensor(Float32Array.of(f(cascadeSum(t.data) / f(t.numel))), []);
}

/** `t.sum(dim=-1/last, keepdim)`: each contiguous row summed as cascade_sum does. */
export function sumLastDim(t: Tensor, keepdim = false): Tensor {
  const n = t.shape[t.ndim - 1]!;
  const rows = t.numel / n;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = cascadeSum(t.data, r * n, n);
  const shape = keepdim ? [...t.shape.slice(0, -1), 1] : t.shape.slice(0, -1);
  return new Tensor(out, shape);
}

/** `t.sum(dim)` for the last dim only; other dims would need cascade_sum's outer-sum paths. */
export function sumDim(t: Tensor, dim: number, keepdim = false): Tensor {
  if (normDim(dim, t.ndim) !== t.ndim - 1) throw new RangeError('sumDim: only the last dim is implemented');
  return sumLastDim(t, keepdim);
}

/** `t.max(dim=-1, keepdim)` values and indices (first index of the max; NaN wins, as in PyTorch). */
export function maxLastDim(t: Tensor, keepdim = false): { values: Tensor; indices: number[] } {
  const n = t.shape[t.ndim - 1]!;
  const rows = t.numel / n;
  const values = new Float32Array(rows);
  const indices: number[] = [];
  for (let r = 0; r < rows; r++) {
    let best = t.data[r * n]!;
    let at = 0;
    for (let k = 1; k < n; k++) {
      const v = t.data[r * n + k]!;
      if (Number.isNaN(best)) break;
      if (Number.isNaN(v) || v > best) {
        best = v;
        at = k;
      }
    }
    values[r] = best;
    indices.push(at);
  }
  const shape = keepdim ? [...t.shape.slice(0, -1), 1] : t.shape.slice(0, -1);
  return { values: new Tensor(values, shape), indices };
}
