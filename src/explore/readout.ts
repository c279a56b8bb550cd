/*
 * The value under the pointer, read back from an SVG figure: the renderer writes the plot area
 * (`data-plot="x y w h"`, in the SVG's user units) and each axis's domain and scale on the root,
 * and this inverts that mapping (base-10 for log axes).
 */

export interface AxisMap {
  readonly from: number;
  readonly to: number;
  readonly min: number;
  readonly max: number;
  readonly scale: 'linear' | 'log';
}

/** The data value at position `p` along an axis drawn from `from` (at min) to `to` (at max). */
export function invert(axis: AxisMap, p: number): number {
  const t = (p - axis.from) / (axis.to - axis.from);
  if (axis.scale === 'log') {
    const a = Math.log10(axis.min);
    const b = Math.log10(axis.max);
    return 10 ** (a + t * (b - a));
  }
  return axis.min + t * (axis.max - axis.min);
}

function pair(raw: string | null): [number, number] | undefined {
  const parts = (raw ?? '').trim().split(/\s+/).map(Number);
  return parts.length === 2 && parts.every(Number.isFinite) ? [parts[0]!, parts[1]!] : undefined;
}

export interface PlotMaps {
  readonly x: AxisMap;
  readonly y: AxisMap;
  readonly area: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

/** The axes of a rendered figure, from its root's data attributes; undefined if any is missing. */
export function plotMaps(attr: (name: string) => string | null): PlotMaps | undefined {
  const plot = (attr('data-plot') ?? '').trim().split(/\s+/).map(Number);
  const xd = pair(attr('data-x-domain'));
  const yd = pair(attr('data-y-domain'));
  if (plot.length !== 4 || !plot.every(Number.isFinite) || !xd || !yd) return undefined;
  const [x, y, w, h] = plot as [number, number, number, number];
  const scale = (name: string): 'linear' | 'log' => (attr(name) === 'log' ? 'log' : 'linear');
  return {
    area: { x, y, w, h },
    x: { from: x, to: x + w, min: xd[0], max: xd[1], scale: scale('data-x-scale') },
    // SVG's y grows downwards: the domain's min is at the bottom of the plot area
    y: { from: y + h, to: y, min: yd[0], max: yd[1], scale: scale('data-y-scale') },
  };
}

/** A value as the readout shows it: four significant digits, without a trailing exponent's noise. */
export function readoutNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}
