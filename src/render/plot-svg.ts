/**
 * Figures as SVG text for the explorer page: the same model and scales as the terminal plots
 * (src/figure/scale.ts), axes with grid lines, line/point series, heatmap cells in viridis,
 * horizontal bars, marks and the non-finite notes. Every text is XML-escaped; there are no
 * scripts, event handlers, ids or external references, so several figures can share a page.
 * Colours are CSS variables with defaults and elements carry classes (`series series-N`, `axis`,
 * `grid`, `mark`, `heatmap`, `colorbar`, `legend`, `notes`), so the page can restyle them (dark
 * mode): `--plot-ink` (text and axes, through currentColor), `--plot-series-N`, `--plot-halo`
 * (under paths over a heatmap), `--plot-mark` (point marks), `--plot-background-solid` (their
 * outline), `--plot-background` and `--plot-area`. Heatmap cells keep viridis in both modes.
 * The root's data attributes give the plot box, domains and scales for `invertPointer`; for
 * bars the pointer's x is the value and y the category index (row 0 at the top).
 */
import { barValue, categoryNames } from '../figure/categories.js';
import { hex, viridis } from '../figure/colormap.js';
import type { Figure, Scale, Series } from '../figure/model.js';
import {
  axisValues, clipSegment, fitDomain, formatValue, gapNote, heatScale, makeScale, segments, tame, ticks, usable,
  type Domain, type ScaleFn,
} from '../figure/scale.js';


export interface SvgPlotOptions {
  readonly width?: number;
  readonly height?: number;
}

/** Default series colours (Tableau 10), overridable with --plot-series-N. */
export const SERIES_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7'] as const;
/** Dash patterns telling lines apart in grey or for colour-blind readers (series 0 solid). */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 3', '10 4', '4 2 1 2', '3 6'] as const;
const FONT = 12;
/** Average glyph advance of the sans-serif text, in em, for layout estimates. */
const ADVANCE = 0.58;

/** XML-escaped text, with the characters XML 1.0 forbids removed. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate with at most two decimals. */
function n(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(r === 0 ? 0 : r);
}

function textW(s: string, size = FONT): number {
  return Array.from(s).length * size * ADVANCE;
}

function seriesColor(i: number): string {
  return `var(--plot-series-${i}, ${SERIES_COLORS[i % SERIES_COLORS.length]})`;
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs === '' ? '' : ' ' + attrs}>${escapeXml(s)}</text>`;
}

/** A marker shape centred at (x, y), as path data: circle, cross, ring, diamond, triangles, square. */
function markerPath(k: number, x: number, y: number, r = 3.5): string {
  switch (k % 8) {
    case 0: return `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case 1: return `M${n(x - r)} ${n(y - r)}L${n(x + r)} ${n(y + r)}M${n(x - r)} ${n(y + r)}L${n(x + r)} ${n(y - r)}`;
    case 2: return `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
    case 3: return `M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z`;
    case 4: return `M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y + r)}L${n(x - r)} ${n(y + r)}Z`;
    case 5: return `M${n(x - r)} ${n(y - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 6: return `M${n(x)} ${n(y + r)}L${n(x + r)} ${n(y - r)}L${n(x - r)} ${n(y - r)}Z`;
    default: return `M${n(x)} ${n(y - r)}L${n(x + r)} ${n(y)}L${n(x)} ${n(y + r)}L${n(x - r)} ${n(y)}Z`;
  }
}

/** Filled shapes (0, 3, 4, 5, 6) are filled; the cross, ring and open diamond are stroked only. */
function markerFill(k: number): boolean {
  return [0, 3, 4, 5, 6].includes(k % 8);
}

interface Layout {
  readonly W: number;
  readonly H: number;
  readonly left: number;
  readonly top: number;
  readonly pw: number;
  readonly ph: number;
}

export function renderFigureSvg(fig: Figure, opts: SvgPlotOptions = {}): string {
  const W = Math.max(200, Math.floor(Number.isFinite(opts.width) ? opts.width! : 640));
  const H = Math.max(150, Math.floor(Number.isFinite(opts.height) ? opts.height! : 400));
  return fig.kind === 'bars' ? barsSvg(fig, W, H) : xySvg(fig, W, H);
}

