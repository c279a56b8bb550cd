/*
 * node:module for the browser bundle (aliased by scripts/build-explore.mjs). src/rng/sources.ts
 * loads seedrandom's generators with createRequire on first use; in the page they are bundled,
 * and this createRequire hands them out by the same module names.
 */
import alea from 'seedrandom/lib/alea.js';
import xor128 from 'seedrandom/lib/xor128.js';
import xorwow from 'seedrandom/lib/xorwow.js';
import xorshift7 from 'seedrandom/lib/xorshift7.js';
import xor4096 from 'seedrandom/lib/xor4096.js';
import tychei from 'seedrandom/lib/tychei.js';
import arc4 from 'seedrandom/seedrandom.js';

const MODULES: Record<string, unknown> = {
  'seedrandom/lib/alea.js': alea,
  'seedrandom/lib/xor128.js': xor128,
  'seedrandom/lib/xorwow.js': xorwow,
  'seedrandom/lib/xorshift7.js': xorshift7,
  'seedrandom/lib/xor4096.js': xor4096,
  'seedrandom/lib/tychei.js': tychei,
  'seedrandom/seedrandom.js': arc4,
};

export function createRequire(_from: string | URL): (id: string) => unknown {
  return (id) => {
    if (!(id in MODULES)) throw new Error(`module '${id}' is not in the page's bundle`);
    return MODULES[id];
  };
}
