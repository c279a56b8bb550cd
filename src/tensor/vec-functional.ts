/*
 * The row reductions of at::vec (aten/src/ATen/cpu/vec/functional_base.h) for float on AVX2:
 * 8-lane accumulators over a contiguous run, the last partial vector merged into the first lanes
 * only (Vec::set), then VecReduceAllSIMD's shuffle tree. softmax/log_softmax reduce each row
 * this way, so their max and sum have this order, not cascade_sum's.
 */

const f = Math.fround;

export const VEC = 8;

export type LaneOp = (a: number, b: number) => number;
export type LaneMap = (x: number) => number;

/** Vectorized<float>::operator+ */
export const laneAdd: LaneOp = (a, b) => f(a + b);

/** vec::maximum: _mm256_max_ps (a > b ? a : b, the second operand on ties) OR-ed with an unordered mask, so NaN wins. */
export const laneMaximum: LaneOp = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : a > b ? a : b);

/** VecReduceAllSIMD<float> for AVX2: 128-bit halves, then 64-bit pairs, then neighbours; lane 0 is the result. */
export function vecReduceAll(acc: ArrayLike<number>, op: LaneOp): number {
  const h0 = op(acc[0]!, acc[4]!);
  const h1 = op(acc[1]!, acc[5]!);
  const h2 = op(acc[2]!, acc[6]!);
  const h3 = op(acc[3]!, acc[7]!);
  return op(op(h0, h2), op(h1, h3));
}

/** The slow vec_reduce_all(op, acc, size) used below one vector: lane 0 folds lanes 1..size-1 in order. */
function vecReduceFirst(acc: ArrayLike<number>, size: number, op: LaneOp): number {
  let r = acc[0]!;
  for (let i = 1; i < size; i++) r = op(r, acc[i]!);
  return r;
}

/** vec::map_reduce_all(map, op, x + offset, size); map is applied lane by lane (the vector functions are lane-wise). */
export function mapReduceAll(x: ArrayLike<number>, offset: number, size: number, map: LaneMap, op: LaneOp): number {
  if (size < VEC) {
    const lanes = new Float64Array(size);
    for (let l = 0; l < size; l++) lanes[l] = map(x[offset + l]!);
    return vecReduceFirst(lanes, size, op);
  }
  const acc = new Float64Array(VEC);
  for (let l = 0; l < VEC; l++) acc[l] = map(x[offset + l]!);
  const full = size - (size % VEC);
  let d = VEC;
  for (; d < full; d += VEC) {
    for (let l = 0; l < VEC; l++) acc[l] = op(acc[l]!, map(x[offset + d + l]!));
  }
  for (let l = 0; d + l < size; l++) acc[l] = op(acc[l]!, map(x[offset + d + l]!));
  return vecReduceAll(acc, op);
}

const identity: LaneMap = (x) => x;

/** vec::reduce_all(op, x + offset, size). */
export function reduceAll(x: ArrayLike<number>, offset: number, size: number, op: LaneOp): number {
  return mapReduceAll(x, offset, size, identity, op);
}
