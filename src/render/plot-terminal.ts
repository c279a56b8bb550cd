/**
 * Figures as terminal text: line charts in braille dots (2×4 per cell), heatmaps in half blocks
 * (two pixels per cell, or an ASCII density ramp without colour), bars in eighth blocks. Every
 * line is at most `width` columns; NaN and ±Infinity leave gaps and are named in a note.
 * Runs in Node and in the browser (no Node APIs).
 */
import { viridis, type RGB } from '../figure/colormap.js';
import type { Figure, Scale, Series } from '../figure/model.js';
import {
  axisValues, clipSegment, fitDomain, formatValue, gapNote, heatScale, makeScale, segments, tame, ticks,
  type Domain, type ScaleFn, type Ticks,
} from '../figure/scale.js';
import {
  BLANK, blankRow, clip, legendRows, makeStyles, marker, noteRows, put, rowText, textRow, textWidth, titleRows,
  type Cell, type PlotPaint, type Row, type Style, type Styles,
} from './plot-terminal-parts.js';
import { renderBarsTerminal } from './plot-terminal-bars.js';

export type { PlotPaint } from './plot-terminal-parts.js';
export { MARKERS } from './plot-terminal-parts.js';

export interface TerminalPlotOptions {
  /** Columns; every line fits in them (at least 20 are used). */
  readonly width: number;
  /** Rows of the plot area; by default about a quarter of the width, 8 to 22. */
  readonly height?: number;
  /** Colours; absent or null draws without colour. */
  readonly paint?: PlotPaint | null;
}

export function renderFigureTerminal(fig: Figure, opts: TerminalPlotOptions): string {
  const width = Math.max(20, Math.floor(Number.isFinite(opts.width) ? opts.width : 80));
  const styles = makeStyles(opts.paint);
  const rows = fig.kind === 'bars' ? renderBarsTerminal(fig, width, styles) : renderXY(fig, width, opts.height, styles);
  return rows.map(rowText).join('\n') + '\n';
}

/** Heatmap values without colour, low to high, one pixel per cell. */
export const RAMP = ' .:-=+*#%@';
/** A heatmap cell without a value (non-finite, or ≤ 0 on a log colour scale), without colour. */
export const RAMP_GAP = '?';
/** The ramp's cells, shared (cells are immutable) rather than one object per heatmap cell. */
const RAMP_CELLS: readonly Cell[] = Array.from(RAMP, (ch) => ({ ch, key: '' }));
const RAMP_GAP_CELL: Cell = { ch: RAMP_GAP, key: '' };
const MARKER_EVERY = 8;
const BRAILLE_BITS = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]] as const;
/** BRAILLE_BITS flat: the bit of dot (dx & 1, dy & 3) at ((dx & 1) << 2) | (dy & 3). */
const DOT_BITS = Uint8Array.from(BRAILLE_BITS.flat());

/** Ticks whose positions all differ (in `pos` units) and, when labelled across, do not overlap. */
function fitTicks(
  domain: Domain, scale: Scale, count: number, fits: (t: Ticks) => boolean,
): Ticks {
  for (let n = count; n >= 1; n--) {
    const t = ticks(domain, scale, n);
    if (fits(t)) return t;
  }
  const t = ticks(domain, scale, 1);
  // still too many (a log axis over few decades): keep every other label, ends first
  const keep = t.values.map((_, i) => i % 2 === 0);
  return { values: t.values.filter((_, i) => keep[i]), labels: t.labels.filter((_, i) => keep[i]) };
}

function axisTitle(label: string, scale: Scale | undefined): string {
  return scale === 'log' ? (label === '' ? '(log)' : `${label} (log)`) : label;
}