/** Legend entries wrapped into rows; returns the markup and the height used. */
function legend(items: readonly { glyph: (x: number, y: number) => string; name: string; i: number }[], W: number, y0: number): [string, number] {
  if (items.length === 0) return ['', 0];
  const rowH = 18;
  let x = 0;
  let row = 0;
  const placed: { x: number; row: number; it: (typeof items)[number] }[] = [];
  const rows: number[] = [0];
  for (const it of items) {
    const w = 26 + textW(it.name);
    if (x > 0 && x + w > W - 24) {
      row++;
      x = 0;
      rows.push(0);
    }
    placed.push({ x, row, it });
    x += w + 16;
    rows[row] = x - 16;
  }
  let out = '<g class="legend">';
  for (const p of placed) {
    const x0 = (W - rows[p.row]!) / 2 + p.x;
    const y = y0 + p.row * rowH;
    out += `<g class="legend-item series-${p.it.i}">${p.it.glyph(x0, y - 4)}${text(x0 + 26, y, p.it.name)}</g>`;
  }
  return [out + '</g>', rows.length * rowH];
}

function lineGlyph(s: Series, i: number): (x: number, y: number) => string {
  return (x, y) => {
    const c = seriesColor(i);
    const dash = DASHES[i % DASHES.length]!;
    const line = s.style === 'points' ? '' : `<path d="M${n(x)} ${n(y)}h20" style="stroke:${c};fill:none;stroke-width:2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`;
    const mk = s.style === 'points' ? `<path d="${markerPath(i, x + 10, y)}" style="${markerStyle(i)}"/>` : '';
    return line + mk;
  };
}

function markerStyle(i: number): string {
  const c = seriesColor(i);
  return markerFill(i) ? `fill:${c};stroke:none` : `fill:none;stroke:${c};stroke-width:1.5`;
}

/** Root element with the pointer data, title, and the figure's markup. */
function wrapSvg(fig: Figure, L: Layout, xd: Domain, yd: Domain, xs: Scale, ys: Scale, body: string): string {
  const attrs = [
    `xmlns="http://www.w3.org/2000/svg"`,
    `viewBox="0 0 ${L.W} ${L.H}"`,
    `width="${L.W}"`,
    `height="${L.H}"`,
    `class="loss-plot loss-plot-${fig.kind}"`,
    `role="img"`,
    `aria-label="${escapeXml(fig.title)}"`,
    `font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"`,
    `font-size="${FONT}"`,
    `style="color:var(--plot-ink, #222);background:var(--plot-background, transparent)"`,
    `data-kind="${fig.kind}"`,
    `data-plot="${n(L.left)} ${n(L.top)} ${n(L.pw)} ${n(L.ph)}"`,
    `data-x-domain="${xd[0]} ${xd[1]}"`,
    `data-y-domain="${yd[0]} ${yd[1]}"`,
    `data-x-scale="${xs}"`,
    `data-y-scale="${ys}"`,
  ];
  return `<svg ${attrs.join(' ')}><title>${escapeXml(fig.title)}</title>${body}</svg>\n`;
}

/** Title and legend at the top; returns markup and the y where the plot may start. */
function header(fig: Figure, W: number, items: Parameters<typeof legend>[0]): [string, number] {
  let out = '';
  let y = 8;
  if (fig.title !== '') {
    // a title too long for the width (a phone's) takes two lines, the second clipped if need be
    const words = wrapWords(fig.title, Math.max(1, Math.floor((W - 20) / (15 * ADVANCE))));
    const lines = words.length <= 2 ? words : [words[0]!, words.slice(1).join(' ')];
    lines.forEach((line, k) => {
      out += text(W / 2, 24 + 19 * k, clipText(line, W - 20, 15), 'class="title" text-anchor="middle" font-size="15" font-weight="600" fill="currentColor"');
    });
    y = 34 + 19 * (lines.length - 1);
  }
  const [lg, lh] = legend(items, W, y + 14);
  out += lg;
  return [out, y + lh + 10];
}

