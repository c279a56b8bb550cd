import { normalFill16 } from './avx-mathfun.js';
import { MT19937 } from './mt19937.js';
import type { BitSource } from './sources.js';

const TWO_POW_24 = 16777216;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

const exactInteger = (v: number): boolean => Number.isInteger(v) && Math.abs(v) <= TWO_POW_53;

/**
 * Normals that randn calls of 16 or more values have computed, for one stream (a seed and bit
 * source): `start` is the stream position (32-bit draws since manual_seed) of the call's first
 * uniform, `normals` its whole Box–Muller blocks before any redraw. normal_fill_16_AVX2 turns
 * each block of 16 uniforms into 16 normals by itself, so a later call at a position p whose
 * blocks line up with an entry's ((p - start) % 16 = 0) has the same normals where they overlap.
 * The script seeds 42 before every section and most sections start with randn draws of whole
 * blocks (section 6 draws the same three 16×128 tensors as section 5, section 8 parts of them,
 * sections 2, 3 and 4 the first 80 values of section 1), so most of their Box–Muller work is a
 * copy. One stream is kept: the latest.
 */
interface NormalsEntry {
  readonly start: number;
  readonly normals: Float32Array;
}
let memoStream: string | undefined;
let memo: NormalsEntry[] = [];
let memoSize = 0;
/** Floats the memo holds at most (1 MiB); later calls are then computed as usual. */
const MEMO_MAX = 2 ** 18;

/** Values of randn drawn and transformed at a time (a multiple of normal_fill's blocks of 16). */
const RANDN_CHUNK = 128;

/**
 * uniform_real_distribution<float>(0, 1) into data[from .. to): the low 24 bits of one draw each,
 * times 2^-24; `bits` is data's memory, each draw read before it is overwritten. Shared by randn
 * and the Dice kernel, which draws its noise block by block: one function for V8 to optimise.
 */
export function uniformFloatsInto(source: BitSource, bits: Uint32Array, data: Float32Array, from: number, to: number): void {
  source.fill(bits, from, to);
  for (let i = from; i < to; i++) data[i] = (bits[i]! & 0xffffff) / TWO_POW_24;
}

/** PyTorch's CPU generator (CPUGeneratorImpl) over a bit source: torch.randn and torch.randint. */
export class Generator {
  /** CPUGeneratorImpl::next_double_normal_sample_: normal_distribution<double>'s cached r·sin(θ). */
  private nextDoubleNormal: number | undefined;

  /** Draws taken from the bit source so far; -1 once the source has been handed out (unknown). */
  private drawn = 0;

  /**
   * `stream` names the stream for randn's memo (see NormalsEntry), as the seed and bit source
   * name it; a generator without one computes every randn.
   */
  constructor(private readonly bits: BitSource, private readonly stream?: string) {}

  /**
   * The bit source, so that a kernel can draw randn's uniforms block by block itself. What it
   * draws is not counted, so from then on this generator's randn does not use the memo.
   */
  get source(): BitSource {
    this.drawn = -1;
    return this.bits;
  }

  /** uniform_real_distribution<double>(0, 1): 53 bits of random64() = (first draw << 32) | second. */
  private uniformDouble(): number {
    if (this.drawn >= 0) this.drawn += 2;
    const hi = this.bits.nextU32() & 0x1fffff;
    const lo = this.bits.nextU32();
    return (hi * TWO_POW_32 + lo) / TWO_POW_53;
  }

  /**
   * at::normal_distribution<double>(0, 1) of PyTorch 1.13: r = sqrt(-2·log(1 - u2)) (log1p came
   * later), returns r·cos(θ) and caches r·sin(θ). `+ 0` is the `* std + mean` with mean 0 (-0 → +0).
   */
  private normalDouble(): number {
    if (this.nextDoubleNormal !== undefined) {
      const cached = this.nextDoubleNormal;
      this.nextDoubleNormal = undefined;
      return cached + 0;
    }
    const u1 = this.uniformDouble();
    const u2 = this.uniformDouble();
    const r = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = 2 * Math.PI * u1;
    this.nextDoubleNormal = r * Math.sin(theta);
    return r * Math.cos(theta) + 0;
  }

