import type { Series } from '../figure/model.js';

/*
 * Small helpers the builders share: sample grids whose doubles a fixture script computes the same
 * way (then rounded to float32 once, as torch.tensor(list) does), and series from value arrays.
 */

/** n + 1 float32 values lo + i·(hi - lo)/n, i = 0..n, each computed in double and rounded once. */
export function sweep(lo: number, hi: number, n: number): Float32Array {
  const out = new Float32Array(n + 1);
  for (let i = 0; i <= n; i++) out[i] = lo + (i * (hi - lo)) / n;
  return out;
}

/** A series of (xs[i], ys[i]); both widened exactly from float32 (or already doubles). */
export function series(name: string, xs: ArrayLike<number>, ys: ArrayLike<number>, style?: 'line' | 'points'): Series {
  const points: (readonly [number, number])[] = [];
  for (let i = 0; i < xs.length; i++) points.push([xs[i]!, ys[i]!]);
  return style === undefined ? { name, points } : { name, points, style };
}

/** Every k-th index of 0..n-1, k the smallest stride that keeps at most `max` of them. */
export function strided(n: number, max: number): { k: number; indices: number[] } {
  const k = Math.max(1, Math.ceil(n / max));
  const indices: number[] = [];
  for (let i = 0; i < n; i += k) indices.push(i);
  return { k, indices };
}
