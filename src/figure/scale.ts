/**
 * The maths both figure renderers share (terminal and SVG): fitting domains, linear and log10
 * scales, 1-2-5 ticks, short tick labels, clipping, the non-finite notes, and mapping a pointer
 * back to data. Plain arithmetic only: it runs in Node and in the browser.
 */
import type { Figure, Scale, Series } from './model.js';

export type Domain = readonly [number, number];

/** True when v can be placed on an axis of this scale (finite; positive on a log axis). */
export function usable(v: number, scale: Scale = 'linear'): boolean {
  return Number.isFinite(v) && (scale !== 'log' || v > 0);
}

/** 10^k as the exact decimal literal (Math.pow(10, -3) is not the double nearest 0.001). */
export function pow10(k: number): number {
  return Number(`1e${k}`);
}

export interface FitOptions {
  /** Extend the domain to the enclosing ticks (or decades), as plotting libraries do for y. */
  readonly nice?: boolean;
  /** Values the domain must contain, e.g. 0 for bars. */
  readonly include?: readonly number[];
  /** The tick count `nice` aims for. */
  readonly ticks?: number;
}

/**
 * The domain of an axis: its fixed domain when that is usable, else the extent of the usable
 * values. A zero-width extent is widened (a constant series still draws, in the middle), and no
 * usable value at all gives [0, 1] ([1, 10] on a log axis).
 */
export function fitDomain(
  values: Iterable<number>,
  scale: Scale = 'linear',
  fixed?: Domain,
  opts: FitOptions = {},
): Domain {
  if (fixed !== undefined && usable(fixed[0], scale) && usable(fixed[1], scale) && fixed[0] < fixed[1]) {
    return [fixed[0], fixed[1]];
  }
  let lo = Infinity;
  let hi = -Infinity;
  // index loops without a closure per value: the renderers call this cold, once per axis, over
  // every point of a figure
  const log = scale === 'log';
  const list = Array.isArray(values) ? (values as readonly number[]) : Array.from(values);
  const include = opts.include ?? [];
  for (let i = 0, n = list.length + include.length; i < n; i++) {
    const v = i < list.length ? list[i]! : include[i - list.length]!;
    if (!Number.isFinite(v) || (log && !(v > 0))) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return scale === 'log' ? [1, 10] : [0, 1];
  if (lo === hi) {
    if (scale === 'log') {
      lo /= Math.sqrt(10);
      hi *= Math.sqrt(10);
    } else {
      const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
      lo -= pad;
      hi += pad;
    }
  }
  if (opts.nice) return niceDomain([lo, hi], scale, opts.ticks ?? 5);
  return [lo, hi];
}

/** The domain extended to its enclosing ticks: whole decades on a log axis spanning one or more. */
export function niceDomain(domain: Domain, scale: Scale = 'linear', count = 5): Domain {
  const [lo, hi] = domain;
  if (scale === 'log') {
    const a = Math.log10(lo);
    const b = Math.log10(hi);
    if (b - a < 1) return [lo, hi];
    // decades the doubles hold: 1e-324 is 0 and 1e309 is Infinity
    return [pow10(Math.max(-323, Math.floor(a + 1e-9))), pow10(Math.min(308, Math.ceil(b - 1e-9)))];
  }
  const step = tickStep(lo, hi, count);
  if (step === undefined) return [lo, hi];
  const a = Math.floor(lo / step.value + 1e-9);
  const b = Math.ceil(hi / step.value - 1e-9);
  return [stepValue(a, step), stepValue(b, step)];
}

/** A tick step m·10^e with m ∈ {1, 2, 5}. */
export interface Step {
  readonly m: number;
  readonly e: number;
  readonly value: number;
}

/** The 1-2-5 step giving about `count` intervals over [lo, hi] (d3's tickIncrement rule). */
export function tickStep(lo: number, hi: number, count: number): Step | undefined {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span) || !(count > 0)) return undefined;
  const raw = span / count;
  let e = Math.floor(Math.log10(raw));
  const err = raw / Math.pow(10, e);
  let m = err >= Math.sqrt(50) ? 10 : err >= Math.sqrt(10) ? 5 : err >= Math.SQRT2 ? 2 : 1;
  if (m === 10) {
    m = 1;
    e += 1;
  }
  return { m, e, value: e >= 0 ? m * pow10(e) : m / pow10(-e) };
}

