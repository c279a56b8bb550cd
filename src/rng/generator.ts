import { normalFill16 } from './avx-mathfun.js';
import type { BitSource } from './sources.js';

const TWO_POW_24 = 16777216;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

const exactInteger = (v: number): boolean => Number.isInteger(v) && Math.abs(v) <= TWO_POW_53;

/** PyTorch's CPU generator (CPUGeneratorImpl) over a bit source: torch.randn and torch.randint. */
export class Generator {
  /** CPUGeneratorImpl::next_double_normal_sample_: normal_distribution<double>'s cached r·sin(θ). */
  private nextDoubleNormal: number | undefined;

  /** The bit source is public so that a kernel can draw randn's uniforms block by block itself. */
  constructor(readonly source: BitSource) {}

  /** uniform_real_distribution<double>(0, 1): 53 bits of random64() = (first draw << 32) | second. */
  private uniformDouble(): number {
    const hi = this.source.nextU32() & 0x1fffff;
    const lo = this.source.nextU32();
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
   * place (an element is read before it is written).
   */
  private uniformFloats(data: Float32Array, from: number, to: number): void {
    const bits = new Uint32Array(data.buffer, data.byteOffset, data.length);
    this.source.fill(bits, from, to);
    for (let i = from; i < to; i++) data[i] = (bits[i]! & 0xffffff) / TWO_POW_24;
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
    this.uniformFloats(data, 0, numel);
    normalFill16(data, 0, numel);
    if (numel % 16 !== 0) {
      const last = numel - 16;
      this.uniformFloats(data, last, numel);
      normalFill16(data, last, numel);
    }
    return data;
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
      for (let i = 0; i < numel; i++) out[i] = low + (this.source.nextU32() % range);
      return out;
    }
    const bigLow = BigInt(low);
    const bigRange = BigInt(high) - bigLow;
    for (let i = 0; i < numel; i++) {
      const hi = BigInt(this.source.nextU32());
      const lo = BigInt(this.source.nextU32());
      out[i] = Number(bigLow + (((hi << 32n) | lo) % bigRange));
    }
    return out;
  }
}
