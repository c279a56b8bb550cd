/*
 * The Dice section's per-element work and its sums, over any range of the mask batch: the
 * one-thread path runs it over all elements, the two-thread path (dice-parallel.ts) over pieces,
 * some in a worker (dice-worker.ts), then joins the sums. Kept apart from dice.ts so that the
 * worker's bundle holds only the kernels.
 */
import { bceExpArgument, bceWithLogitsInto } from '../losses/binary-cross-entropy-with-logits.js';
import { normalFill16 } from '../rng/avx-mathfun.js';
import { uniformFloatsInto } from '../rng/generator.js';
import type { BitSource } from '../rng/index.js';
import { libmExpf, sleefExpfInto, VECTOR_BLOCK } from '../tensor/math/index.js';
import { CASCADE_TOP_LANES, CascadeSum } from '../tensor/reduce.js';

const f = Math.fround;

/**
 * Elements computed per block before their sums take them (a multiple of cascade_sum's 32-float
 * rows). Small, so that the default 16,384-element batch takes 128 calls of `block`: V8 then
 * optimises the whole function after a few calls and runs the rest optimised, where a few large
 * calls ran mostly in the interpreter, each of block's loops waiting for its own on-stack
 * replacement (measured: `section dice` about 12 ms faster than with 4096; no change at 16M elements).
 */
export const BLOCK = 128;

/** Above this many zeros and ones a sum's order can change its rounding (see ZeroOneSum). */
const EXACT_COUNT_LIMIT = 2 ** 24;

/**
 * cascade_sum of a tensor of zeros and ones. Up to 2^24 elements every partial sum is an integer
 * that float32 holds exactly, so the order cannot change the result and the ones are counted;
 * beyond that (the cap is 2^25) cascade_sum's order decides the rounding, so it is followed.
 * Splits like CascadeSum: a count splits anywhere, the cascade at its split points.
 */
export class ZeroOneSum {
  private count = 0;
  private readonly cascade: CascadeSum | undefined;

  /** A sum of n elements, or the suffix of it from element `from` (see CascadeSum.suffix). */
  constructor(n: number, from = 0) {
    if (n <= EXACT_COUNT_LIMIT) this.cascade = undefined;
    else this.cascade = from === 0 ? new CascadeSum(n) : CascadeSum.suffix(n, from);
  }

  add(x: Float32Array, from: number, to: number): void {
    if (this.cascade) {
      this.cascade.add(x, from, to);
      return;
    }
    let c = 0;
    for (let i = from; i < to; i++) c += x[i]!;
    this.count += c;
  }

  /** A prefix's state into out[offset .. offset + CASCADE_TOP_LANES): the top level, or the count. */
  prefixState(out: Float64Array, offset: number): void {
    if (this.cascade) this.cascade.prefixState(out, offset);
    else out[offset] = this.count;
  }

  /** A suffix joined with its prefix's state (prefixState's). */
  joinPrefix(state: Float64Array, offset: number): void {
    if (this.cascade) this.cascade.joinPrefix(state, offset);
    else this.count += state[offset]!;
  }

  result(): number {
    return this.cascade ? this.cascade.result() : this.count;
  }
}

/** The section's reductions, each in cascade_sum's order over the whole mask batch. */
export interface DiceSums {
  /** sigmoid(logits).sum() */
  readonly probs: number;
  /** (sigmoid(logits) * target).sum() */
  readonly intersection: number;
  /** target.sum() */
  readonly target: number;
  /** the per-element BCE losses' sum (their mean is the loss) */
  readonly bce: number;
  /** (sigmoid(logits) > 0.5).float().sum() */
  readonly binary: number;
  /** (pred_binary * target).sum() */
  readonly binaryIntersection: number;
}

/** Floats of a prefix's state (DiceAccumulators.prefixState): six sums' top levels. */
export const PREFIX_STATE_LENGTH = 6 * CASCADE_TOP_LANES;

/**
 * One thread's block buffers: the noise (over its draws), the logits, their sigmoid, its
 * product with the target, the losses, the threshold and its product with the target,
 * exponential arguments and where they came from. A range's last block may be up to 31 elements
 * longer than BLOCK (see diceRange).
 */
export class DiceBuffers {
  readonly noise: Float32Array;
  readonly bits: Uint32Array;
  readonly x: Float32Array;
  readonly p: Float32Array;
  readonly pt: Float32Array;
  readonly loss: Float32Array;
  readonly b: Float32Array;
  readonly bt: Float32Array;
  readonly args: Float32Array;
  readonly gathered: Int32Array;