/** Line charts and heatmaps: a braille canvas over an optional heatmap layer, with both axes. */
function renderXY(fig: Figure, width: number, heightOpt: number | undefined, styles: Styles): Row[] {
  const H = Number.isFinite(heightOpt) ? Math.max(2, Math.floor(heightOpt!)) : Math.min(22, Math.max(8, Math.round(width / 4)));
  const xKind: Scale = fig.x.scale ?? 'linear';
  const yKind: Scale = fig.y.scale ?? 'linear';
  const grid = fig.kind === 'heatmap' ? fig.grid : undefined;
  const { xs, ys } = axisValues(fig);
  // decades need less room than 1-2-5 labels: one every other row
  const yCount = Math.max(2, Math.floor(H / (yKind === 'log' ? 2 : 3)));
  const ydom = fitDomain(ys, yKind, fig.y.domain, { nice: grid === undefined, ticks: yCount });
  const yDots = makeScale(yKind, ydom, [4 * H - 1, 0]);
  const yTicks = fitTicks(ydom, yKind, yCount, (t) => {
    const rows = t.values.map((v) => Math.floor(Math.round(yDots.map(v)) / 4));
    return new Set(rows).size === rows.length;
  });
  const L = Math.max(1, ...yTicks.labels.map(textWidth));
  const P0 = L + 2;
  const W = Math.max(4, width - P0 - 1);
  const xdom = fitDomain(xs, xKind, fig.x.domain);
  const xDots = makeScale(xKind, xdom, [0, 2 * W - 1]);
  const xCol = (v: number): number => P0 + Math.floor(Math.round(xDots.map(v)) / 2);
  const xLabelStarts = (t: Ticks): number[] =>
    t.values.map((v, i) => Math.min(width - textWidth(t.labels[i]!), Math.max(0, xCol(v) - Math.floor(textWidth(t.labels[i]!) / 2))));
  const xTicks = fitTicks(xdom, xKind, Math.max(2, Math.floor(W / 10)), (t) => {
    const starts = xLabelStarts(t);
    return starts.every((s, i) => i === 0 || s >= starts[i - 1]! + textWidth(t.labels[i - 1]!) + 2);
  });

  const canvas = new Canvas(W, H);
  const notes: string[] = [];
  let drawn = 0;
  let wanted = 0;

  const hs = grid !== undefined ? heatScale(grid.values, grid.scale ?? 'linear') : undefined;
  /** Whether a heatmap cell is drawn as a gap (the ramp's legend then names it). */
  let gaps = false;
  if (grid !== undefined && hs !== undefined) {
    const pxRows = styles.color ? 2 * H : H;
    const cols = nearestIndex(grid.x, makeScale(xKind, xdom, [0, W - 1]), W);
    const rws = nearestIndex(grid.y, makeScale(yKind, ydom, [pxRows - 1, 0]), pxRows);
    // one cell at a time, without closures per cell: this loop runs cold (once per figure)
    const values = grid.values;
    const t = hs.t;
    for (let r = 0; r < H; r++) {
      if (styles.color) {
        const ju = rws[2 * r]!;
        const jl = rws[2 * r + 1]!;
        const upper = ju >= 0 ? values[ju] : undefined;
        const lower = jl >= 0 ? values[jl] : undefined;
        for (let c = 0; c < W; c++) {
          const i = cols[c]!;
          const up = upper !== undefined && i >= 0 ? viridis(t(upper[i] ?? NaN)) ?? null : null;
          const lo = lower !== undefined && i >= 0 ? viridis(t(lower[i] ?? NaN)) ?? null : null;
          canvas.heat[r * W + c] = up !== null ? styles.heat(up, lo, '▀') : lo !== null ? styles.heat(lo, null, '▄') : undefined;
          const bg = up !== null && lo !== null ? mix(up, lo) : up ?? lo;
          if (bg !== null) canvas.heatBg[r * W + c] = bg;
        }
      } else {
        const j = rws[r]!;
        const row = j >= 0 ? values[j] : undefined;
        if (row === undefined) continue;
        for (let c = 0; c < W; c++) {
          const i = cols[c]!;
          if (i < 0) continue;
          const v = t(row[i] ?? NaN);
          if (Number.isNaN(v)) {
            canvas.heat[r * W + c] = RAMP_GAP_CELL;
            gaps = true;
          } else canvas.heat[r * W + c] = RAMP_CELLS[Math.round(v * (RAMP.length - 1))]!;
        }
      }
    }
    const { cells, bad, off } = hs;
    wanted += cells;
    drawn += cells - bad - off;
    if (bad > 0) notes.push(`${grid.label}: not finite at ${bad} of ${cells} cells`);
    if (off > 0) notes.push(`${grid.label}: ${off} of ${cells} cells <= 0 (no colour on the log scale)`);
  }

  drawMarks(fig, canvas, xDots, yDots);
  fig.series.forEach((s, i) => {
    wanted += s.points.length;
    drawn += drawSeries(s, i, canvas, xDots, yDots, xKind, yKind, styles);
    const note = gapNote(s, xKind, yKind);
    if (note !== undefined) notes.push(note);
  });
  labelMarks(fig, canvas, xDots, yDots, styles);
  if (drawn === 0) canvas.message(wanted === 0 ? 'no data' : 'no finite data', styles.dim);
  if (fig.note !== undefined && fig.note !== '') notes.push(fig.note);

  const out: Row[] = [...titleRows(fig, width, styles)];
  const items = fig.series.map((s, i) => ({ glyph: seriesGlyph(s, i, styles), name: s.name }));
  if (grid !== undefined && hs !== undefined) out.push(...heatLegend(grid.label, hs, width, styles, gaps));
  out.push(...legendRows(items, width));
  if (fig.y.label !== '' || yKind === 'log') out.push(leftRow(width, axisTitle(fig.y.label, yKind)));

  const tickRow = new Map<number, string>();
  yTicks.values.forEach((v, k) => tickRow.set(Math.floor(Math.round(yDots.map(v)) / 4), yTicks.labels[k]!));
  for (let r = 0; r < H; r++) {
    const row = blankRow(width);
    const label = tickRow.get(r);
    if (label !== undefined) put(row, L - textWidth(label), label);
    put(row, L + 1, label !== undefined ? '┤' : '│', styles.dim);
    // most cells are empty: their answer (cell's last line) without a method call per cell, which
    // this loop, run once per figure, pays for in interpreted code
    const { glyph, dots, markCh, heat } = canvas;
    for (let c = 0, k = r * W; c < W; c++, k++) {
      row[P0 + c] = glyph[k] === undefined && dots[k] === 0 && markCh[k] === undefined ? heat[k] ?? BLANK : canvas.cell(r, c, styles);
    }
    out.push(row);
  }
  const axis = blankRow(width);
  put(axis, L + 1, '└' + '─'.repeat(W), styles.dim);
  for (const v of xTicks.values) put(axis, xCol(v), '┬', styles.dim);
  out.push(axis);
  const labels = blankRow(width);
  xLabelStarts(xTicks).forEach((s, i) => put(labels, s, xTicks.labels[i]!));
  out.push(labels);
  if (fig.x.label !== '' || xKind === 'log') out.push(textRow(width, axisTitle(fig.x.label, xKind), undefined, P0, P0 + W));
  out.push(...noteRows(notes, width, styles));
  return out;
}

