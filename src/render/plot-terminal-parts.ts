/**
 * The terminal plots' parts: character cells, styles, title, legend and note rows. A row is an
 * array of one-column cells, each with the colour it is painted in, so a line's width is known
 * before any escape code is added and runs of one colour are painted in one call.
 */
import type { RGB } from '../figure/colormap.js';
import type { Figure } from '../figure/model.js';

/**
 * Colours for the terminal plots, given by the caller (the CLI with chalk, tests with a fake);
 * no paint means no colour. Each function gets the text of a run of cells and returns it
 * painted; the renderer never decides whether colour is on. With chalk (which downsamples
 * truecolor to 256 or 16 colours by its level), e.g.:
 *
 *     series: (i, s) => chalk.hex(PALETTE[i % PALETTE.length])(s),
 *     heat: (fg, bg, s) => { let c = chalk; if (fg) c = c.rgb(...fg); if (bg) c = c.bgRgb(...bg); return c(s); },
 *     dim: (s) => chalk.dim(s),
 *     title: (s) => chalk.bold(s),
 *     over: (i, bg, s) => chalk.hex('#ffffff').bgRgb(...bg)(s),
 */
export interface PlotPaint {
  /** Series i's colour (its line, markers, legend glyph, bars). */
  series(i: number, s: string): string;
  /** A heatmap cell: `fg` colours the glyph (the upper half of `▀`), `bg` the cell's background. */
  heat(fg: RGB | null, bg: RGB | null, ch: string): string;
  /** Frame, ticks, reference lines, notes. */
  dim(s: string): string;
  title(s: string): string;
  /**
   * Series i drawn over a heatmap cell of colour `bg` (its path in braille). Optional: without
   * it the series is painted as elsewhere, on the terminal's background.
   */
  over?(i: number, bg: RGB, s: string): string;
}

export interface Cell {
  readonly ch: string;
  /** Cells with the same key are painted together; '' is unpainted. */
  readonly key: string;
  readonly paint?: (s: string) => string;
}

export const BLANK: Cell = { ch: ' ', key: '' };

export type Row = Cell[];

export function blankRow(width: number): Row {
  // fill, not Array.from with a callback: one call per row instead of one per cell (cold code
  // pays for every call it interprets)
  return new Array<Cell>(width).fill(BLANK);
}

