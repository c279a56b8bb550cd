import { normalFill16 } from './avx-mathfun.js';
import { Generator, uniformFloatsInto } from './generator.js';
import { MT19937 } from './mt19937.js';
import type { BitSource } from './sources.js';

/** Moves a bit source `count` draws on (mt19937 without computing its outputs). */
function skip(source: BitSource, count: number, scratch: Uint32Array): void {
  if (source instanceof MT19937) {
    source.skip(count);
    return;
  }
  for (let left = count; left > 0; left -= scratch.length) source.fill(scratch, 0, Math.min(left, scratch.length));
}

/**
 * torch.randn(n)'s values at `positions` (ascending), computing only the Box–Muller blocks of 16
 * that hold them: normal_fill_16_AVX2 turns each block's 16 uniforms into its 16 normals alone,
 * and when n is not a multiple of 16 the last 16 elements come from 16 more uniforms drawn after
 * the n (see Generator.randn). The generator is left at an unspecified position. Below 16
 * elements (the double-precision path) it draws the whole tensor.
 */
export function randnAt(g: Generator, n: number, positions: readonly number[]): Float32Array {
  const out = new Float32Array(positions.length);
  if (n < 16) {
    const all = g.randn(n);
    positions.forEach((p, k) => (out[k] = all[p]!));
    return out;
  }
  const source = g.source;
  const redrawFrom = n % 16 === 0 ? n : n - 16;
  const block = new Float32Array(16);
  const bits = new Uint32Array(block.buffer);
  const scratch = new Uint32Array(4096);
  let drawn = 0;
  let loaded = -1;
  const load = (start: number): void => {
    skip(source, start - drawn, scratch);
    uniformFloatsInto(source, bits, block, 0, 16);
    normalFill16(block, 0, 16);
    drawn = start + 16;
    loaded = start;
  };
  // an index loop, not forEach: one call less per position in code that runs cold
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k]!;
    if (!(p >= 0 && p < n)) throw new RangeError(`randnAt: position ${p} outside [0, ${n})`);
    // a block starts at a multiple of 16, or is the redraw of the last 16 (from draw n on)
    const start = p >= redrawFrom ? n : p - (p % 16);
    if (start !== loaded) {
      if (start < drawn) throw new RangeError('randnAt: positions must be ascending');
      load(start);
    }
    out[k] = block[p - (start === n ? n - 16 : start)]!;
  }
  return out;
}