function leftRow(width: number, text: string): Row {
  const row = blankRow(width);
  put(row, 0, clip(text, width));
  return row;
}

function mix(a: RGB, b: RGB): RGB {
  return [Math.round((a[0] + b[0]) / 2), Math.round((a[1] + b[1]) / 2), Math.round((a[2] + b[2]) / 2)];
}

/**
 * For each of `n` pixels, the index of the grid coordinate nearest its centre, or -1 beyond
 * the grid's outer cells (a fixed domain wider than the grid).
 */
function nearestIndex(coords: readonly number[], px: ScaleFn, n: number): Int32Array {
  const pos = coords.map((v) => px.map(v));
  const out = new Int32Array(n).fill(-1);
  const ok = pos.map((p) => Number.isFinite(p));
  const sorted = pos.map((p, i) => [p, i] as const).filter(([, i]) => ok[i]).sort((a, b) => a[0] - b[0]);
  if (sorted.length === 0) return out;
  const first = sorted[0]![0];
  const last = sorted[sorted.length - 1]![0];
  // one coordinate: its cell is the whole (widened) domain
  const h0 = sorted.length > 1 ? (sorted[1]![0] - first) / 2 : Infinity;
  const h1 = sorted.length > 1 ? (last - sorted[sorted.length - 2]![0]) / 2 : Infinity;
  let k = 0;
  for (let p = 0; p < n; p++) {
    if (p < first - Math.max(h0, 0.5) || p > last + Math.max(h1, 0.5)) continue;
    while (k + 1 < sorted.length && Math.abs(sorted[k + 1]![0] - p) <= Math.abs(sorted[k]![0] - p)) k++;
    out[p] = sorted[k]![1];
  }
  return out;
}

