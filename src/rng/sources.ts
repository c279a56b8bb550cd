import { createRequire } from 'node:module';
import { MT19937 } from './mt19937.js';

/** Where the random bits come from; the distributions (generator.ts) are the same for all. */
export interface BitSource {
  nextU32(): number;
}

export const RNG_NAMES = ['torch', 'alea', 'xor128', 'xorwow', 'xorshift7', 'xor4096', 'tychei', 'arc4'] as const;
export type RngName = (typeof RNG_NAMES)[number];

interface SeedrandomPrng {
  int32(): number;
}

/**
 * seedrandom's generators take a number or a string. Some (xorshift7) mix short strings so weakly
 * that '7' and '8' give the same stream, so seeds in int32 range go in as numbers and only larger
 * seeds as their decimal text.
 */
function seedrandomSeed(seed: bigint): number | string {
  return seed >= -(2n ** 31n) && seed < 2n ** 31n ? Number(seed) : seed.toString();
}

/**
 * A bit source seeded with `seed`. `torch` is PyTorch's mt19937 (low 32 bits of the seed);
 * seedrandom's generators are loaded only when asked for.
 */
export function createBitSource(name: RngName, seed: bigint): BitSource {
  if (name === 'torch') return new MT19937(Number(BigInt.asUintN(32, seed)));
  const module = name === 'arc4' ? 'seedrandom/seedrandom.js' : `seedrandom/lib/${name}.js`;
  const load = createRequire(import.meta.url)(module) as (seed: number | string) => SeedrandomPrng;
  const prng = load(seedrandomSeed(seed));
  return { nextU32: () => prng.int32() >>> 0 };
}