  constructor(n: number) {
    const size = Math.min(BLOCK + 32, n);
    this.noise = new Float32Array(size);
    this.bits = new Uint32Array(this.noise.buffer);
    this.x = new Float32Array(size);
    this.p = new Float32Array(size);
    this.pt = new Float32Array(size);
    this.loss = new Float32Array(size);
    this.b = new Float32Array(size);
    this.bt = new Float32Array(size);
    this.args = new Float32Array(size);
    this.gathered = new Int32Array(size);
  }
}

/**
 * The six sums over elements [from, n) of an n-element batch, or over a piece [from, to) of it
 * that ends at a split point. `from` is 0 (the whole batch, or a prefix) or a split point (a
 * suffix, joined later with its prefix's state: see CascadeSum.suffix).
 */
export class DiceAccumulators {
  private readonly probs: CascadeSum;
  private readonly intersection: CascadeSum;
  private readonly bce: CascadeSum;
  private readonly target: ZeroOneSum;
  private readonly binary: ZeroOneSum;
  private readonly binaryIntersection: ZeroOneSum;

  constructor(readonly n: number, from = 0) {
    const sum = (): CascadeSum => (from === 0 ? new CascadeSum(n) : CascadeSum.suffix(n, from));
    this.probs = sum();
    this.intersection = sum();
    this.bce = sum();
    this.target = new ZeroOneSum(n, from);
    this.binary = new ZeroOneSum(n, from);
    this.binaryIntersection = new ZeroOneSum(n, from);
  }

  /**
   * The sums' state at a split point, into out[0 .. PREFIX_STATE_LENGTH): a prefix's, or a
   * joined suffix's that stopped there (the state of the sums over all elements before it).
   */
  prefixState(out: Float64Array): void {
    this.sums().forEach((sum, i) => sum.prefixState(out, i * CASCADE_TOP_LANES));
  }

  /** A suffix's sums joined with its prefix's (prefixState's): then they are the whole batch's. */
  joinPrefix(state: Float64Array): void {
    this.sums().forEach((sum, i) => sum.joinPrefix(state, i * CASCADE_TOP_LANES));
  }

  /** The six sums in the order of their lanes in a prefix's state. */
  private sums(): (CascadeSum | ZeroOneSum)[] {
    return [this.probs, this.intersection, this.bce, this.target, this.binary, this.binaryIntersection];
  }

  result(): DiceSums {
    return {
      probs: this.probs.result(),
      intersection: this.intersection.result(),
      target: this.target.result(),
      bce: this.bce.result(),
      binary: this.binary.result(),
      binaryIntersection: this.binaryIntersection.result(),
    };
  }

  /**
   * Elements [start, start + len) of the batch: noise[0 .. len) their randn values, target the
   * whole batch's masks, buffers the thread's (noise may be buffers.noise). Each element's logit, sigmoid, BCE loss and threshold go straight into
   * the sums that read them, so none of the full-size intermediate tensors is materialised. Per
   * element this is what the kernels compute:
   * - pred_logits = target_masks * 5.0 + torch.randn(...) * 2.0: three kernels (mul, mul, add),
   *   each rounding to float32;
   * - torch.sigmoid (dice_loss, twice, and pred_probs: one kernel, the same bits each time):
   *   cpu_kernel_vec, 1 / (1 + exp(0 - x)) with Sleef's expf on blocks of 16 and glibc's expf on
   *   the numel % 16 tail (sigmoidVec / sigmoidScalar of tensor/math/ops.ts);
   * - F.binary_cross_entropy_with_logits: bceWithLogitsInto. Its exponential is Sleef's exp(-x)
   *   for x > 0, the very value the vectorized sigmoid computed, so it is reused there;
   * - the products with the 0/1 target and the 0/1 threshold, rounded to float32 as mul's output.
   * Every value depends on the element alone (and on whether it is in the numel % 16 tail), so
   * the blocks can be any size and computed anywhere; only the sums need the order.
   */
  block(buffers: DiceBuffers, noise: Float32Array, target: Float32Array, start: number, len: number): void {
    const { x, p, loss, args, gathered } = buffers;
    const end = start + len;
    const vecEnd = this.n - (this.n % VECTOR_BLOCK);
    logitsInto(buffers, noise, target, start, len);
    // sigmoid's exponentials: Sleef's on the vectorized part, glibc's on the numel % 16 tail
    sleefExpfInto(args, p, 0, len);
    for (let i = Math.max(start, vecEnd); i < end; i++) p[i - start] = libmExpf(-x[i - start]!);
    const m = sigmoidInto(buffers, target, start, len, vecEnd);
    sleefExpfInto(args, args, 0, m);
    for (let j = 0; j < m; j++) loss[gathered[j]!] = args[j]!;
    bceWithLogitsInto(x, target.subarray(start, end), loss, loss, len);
    this.probs.add(p, 0, len);
    this.intersection.add(buffers.pt, 0, len);
    this.target.add(target, start, end);
    this.bce.add(loss, 0, len);
    this.binary.add(buffers.b, 0, len);
    this.binaryIntersection.add(buffers.bt, 0, len);
  }
}