/** The braille canvas, its per-cell glyphs (markers, labels), reference-line chars and heat. */
class Canvas {
  readonly dots: Uint8Array;
  readonly owner: Int16Array;
  readonly glyph: (Cell | undefined)[];
  readonly markCh: (string | undefined)[];
  readonly heat: (Cell | undefined)[];
  /** The heat colour under each cell (colour on), for what is drawn over it. */
  readonly heatBg: (RGB | undefined)[];
  /** Which series a glyph belongs to; -1 for labels and marks. */
  readonly glyphOwner: Int16Array;
  private readonly braille = new Map<Style, (Cell | undefined)[]>();

  constructor(readonly W: number, readonly H: number) {
    this.dots = new Uint8Array(W * H);
    this.owner = new Int16Array(W * H).fill(-1);
    this.glyph = new Array<Cell | undefined>(W * H);
    this.markCh = new Array<string | undefined>(W * H);
    this.heat = new Array<Cell | undefined>(W * H);
    this.heatBg = new Array<RGB | undefined>(W * H);
    this.glyphOwner = new Int16Array(W * H).fill(-1);
  }

  busy(k: number): boolean {
    return this.dots[k] !== 0 || this.glyph[k] !== undefined;
  }

  message(text: string, style: Style): void {
    const t = clip(text, this.W);
    const r = Math.floor((this.H - 1) / 2);
    const c0 = Math.floor((this.W - textWidth(t)) / 2);
    Array.from(t).forEach((ch, k) => {
      this.glyph[r * this.W + c0 + k] = { ...style, ch };
      this.glyphOwner[r * this.W + c0 + k] = -1;
    });
  }

  cell(r: number, c: number, styles: Styles): Cell {
    const k = r * this.W + c;
    const g = this.glyph[k];
    const bg = this.heatBg[k];
    if (g !== undefined) {
      if (bg === undefined) return g;
      const i = this.glyphOwner[k]!;
      return { ...(i >= 0 ? styles.over(i, bg) : styles.onHeat(bg)), ch: g.ch };
    }
    if (this.dots[k] !== 0) {
      const i = this.owner[k]!;
      if (bg !== undefined) return { ...styles.over(i, bg), ch: String.fromCharCode(0x2800 + this.dots[k]!) };
      return this.brailleCell(styles.series(i), this.dots[k]!);
    }
    const m = this.markCh[k];
    if (m !== undefined) return { ...(bg === undefined ? styles.dim : styles.onHeat(bg)), ch: m };
    return this.heat[k] ?? BLANK;
  }

  /** Braille cells are immutable: one per (style, pattern), instead of a new object per cell drawn. */
  private brailleCell(style: Style, bits: number): Cell {
    let cells = this.braille.get(style);
    if (cells === undefined) {
      cells = new Array<Cell | undefined>(256);
      this.braille.set(style, cells);
    }
    return (cells[bits] ??= { ...style, ch: String.fromCharCode(0x2800 + bits) });
  }
}

