/*
 * dice-parallel.ts for the browser bundle (aliased by scripts/build-explore.mjs): one thread.
 * The page runs its sections in a Web Worker already, and a second thread there would need
 * cross-origin isolation for SharedArrayBuffer, which a page opened from a file never has.
 * The sums are the same bits either way (dice-parallel.ts), so only the speed differs.
 */
import type { BitSource } from '../rng/index.js';
import type { MT19937 } from '../rng/mt19937.js';
import type { DiceSums } from './dice-kernel.js';

export const PARALLEL_THRESHOLD = Number.POSITIVE_INFINITY;

export function diceThreads(_n: number, _source: BitSource): number {
  return 1;
}

export function sharedZeros(n: number): Float32Array {
  return new Float32Array(n);
}

export function diceSumsParallel(_source: MT19937, _target: Float32Array, _n: number): DiceSums {
  throw new Error('the browser build computes the Dice sums on one thread');
}
