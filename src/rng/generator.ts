import { log256, sincos256 } from './avx-mathfun.js';
import type { BitSource } from './sources.js';

const f = Math.fround;
const TWO_PI_F = f(2 * Math.PI); // _mm256_set1_ps(2.0f * c10::pi<double>)
const TWO_POW_24 = 16777216;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

const exactInteger = (v: number): boolean => Number.isInteger(v) && Math.abs(v) <= TWO_POW_53;

/** PyTorch's CPU generator (CPUGeneratorImpl) over a bit source: torch.randn and torch.randint. */
export class Generator {
  /** CPUGeneratorImpl::next_double_normal_sample_: normal_distribution<double>'s cached r·sin(θ). */
  private nextDoubleNormal: number | undefined;
  private readonly sincos = new Float64Array(2);

  constructor(private readonly source: BitSource) {}

  /** uniform_real_distribution<float>(0, 1): the low 24 bits of one 32-bit draw. */
  private uniformFloat(): number {
    return (this.source.nextU32() & 0xffffff) / TWO_POW_24;
  }

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
   * normal_fill_16_AVX2: Box–Muller over data[i..i+16), uniforms of the first 8 with the next 8.
   * The closing _mm256_fmadd_ps(n, std=1, mean=0) is exact except that it turns -0 into +0.
   */
  private boxMuller16(data: Float32Array, i: number): void {
    const sc = this.sincos;
    for (let k = i; k < i + 8; k++) {
      const radius = f(Math.sqrt(f(-2 * log256(f(1 - data[k]!)))));
      sincos256(f(TWO_PI_F * data[k + 8]!), sc);
      data[k] = f(radius * sc[1]!) + 0;
      data[k + 8] = f(radius * sc[0]!) + 0;
    }
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
    for (let i = 0; i < numel; i++) data[i] = this.uniformFloat();
    for (let i = 0; i + 16 <= numel; i += 16) this.boxMuller16(data, i);
    if (numel % 16 !== 0) {
      const last = numel - 16;
      for (let k = 0; k < 16; k++) data[last + k] = this.uniformFloat();
      this.boxMuller16(data, last);
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
