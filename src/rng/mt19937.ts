/** The 32-bit Mersenne Twister exactly as at::mt19937 (ATen/core/MT19937RNGEngine.h) seeds and runs it. */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 {
  private readonly state = new Uint32Array(N);
  private index = N;

  /** init_with_uint32: at::mt19937(seed) keeps only the low 32 bits of the seed. */
  constructor(seed: number) {
    const s = this.state;
    s[0] = seed >>> 0;
    for (let j = 1; j < N; j++) {
      const prev = s[j - 1]! ^ (s[j - 1]! >>> 30);
      s[j] = (Math.imul(1812433253, prev) + j) >>> 0;
    }
  }

  /** next_state: regenerate all 624 words (split at the wrap-arounds so no index needs a modulo). */
  private twist(): void {
    const s = this.state;
    let k = 0;
    let y: number;
    for (; k < N - M; k++) {
      y = (s[k]! & UPPER) | (s[k + 1]! & LOWER);
      s[k] = s[k + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; k < N - 1; k++) {
      y = (s[k]! & UPPER) | (s[k + 1]! & LOWER);
      s[k] = s[k + M - N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (s[N - 1]! & UPPER) | (s[0]! & LOWER);
    s[N - 1] = s[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  nextU32(): number {
    if (this.index >= N) this.twist();
    let y = this.state[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
