/** Bars' categories and values, as both renderers read them from the model. */
import type { Figure, Series } from './model.js';

/** Without names, bars are drawn for x = 0, 1, … below this (a bar chart, not a histogram). */
export const MAX_CATEGORIES = 1000;

/** The figure's categories, or "0", "1", … up to the largest integer x of any series. */
export function categoryNames(fig: Figure): string[] {
  if (fig.categories !== undefined) return [...fig.categories];
  let n = 0;
  for (const s of fig.series) {
    for (const [x] of s.points) if (Number.isInteger(x) && x >= 0 && x < MAX_CATEGORIES && x + 1 > n) n = x + 1;
  }
  return Array.from({ length: n }, (_, i) => String(i));
}

/** Series s's value for category c: the y of its first point at x = c (undefined: no bar). */
export function barValue(s: Series, c: number): number | undefined {
  return s.points.find((p) => p[0] === c)?.[1];
}
