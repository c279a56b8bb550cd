/** The 32-bit Mersenne Twister exactly as at::mt19937 (ATen/core/MT19937RNGEngine.h) seeds and runs it. */

const N = 624;
const M = 397;
// The words are kept as int32 (the same bits): constants and values that fit V8's small
// integers keep the bit operations on machine integers, without boxing values above 2^31.
const MATRIX_A = 0x9908b0df | 0;
const UPPER = 0x80000000 | 0;
const LOWER = 0x7fffffff;

export class MT19937 {
  private readonly state = new Int32Array(N);
  private index = N;

  /** init_with_uint32: at::mt19937(seed) keeps only the low 32 bits of the seed. */
  constructor(seed: number) {
    const s = this.state;
    s[0] = seed;
    for (let j = 1; j < N; j++) {
      const prev = s[j - 1]! ^ (s[j - 1]! >>> 30);
      s[j] = Math.imul(1812433253, prev) + j;
    }
  }

  /** next_state: regenerate all 624 words (split at the wrap-arounds so no index needs a modulo). */
  private twist(): void {
    const s = this.state;
    let k = 0;
    let y: number;
    for (; k < N - M; k++) {
      y = (s[k]! & UPPER) | (s[k + 1]! & LOWER);
      s[k] = s[k + M]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; k < N - 1; k++) {
      y = (s[k]! & UPPER) | (s[k + 1]! & LOWER);
      s[k] = s[k + M - N]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    y = (s[N - 1]! & UPPER) | (s[0]! & LOWER);
    s[N - 1] = s[M - 1]! ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.index = 0;
  }

  /** nextU32 into each of out[from .. to), in order: one call for a whole tensor's draws. */
  fill(out: Uint32Array, from: number, to: number): void {
    const s = this.state;
    let index = this.index;
    for (let i = from; i < to; i++) {
      if (index >= N) {
        this.twist();
        index = 0;
      }
      let y = s[index++]!;
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      out[i] = y;
    }
    this.index = index;
  }

  /** The generator's state, to continue its stream elsewhere (another thread) with `restore`. */
  snapshot(): { state: Int32Array; index: number } {
    return { state: this.state.slice(), index: this.index };
  }

  /** Continues from where the snapshot was taken (this generator's own stream is dropped). */
  load(snapshot: { readonly state: Int32Array; readonly index: number }): void {
    if (snapshot.state.length !== N || !(snapshot.index >= 0 && snapshot.index <= N)) throw new RangeError('MT19937.load: not a snapshot');
    this.state.set(snapshot.state);
    this.index = snapshot.index;
  }

  /** A generator that continues where the snapshot was taken. */
  static restore(snapshot: { readonly state: Int32Array; readonly index: number }): MT19937 {
    const g = new MT19937(0);
    g.load(snapshot);
    return g;
  }

  /**
   * Moves the stream on by `count` draws without producing them: the twists alone (tempering is
   * per output), so it costs a fraction of drawing them. For a stream split between threads.
   */
  skip(count: number): void {
    let left = count;
    while (left > 0) {
      if (this.index >= N) this.twist();
      const step = Math.min(N - this.index, left);
      this.index += step;
      left -= step;
    }
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