/** i·step as the exact decimal (0.1·3 would give 0.30000000000000004). */
function stepValue(i: number, s: Step): number {
  const v = s.e >= 0 ? i * s.m * pow10(s.e) : (i * s.m) / pow10(-s.e);
  return v === 0 ? 0 : v;
}

export interface Ticks {
  readonly values: readonly number[];
  readonly labels: readonly string[];
}

/**
 * About `count` ticks inside the domain: 1-2-5 multiples on a linear axis; decades on a log
 * axis (every 2nd, 5th, … decade when there are many), with 2× and 5× added when there are at
 * most three decades and room for them, and 1-2-5 multiples (or linear ticks) within less
 * than two decades.
 */
export function ticks(domain: Domain, scale: Scale = 'linear', count = 5): Ticks {
  const t = rawTicks(domain, scale, count);
  // near the float limits a step underflows or overflows: drop what is not on the axis
  const span = domain[1] - domain[0];
  const keep = t.values.map((v) => usable(v, scale) && v >= domain[0] - span * 1e-9 && v <= domain[1] + span * 1e-9);
  if (keep.every(Boolean)) return t;
  return { values: t.values.filter((_, i) => keep[i]), labels: t.labels.filter((_, i) => keep[i]) };
}

function rawTicks(domain: Domain, scale: Scale, count: number): Ticks {
  const [lo, hi] = domain;
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { values: [], labels: [] };
  const n = Math.max(1, Math.round(count));
  if (scale === 'log' && lo > 0) {
    const a = Math.ceil(Math.log10(lo) - 1e-9);
    const b = Math.floor(Math.log10(hi) + 1e-9);
    const decades = b - a + 1;
    if (decades >= 2) {
      let every = 1;
      for (const k of [1, 2, 5, 10, 20, 50, 100]) {
        every = k;
        if (Math.floor((b - a) / k) + 1 <= Math.max(n, 2)) break;
      }
      const values: number[] = [];
      // from the lowest decade in the domain, so a nice (decade) domain has ticks at both ends
      for (let k = a; k <= b; k += every) values.push(pow10(k));
      if (decades <= 3 && every === 1) {
        // up to three decades, with room: 2× and 5× labelled too, else the axis has 2 or 3 labels
        const more: number[] = [];
        for (let k = a - 1; k <= b; k++) {
          for (const m of [1, 2, 5]) {
            const v = k >= 0 ? m * pow10(k) : m / pow10(-k);
            if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) more.push(v);
          }
        }
        if (more.length <= n) return { values: more, labels: more.map((v) => formatShort(v)) };
      }
      return { values, labels: values.map((v) => formatShort(v)) };
    }
    if (decades === 1 || hi / lo >= 2) {
      const values: number[] = [];
      for (let k = Math.floor(Math.log10(lo)) - 1; k <= Math.ceil(Math.log10(hi)); k++) {
        for (const m of [1, 2, 5]) {
          const v = k >= 0 ? m * pow10(k) : m / pow10(-k);
          if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) values.push(v);
        }
      }
      if (values.length >= 2) return { values, labels: values.map((v) => formatShort(v)) };
    }
  }
  const step = tickStep(lo, hi, n);
  if (step === undefined) return { values: [], labels: [] };
  const i0 = Math.ceil(lo / step.value - 1e-9);
  const i1 = Math.floor(hi / step.value + 1e-9);
  const values: number[] = [];
  for (let i = i0; i <= i1; i++) values.push(stepValue(i, step));
  return { values, labels: linearLabels(values, step) };
}

/** One format for a whole linear axis: fixed decimals from the step, or exponents for all. */
function linearLabels(values: readonly number[], step: Step): string[] {
  const big = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (big >= 1e5 || (big > 0 && big < 1e-2)) return values.map((v) => (v === 0 ? '0' : formatExp(v, 12)));
  const decimals = Math.max(0, -step.e);
  return values.map((v) => {
    const s = v.toFixed(decimals);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  });
}

/** Exponent form without '+' or trailing zeros: 1e-3, 2.5e6. */
function formatExp(v: number, digits: number): string {
  const [mant, exp] = v.toExponential(digits - 1).split('e');
  const m = mant!.includes('.') ? mant!.replace(/0+$/, '').replace(/\.$/, '') : mant!;
  return `${m}e${exp!.replace('+', '')}`;
}

/**
 * A short label for a number with at most `digits` significant digits: `0.5`, `100`, `1e-3`,
 * `2.5e6`; exponents below 0.01 and from 1e5. NaN and infinities as Python prints them.
 */
