/**
 * A figure as data, apart from any drawing (as Vega-Lite and Observable Plot describe charts).
 * Sections' figure builders (src/figures) make these; the terminal renderer (`--plot`), the SVG
 * renderer (the explorer page) and JSON (`--format json --plot`) read them. Nothing here may use
 * Node-only APIs: the same model runs in the browser.
 *
 * Values are plain doubles (a float32 result widened exactly); NaN and ±Infinity are allowed
 * anywhere a value is, and every renderer must treat them as gaps, never throw on them.
 */

export type Scale = 'linear' | 'log';

export interface Axis {
  readonly label: string;
  /** 'log' is base 10; non-positive values on a log axis are gaps. Default 'linear'. */
  readonly scale?: Scale;
  /** A fixed [min, max]; otherwise the renderer fits the finite data (and the marks). */
  readonly domain?: readonly [number, number];
}

/** One named line (kind 'lines', or drawn over a heatmap) or one set of bars (kind 'bars'). */
export interface Series {
  readonly name: string;
  /** [x, y] pairs in drawing order; a non-finite y (or x) breaks the line there. */
  readonly points: readonly (readonly [number, number])[];
  /** 'points' draws markers only (a scatter), 'line' (default) joins consecutive points. */
  readonly style?: 'line' | 'points';
}

/** A heatmap's values: `values[j][i]` is the value at (x[i], y[j]); row j = 0 is the lowest y. */
export interface Grid {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly values: readonly (readonly number[])[];
  /** The colour scale's label, e.g. 'loss' or 'log10 loss'. */
  readonly label: string;
  /** How values map to colour. Default 'linear'; 'log' maps log10 of positive values. */
  readonly scale?: Scale;
}

/** Labelled reference lines and points drawn over the data. */
export type Mark =
  | { readonly kind: 'vline'; readonly x: number; readonly label: string }
  | { readonly kind: 'hline'; readonly y: number; readonly label: string }
  | { readonly kind: 'point'; readonly x: number; readonly y: number; readonly label: string };

export type FigureKind = 'lines' | 'heatmap' | 'bars';

export interface Figure {
  readonly title: string;
  readonly kind: FigureKind;
  readonly x: Axis;
  readonly y: Axis;
  /** Lines or bars; for a heatmap, optional lines drawn over it (e.g. a descent path). */
  readonly series: readonly Series[];
  /** Only for kind 'heatmap'. */
  readonly grid?: Grid;
  readonly marks: readonly Mark[];
  /** For bars: the category names, one per x value 0, 1, 2, … (points' x are the indices). */
  readonly categories?: readonly string[];
  /** One line of explanation under the figure, if any. */
  readonly note?: string;
}
