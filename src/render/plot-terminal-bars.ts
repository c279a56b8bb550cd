/**
 * Bar figures in the terminal: one row per category (per series when there are several, grouped
 * under the category's name), horizontal bars in eighth blocks with the value at their end, and
 * the value axis below.
 */
import { barValue, categoryNames } from '../figure/categories.js';
import type { Figure, Scale } from '../figure/model.js';
import { fitDomain, formatValue, makeScale, ticks, usable, type Ticks } from '../figure/scale.js';
import {
  blankRow, clip, legendRows, noteRows, put, textRow, textWidth, titleRows, type Row, type Styles,
} from './plot-terminal-parts.js';

/** Left-aligned partial cells, 1/8 to 7/8 (a whole cell is '█'). */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;

export function renderBarsTerminal(fig: Figure, width: number, styles: Styles): Row[] {
  const kind: Scale = fig.y.scale ?? 'linear';
  const cats = categoryNames(fig);
  const multi = fig.series.length > 1;
  const values = fig.series.flatMap((s) => s.points.map((p) => p[1]));
  for (const m of fig.marks) if (m.kind === 'hline') values.push(m.y);
  const domain = fitDomain(values, kind, fig.y.domain, { nice: true, include: kind === 'linear' ? [0] : [], ticks: 5 });
  const labels = fig.series.map((s) => cats.map((_, c) => {
    const v = barValue(s, c);
    return v === undefined ? '' : formatValue(v);
  }));
  const NL = Math.min(Math.max(1, ...cats.map(textWidth)), Math.max(6, Math.floor(width / 4)));
  const SL = multi ? Math.min(Math.max(...fig.series.map((s) => textWidth(s.name))), Math.max(4, Math.floor(width / 8))) : 0;
  const VL = Math.max(1, ...labels.flat().map((l) => l.length));
  const A = NL + 1 + (multi ? SL + 1 : 0);
  const W = Math.max(4, width - A - 1 - 1 - VL);
  const scale = makeScale(kind, domain, [0, 8 * W]);
  // bars start at 0 on a linear axis (clamped to the frame), at the frame's left on a log axis
  const base = kind === 'log' ? 0 : Math.min(8 * W, Math.max(0, scale.map(0)));
  const baseCell = Math.round(base / 8);

  const out: Row[] = [...titleRows(fig, width, styles)];
  if (multi) {
    out.push(...legendRows(fig.series.map((s, i) => ({ glyph: Array.from('██').map((ch) => ({ ...styles.series(i), ch })), name: s.name })), width));
  }
  if (fig.x.label !== '') {
    const row = blankRow(width);
    put(row, 0, clip(fig.x.label, width));
    out.push(row);
  }
  const notes: string[] = [];
  const refs = fig.marks.flatMap((m) => (m.kind === 'hline' && usable(m.y, kind) ? [{ col: Math.min(W - 1, Math.floor(scale.map(m.y) / 8)), label: m.label }] : []));
  if (refs.length > 0) {
    const row = blankRow(width);
    for (const r of refs) put(row, A + 1 + r.col, r.label === '' ? '┊' : clip(`┊${r.label}`, width - A - 1 - r.col), styles.dim);
    out.push(row);
  }
  cats.forEach((name, c) => {
    if (multi && c > 0) out.push(axisOnly(width, A, W, refs, styles));
    fig.series.forEach((s, i) => {
      const v = barValue(s, c);
      if (!multi && v === undefined) return;
      const row = blankRow(width);
      if (i === 0 || !multi) put(row, 0, clip(name, NL));
      if (multi) put(row, NL + 1, clip(s.name, SL), styles.series(i));
      put(row, A, '│', styles.dim);
      for (const r of refs) put(row, A + 1 + r.col, '┊', styles.dim);
      let end = baseCell;
      if (v !== undefined && usable(v, kind)) {
        const p = Math.min(8 * W, Math.max(0, scale.map(v)));
        const bar = p >= base ? positive(Math.round(p) - baseCell * 8) : negative(baseCell * 8 - Math.round(p));
        const start = p >= base ? baseCell : baseCell - Array.from(bar).length;
        put(row, A + 1 + start, bar, styles.series(i));
        end = p >= base ? baseCell + Array.from(bar).length : baseCell;
      }
      if (v !== undefined) put(row, A + 1 + end + 1, labels[i]![c]!);
      out.push(row);
    });
  });
  fig.series.forEach((s) => {
    const bad = cats.flatMap((name, c) => {
      const v = barValue(s, c);
      return v !== undefined && !usable(v, kind) ? [name] : [];
    });
    if (bad.length > 0) {
      const why = bad.length === 1 ? 'no bar for' : 'no bars for';
      notes.push(`${s.name}: ${why} ${bad.join(', ')} (${kind === 'log' ? 'not finite or <= 0' : 'not finite'})`);
    }
  });
  if (cats.length === 0 || fig.series.every((s) => s.points.length === 0)) notes.push('no data');

  const axis = blankRow(width);
  put(axis, A, '└' + '─'.repeat(W), styles.dim);
  const t = axisTicks(domain, kind, W, A, width, scale);
  for (const v of t.values) put(axis, A + 1 + Math.min(W - 1, Math.floor(scale.map(v) / 8)), '┬', styles.dim);
  out.push(axis);
  const tl = blankRow(width);
  t.values.forEach((v, k) => put(tl, labelStart(v, t.labels[k]!, A, W, width, scale), t.labels[k]!));
  out.push(tl);
  if (fig.y.label !== '' || kind === 'log') {
    out.push(textRow(width, kind === 'log' ? `${fig.y.label} (log)`.trim() : fig.y.label, undefined, A + 1, A + 1 + W));
  }
  if (fig.note !== undefined && fig.note !== '') notes.push(fig.note);
  out.push(...noteRows(notes, width, styles));
  return out;
}

function positive(eighths: number): string {
  if (eighths <= 0) return '';
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Leftward bars: whole cells, then a right half or right eighth (the only right-aligned blocks). */
function negative(eighths: number): string {
  if (eighths <= 0) return '';
  const r = eighths % 8;
  const part = r >= 6 ? '█' : r >= 3 ? '▐' : r >= 1 ? '▕' : '';
  return part + '█'.repeat(Math.floor(eighths / 8));
}

function axisOnly(width: number, A: number, W: number, refs: readonly { col: number }[], styles: Styles): Row {
  const row = blankRow(width);
  put(row, A, '│', styles.dim);
  for (const r of refs) if (r.col < W) put(row, A + 1 + r.col, '┊', styles.dim);
  return row;
}

function labelStart(v: number, label: string, A: number, W: number, width: number, scale: ReturnType<typeof makeScale>): number {
  const col = A + 1 + Math.min(W - 1, Math.floor(scale.map(v) / 8));
  return Math.max(0, Math.min(width - label.length, col - Math.floor(label.length / 2)));
}

function axisTicks(domain: readonly [number, number], kind: Scale, W: number, A: number, width: number, scale: ReturnType<typeof makeScale>): Ticks {
  for (let n = Math.max(2, Math.floor(W / 10)); n >= 1; n--) {
    const t = ticks(domain, kind, n);
    const starts = t.values.map((v, k) => labelStart(v, t.labels[k]!, A, W, width, scale));
    if (starts.every((s, k) => k === 0 || s >= starts[k - 1]! + t.labels[k - 1]!.length + 2)) return t;
  }
  return ticks(domain, kind, 1);
}