export function formatShort(v: number, digits = 12): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-2) {
    return formatExp(v, digits);
  }
  return String(Number(v.toPrecision(digits)));
}

/** A data value in a legend, a bar label or a note: 4 significant digits. */
export function formatValue(v: number): string {
  return formatShort(v, 4);
}

/** A scale from a domain to a pixel (or dot) range; gaps map to NaN. */
export interface ScaleFn {
  readonly kind: Scale;
  readonly domain: Domain;
  readonly range: Domain;
  map(v: number): number;
  invert(p: number): number;
}

export function makeScale(kind: Scale, domain: Domain, range: Domain): ScaleFn {
  const log = kind === 'log';
  const f = (v: number): number => (log ? Math.log10(v) : v);
  const d0 = f(domain[0]);
  const d1 = f(domain[1]);
  const [r0, r1] = range;
  // a fraction of the span, by division: a span of a few subnormals would make a factor
  // (r1 - r0) / span infinite (and 0 · Infinity is NaN); a span past the float range is halved
  const span = d1 - d0;
  const wide = !Number.isFinite(span);
  const frac = (u: number): number =>
    span === 0 ? 0.5 : wide ? (u / 2 - d0 / 2) / (d1 / 2 - d0 / 2) : (u - d0) / span;
  return {
    kind,
    domain,
    range,
    map: (v) => (usable(v, kind) ? r0 + frac(f(v)) * (r1 - r0) : NaN),
    invert: (p) => {
      const t = r1 === r0 ? 0.5 : (p - r0) / (r1 - r0);
      const u = wide ? 2 * (d0 / 2 + t * (d1 / 2 - d0 / 2)) : d0 + t * span;
      return log ? Math.pow(10, u) : u;
    },
  };
}

/**
 * The data under a pointer: (px, py) in the SVG's units, `plot` the `data-plot` box (y grows
 * downwards), domains and scales as the root's data attributes give them. Outside the plot area
 * it returns undefined.
 */
export function invertPointer(
  px: number,
  py: number,
  plot: readonly [number, number, number, number],
  xDomain: Domain,
  yDomain: Domain,
  xScale: Scale = 'linear',
  yScale: Scale = 'linear',
): { x: number; y: number } | undefined {
  const [x, y, w, h] = plot;
  if (!(px >= x && px <= x + w && py >= y && py <= y + h)) return undefined;
  const sx = makeScale(xScale, xDomain, [x, x + w]);
  const sy = makeScale(yScale, yDomain, [y + h, y]);
  return { x: sx.invert(px), y: sy.invert(py) };
}

/** The attributes string `invertPointer` reads back, e.g. parsing `data-x-domain`. */
export function parseNumbers(attr: string): number[] {
  return attr.trim().split(/\s+/).map(Number);
}

/**
 * The part of segment (x0,y0)-(x1,y1) inside [xmin,xmax]×[ymin,ymax] (Liang–Barsky), or
 * undefined. Lets a fixed domain cut lines at the frame instead of dropping their points.
 */
