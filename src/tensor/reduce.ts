import { forEachLoopRun, loopDims, type LoopDim } from './iteration.js';
import { DenseTensor, elements, forEachRow, normDim, type Tensor } from './tensor.js';

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
const VEC = 8;

function ceilLog2(x: number): number {
  return x <= 2 ? 1 : 32 - Math.clz32(x - 1);
}

/** multi_row_sum's level step for `rowCount` rows: 2^levelPower rows per cascade step. */
function levelPowerOf(rowCount: number): number {
  return Math.max(4, Math.floor(ceilLog2(rowCount) / LEVELS));
}

/** Floats in the top level's lanes (ILP rows of 8 lanes): what a prefix hands to its suffix. */
export const CASCADE_TOP_LANES = ILP * VEC;

/**
 * cascade_sum of `n` floats fed in order, any number at a time (`add`): a caller can sum values
 * as it computes them, block by block, and several sums can share one pass, with no array of all
 * n values. The elements are consumed in memory order, in three regions:
 * - rows of ILP * width floats (multi_row_sum: ILP accumulator rows of `width` lanes, each lane a
 *   4-level cascade: every levelStep rows level j-1 is added into level j);
 * - the leftover whole vectors of row_sum, added into the first accumulator row;
 * - (width 8 only) the scalar tail of vectorized_inner_sum, summed into a fresh float.
 * The accumulators are a Float32Array: storing a double sum of two floats rounds it to float32
 * exactly as Math.fround would (double has room for the exact sum or rounds innocuously).
 */
export class CascadeSum {
  private readonly width: number;
  private readonly rowLength: number;
  /** end of the rows region, then of the leftover vectors */
  private readonly rowsEnd: number;
  private readonly vectorsEnd: number;
  private readonly levelPower: number;
  private readonly levelMask: number;
  private readonly levels = new Float32Array(LEVELS * ILP * VEC);
  private readonly lanes: number;
  private pos = 0;
  private rows = 0;
  private rowsCombined = false;
  private tail = 0;
  /**
   * A suffix (see `suffix`): each vector carried from level LEVELS-2 into the top level, in
   * order, to be replayed onto the prefix's top level; and the elements after the rows region,
   * which are held until then because they are added after the levels are combined.
   */
  private topLog: Float32Array[] | undefined;
  private held: number[] | undefined;

  /**
   * Where a sum of `n` floats can be split between two workers: a multiple of this many
   * elements (whole rows, levelStep^(LEVELS-1) of them) within the rows region. There, the
   * cascade has just carried every level into the top one, so the state is the top level alone;
   * 0 when there are no rows to split (scalar_inner_sum, below 8 elements).
   */
  static splitPeriod(n: number): number {
    if (n < VEC) return 0;
    const rowCount = Math.floor(n / (ILP * VEC));
    return ILP * VEC * 2 ** (levelPowerOf(rowCount) * (LEVELS - 1));
  }

  /**
   * The sum of elements [from, n) of a sum of n, computed apart from the prefix [0, from): `from`
   * is a multiple of splitPeriod(n) and within the rows region. Its levels start empty, as the
   * prefix's levels below the top are at `from`; what it carries into the top level is logged, and
   * joinPrefix replays it onto the prefix's top level. The additions are then exactly those of one
   * sum over all n elements, in the same order.
   */
  static suffix(n: number, from: number): CascadeSum {
    const sum = new CascadeSum(n);
    const period = CascadeSum.splitPeriod(n);
    if (period === 0 || from % period !== 0 || from > sum.rowsEnd) {
      throw new RangeError(`CascadeSum.suffix: cannot split a sum of ${n} at ${from}`);
    }
    sum.pos = from;
    sum.rows = from / sum.rowLength;
    sum.topLog = [];
    sum.held = [];
    return sum;
  }

  /**
   * A prefix's state, what its suffix joins (joinPrefix): the top level's lanes, copied into out,
   * after a multiple of splitPeriod(n) elements.
   */
  prefixState(out: Float32Array | Float64Array, offset = 0): void {
    const period = CascadeSum.splitPeriod(this.n);
    if (this.topLog !== undefined || period === 0 || this.pos % period !== 0 || this.pos > this.rowsEnd) {
      throw new RangeError(`CascadeSum.prefixState: ${this.pos} elements of ${this.n} is not a split point`);
    }
    const top = (LEVELS - 1) * this.lanes;
    for (let a = 0; a < this.lanes; a++) out[offset + a] = this.levels[top + a]!;
  }

