/**
 * The heatmap colour map both renderers use: viridis (perceptually uniform, readable in grey and
 * by most colour-blind readers), approximated by its nine stops at k/8 with linear interpolation
 * in sRGB between them.
 */
export type RGB = readonly [number, number, number];

const VIRIDIS: readonly RGB[] = [
  [68, 1, 84], [71, 45, 123], [59, 82, 139], [44, 114, 142], [33, 145, 140],
  [40, 174, 128], [94, 201, 98], [173, 220, 48], [253, 231, 37],
];

/** The colour at t in [0, 1] (clamped); NaN gives undefined (a gap). */
export function viridis(t: number): RGB | undefined {
  if (Number.isNaN(t)) return undefined;
  const u = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as unknown as RGB;
}

export function hex(c: RGB): string {
  return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
}