export function clipSegment(
  x0: number, y0: number, x1: number, y1: number,
  xmin: number, xmax: number, ymin: number, ymax: number,
): [number, number, number, number] | undefined {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  // the four edges (left, right, bottom, top) in this order, without an array of pairs per segment
  for (let e = 0; e < 4; e++) {
    const p = e === 0 ? -dx : e === 1 ? dx : e === 2 ? -dy : dy;
    const q = e === 0 ? x0 - xmin : e === 1 ? xmax - x0 : e === 2 ? y0 - ymin : ymax - y0;
    if (p === 0) {
      if (q < 0) return undefined;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return undefined;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return undefined;
        if (r < t1) t1 = r;
      }
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}

/**
 * A mapped coordinate kept within ±1e7 (pixels or dots): a value near the float limits maps
 * to ±Infinity or to numbers whose differences overflow, and the clipping arithmetic would
 * give NaN. So far off the frame, the visible part of a segment barely moves.
 */
export function tame(p: number): number {
  return p > 1e7 ? 1e7 : p < -1e7 ? -1e7 : p;
}

/** The runs of consecutive points both of whose coordinates are usable: the pieces of a line. */
export function segments(points: Series['points'], xs: Scale, ys: Scale): (readonly [number, number])[][] {
  const out: (readonly [number, number])[][] = [];
  let cur: (readonly [number, number])[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (usable(p[0], xs) && usable(p[1], ys)) cur.push(p);
    else if (cur.length > 0) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * What a series leaves out, in words: `not finite for x >= 88.72` when the values stop being
 * finite and stay so (x increasing), `not finite for x <= …` for the mirror case, else
 * `not finite at 3 of 40 points`; values ≤ 0 on a log axis are counted apart. Undefined when
 * every point is drawn.
 */
export function gapNote(s: Series, xs: Scale, ys: Scale, what = 'points'): string | undefined {
  const pts = s.points;
  const n = pts.length;
  // one index loop for the counts (it was four array passes with a callback per point: the
  // renderers call this cold, once per series)
  let nBad = 0;
  let nOff = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const p = pts[i]!;
    if (!(Number.isFinite(p[0]) && Number.isFinite(p[1]))) {
      nBad++;
      if (first < 0) first = i;
      last = i;
    } else if (!(usable(p[0], xs) && usable(p[1], ys))) nOff++;
  }
  const parts: string[] = [];
  if (nBad > 0) {
    let increasing = true;
    let allFiniteX = true;
    for (let i = 0; i < n; i++) {
      const x = pts[i]![0];
      if (!Number.isFinite(x)) allFiniteX = false;
      if (i > 0 && x <= pts[i - 1]![0]) increasing = false;
    }
    if (nBad === n) parts.push('no finite values');
    else if (increasing && allFiniteX && nBad > 1 && last === n - 1 && nBad === n - first) {
      parts.push(`not finite for x >= ${formatValue(pts[first]![0])}`);
    } else if (increasing && allFiniteX && nBad > 1 && first === 0 && nBad === last + 1) {
      parts.push(`not finite for x <= ${formatValue(pts[last]![0])}`);
    } else parts.push(`not finite at ${nBad} of ${n} ${what}`);
  }
  if (nOff > 0) parts.push(`${nOff} of ${n} ${what} <= 0 (not shown on the log axis)`);
  return parts.length > 0 ? `${s.name}: ${parts.join('; ')}` : undefined;
}

/** The x and y values a figure's axes are fitted to: the series' points and the marks. */
export function axisValues(fig: Figure): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of fig.series) {
    const pts = s.points;
    for (let i = 0; i < pts.length; i++) {
      const x = pts[i]![0];
      const y = pts[i]![1];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  for (const m of fig.marks) {
    if (m.kind === 'vline') xs.push(m.x);
    else if (m.kind === 'hline') ys.push(m.y);
    else {
      xs.push(m.x);
      ys.push(m.y);
    }
  }
  if (fig.kind === 'heatmap' && fig.grid !== undefined) {
    xs.push(...fig.grid.x);
    ys.push(...fig.grid.y);
  }
  return { xs, ys };
}

/** A heatmap's colour normalisation: t in [0, 1] for usable values, NaN for gaps. */
export interface HeatScale {
  readonly min: number;
  readonly max: number;
  readonly scale: Scale;
  /** Cells in all, cells not finite, and finite cells the scale cannot show (≤ 0 on a log scale). */
  readonly cells: number;
  readonly bad: number;
  readonly off: number;
  t(v: number): number;
}

export function heatScale(values: readonly (readonly number[])[], scale: Scale = 'linear'): HeatScale {
  let lo = Infinity;
  let hi = -Infinity;
  let cells = 0;
  let bad = 0;
  let off = 0;
  const log = scale === 'log';
  // one index pass for the range and the counts: the renderers run this cold, once per heatmap
  for (let j = 0; j < values.length; j++) {
    const row = values[j]!;
    cells += row.length;
    for (let i = 0; i < row.length; i++) {
      const v = row[i]!;
      if (!Number.isFinite(v)) bad++;
      else if (log && !(v > 0)) off++;
      else {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  const a = log ? Math.log10(lo) : lo;
  const b = log ? Math.log10(hi) : hi;
  const empty = !(lo <= hi);
  return {
    min: lo,
    max: hi,
    scale,
    cells,
    bad,
    off,
    // usable() and the log written out: the renderers call this once per pixel, cold
    t: (v) => {
      if (empty || !(v - v === 0) || (log && !(v > 0))) return NaN;
      if (b === a) return 0.5;
      const u = ((log ? Math.log10(v) : v) - a) / (b - a);
      return u < 0 ? 0 : u > 1 ? 1 : u;
    },
  };
}