/** Code points, so a surrogate pair is never split (labels are untrusted text). */
export function chars(s: string): string[] {
  const t = CONTROL.test(s) ? s.replace(CONTROL_ALL, ' ') : s;
  // without surrogates every UTF-16 unit is one code point: split is far cheaper than the iterator
  return SURROGATE.test(t) ? Array.from(t) : t.split('');
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;
const SURROGATE = /[\ud800-\udfff]/;

/** `s` cut to `n` columns, ending in '…' when cut. */
export function clip(s: string, n: number): string {
  const c = chars(s);
  if (c.length <= n) return c.join('');
  if (n <= 0) return '';
  return c.slice(0, n - 1).join('') + '…';
}

export function textWidth(s: string): number {
  return chars(s).length;
}

export interface Style {
  readonly key: string;
  readonly paint?: (s: string) => string;
}

export const PLAIN_STYLE: Style = { key: '' };

/** Writes text into a row from column `col`, dropping what falls outside it. */
export function put(row: Row, col: number, text: string, style: Style = PLAIN_STYLE): void {
  const c = chars(text);
  for (let k = 0; k < c.length; k++) {
    const j = col + k;
    if (j < 0 || j >= row.length) continue;
    row[j] = style.paint === undefined ? { ch: c[k]!, key: style.key } : { ch: c[k]!, key: style.key, paint: style.paint };
  }
}

/** A row of text, or text centred over columns [from, to). */
export function textRow(width: number, text: string, style: Style = PLAIN_STYLE, from = 0, to = width): Row {
  const row = blankRow(width);
  const t = clip(text, to - from);
  const start = from + Math.max(0, Math.floor((to - from - textWidth(t)) / 2));
  put(row, start, t, style);
  return row;
}

/** Words wrapped to `width` columns (a word longer than a line is cut). */
export function wrap(text: string, width: number, indent = '  '): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur === '' ? w : `${cur} ${w}`;
    if (textWidth(next) <= width || cur === '') cur = next;
    else {
      lines.push(cur);
      cur = indent + w;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines.map((l) => clip(l, width));
}

/** The row as text: trailing blank cells dropped, each run of one key painted once. */
export function rowText(row: Row): string {
  let end = row.length;
  while (end > 0 && row[end - 1]!.key === '' && row[end - 1]!.ch === ' ') end--;
  let out = '';
  let i = 0;
  while (i < end) {
    const key = row[i]!.key;
    let j = i;
    let run = '';
    while (j < end && row[j]!.key === key) run += row[j++]!.ch;
    const paint = row[i]!.paint;
    out += paint === undefined ? run : paint(run);
    i = j;
  }
  return out;
}

/** Series i's marker: its points, its legend glyph, and every few cells along its line (i ≥ 1). */
export const MARKERS = ['•', 'x', 'o', '◆', '△', '□', '▽', '◇'] as const;

/** The paint of each kind of cell; without paint every key is '' (nothing painted). */
export interface Styles {
  readonly color: boolean;
  series(i: number): Style;
  readonly dim: Style;
  readonly title: Style;
  heat(fg: RGB | null, bg: RGB | null, ch: string): Cell;
  /** Series i over a heatmap cell of colour bg. */
  over(i: number, bg: RGB): Style;
  /** Labels and marks over a heatmap cell: black or white, whichever reads better on bg. */
  onHeat(bg: RGB): Style;
}

export function makeStyles(paint: PlotPaint | null | undefined): Styles {
  if (paint == null) {
    // one style object for everything, so per-style caches (the canvas's braille cells) hit
    return {
      color: false,
      series: () => PLAIN_STYLE,
      dim: PLAIN_STYLE,
      title: PLAIN_STYLE,
      heat: (_fg, _bg, ch) => ({ ch, key: '' }),
      over: () => PLAIN_STYLE,
      onHeat: () => PLAIN_STYLE,
    };
  }
  const series = new Map<number, Style>();
  return {
    color: true,
    series: (i) => {
      let s = series.get(i);
      if (s === undefined) {
        s = { key: `s${i}`, paint: (t) => paint.series(i, t) };
        series.set(i, s);
      }
      return s;
    },
    dim: { key: 'dim', paint: (t) => paint.dim(t) },
    title: { key: 'title', paint: (t) => paint.title(t) },
    heat: (fg, bg, ch) =>
      fg === null && bg === null
        ? { ch, key: '' }
        : { ch, key: `h${fg?.join(',')}/${bg?.join(',')}`, paint: (t) => paint.heat(fg, bg, t) },
    over: (i, bg) =>
      paint.over === undefined
        ? { key: `s${i}`, paint: (t) => paint.series(i, t) }
        : { key: `o${i}/${bg.join(',')}`, paint: (t) => paint.over!(i, bg, t) },
    onHeat: (bg) => {
      // WCAG relative luminance of sRGB, roughly: dark text on the light end of the map
      const ink: RGB = 0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2] > 140 ? [0, 0, 0] : [255, 255, 255];
      return { key: `h${ink.join(',')}/${bg.join(',')}`, paint: (t) => paint.heat(ink, bg, t) };
    },
  };
}

export function marker(i: number): string {
  return MARKERS[i % MARKERS.length]!;
}

/** The title row, centred. */
export function titleRows(fig: Figure, width: number, styles: Styles): Row[] {
  return fig.title === '' ? [] : [textRow(width, fig.title, styles.title)];
}

/** Legend items (glyph + name) packed into rows of `width`. */
export function legendRows(items: readonly { glyph: Cell[]; name: string }[], width: number): Row[] {
  const rows: Row[] = [];
  let row = blankRow(width);
  let col = 0;
  for (const it of items) {
    const name = clip(it.name, Math.max(4, width - it.glyph.length - 1));
    const w = it.glyph.length + 1 + textWidth(name);
    if (col > 0 && col + 3 + w > width) {
      rows.push(row);
      row = blankRow(width);
      col = 0;
    }
    if (col > 0) col += 3;
    it.glyph.forEach((c, k) => {
      if (col + k < width) row[col + k] = c;
    });
    put(row, col + it.glyph.length + 1, name);
    col += w;
  }
  if (col > 0) rows.push(row);
  return rows;
}

/** Notes (the figure's own and the gaps') wrapped to the width, dimmed. */
export function noteRows(notes: readonly string[], width: number, styles: Styles): Row[] {
  return notes.flatMap((n) => wrap(n, width)).map((line) => {
    const row = blankRow(width);
    put(row, 0, line, styles.dim);
    return row;
  });
}

