/*
 * The float64 statistics NumPy 1.24 computes for section 9's landscape, in NumPy's order:
 * - np.linspace (numpy/core/function_base.py): y = arange(num) * step + start with
 *   step = (stop - start) / (num - 1), each a separate rounded float64 op; the last point set to
 *   stop; a zero step (denormal range) divides then multiplies by delta instead; num = 1 gives
 *   [0 * delta + start];
 * - np.add.reduce of a contiguous array: the reduction iterator hands the inner loop buffers of
 *   np.getbufsize() = 8192 elements; each is summed by DOUBLE_pairwise_sum
 *   (numpy/core/src/umath/loops_utils.h.src: below 8 a plain loop, up to PW_BLOCKSIZE = 128 eight
 *   accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) then the tail, above that split
 *   at n/2 rounded down to a multiple of 8) and added to the output, which starts at the
 *   identity 0.0;
 * - mean = sum / n; std as _var/_std do (numpy/core/_methods.py): x = a - mean, x = x * x,
 *   sum(x) / n, sqrt;
 * - min/max propagate NaN.
 * Data is read through a source, so a large landscape is computed buffer by buffer.
 */

export const BUFSIZE = 8192;
const PW_BLOCKSIZE = 128;

/** A flat float64 array read in order: `read(start, out)` fills `out` with elements start.. */
export interface Float64Source {
  readonly length: number;
  read(start: number, out: Float64Array): void;
}

export function arraySource(a: Float64Array | readonly number[]): Float64Source {
  return {
    length: a.length,
    read(start, out) {
      for (let k = 0; k < out.length; k++) out[k] = a[start + k]!;
    },
  };
}

/** np.linspace(start, stop, num) with endpoint=True, as float64. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  if (!Number.isInteger(num) || num < 0) throw new RangeError(`Number of samples, ${num}, must be non-negative.`);
  const y = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  for (let i = 0; i < num; i++) y[i] = i;
  if (div > 0) {
    const step = delta / div;
    if (step === 0) {
      for (let i = 0; i < num; i++) y[i] = (y[i]! / div) * delta;
    } else {
      for (let i = 0; i < num; i++) y[i] = y[i]! * step;
    }
  } else {
    for (let i = 0; i < num; i++) y[i] = y[i]! * delta;
  }
  for (let i = 0; i < num; i++) y[i] = y[i]! + start;
  if (num > 1) y[num - 1] = stop;
  return y;
}

/** DOUBLE_pairwise_sum over x[offset .. offset+n) (its eight accumulators are locals: no array per call). */
export function pairwiseSum(x: Float64Array, offset: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += x[offset + i]!;
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = x[offset]!;
    let r1 = x[offset + 1]!;
    let r2 = x[offset + 2]!;
    let r3 = x[offset + 3]!;
    let r4 = x[offset + 4]!;
    let r5 = x[offset + 5]!;
    let r6 = x[offset + 6]!;
    let r7 = x[offset + 7]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const o = offset + i;
      r0 += x[o]!;
      r1 += x[o + 1]!;
      r2 += x[o + 2]!;
      r3 += x[o + 3]!;
      r4 += x[o + 4]!;
      r5 += x[o + 5]!;
      r6 += x[o + 6]!;
      r7 += x[o + 7]!;
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += x[offset + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(x, offset, n2) + pairwiseSum(x, offset + n2, n - n2);
}

/** Visits the source buffer by buffer, as the reduction iterator does. */
function eachBuffer(src: Float64Source, visit: (buf: Float64Array) => void): void {
  const buf = new Float64Array(Math.min(BUFSIZE, src.length));
  for (let start = 0; start < src.length; start += BUFSIZE) {
    const chunk = src.length - start < BUFSIZE ? buf.subarray(0, src.length - start) : buf;
    src.read(start, chunk);
    visit(chunk);
  }
}

/** np.sum(a) of a contiguous float64 array. */
export function npSum(src: Float64Source): number {
  let acc = 0;
  eachBuffer(src, (b) => {
    acc += pairwiseSum(b, 0, b.length);
  });
  return acc;
}

/** np.mean(a) */
export function npMean(src: Float64Source): number {
  return npSum(src) / src.length;
}

/** np.std(a) (ddof 0) */
export function npStd(src: Float64Source): number {
  const mean = npMean(src);
  const squares: Float64Source = {
    length: src.length,
    read(start, out) {
      src.read(start, out);
      for (let k = 0; k < out.length; k++) {
        const d = out[k]! - mean;
        out[k] = d * d;
      }
    },
  };
  return Math.sqrt(npSum(squares) / Math.max(src.length, 0));
}

function extreme(src: Float64Source, better: (x: number, best: number) => boolean): number {
  if (src.length === 0) throw new RangeError('zero-size array to reduction operation which has no identity');
  let best = NaN;
  let first = true;
  let nan = false;
  eachBuffer(src, (b) => {
    for (let k = 0; k < b.length; k++) {
      const x = b[k]!;
      if (Number.isNaN(x)) nan = true;
      else if (first || better(x, best)) best = x;
      first = false;
    }
  });
  return nan ? NaN : best;
}

/** np.min(a): NaN if any element is NaN. */
export function npMin(src: Float64Source): number {
  return extreme(src, (x, best) => x < best);
}

/** np.max(a): NaN if any element is NaN. */
export function npMax(src: Float64Source): number {
  return extreme(src, (x, best) => x > best);
}

export interface LandscapeStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly std: number;
}

/**
 * The script's {'min', 'max', 'mean', 'std'} of a float64 array: the same values as npMin, npMax,
 * npMean and npStd, in two passes over the source instead of five (min, max and the sum share
 * the first; the squares about the mean need the second).
 */
export function describeArray(src: Float64Source): LandscapeStats {
  if (src.length === 0) throw new RangeError('zero-size array to reduction operation which has no identity');
  let min = Infinity;
  let max = -Infinity;
  let nan = false;
  let sum = 0;
  eachBuffer(src, (b) => {
    for (let k = 0; k < b.length; k++) {
      const x = b[k]!;
      if (x !== x) nan = true;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    sum += pairwiseSum(b, 0, b.length);
  });
  const mean = sum / src.length;
  let squares = 0;
  eachBuffer(src, (b) => {
    for (let k = 0; k < b.length; k++) {
      const d = b[k]! - mean;
      b[k] = d * d;
    }
    squares += pairwiseSum(b, 0, b.length);
  });
  return { min: nan ? NaN : min, max: nan ? NaN : max, mean, std: Math.sqrt(squares / src.length) };
}
