import { Generator } from './generator.js';
import { createBitSource, RNG_NAMES, type RngName } from './sources.js';

export { Generator, RNG_NAMES, type RngName };
export { log256, sincos256 } from './avx-mathfun.js';

/** torch.manual_seed(seed): a fresh generator (empty normal cache) over the chosen bit source. */
export function manualSeed(seed: bigint, rng: RngName = 'torch'): Generator {
  return new Generator(createBitSource(rng, seed));
}
