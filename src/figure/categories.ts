/** Bars' categories and values, as both renderers read them from the model. */
import type { Figure, Series } from './model.js';

/** The figure's categories, or "0", "1", … up to the largest integer x of any series. */
export function categoryNames(fig: Figure): string[] {
  if (fig.categories !== undefined) return [...fig.categories];
  const n = fig.series.reduce((m, s) => Math.max(m, ...s.points.map((p) => (Number.isInteger(p[0]) && p[0] >= 0 ? p[0] + 1 : 0))), 0);
  return Array.from({ length: n }, (_, i) => String(i));
}

/** Series s's value for category c: the y of its first point at x = c (undefined: no bar). */
export function barValue(s: Series, c: number): number | undefined {
  return s.points.find((p) => p[0] === c)?.[1];
}