function clipText(s: string, w: number, size = FONT): string {
  const c = Array.from(s);
  const max = Math.max(1, Math.floor(w / (size * ADVANCE)));
  return c.length <= max ? s : c.slice(0, max - 1).join('') + '…';
}

/** Note lines under the figure, wrapped to the width. */
function wrapNotes(notes: readonly string[], W: number): string[] {
  const max = Math.max(10, Math.floor((W - 20) / (11 * ADVANCE)));
  return notes.flatMap((note) => wrapWords(note, max));
}

/** Words in lines of at most `max` characters (a longer word keeps a line of its own). */
function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/).filter((s) => s !== '')) {
    if (cur !== '' && Array.from(`${cur} ${w}`).length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur === '' ? w : `${cur} ${w}`;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

function notesSvg(lines: readonly string[], x: number, y0: number): string {
  if (lines.length === 0) return '';
  return `<g class="notes" font-size="11" fill="currentColor" fill-opacity="0.75">${lines.map((l, k) => text(x, y0 + k * 15, l)).join('')}</g>`;
}

function xAxisSvg(L: Layout, sx: ScaleFn, kind: Scale, label: string, gridLines = true): string {
  const t = fitTicksPx(sx, kind, Math.max(2, Math.floor(L.pw / 80)), 11, 'x');
  const y = L.top + L.ph;
  let out = '<g class="axis axis-x" fill="currentColor">';
  t.values.forEach((v, k) => {
    const x = sx.map(v);
    if (gridLines) out += `<path class="grid" d="M${n(x)} ${n(L.top)}V${n(y)}" stroke="currentColor" stroke-opacity="0.12"/>`;
    out += `<path class="tick" d="M${n(x)} ${n(y)}v5" stroke="currentColor" stroke-opacity="0.6"/>`;
    out += text(x, y + 18, t.labels[k]!, 'text-anchor="middle" font-size="11"');
  });
  out += `<path class="domain" d="M${n(L.left)} ${n(y)}H${n(L.left + L.pw)}" stroke="currentColor" stroke-opacity="0.6"/>`;
  const title = kind === 'log' ? `${label} (log)`.trim() : label;
  if (title !== '') out += text(L.left + L.pw / 2, y + 36, title, 'class="axis-label" text-anchor="middle"');
  return out + '</g>';
}

function yAxisSvg(L: Layout, sy: ScaleFn, kind: Scale, label: string, t: ReturnType<typeof ticks>, gridLines = true): string {
  let out = '<g class="axis axis-y" fill="currentColor">';
  t.values.forEach((v, k) => {
    const y = sy.map(v);
    if (gridLines) out += `<path class="grid" d="M${n(L.left)} ${n(y)}H${n(L.left + L.pw)}" stroke="currentColor" stroke-opacity="0.12"/>`;
    out += `<path class="tick" d="M${n(L.left - 5)} ${n(y)}h5" stroke="currentColor" stroke-opacity="0.6"/>`;
    out += text(L.left - 8, y + 4, t.labels[k]!, 'text-anchor="end" font-size="11"');
  });
  out += `<path class="domain" d="M${n(L.left)} ${n(L.top)}V${n(L.top + L.ph)}" stroke="currentColor" stroke-opacity="0.6"/>`;
  const title = kind === 'log' ? `${label} (log)`.trim() : label;
  if (title !== '') {
    out += text(14, L.top + L.ph / 2, title, `class="axis-label" text-anchor="middle" transform="rotate(-90 14 ${n(L.top + L.ph / 2)})"`);
  }
  return out + '</g>';
}

/** Ticks whose labels do not overlap along the axis (x: by width, y: by line height). */
function fitTicksPx(s: ScaleFn, kind: Scale, count: number, size: number, axis: 'x' | 'y'): ReturnType<typeof ticks> {
  for (let c = count; c >= 1; c--) {
    const t = ticks(s.domain, kind, c);
    const pos = t.values.map((v) => s.map(v));
    const ok = pos.every((p, k) => {
      if (k === 0) return true;
      const gap = Math.abs(p - pos[k - 1]!);
      return axis === 'x' ? gap >= (textW(t.labels[k]!, size) + textW(t.labels[k - 1]!, size)) / 2 + 8 : gap >= size + 6;
    });
    if (ok) return t;
  }
  const t = ticks(s.domain, kind, 1);
  return { values: t.values.filter((_, k) => k % 2 === 0), labels: t.labels.filter((_, k) => k % 2 === 0) };
}

function xySvg(fig: Figure, W: number, H: number): string {
  const xKind: Scale = fig.x.scale ?? 'linear';
  const yKind: Scale = fig.y.scale ?? 'linear';
  const grid = fig.kind === 'heatmap' ? fig.grid : undefined;
  const { xs, ys } = axisValues(fig);
  const items = fig.series.map((s, i) => ({ glyph: lineGlyph(s, i), name: s.name, i }));
  const [head, top] = header(fig, W, items);
  const notes: string[] = [];
  fig.series.forEach((s) => {
    const g = gapNote(s, xKind, yKind);
    if (g !== undefined) notes.push(g);
  });
  const hs = grid === undefined ? undefined : heatScale(grid.values, grid.scale ?? 'linear');
  if (grid !== undefined && hs !== undefined) {
    const { cells, bad, off } = hs;
    if (bad > 0) notes.push(`${grid.label}: not finite at ${bad} of ${cells} cells`);
    if (off > 0) notes.push(`${grid.label}: ${off} of ${cells} cells <= 0 (no colour on the log scale)`);
  }
  if (fig.note !== undefined && fig.note !== '') notes.push(fig.note);
  const noteLines = wrapNotes(notes, W);
  const bottom = H - 48 - noteLines.length * 15;
  const ph = Math.max(40, bottom - top);
  // decades need less room than 1-2-5 labels
  const yCount = Math.max(2, Math.floor(ph / (yKind === 'log' ? 30 : 50)));
  const ydom = fitDomain(ys, yKind, fig.y.domain, { nice: grid === undefined, ticks: yCount });
  const sy0 = makeScale(yKind, ydom, [top + ph, top]);
  const yt = fitTicksPx(sy0, yKind, yCount, 11, 'y');
  const tickW = Math.max(...yt.labels.map((l) => textW(l, 11)), 6);
  const hasYLabel = fig.y.label !== '' || yKind === 'log';
  const left = Math.ceil((hasYLabel ? 26 : 6) + tickW + 10);
  const right = grid !== undefined ? 86 : 18;
  const L: Layout = { W, H, left, top, pw: Math.max(40, W - left - right), ph };
  const xdom = fitDomain(xs, xKind, fig.x.domain);
  const sx = makeScale(xKind, xdom, [L.left, L.left + L.pw]);
  const sy = sy0;

  let body = head;
  body += `<rect class="plot-area" x="${n(L.left)}" y="${n(L.top)}" width="${n(L.pw)}" height="${n(L.ph)}" fill="var(--plot-area, none)"/>`;
  if (grid !== undefined && hs !== undefined) body += heatmapSvg(grid, hs, sx, sy, L) + colorbarSvg(grid.label, hs, L);
  // no grid lines across a heatmap: they would read as cell borders
  body += yAxisSvg(L, sy, yKind, fig.y.label, yt, grid === undefined) + xAxisSvg(L, sx, xKind, fig.x.label, grid === undefined);
  body += marksSvg(fig, sx, sy, L);
  let drawn = 0;
  fig.series.forEach((s, i) => {
    const [markup, k] = seriesSvg(s, i, sx, sy, xKind, yKind, L, grid !== undefined);
    body += markup;
    drawn += k;
  });
  body += pointMarksSvg(fig, sx, sy, L);
  const cells = hs === undefined ? 0 : hs.cells - hs.bad - hs.off;
  if (drawn === 0 && cells === 0) {
    const any = fig.series.some((s) => s.points.length > 0) || (grid?.values.length ?? 0) > 0;
    body += text(L.left + L.pw / 2, L.top + L.ph / 2, any ? 'no finite data' : 'no data', 'class="empty" text-anchor="middle" fill="currentColor" fill-opacity="0.6"');
  }
  body += notesSvg(noteLines, 10, L.top + L.ph + 60);
  return wrapSvg(fig, L, xdom, ydom, xKind, yKind, body);
}

function seriesSvg(s: Series, i: number, sx: ScaleFn, sy: ScaleFn, xk: Scale, yk: Scale, L: Layout, halo = false): [string, number] {
  const x0 = L.left;
  const x1 = L.left + L.pw;
  const y0 = L.top;
  const y1 = L.top + L.ph;
  const inside = (X: number, Y: number): boolean => X >= x0 - 0.01 && X <= x1 + 0.01 && Y >= y0 - 0.01 && Y <= y1 + 0.01;
  let d = '';
  let dots = '';
  let drawn = 0;
  for (const run of segments(s.points, xk, yk)) {
    const P = run.map(([x, y]) => [tame(sx.map(x)), tame(sy.map(y))] as const);
    for (const [X, Y] of P) if (inside(X, Y)) drawn++;
    if (s.style === 'points' || P.length === 1) {
      for (const [X, Y] of P) if (inside(X, Y)) dots += markerPath(i, X, Y);
      continue;
    }
    // points closer than half a unit to the last one written are skipped (a 3000-step descent
    // path is mostly that), but a run's last point and the points where clipping breaks it stay
    let pen: readonly [number, number] | undefined;
    let last: readonly [number, number] = [NaN, NaN];
    let pending: readonly [number, number] | undefined;
    const flush = (): void => {
      if (pending !== undefined) d += `L${n(pending[0])} ${n(pending[1])}`;
      pending = undefined;
    };
    for (let p = 1; p < P.length; p++) {
      const seg = clipSegment(P[p - 1]![0], P[p - 1]![1], P[p]![0], P[p]![1], x0, x1, y0, y1);
      if (seg === undefined) {
        flush();
        pen = undefined;
        continue;
      }
      if (pen === undefined || Math.abs(pen[0] - seg[0]) > 1e-6 || Math.abs(pen[1] - seg[1]) > 1e-6) {
        flush();
        d += `M${n(seg[0])} ${n(seg[1])}`;
        last = [seg[0], seg[1]];
      }
      const end = [seg[2], seg[3]] as const;
      if (Math.abs(end[0] - last[0]) >= 0.5 || Math.abs(end[1] - last[1]) >= 0.5) {
        d += `L${n(end[0])} ${n(end[1])}`;
        last = end;
        pending = undefined;
      } else pending = end;
      pen = end;
    }
    flush();
  }
  const name = escapeXml(s.name);
  const dash = DASHES[i % DASHES.length]!;
  let out = `<g class="series series-${i}" data-series="${name}">`;
  if (d !== '' && halo) {
    // over a heatmap a light halo keeps the line visible on every colour of the map
    out += `<path class="halo" d="${d}" style="stroke:var(--plot-halo, #fff);stroke-opacity:0.85;fill:none;stroke-width:4.5;stroke-linejoin:round;stroke-linecap:round"/>`;
  }
  if (d !== '') {
    out += `<path class="line" data-series="${name}" d="${d}" style="stroke:${seriesColor(i)};fill:none;stroke-width:2;stroke-linejoin:round;stroke-linecap:round"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`;
  }
  if (dots !== '') out += `<path class="points" data-series="${name}" d="${dots}" style="${markerStyle(i)}"/>`;
  return [out + '</g>', drawn];
}

function marksSvg(fig: Figure, sx: ScaleFn, sy: ScaleFn, L: Layout): string {
  let out = '';
  for (const m of fig.marks) {
    if (m.kind === 'vline') {
      const x = sx.map(m.x);
      if (!(x >= L.left && x <= L.left + L.pw)) continue;
      const anchor = x > L.left + L.pw - textW(m.label) - 8 ? 'end' : 'start';
      out += `<g class="mark mark-vline"><path d="M${n(x)} ${n(L.top)}V${n(L.top + L.ph)}" stroke="currentColor" stroke-opacity="0.55" stroke-dasharray="3 3"/>`;
      if (m.label !== '') out += text(anchor === 'start' ? x + 4 : x - 4, L.top + 12, m.label, `text-anchor="${anchor}" font-size="11" fill="currentColor"`);
      out += '</g>';
    } else if (m.kind === 'hline') {
      const y = sy.map(m.y);
      if (!(y >= L.top && y <= L.top + L.ph)) continue;
      out += `<g class="mark mark-hline"><path d="M${n(L.left)} ${n(y)}H${n(L.left + L.pw)}" stroke="currentColor" stroke-opacity="0.55" stroke-dasharray="3 3"/>`;
      if (m.label !== '') out += text(L.left + L.pw - 4, y < L.top + 14 ? y + 13 : y - 4, m.label, 'text-anchor="end" font-size="11" fill="currentColor"');
      out += '</g>';
    }
  }
  return out;
}

/** A label's or a mark's box in pixels: left, top, right, bottom. */
type Box = readonly [number, number, number, number];

function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/**
 * Point marks go over the series, their labels on a halo so they stay readable over a heatmap.
 * Each label takes the first spot (above right, above left, below right, below left, then the
 * same a line further out) that stays in the plot and covers neither a mark nor a label placed
 * before it: marks a few pixels apart (the multitask minimum beside the chosen s, on a phone)
 * keep every label readable.
 */
function pointMarksSvg(fig: Figure, sx: ScaleFn, sy: ScaleFn, L: Layout): string {
  const points = fig.marks.flatMap((m) => {
    if (m.kind !== 'point') return [];
    const x = sx.map(m.x);
    const y = sy.map(m.y);
    return x >= L.left && x <= L.left + L.pw && y >= L.top && y <= L.top + L.ph ? [{ x, y, label: m.label }] : [];
  });
  const taken: Box[] = points.map(({ x, y }) => [x - 5, y - 5, x + 5, y + 5]);
  let out = '';
  for (const { x, y, label } of points) {
    out += `<g class="mark mark-point"><circle cx="${n(x)}" cy="${n(y)}" r="4" fill="var(--plot-mark, #d62728)" stroke="var(--plot-background-solid, #fff)" stroke-width="1.5"/>`;
    if (label !== '') {
      const w = textW(label, 11);
      // (baseline x, baseline y, anchored at its start): the text's box is about 11 px tall
      const spots = [0, 13].flatMap((out) => ([[x + 8, y - 6 - out, true], [x - 8, y - 6 - out, false], [x + 8, y + 15 + out, true], [x - 8, y + 15 + out, false]] as const))
        .map(([bx, by, start]) => ({ bx, by, start, box: [start ? bx : bx - w, by - 10, start ? bx + w : bx, by + 2] as Box }));
      const fits = spots.filter(({ box }) => box[0] >= L.left && box[2] <= L.left + L.pw && box[1] >= L.top - 12 && box[3] <= L.top + L.ph + 12);
      const spot = fits.find(({ box }) => !taken.some((t) => overlaps(t, box))) ?? fits[0] ?? spots[x + 8 + w <= L.left + L.pw ? 0 : 1]!;
      taken.push(spot.box);
      out += text(spot.bx, spot.by, label, `text-anchor="${spot.start ? 'start' : 'end'}" font-size="11" fill="currentColor" stroke="var(--plot-background-solid, #fff)" stroke-width="3" paint-order="stroke" stroke-opacity="0.8"`);
    }
    out += '</g>';
  }
  return out;
}

/** Cell edges halfway between neighbouring grid coordinates (in pixels), clipped to the plot. */
function edges(coords: readonly number[], s: ScaleFn, lo: number, hi: number): [number, number][] {
  const p = coords.map((v) => s.map(v));
  return p.map((c, k) => {
    if (!Number.isFinite(c)) return [NaN, NaN];
    const prev = k > 0 && Number.isFinite(p[k - 1]!) ? (c + p[k - 1]!) / 2 : undefined;
    const next = k + 1 < p.length && Number.isFinite(p[k + 1]!) ? (c + p[k + 1]!) / 2 : undefined;
    // the outer cells reach as far again as their inner halves; a lone coordinate fills the plot
    const a = prev ?? (next !== undefined ? c - (next - c) : -Infinity);
    const b = next ?? (prev !== undefined ? c + (c - prev) : Infinity);
    const e0 = Math.max(Math.min(lo, hi), Math.min(a, b));
    const e1 = Math.min(Math.max(lo, hi), Math.max(a, b));
    return [e0, e1];
  });
}

function heatmapSvg(grid: NonNullable<Figure['grid']>, hs: ReturnType<typeof heatScale>, sx: ScaleFn, sy: ScaleFn, L: Layout): string {
  const ex = edges(grid.x, sx, L.left, L.left + L.pw);
  const ey = edges(grid.y, sy, L.top, L.top + L.ph);
  let out = '<g class="heatmap" shape-rendering="crispEdges">';
  grid.values.forEach((row, j) => {
    const yy = ey[j];
    if (yy === undefined || !(yy[1] > yy[0])) return;
    row.forEach((v, i) => {
      const xx = ex[i];
      const c = viridis(hs.t(v));
      if (xx === undefined || c === undefined || !(xx[1] > xx[0])) return;
      // cells overlap by a hair so no seam of background shows between them
      out += `<rect x="${n(xx[0])}" y="${n(yy[0])}" width="${n(xx[1] - xx[0] + 0.4)}" height="${n(yy[1] - yy[0] + 0.4)}" fill="${hex(c)}"/>`;
    });
  });
  return out + '</g>';
}

function colorbarSvg(label: string, hs: ReturnType<typeof heatScale>, L: Layout): string {
  if (!(hs.min <= hs.max)) return '';
  const x = L.left + L.pw + 18;
  const w = 12;
  const steps = 32;
  let out = '<g class="colorbar" shape-rendering="crispEdges">';
  for (let k = 0; k < steps; k++) {
    const y = L.top + (L.ph * k) / steps;
    out += `<rect x="${n(x)}" y="${n(y)}" width="${w}" height="${n(L.ph / steps + 0.5)}" fill="${hex(viridis(1 - (k + 0.5) / steps)!)}"/>`;
  }
  out += '</g><g class="colorbar-axis" fill="currentColor" font-size="11">';
  const lo = hs.min === hs.max ? hs.min / 2 : hs.min;
  const hi = hs.min === hs.max ? hs.max * 2 || 1 : hs.max;
  const s = makeScale(hs.scale, [lo, hi], [L.top + L.ph, L.top]);
  const t = fitTicksPx(s, hs.scale, Math.max(2, Math.floor(L.ph / 50)), 11, 'y');
  t.values.forEach((v, k) => {
    const y = s.map(v);
    out += `<path d="M${n(x + w)} ${n(y)}h4" stroke="currentColor" stroke-opacity="0.6"/>` + text(x + w + 6, y + 4, t.labels[k]!);
  });
  const title = hs.scale === 'log' ? `${label} (log)` : label;
  out += text(x + w / 2, L.top - 8, title, 'text-anchor="middle"');
  return out + '</g>';
}

function barsSvg(fig: Figure, W: number, H: number): string {
  const kind: Scale = fig.y.scale ?? 'linear';
  const cats = categoryNames(fig);
  const multi = fig.series.length > 1;
  const items = multi
    ? fig.series.map((s, i) => ({ glyph: (x: number, y: number) => `<rect x="${n(x + 3)}" y="${n(y - 5)}" width="14" height="10" style="fill:${seriesColor(i)}"/>`, name: s.name, i }))
    : [];
  const [head, top] = header(fig, W, items);
  const notes: string[] = [];
  fig.series.forEach((s) => {
    const bad = cats.filter((_, c) => {
      const v = barValue(s, c);
      return v !== undefined && !usable(v, kind);
    });
    if (bad.length > 0) notes.push(`${s.name}: no bar for ${bad.join(', ')} (${kind === 'log' ? 'not finite or <= 0' : 'not finite'})`);
  });
  if (fig.note !== undefined && fig.note !== '') notes.push(fig.note);
  const noteLines = wrapNotes(notes, W);
  const values = fig.series.flatMap((s) => s.points.map((p) => p[1]));
  for (const m of fig.marks) if (m.kind === 'hline') values.push(m.y);
  const domain = fitDomain(values, kind, fig.y.domain, { nice: true, include: kind === 'linear' ? [0] : [] });
  const nameW = Math.min(W * 0.3, Math.max(20, ...cats.map((c) => textW(c))));
  const labels = fig.series.map((s) => cats.map((_, c) => {
    const v = barValue(s, c);
    return v === undefined ? '' : formatValue(v);
  }));
  const valueW = Math.max(20, ...labels.flat().map((l) => textW(l, 11)));
  const xLabelRow = fig.x.label !== '' ? 16 : 0;
  const left = Math.ceil(10 + nameW + 10);
  const L: Layout = { W, H, left, top: top + xLabelRow, pw: Math.max(40, W - left - valueW - 18), ph: Math.max(30, H - top - xLabelRow - 46 - noteLines.length * 15) };
  const sx = makeScale(kind, domain, [L.left, L.left + L.pw]);
  const band = L.ph / Math.max(1, cats.length);
  const k = Math.max(1, fig.series.length);
  const barH = Math.max(1, (band * 0.8) / k);
  const base = kind === 'log' ? L.left : Math.min(L.left + L.pw, Math.max(L.left, sx.map(0)));
  let body = head;
  if (fig.x.label !== '') body += text(10, L.top - 6, fig.x.label, 'class="axis-label" font-weight="600" fill="currentColor"');
  body += xAxisSvg(L, sx, kind, fig.y.label);
  body += `<path class="domain" d="M${n(base)} ${n(L.top)}V${n(L.top + L.ph)}" stroke="currentColor" stroke-opacity="0.6"/>`;
  body += '<g class="categories" fill="currentColor" text-anchor="end">';
  cats.forEach((c, j) => {
    body += text(L.left - 8, L.top + band * (j + 0.5) + 4, clipText(c, nameW));
  });
  body += '</g>';
  fig.series.forEach((s, i) => {
    body += `<g class="series series-${i}" data-series="${escapeXml(s.name)}" style="fill:${seriesColor(i)}">`;
    cats.forEach((_, c) => {
      const v = barValue(s, c);
      if (v === undefined) return;
      const y = L.top + band * c + band * 0.1 + barH * i;
      let end = base;
      if (usable(v, kind)) {
        const p = Math.min(L.left + L.pw, Math.max(L.left, sx.map(v)));
        const a = Math.min(p, base);
        const b = Math.max(p, base);
        end = p;
        body += `<rect class="bar" data-series="${escapeXml(s.name)}" data-category="${escapeXml(cats[c]!)}" data-value="${v}" x="${n(a)}" y="${n(y)}" width="${n(Math.max(0.5, b - a))}" height="${n(Math.max(1, barH - 1))}"/>`;
      }
      const lx = end >= base ? Math.max(end, base) + 4 : base + 4;
      body += text(lx, y + barH / 2 + 4, labels[i]![c]!, 'class="value" font-size="11" fill="currentColor"');
    });
    body += '</g>';
  });
  for (const m of fig.marks) {
    if (m.kind !== 'hline' || !usable(m.y, kind)) continue;
    const x = sx.map(m.y);
    if (!(x >= L.left && x <= L.left + L.pw)) continue;
    body += `<g class="mark mark-vline"><path d="M${n(x)} ${n(L.top)}V${n(L.top + L.ph)}" stroke="currentColor" stroke-opacity="0.55" stroke-dasharray="3 3"/>`;
    if (m.label !== '') body += text(x + 4, L.top - 6, m.label, 'font-size="11" fill="currentColor"');
    body += '</g>';
  }
  if (cats.length === 0 || fig.series.every((s) => s.points.length === 0)) {
    body += text(L.left + L.pw / 2, L.top + L.ph / 2, 'no data', 'class="empty" text-anchor="middle" fill="currentColor" fill-opacity="0.6"');
  }
  body += notesSvg(noteLines, 10, L.top + L.ph + 60);
  // the pointer's y is the category index: top row 0 (invertPointer maps the bottom to y0)
  return wrapSvg(fig, L, domain, [cats.length - 0.5, -0.5], kind, 'linear', body);
}