/*
 * block's per-element loops are functions of their own: small ones, which V8 compiles quickly
 * (on a second core that may be busy) and independently of block, which inlines much.
 */

/** pred_logits = target * 5.0 + noise * 2.0 of a block into x, and sigmoid's exp arguments 0 - x into args. */
function logitsInto(buffers: DiceBuffers, noise: Float32Array, target: Float32Array, start: number, len: number): void {
  const { x, args } = buffers;
  for (let k = 0; k < len; k++) {
    const t = target[start + k]!;
    // t·5 and noise·2 are exact (t is 0 or 1; doubling a float is exact): one rounding, the add's
    const xk = f(t * 5 + noise[k]! * 2);
    x[k] = xk;
    args[k] = f(0 - xk);
  }
}

/**
 * In one pass over a block whose sigmoid exponentials are in p: the sigmoid (into p), the
 * products with the target, the threshold; and BCE's exponential of -|x|, which is the
 * sigmoid's on the vectorized part where x > 0 (copied to loss) and is gathered into args for
 * computing otherwise (without a branch: the sign of x is random, and a mispredicted branch
 * costs more). Returns how many were gathered.
 */
function sigmoidInto(buffers: DiceBuffers, target: Float32Array, start: number, len: number, vecEnd: number): number {
  const { x, p, pt, loss, b, bt, args, gathered } = buffers;
  let m = 0;
  for (let k = 0; k < len; k++) {
    const xk = x[k]!;
    const e = p[k]!;
    loss[k] = e;
    gathered[m] = k;
    args[m] = bceExpArgument(xk);
    m += 1 - (+(xk > 0) & +(start + k < vecEnd));
    const t = target[start + k]!;
    const prob = f(1 / f(1 + e));
    p[k] = prob;
    pt[k] = prob * t;
    const above = +(prob > 0.5);
    b[k] = above;
    bt[k] = above * t;
  }
  return m;
}

/**
 * torch.randn(n) (n >= 16, normal_fill_AVX2) drawn and used block by block over elements
 * [from, to): `source` is at the draw of element `from` (a multiple of 16). Each block's uniforms
 * are drawn, turned into normals by Box–Muller blocks of 16 and handed to `sums` at once, so the
 * noise never exists as a whole tensor. When the range ends the batch and n is not a multiple of
 * 16, randn's redraw follows its n draws: 16 more uniforms for the last 16 elements, recomputed
 * as one block over what the partial block left. The last block of such a range is stretched to
 * hold at least 32 elements, so those last 16 lie in it.
 */
export function diceRange(source: BitSource, target: Float32Array, n: number, from: number, to: number,
  sums: DiceAccumulators, buffers = new DiceBuffers(n)): void {
  if (n < 16 || from % 16 !== 0 || (to !== n && to % 16 !== 0) || from > to || to > n) {
    throw new RangeError(`diceRange: bad range [${from}, ${to}) of ${n}`);
  }
  const { noise, bits } = buffers;
  for (let start = from; start < to; ) {
    let end = Math.min(to, start + BLOCK);
    if (to === n && n - end < 32) end = n;
    const len = end - start;
    uniformFloatsInto(source, bits, noise, 0, len);
    normalFill16(noise, 0, len);
    if (end === n && n % 16 !== 0) {
      uniformFloatsInto(source, bits, noise, len - 16, len);
      normalFill16(noise, len - 16, len);
    }
    sums.block(buffers, noise, target, start, len);
    start = end;
  }
}