/** Draws one series; returns how many of its points are drawn (inside the domain). */
function drawSeries(
  s: Series, i: number, cv: Canvas, xd: ScaleFn, yd: ScaleFn, xKind: Scale, yKind: Scale, styles: Styles,
): number {
  const maxX = 2 * cv.W - 0.5;
  const maxY = 4 * cv.H - 0.5;
  const { dots, owner, W } = cv;
  const dotsW = 2 * cv.W;
  const dotsH = 4 * cv.H;
  const style = styles.series(i);
  const mark = { ...style, ch: marker(i) };
  let drawn = 0;
  const visited: number[] = [];
  const inside = (X: number, Y: number): boolean => X >= -0.5 && X <= maxX && Y >= -0.5 && Y <= maxY;
  for (const run of segments(s.points, xKind, yKind)) {
    // plain indexed loops over typed arrays: this runs once per figure, mostly before V8 has
    // optimised it, where tuples and iterator destructuring cost an allocation or call each
    const m = run.length;
    const PX = new Float64Array(m);
    const PY = new Float64Array(m);
    for (let p = 0; p < m; p++) {
      const pt = run[p]!;
      PX[p] = tame(xd.map(pt[0]));
      PY[p] = tame(yd.map(pt[1]));
      if (inside(PX[p]!, PY[p]!)) drawn++;
    }
    if (s.style === 'points' || m === 1) {
      for (let p = 0; p < m; p++) {
        const X = PX[p]!;
        const Y = PY[p]!;
        if (!inside(X, Y)) continue;
        const k = Math.floor(Math.round(Y) / 4) * cv.W + Math.floor(Math.round(X) / 2);
        cv.glyph[k] = mark;
        cv.glyphOwner[k] = i;
      }
      continue;
    }
    for (let p = 1; p < m; p++) {
      const seg = clipSegment(PX[p - 1]!, PY[p - 1]!, PX[p]!, PY[p]!, -0.5, maxX, -0.5, maxY);
      if (seg === undefined) continue;
      const x0 = seg[0];
      const y0 = seg[1];
      const x1 = seg[2];
      const y1 = seg[3];
      const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
      // Canvas.dot inlined: this loop runs for every dot of every line
      const dx = x1 - x0;
      const dy = y1 - y0;
      for (let q = 0; q <= n; q++) {
        const X = Math.round(x0 + (dx * q) / n);
        const Y = Math.round(y0 + (dy * q) / n);
        if (X < 0 || Y < 0 || X >= dotsW || Y >= dotsH) continue;
        const k = (Y >> 2) * W + (X >> 1);
        dots[k] |= DOT_BITS[((X & 1) << 2) | (Y & 3)]!;
        owner[k] = i;
        if (visited[visited.length - 1] !== k) visited.push(k);
      }
    }
  }
  if (i > 0 && s.style !== 'points') {
    // a marker every few columns tells the lines apart without colour (offset per series)
    const done = new Set<number>();
    for (const k of visited) {
      const c = k % cv.W;
      if ((c + 3 * i) % MARKER_EVERY === 0 && !done.has(c)) {
        done.add(c);
        cv.glyph[k] = mark;
        cv.glyphOwner[k] = i;
      }
    }
  }
  return drawn;
}

function drawMarks(fig: Figure, cv: Canvas, xd: ScaleFn, yd: ScaleFn): void {
  for (const m of fig.marks) {
    if (m.kind === 'vline') {
      const X = Math.round(xd.map(m.x));
      if (!(X >= 0 && X < 2 * cv.W)) continue;
      for (let r = 0; r < cv.H; r++) cv.markCh[r * cv.W + (X >> 1)] = '┊';
    } else if (m.kind === 'hline') {
      const Y = Math.round(yd.map(m.y));
      if (!(Y >= 0 && Y < 4 * cv.H)) continue;
      for (let c = 0; c < cv.W; c++) cv.markCh[(Y >> 2) * cv.W + c] = '┈';
    }
  }
}

/** How many of the n cells from (r, c0) are already drawn on. */
function cost(cv: Canvas, r: number, c0: number, n: number): number {
  let k = 0;
  for (let j = 0; j < n; j++) if (c0 + j >= 0 && c0 + j < cv.W && cv.busy(r * cv.W + c0 + j)) k++;
  return k;
}

