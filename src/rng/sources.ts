import { createRequire } from 'node:module';
import { MT19937 } from './mt19937.js';

/** Where the random bits come from; the distributions (generator.ts) are the same for all. */
export interface BitSource {
  nextU32(): number;
  /** nextU32 into each of out[from .. to), in order. */
  fill(out: Uint32Array, from: number, to: number): void;
}

export const RNG_NAMES = ['torch', 'alea', 'xor128', 'xorwow', 'xorshift7', 'xor4096', 'tychei', 'arc4'] as const;
export type RngName = (typeof RNG_NAMES)[number];

interface SeedrandomPrng {
  int32(): number;
}
type SeedrandomFactory = (seed: number | string) => SeedrandomPrng;

const MODULES: Record<Exclude<RngName, 'torch'>, string> = {
  alea: 'seedrandom/lib/alea.js',
  xor128: 'seedrandom/lib/xor128.js',
  xorwow: 'seedrandom/lib/xorwow.js',
  xorshift7: 'seedrandom/lib/xorshift7.js',
  xor4096: 'seedrandom/lib/xor4096.js',
  tychei: 'seedrandom/lib/tychei.js',
  arc4: 'seedrandom/seedrandom.js',
};

/**
 * What each seedrandom generator is seeded with, from the uint64 seed. The decimal string, except
 * where seedrandom's string seeding is broken: xorshift7 ignores a string's first 7 characters
 * (every seed below 10^7 would give one stream), so it gets the low 32 bits as an int32, as torch
 * uses them; ARC4 repeats a short key (1, 11 and 111 collide), so it gets the string with the NUL
 * that seedrandom itself appends to a numeric seed.
 */
function seedFor(name: Exclude<RngName, 'torch'>, seed: bigint): number | string {
  if (name === 'xorshift7') return Number(BigInt.asIntN(32, seed));
  if (name === 'arc4') return `${seed}\0`;
  return seed.toString();
}

const MIN_SEED = -(2n ** 63n);
const MAX_SEED = 2n ** 64n - 1n;

/**
 * A bit source seeded like torch.manual_seed(seed): any integer in [-2^63, 2^64), negatives wrapped
 * to uint64. `torch` is PyTorch's mt19937 on the low 32 bits; seedrandom is loaded only when asked for.
 */
export function createBitSource(name: RngName, seed: bigint): BitSource {
  if (seed < MIN_SEED || seed > MAX_SEED) throw new RangeError(`seed ${seed} is outside [-2^63, 2^64)`);
  const u64 = BigInt.asUintN(64, seed);
  if (name === 'torch') return new MT19937(Number(BigInt.asUintN(32, u64)));
  const load = createRequire(import.meta.url)(MODULES[name]) as SeedrandomFactory;
  const prng = load(seedFor(name, u64));
  return {
    nextU32: () => prng.int32() >>> 0,
    fill(out, from, to) {
      for (let i = from; i < to; i++) out[i] = prng.int32();
    },
  };
}
