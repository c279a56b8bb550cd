/*
 * The sum of a NON-contiguous 1-D run, e.g. `t.diagonal().sum()` of an (N, N) tensor (a view of
 * stride N + 1), as PyTorch 1.13's cascade_sum (aten/src/ATen/native/cpu/SumKernel.cpp) reduces
 * it: the input stride is not sizeof(float), so neither vectorized_inner_sum nor
 * vectorized_outer_sum applies; a 1-D iterator's outer stride is 0 (< the inner one), so it is
 * scalar_outer_sum with one row, that is row_sum over single floats:
 * - multi_row_sum<float, 4> over the floor(size/4) groups of 4 consecutive elements (element
 *   i goes to accumulator i % 4), each accumulator a 4-level cascade carried every
 *   2^max(4, ceil(log2(groups)) / 4) groups;
 * - the size % 4 leftover elements added into accumulator 0;
 * - accumulators 1, 2, 3 added into accumulator 0;
 * - stored by adding to the zero-filled output (0 + s).
 * The accumulators are float (acc_type<float, is_cuda = true>), every addition rounded.
 */

const f = Math.fround;
const LEVELS = 4;
const ROWS = 4;

function ceilLog2(x: number): number {
  return x <= 2 ? 1 : 32 - Math.clz32(x - 1);
}

/** row_sum of `size` floats of x starting at `offset`, `stride` apart. */
export function stridedSum(x: ArrayLike<number>, offset: number, stride: number, size: number): number {
  const groups = Math.floor(size / ROWS);
  const levelPower = Math.max(4, Math.floor(ceilLog2(groups) / LEVELS));
  const levelStep = 2 ** levelPower;
  const levelMask = levelStep - 1;
  const acc = new Float64Array(LEVELS * ROWS);
  const load = (i: number, k: number): number => x[offset + (i * ROWS + k) * stride]!;
  let i = 0;
  for (; i + levelStep <= groups;) {
    for (let j = 0; j < levelStep; j++, i++) {
      for (let k = 0; k < ROWS; k++) acc[k] = f(acc[k]! + load(i, k));
    }
    for (let j = 1; j < LEVELS; j++) {
      for (let k = 0; k < ROWS; k++) {
        acc[j * ROWS + k] = f(acc[j * ROWS + k]! + acc[(j - 1) * ROWS + k]!);
        acc[(j - 1) * ROWS + k] = 0;
      }
      if ((i & (levelMask * 2 ** (j * levelPower))) !== 0) break;
    }
  }
  for (; i < groups; i++) {
    for (let k = 0; k < ROWS; k++) acc[k] = f(acc[k]! + load(i, k));
  }
  for (let j = 1; j < LEVELS; j++) {
    for (let k = 0; k < ROWS; k++) acc[k] = f(acc[k]! + acc[j * ROWS + k]!);
  }
  for (let e = groups * ROWS; e < size; e++) acc[0] = f(acc[0]! + x[offset + e * stride]!);
  for (let k = 1; k < ROWS; k++) acc[0] = f(acc[0]! + acc[k]!);
  return f(0 + acc[0]!);
}