  /**
   * uniform_real_distribution<float>(0, 1) into data[from .. to): the low 24 bits of one 32-bit
   * draw each, times 2^-24. The draws are written over the same memory first, then converted in
   * place (an element is read before it is written); `bits` is data's memory.
   */
  private uniformFloats(data: Float32Array, bits: Uint32Array, from: number, to: number): void {
    if (this.drawn >= 0) this.drawn += to - from;
    uniformFloatsInto(this.bits, bits, data, from, to);
  }

  /**
   * torch.randn(numel) in float32 (normal_kernel). 16 or more: normal_fill_AVX2 (all uniforms
   * first, blocks of 16, the last 16 redrawn and recomputed when numel is not a multiple of 16).
   * Fewer: normal_distribution<double> per element, cast to float.
   */
  randn(numel: number): Float32Array {
    if (!Number.isSafeInteger(numel) || numel < 0) throw new RangeError(`randn: bad size ${numel}`);
    const data = new Float32Array(numel);
    if (numel < 16) {
      for (let i = 0; i < numel; i++) data[i] = this.normalDouble();
      return data;
    }
    const bits = new Uint32Array(data.buffer);
    const whole = numel - (numel % 16);
    const start = this.drawn;
    const known = this.memoized(data, whole);
    // in chunks: V8 optimises the two functions after a few calls, instead of replacing a long
    // loop on its stack (per loop, later); the draws are in the same order either way
    for (let from = known; from < numel; from += RANDN_CHUNK) {
      const to = Math.min(numel, from + RANDN_CHUNK);
      this.uniformFloats(data, bits, from, to);
      normalFill16(data, from, to);
    }
    if (known < whole) this.remember(start, data, whole);
    if (numel % 16 !== 0) {
      const last = numel - 16;
      this.uniformFloats(data, bits, last, numel);
      normalFill16(data, last, numel);
    }
    return data;
  }

  /**
   * Copies into data the normals of the memo's entry that covers the longest run of the first
   * `whole` values of a randn call starting here, moves the stream past their draws, and returns
   * how many (a multiple of 16; 0 without an entry).
   */
  private memoized(data: Float32Array, whole: number): number {
    const pos = this.drawn;
    if (pos < 0 || this.stream === undefined || this.stream !== memoStream) return 0;
    let best: NormalsEntry | undefined;
    let known = 0;
    for (const e of memo) {
      const offset = pos - e.start;
      if (offset < 0 || offset % 16 !== 0) continue;
      const n = Math.min(e.normals.length - offset, whole);
      if (n > known) {
        known = n;
        best = e;
      }
    }
    if (best === undefined) return 0;
    data.set(best.normals.subarray(pos - best.start, pos - best.start + known));
    this.drawn += known;
    const bits = this.bits;
    if (bits instanceof MT19937) bits.skip(known);
    else bits.fill(new Uint32Array(known), 0, known);
    return known;
  }

  /** Keeps data[0 .. whole), the normals of a randn call that started at `start`, in the memo. */
  private remember(start: number, data: Float32Array, whole: number): void {
    if (start < 0 || this.stream === undefined) return;
    if (this.stream !== memoStream) {
      memoStream = this.stream;
      memo = [];
      memoSize = 0;
    }
    if (memoSize + whole > MEMO_MAX) return;
    memo.push({ start, normals: data.slice(0, whole) });
    memoSize += whole;
  }

  /**
   * torch.randint(low, high, (numel,)) as int64 (random_from_to): low + draw % (high - low), the
   * draw one 32-bit word, or random64() = (first << 32) | second when the range is 2^32 or more.
   */
  randint(low: number, high: number, numel: number): number[] {
    if (!exactInteger(low) || !exactInteger(high)) throw new RangeError('randint: bounds must be integers within ±2^53');
    if (!(low < high)) throw new RangeError(`randint: expects low < high, got [${low}, ${high})`);
    const range = high - low;
    const out = new Array<number>(numel);
    if (range < TWO_POW_32) {
      if (this.drawn >= 0) this.drawn += numel;
      for (let i = 0; i < numel; i++) out[i] = low + (this.bits.nextU32() % range);
      return out;
    }
    if (this.drawn >= 0) this.drawn += 2 * numel;
    const bigLow = BigInt(low);
    const bigRange = BigInt(high) - bigLow;
    for (let i = 0; i < numel; i++) {
      const hi = BigInt(this.bits.nextU32());
      const lo = BigInt(this.bits.nextU32());
      out[i] = Number(bigLow + (((hi << 32n) | lo) % bigRange));
    }
    return out;
  }
}
