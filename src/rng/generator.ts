import { log256, sincos256 } from './avx-mathfun.js';
import type { BitSource } from './sources.js';

const f = Math.fround;
const TWO_PI_F = f(2 * Math.PI);
const TWO_POW_24 = 16777216;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** PyTorch's CPU generator (CPUGeneratorImpl) over a bit source: torch.randn and torch.randint. */
export class Generator {
  /** at::normal_distribution<double>'s cached second Box–Muller sample; manual_seed clears it. */
  private nextDoubleNormal: number | undefined;
  private readonly sincos = new Float64Array(2);

  constructor(private readonly source: BitSource) {}

  /** uniform_real_distribution<float>(0, 1): 24 random bits of one 32-bit draw. */
  private uniformFloat(): number {
    return (this.source.nextU32() & 0xffffff) / TWO_POW_24;
  }

  /** uniform_real_distribution<double>(0, 1): 53 bits of random64() = (first draw << 32) | second. */
  private uniformDouble(): number {
    const hi = this.source.nextU32() & 0x1fffff;
    const lo = this.source.nextU32();
    return (hi * TWO_POW_32 + lo) / TWO_POW_53;
  }

  /** at::normal_distribution<double>(0, 1), caching r·sin(θ) for the next call. */
  private normalDouble(): number {
    if (this.nextDoubleNormal !== undefined) {
      const cached = this.nextDoubleNormal;
      this.nextDoubleNormal = undefined;
      return cached;
    }
    const u1 = this.uniformDouble();
    const u2 = this.uniformDouble();
    const r = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = 2 * Math.PI * u1;
    this.nextDoubleNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** normal_fill_16_AVX2: Box–Muller over data[i..i+16): uniforms of the first 8 with the next 8. */
  private boxMuller16(data: Float32Array, i: number): void {
    const sc = this.sincos;
    for (let k = 0; k < 8; k++) {
      const radius = f(Math.sqrt(f(-2 * log256(f(1 - data[i + k]!)))));
      sincos256(f(TWO_PI_F * data[i + 8 + k]!), sc);
      data[i + k] = f(radius * sc[1]!);
      data[i + 8 + k] = f(radius * sc[0]!);
    }
  }

  /**
   * torch.randn(numel) in float32. 16 or more: normal_fill_AVX2 (all uniforms first, blocks of
   * 16, the last 16 redrawn and recomputed when numel is not a multiple of 16). Fewer: the
   * double-precision normal_distribution per element, cast to float.
   */
  randn(numel: number): Float32Array {
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

  /** torch.randint(low, high, (numel,)): random_from_to, one 32-bit draw per value (64-bit for ranges >= 2^32). */
  randint(low: number, high: number, numel: number): number[] {
    const range = high - low;
    const out = new Array<number>(numel);
    for (let i = 0; i < numel; i++) {
      if (range >= TWO_POW_32) {
        const hi = BigInt(this.source.nextU32());
        const lo = BigInt(this.source.nextU32());
        out[i] = low + Number(((hi << 32n) | lo) % BigInt(range));
      } else {
        out[i] = low + (this.source.nextU32() % range);
      }
    }
    return out;
  }
}