  /**
   * A suffix's join with its prefix, whose top level `prefixTop` holds (prefixState's lanes): the
   * top level becomes the prefix's, the logged carries are added to it in their order, and the
   * held elements are added. The sum then goes on (or ends) as one sum over all elements would.
   */
  joinPrefix(prefixTop: ArrayLike<number>, offset = 0): void {
    const log = this.topLog;
    const held = this.held;
    if (log === undefined || held === undefined) throw new RangeError('CascadeSum.joinPrefix: not a suffix, or joined already');
    this.topLog = undefined;
    this.held = undefined;
    const lv = this.levels;
    const top = (LEVELS - 1) * this.lanes;
    for (let a = 0; a < this.lanes; a++) lv[top + a] = prefixTop[offset + a]!;
    for (const carried of log) {
      for (let a = 0; a < this.lanes; a++) lv[top + a] += carried[a]!;
    }
    const from = this.pos - held.length;
    this.pos = from;
    for (const v of held) this.push(v);
  }

  /**
   * A sum of n floats; `strided`: of a run whose elements are not adjacent, which cascade_sum
   * reads one float at a time (scalar_inner_sum / scalar_outer_sum's row_sum) at any length.
   */
  constructor(readonly n: number, strided = false) {
    // vectorized_inner_sum over 8-float vectors from 8 contiguous elements on; scalar_inner_sum below
    this.width = n >= VEC && !strided ? VEC : 1;
    this.rowLength = ILP * this.width;
    this.lanes = this.rowLength;
    const vectors = Math.floor(n / this.width);
    const rowCount = Math.floor(vectors / ILP);
    this.rowsEnd = rowCount * this.rowLength;
    this.vectorsEnd = vectors * this.width;
    this.levelPower = levelPowerOf(rowCount);
    this.levelMask = 2 ** this.levelPower - 1;
  }

  /** Adds x[from .. to) as the next elements. */
  add(x: Float32Array, from = 0, to = x.length): void {
    const lv = this.levels;
    const len = this.rowLength;
    let i = from;
    // whole rows, the bulk of a large sum
    if (len === ILP * VEC && this.pos % len === 0) {
      const end = from + Math.min(to - from, this.rowsEnd - this.pos);
      for (; i + len <= end; i += len) {
        for (let a = 0; a < len; a++) lv[a] += x[i + a]!;
        if ((++this.rows & this.levelMask) === 0) this.cascade();
      }
      this.pos += i - from;
    }
    for (; i < to; i++) this.push(x[i]!);
  }

  /** One element, wherever it falls. */
  private push(v: number): void {
    if (this.held !== undefined && this.pos >= this.rowsEnd) {
      // a suffix not yet joined: combining the levels needs the prefix's top level
      this.held.push(v);
      this.pos++;
      return;
    }
    const p = this.pos++;
    if (p < this.rowsEnd) {
      const a = p % this.rowLength;
      this.levels[a] += v;
      if (a === this.rowLength - 1 && (++this.rows & this.levelMask) === 0) this.cascade();
    } else if (p < this.vectorsEnd) {
      this.combineLevels();
      this.levels[(p - this.rowsEnd) % this.width] += v;
    } else {
      this.tail = f(this.tail + v);
    }
  }

  /** After levelStep rows: level j-1 into level j, upward while `rows` is a multiple of levelStep^j. */
  private cascade(): void {
    const lv = this.levels;
    const lanes = this.lanes;
    for (let j = 1; j < LEVELS; j++) {
      if (j === LEVELS - 1 && this.topLog !== undefined) this.topLog.push(lv.slice((j - 1) * lanes, j * lanes));
      for (let a = 0; a < lanes; a++) {
        lv[j * lanes + a] += lv[(j - 1) * lanes + a]!;
        lv[(j - 1) * lanes + a] = 0;
      }
      if ((Math.floor(this.rows / 2 ** (j * this.levelPower)) & this.levelMask) !== 0) break;
    }
  }

  /** End of multi_row_sum: the levels added into level 0, which then holds the ILP accumulator rows. */
  private combineLevels(): void {
    if (this.rowsCombined) return;
    this.rowsCombined = true;
    const lv = this.levels;
    for (let j = 1; j < LEVELS; j++) {
      for (let a = 0; a < this.lanes; a++) lv[a] += lv[j * this.lanes + a]!;
    }
  }

  /** The sum, once all n elements were added. */
  result(): number {
    if (this.pos !== this.n) throw new RangeError(`CascadeSum: ${this.pos} of ${this.n} elements added`);
    if (this.topLog !== undefined) throw new RangeError('CascadeSum: a suffix needs joinPrefix before its result');
    this.combineLevels();
    const lv = this.levels;
    const w = this.width;
    // row_sum: the ILP accumulator rows added into the first, row by row
    for (let k = 1; k < ILP; k++) {
      for (let l = 0; l < w; l++) lv[l] += lv[k * w + l]!;
    }
    if (w === 1) return f(0 + lv[0]!);
    let acc = this.tail;
    for (let l = 0; l < w; l++) acc = f(acc + lv[l]!);
    // the result is stored by adding it to the zero-filled output
    return f(0 + acc);
  }
}

