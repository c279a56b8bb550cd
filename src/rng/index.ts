import { Generator, uniformFloatsInto } from './generator.js';
import { createBitSource, RNG_NAMES, type BitSource, type RngName } from './sources.js';

export { Generator, uniformFloatsInto, RNG_NAMES, type BitSource, type RngName };

/**
 * torch.manual_seed(seed): a fresh generator (empty normal cache) over the chosen bit source.
 * seed: any integer in [-2^63, 2^64); negatives wrap mod 2^64, as in PyTorch.
 */
export function manualSeed(seed: bigint, rng: RngName = 'torch'): Generator {
  return new Generator(createBitSource(rng, seed), `${rng}:${seed}`);
}
