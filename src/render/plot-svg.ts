// PLACEHOLDER: replaced by the figures branch at merge
/*
 * A figure as SVG text: axes with ticks, the series, the marks and a legend. The root carries the
 * plot area and the axes' domains and scales as data attributes, for the page's pointer readout.
 */
import type { Axis, Figure } from '../figure/model.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (v: number): string => String(Math.round(v * 100) / 100);

function domainOf(axis: Axis, values: number[]): [number, number] {
  if (axis.domain) return [axis.domain[0], axis.domain[1]];
  const ok = values.filter((v) => Number.isFinite(v) && (axis.scale !== 'log' || v > 0));
  if (ok.length === 0) return [0, 1];
  let lo = Math.min(...ok);
  let hi = Math.max(...ok);
  if (lo === hi) {
    lo -= axis.scale === 'log' ? lo / 2 : 1;
    hi += axis.scale === 'log' ? hi : 1;
  }
  return [lo, hi];
}

function scaler(axis: Axis, [lo, hi]: [number, number], from: number, to: number): (v: number) => number {
  if (axis.scale === 'log') {
    const a = Math.log10(lo);
    const b = Math.log10(hi);
    return (v) => from + ((Math.log10(v) - a) / (b - a)) * (to - from);
  }
  return (v) => from + ((v - lo) / (hi - lo)) * (to - from);
}

function ticks(axis: Axis, [lo, hi]: [number, number]): number[] {
  return Array.from({ length: 5 }, (_, i) => (axis.scale === 'log'
    ? 10 ** (Math.log10(lo) + (i / 4) * (Math.log10(hi) - Math.log10(lo)))
    : lo + (i / 4) * (hi - lo)));
}

export function renderFigureSvg(fig: Figure, opts: { width?: number; height?: number } = {}): string {
  const width = opts.width ?? 480;
  const height = opts.height ?? 300;
  const plot = { x: 64, y: 28, w: width - 80, h: height - 70 };
  const xs = fig.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = fig.series.flatMap((s) => s.points.map((p) => p[1]));
  for (const m of fig.marks) {
    if (m.kind !== 'hline') xs.push(m.x);
    if (m.kind !== 'vline') ys.push(m.y);
  }
  const xd = domainOf(fig.x, xs);
  const yd = domainOf(fig.y, ys);
  const sx = scaler(fig.x, xd, plot.x, plot.x + plot.w);
  const sy = scaler(fig.y, yd, plot.y + plot.h, plot.y);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"`
    + ` role="img" aria-label="${esc(fig.title)}" data-plot="${plot.x} ${plot.y} ${plot.w} ${plot.h}"`
    + ` data-x-domain="${xd[0]} ${xd[1]}" data-y-domain="${yd[0]} ${yd[1]}"`
    + ` data-x-scale="${fig.x.scale ?? 'linear'}" data-y-scale="${fig.y.scale ?? 'linear'}" font-size="11" fill="currentColor">`);
  out.push(`<text x="${plot.x}" y="16" font-weight="600">${esc(fig.title)}</text>`);
  out.push(`<rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" fill="none" stroke="currentColor" stroke-opacity="0.4"/>`);
  for (const t of ticks(fig.x, xd)) {
    out.push(`<line x1="${num(sx(t))}" x2="${num(sx(t))}" y1="${plot.y + plot.h}" y2="${plot.y + plot.h + 4}" stroke="currentColor"/>`
      + `<text x="${num(sx(t))}" y="${plot.y + plot.h + 16}" text-anchor="middle">${esc(t.toPrecision(3))}</text>`);
  }
  for (const t of ticks(fig.y, yd)) {
    out.push(`<line x1="${plot.x - 4}" x2="${plot.x}" y1="${num(sy(t))}" y2="${num(sy(t))}" stroke="currentColor"/>`
      + `<text x="${plot.x - 6}" y="${num(sy(t) + 4)}" text-anchor="end">${esc(t.toPrecision(3))}</text>`);
  }
  out.push(`<text x="${plot.x + plot.w / 2}" y="${height - 12}" text-anchor="middle">${esc(fig.x.label)}</text>`);
  out.push(`<text transform="translate(12 ${plot.y + plot.h / 2}) rotate(-90)" text-anchor="middle">${esc(fig.y.label)}</text>`);
  const colours = ['#3b82f6', '#f97316', '#10b981', '#e11d48'];
  fig.series.forEach((s, i) => {
    const d = s.points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
      .map((p, k) => `${k === 0 ? 'M' : 'L'}${num(sx(p[0]))} ${num(sy(p[1]))}`).join('');
    out.push(`<path data-series="${esc(s.name)}" d="${d}" fill="none" stroke="${colours[i % 4]}" stroke-width="2"/>`);
    out.push(`<text x="${plot.x + plot.w - 4}" y="${plot.y + 14 + 14 * i}" text-anchor="end" fill="${colours[i % 4]}">${esc(s.name)}</text>`);
  });
  for (const m of fig.marks) {
    if (m.kind === 'vline') {
      out.push(`<line x1="${num(sx(m.x))}" x2="${num(sx(m.x))}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="currentColor" stroke-dasharray="4 3"/>`
        + `<text x="${num(sx(m.x) + 4)}" y="${plot.y + plot.h - 6}">${esc(m.label)}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('');
}