/**
 * Fed to CascadeSum.add 128 floats a call: the same additions in the same order, but V8 optimises
 * `add` after a few calls, where one call over a large run would do its row loop in the
 * interpreter until on-stack replacement (sums on cold code, e.g. the extras' 16,384-element
 * masks). A multiple of 32 keeps each call on whole rows.
 */
const SUM_BLOCK = 128;

/** Sum of x[offset .. offset+size) in cascade_sum's order for a contiguous inner reduction. */
export function cascadeSum(x: Float32Array, offset = 0, size = x.length - offset): number {
  const sum = new CascadeSum(size);
  const end = offset + size;
  for (let from = offset; from < end; from += SUM_BLOCK) sum.add(x, from, Math.min(end, from + SUM_BLOCK));
  return sum.result();
}

/**
 * cascade_sum over all elements of t, as its 2-D loop reads them (SumKernel.cpp), in
 * TensorIterator's order (iteration.ts): a tensor that covers one block of its storage
 * (contiguous, or transposed) is one contiguous run; otherwise each innermost run (a row of a
 * slice, a diagonal, a column) is summed on its own, contiguous runs of 8 or more by
 * vectorized_inner_sum, any other by row_sum one float at a time (scalar_inner_sum), and added
 * in turn into the zero-filled output. The loops cascade_sum would run instead when the next
 * dim out is the contiguous one or has the smaller stride (vectorized_outer_sum,
 * scalar_outer_sum: only a broadcast view can order its dims so) are not implemented and throw.
 */
export function sumAll(t: Tensor): number {
  if (t.isContiguous()) return cascadeSum(elements(t));
  const dims = loopDims(t);
  if (dims.length >= 2) {
    const [inner, outer] = dims as [LoopDim, LoopDim];
    const innerVectorized = inner.stride === 1 && inner.size >= VEC;
    if (!innerVectorized && ((outer.stride === 1 && outer.size >= VEC) || inner.stride >= outer.stride)) {
      throw new RangeError(`sum: the outer-sum loop of this view (shape [${t.shape.join(', ')}], stride [${t.stride.join(', ')}]) is not implemented`);
    }
  }
  const s = t.storage;
  let out = 0;
  forEachLoopRun(t, (base, stride, size) => {
    let run: number;
    if (stride === 1 && size >= VEC) {
      run = cascadeSum(s, base, size);
    } else {
      const x = new Float32Array(size);
      for (let k = 0; k < size; k++) x[k] = s[base + k * stride]!;
      const sum = new CascadeSum(size, true);
      sum.add(x);
      run = sum.result();
    }
    out = f(out + run);
  });
  return out;
}

/** `t.sum()` */
export function sum(t: Tensor): DenseTensor {
  return new DenseTensor(Float32Array.of(sumAll(t)), []);
}

/** `t.mean()`: sum, then divided by numel in float32 (mean_out's CPU path). */
export function mean(t: Tensor): DenseTensor {
  return new DenseTensor(Float32Array.of(f(sumAll(t) / f(t.numel))), []);
}

/**
 * `t.sum(dim=-1/last, keepdim)`: each row summed as cascade_sum does, read where it lies (rows
 * may be apart, as in a slice); a last dim that is not contiguous would take cascade_sum's
 * outer-sum loops, which are not implemented.
 */
export function sumLastDim(t: Tensor, keepdim = false): DenseTensor {
  const rows = t.ndim === 0 ? 1 : t.numel / t.shape[t.ndim - 1]!;
  const out = new Float32Array(rows);
  const s = t.storage;
  let r = 0;
  forEachRow(t, (base, step, n) => {
    if (step !== 1 && n > 1) throw new RangeError('sumLastDim: a last dim that is not contiguous is not implemented');
    out[r++] = cascadeSum(s, base, n);
  });
  const shape = keepdim ? [...t.shape.slice(0, -1), 1] : t.shape.slice(0, -1);
  return new DenseTensor(out, shape);
}

/** `t.sum(dim)` for the last dim only; other dims would need cascade_sum's outer-sum paths. */
export function sumDim(t: Tensor, dim: number, keepdim = false): DenseTensor {
  if (normDim(dim, t.ndim) !== t.ndim - 1) throw new RangeError('sumDim: only the last dim is implemented');
  return sumLastDim(t, keepdim);
}

/** `t.max(dim=-1, keepdim)` values and indices (first index of the max; NaN wins, as in PyTorch). */
export function maxLastDim(t: Tensor, keepdim = false): { values: DenseTensor; indices: number[] } {
  // (the max and its first index do not depend on the order elements are read in)
  const x = elements(t);
  const n = t.shape[t.ndim - 1]!;
  const rows = t.numel / n;
  const values = new Float32Array(rows);
  const indices: number[] = [];
  for (let r = 0; r < rows; r++) {
    let best = x[r * n]!;
    let at = 0;
    for (let k = 1; k < n; k++) {
      const v = x[r * n + k]!;
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
  return { values: new DenseTensor(values, shape), indices };
}