/** Labels (and point marks) go on top, where they cover the fewest drawn cells. */
function labelMarks(fig: Figure, cv: Canvas, xd: ScaleFn, yd: ScaleFn, styles: Styles): void {
  const place = (r: number, candidates: number[], text: string): void => {
    const t = clip(text, cv.W);
    const n = textWidth(t);
    let best: number | undefined;
    let bestCost = Infinity;
    for (const c0 of candidates) {
      if (c0 < 0 || c0 + n > cv.W) continue;
      const k = cost(cv, r, c0, n);
      if (k < bestCost) {
        best = c0;
        bestCost = k;
      }
    }
    if (best === undefined) best = Math.max(0, Math.min(cv.W - n, candidates[0] ?? 0));
    Array.from(t).forEach((ch, k) => {
      cv.glyph[r * cv.W + best! + k] = { key: '', ch };
      cv.glyphOwner[r * cv.W + best! + k] = -1;
    });
  };
  for (const m of fig.marks) {
    if (m.kind === 'vline') {
      const X = Math.round(xd.map(m.x));
      if (!(X >= 0 && X < 2 * cv.W) || m.label === '') continue;
      const c = X >> 1;
      const n = textWidth(clip(m.label, cv.W));
      // the top row, right of the line, else left of it, else lower down: the first clear spot
      const spots: [number, number][] = [];
      for (let r = 0; r < Math.min(3, cv.H); r++) spots.push([r, c + 1], [r, c - n]);
      const clear = spots.find(([r, c0]) => c0 >= 0 && c0 + n <= cv.W && cost(cv, r, c0, n) === 0);
      if (clear !== undefined) place(clear[0], [clear[1]], m.label);
      else place(0, [c + 1, c - n], m.label);
    } else if (m.kind === 'hline') {
      const Y = Math.round(yd.map(m.y));
      if (!(Y >= 0 && Y < 4 * cv.H) || m.label === '') continue;
      const n = textWidth(clip(m.label, cv.W));
      const r = Y >> 2;
      const rows = [r, r - 1, r + 1].filter((q) => q >= 0 && q < cv.H);
      const bestRow = rows.reduce((a, q) => (cost(cv, q, cv.W - n, n) < cost(cv, a, cv.W - n, n) ? q : a), r);
      place(bestRow, [cv.W - n, 0], m.label);
    } else {
      const X = Math.round(xd.map(m.x));
      const Y = Math.round(yd.map(m.y));
      if (!(X >= 0 && X < 2 * cv.W && Y >= 0 && Y < 4 * cv.H)) continue;
      const r = Y >> 2;
      const c = X >> 1;
      cv.glyph[r * cv.W + c] = { ...styles.title, ch: '●' };
      cv.glyphOwner[r * cv.W + c] = -1;
      if (m.label !== '') {
        const n = textWidth(clip(m.label, cv.W));
        place(r, [c + 2, c - 1 - n], m.label);
      }
    }
  }
}

/** The legend glyph: a braille stroke for lines (with the marker for i ≥ 1), the marker for points. */
function seriesGlyph(s: Series, i: number, styles: Styles): Cell[] {
  const st = styles.series(i);
  const text = s.style === 'points' ? marker(i) : i === 0 ? '⠒⠒⠒' : `⠒${marker(i)}⠒`;
  return Array.from(text).map((ch) => ({ ...st, ch }));
}

/** The colour scale: a gradient between its min and max, or the ASCII ramp it uses without colour. */
function heatLegend(label: string, hs: ReturnType<typeof heatScale>, width: number, styles: Styles, gaps: boolean): Row[] {
  const row = blankRow(width);
  const log = hs.scale === 'log' ? ' (log)' : '';
  const lo = Number.isFinite(hs.min) ? formatValue(hs.min) : 'nan';
  const hi = Number.isFinite(hs.max) ? formatValue(hs.max) : 'nan';
  const name = clip(label, Math.max(4, Math.floor(width / 3)));
  let col = 0;
  put(row, col, name);
  col += textWidth(name) + 2;
  put(row, col, lo);
  col += lo.length + 1;
  if (styles.color) {
    const n = Math.max(8, Math.min(32, width - col - hi.length - log.length - 2));
    for (let k = 0; k < n; k++) {
      const c = viridis(n === 1 ? 0.5 : k / (n - 1))!;
      row[col + k] = styles.heat(c, c, '▀');
    }
    col += n + 1;
    put(row, col, hi + log);
    return [row];
  }
  put(row, col, `[${RAMP}]`);
  col += RAMP.length + 3;
  put(row, col, hi + log + (gaps ? `   ${RAMP_GAP} no value` : ''));
  return [row];
}
