import { describe, expect, it } from 'vitest';
import { hex, viridis } from '../src/figure/colormap.js';
import type { Figure } from '../src/figure/model.js';
import { invertPointer, parseNumbers } from '../src/figure/scale.js';
import { escapeXml, renderFigureSvg } from '../src/render/plot-svg.js';
import { curves, lines, randomFigures, regressionFigure, series } from './helpers/figure-fixtures.js';

const attr = (svg: string, name: string): string => new RegExp(`<svg [^>]*\\b${name}="([^"]*)"`).exec(svg)![1]!;

/** Tags balance and every attribute is quoted: enough of well-formedness to catch a broken writer. */
function wellFormed(svg: string): boolean {
  const stack: string[] = [];
  const body = svg.replace(/<title>[^<]*<\/title>/g, '').replace(/>[^<]*</g, '><');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"<>]*")*)\s*(\/?)>/g)) {
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else if (m[4] !== '/') stack.push(m[2]!);
  }
  const tags = body.match(/<[^>]*>/g)!.length;
  const good = [...body.matchAll(/<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+="[^"<>]*")*)\s*(\/?)>/g)].length;
  return stack.length === 0 && tags === good;
}

/** The absolute coordinates of a path's M/L commands, one array per M. */
function runs(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  for (const m of d.matchAll(/([ML])(-?[\d.]+) (-?[\d.]+)/g)) {
    const p: [number, number] = [Number(m[2]), Number(m[3])];
    if (m[1] === 'M') out.push([p]);
    else out[out.length - 1]!.push(p);
  }
  return out;
}

function pathOf(svg: string, name: string): string {
  return new RegExp(`<path class="line" data-series="${name}" d="([^"]*)"`).exec(svg)![1]!;
}

describe('SVG figures', () => {
  it('escape every text and attribute, and contain no script, handler, id or external reference', () => {
    const evil = `<script>alert("x")</script> & 'y' \u0001`;
    const fig: Figure = {
      ...lines(evil, [{ name: `a "b" & <c>`, points: [[0, 1], [1, 2]] }]),
      x: { label: '<x>' }, y: { label: '&y' }, note: '</svg>', marks: [{ kind: 'vline', x: 0.5, label: '"q"' }, { kind: 'point', x: 0, y: 1, label: '<p>' }],
    };
    const svg = renderFigureSvg(fig);
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href|url\(|\sid=|<foreignObject|\u0001/i);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(svg).toContain('data-series="a &quot;b&quot; &amp; &lt;c&gt;"');
    expect(svg).toContain('&lt;/svg&gt;');
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(wellFormed(svg)).toBe(true);
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    const bars = renderFigureSvg({ title: 't', kind: 'bars', x: { label: '' }, y: { label: '' }, categories: ['<a>'], series: [{ name: '"s"', points: [[0, 1]] }], marks: [] });
    expect(bars).toContain('data-category="&lt;a&gt;"');
    expect(wellFormed(bars)).toBe(true);
  });

  it('put the plot box, domains and scales on the root, and draw the data where they say', () => {
    const svg = renderFigureSvg(regressionFigure(), { width: 600, height: 400 });
    const [x0, y0, w, h] = parseNumbers(attr(svg, 'data-plot')) as [number, number, number, number];
    expect(attr(svg, 'data-x-domain')).toBe('-3 3');
    // [0, 9] made nice with steps of 2 (about one tick per 50 px of the 300 px high plot)
    expect(attr(svg, 'data-y-domain')).toBe('0 10');
    expect([attr(svg, 'data-x-scale'), attr(svg, 'data-y-scale')]).toEqual(['linear', 'linear']);
    // PyTorch's MSE at r = -3 is 9 (top left), at r = 0 it is 0 (bottom middle)
    const mse = runs(pathOf(svg, 'MSE'));
    expect(mse).toHaveLength(1);
    expect(mse[0]![0]![0]).toBe(x0);
    expect(mse[0]![0]![1]).toBeCloseTo(y0 + h / 10, 1);
    expect(mse[0]![30]![0]).toBeCloseTo(x0 + w / 2, 1);
    expect(mse[0]![30]![1]).toBeCloseTo(y0 + h, 1);
    const p = invertPointer(x0 + w / 2, y0 + h / 2, [x0, y0, w, h], parseNumbers(attr(svg, 'data-x-domain')) as [number, number], [0, 10]);
    expect(p).toEqual({ x: 0, y: 5 });
    expect(svg).toContain('data-series="log-cosh"');
    expect(svg).toContain('class="series series-3"');
    expect(svg).toContain('var(--plot-series-0, #4e79a7)');
    expect(wellFormed(svg)).toBe(true);
  });

  it('break lines at non-finite values and say where', () => {
    const naive = renderFigureSvg(lines('CE', [series('naive CE', curves.naive_ce)]));
    const r = runs(pathOf(naive, 'naive CE'));
    expect(r).toHaveLength(1);
    expect(r[0]).toHaveLength(18); // s = 80, 80.5, …, 88.5: the finite points
    expect(naive).toContain('naive CE: not finite for x &gt;= 89');
    const pts: [number, number][] = [[0, 1], [1, 2], [2, NaN], [3, 2], [4, -Infinity], [5, 1], [6, 2]];
    const gappy = renderFigureSvg(lines('g', [{ name: 'g', points: pts }]));
    expect(runs(pathOf(gappy, 'g')).map((x) => x.length)).toEqual([2, 2]);
    expect(gappy).toMatch(/class="points" data-series="g" d="M[^"]*Z"/); // the lone point at x = 3 gets a marker
    expect(gappy).toContain('g: not finite at 2 of 7 points');
    const bad = renderFigureSvg(lines('bad', [{ name: 'b', points: [[0, NaN], [1, Infinity]] }]));
    expect(bad).toContain('no finite data');
    expect(bad).toContain('class="axis axis-x"');
    expect(bad).toContain('b: no finite values');
    expect(wellFormed(bad)).toBe(true);
  });

  it('draw log axes by decades and a constant series in the middle', () => {
    const svg = renderFigureSvg(lines('log', [{ name: 'l', points: [[1, 0.002], [10, 0.5], [100, 30]] }], { x: { label: 'x', scale: 'log' }, y: { label: 'y', scale: 'log' } }));
    expect([attr(svg, 'data-x-scale'), attr(svg, 'data-y-scale')]).toEqual(['log', 'log']);
    expect(attr(svg, 'data-y-domain')).toBe('0.001 100');
    const yl = [...svg.matchAll(/<text [^>]*text-anchor="end" font-size="11">([^<]*)</g)].map((m) => m[1]);
    expect(yl).toEqual(['1e-3', '0.01', '0.1', '1', '10', '100']);
    const flat = renderFigureSvg(lines('c', [{ name: 'c', points: [[0, 3], [1, 3]] }]));
    const [, y0, , h] = parseNumbers(attr(flat, 'data-plot'));
    const r = runs(pathOf(flat, 'c'));
    expect(r[0]![0]![1]).toBeCloseTo(y0! + h! / 2, 1);
  });

  it('colour heatmap cells with viridis, leave gaps empty and draw a colour bar', () => {
    const fig: Figure = {
      title: 'h', kind: 'heatmap', x: { label: 'a' }, y: { label: 'b' }, series: [{ name: 'path', points: [[0, 0], [1, 1]] }], marks: [],
      grid: { x: [0, 1, 2], y: [0, 1], values: [[1, 10, 100], [NaN, 0, 1000]], label: 'loss', scale: 'log' },
    };
    const svg = renderFigureSvg(fig);
    const heat = /<g class="heatmap"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    const fills = [...heat.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(fills).toEqual([0, 1 / 3, 2 / 3, 1].map((t) => hex(viridis(t)!)));
    expect(svg).toContain('loss: not finite at 1 of 6 cells');
    expect(svg).toContain('loss: 1 of 6 cells &lt;= 0 (no colour on the log scale)');
    expect(svg).toContain('class="colorbar"');
    expect(svg).toContain('class="halo"');
    expect(wellFormed(svg)).toBe(true);
  });

  it('draw bars in proportion from zero, grouped by category', () => {
    const fig: Figure = {
      title: 'b', kind: 'bars', x: { label: 'loss' }, y: { label: 'value', domain: [0, 2] }, categories: ['one', 'two'],
      series: [{ name: 'a', points: [[0, 1], [1, 2]] }, { name: 'b', points: [[0, 0.5], [1, Infinity]] }], marks: [{ kind: 'hline', y: 1.5, label: 'ref' }],
    };
    const svg = renderFigureSvg(fig);
    const [x0, , w] = parseNumbers(attr(svg, 'data-plot'));
    const bars = [...svg.matchAll(/<rect class="bar" data-series="(\w)" data-category="(\w+)" data-value="([^"]+)" x="([^"]+)" y="[^"]+" width="([^"]+)"/g)];
    expect(bars.map((b) => [b[1], b[2], b[3]])).toEqual([['a', 'one', '1'], ['a', 'two', '2'], ['b', 'one', '0.5']]);
    for (const b of bars) {
      expect(Number(b[4])).toBeCloseTo(x0!, 1);
      expect(Number(b[5])).toBeCloseTo((w! * Number(b[3])) / 2, 1);
    }
    expect(svg).toContain('b: no bar for two (not finite)');
    expect(attr(svg, 'data-y-domain')).toBe('1.5 -0.5');
    expect(wellFormed(svg)).toBe(true);
  });

  it('never throw, stay well-formed and write no NaN or Infinity coordinate, whatever the values', () => {
    randomFigures(200, 7).forEach((fig, k) => {
      const svg = renderFigureSvg(fig, { width: 200 + ((k * 53) % 800), height: 150 + ((k * 29) % 600) });
      // the root's data attributes carry the domains as they are (1e+308 included)
      expect(svg.replace(/data-[a-z-]+="[^"]*"/g, '')).not.toMatch(/NaN|Infinity|undefined/);
      expect(wellFormed(svg)).toBe(true);
    });
  });

  it('place point-mark labels where they cover no other mark or label (marks a few pixels apart, wide and narrow)', () => {
    const fig = lines('close marks', [series('curve', [[0, 0], [1, 1], [2, 4], [3, 9]])], {
      marks: [
        { kind: 'point', x: 1, y: 1, label: 'min 2' },
        { kind: 'point', x: 1.02, y: 1.05, label: 's2=1.0' },
        { kind: 'point', x: 0.5, y: 0.6, label: 'min 1' },
        { kind: 'point', x: 3, y: 9, label: 'at the corner' },
        { kind: 'point', x: 0.98, y: 1.02, label: 'fifth' },
      ],
    });
    for (const width of [400, 220]) {
    const svg = renderFigureSvg(fig, { width, height: 260 });
    const [, , pw] = parseNumbers(attr(svg, 'data-plot'));
    const [left, top] = parseNumbers(attr(svg, 'data-plot'));
    const marks = [...svg.matchAll(/<g class="mark mark-point"><circle cx="([\d.-]+)" cy="([\d.-]+)"[^>]*\/><text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(start|end)"[^>]*>([^<]*)<\/text>/g)];
    expect(marks.map((m) => m[6])).toEqual(['min 2', 's2=1.0', 'min 1', 'at the corner', 'fifth']);
    // each label's box as the renderer estimates it (11 px text, 0.58 em per character)
    const boxes = marks.map((m) => {
      const x = Number(m[3]);
      const y = Number(m[4]);
      const w = Array.from(m[6]!).length * 11 * 0.58;
      return m[5] === 'start' ? [x, y - 10, x + w, y + 2] : [x - w, y - 10, x, y + 2];
    });
    const circles = marks.map((m) => [Number(m[1]) - 5, Number(m[2]) - 5, Number(m[1]) + 5, Number(m[2]) + 5]);
    const hit = (a: number[], b: number[]): boolean => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
    boxes.forEach((b, i) => {
      boxes.forEach((o, j) => expect(i === j || !hit(b, o)).toBe(true));
      circles.forEach((c) => expect(hit(b, c)).toBe(false));
      expect(b[0]).toBeGreaterThanOrEqual(left!);
      expect(b[2]).toBeLessThanOrEqual(left! + pw!);
      expect(b[1]).toBeGreaterThanOrEqual(top! - 12);
    });
    }
  });

  it('wrap a title that does not fit onto a second line, and keep a title that fits on one', () => {
    const fig = lines('Gradient descent (10 steps, lr=0.01)', [series('q', [[0, 1], [1, 0.5]])]);
    const titles = (svg: string): string[] => [...svg.matchAll(/<text [^>]*class="title"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(titles(renderFigureSvg(fig, { width: 640 }))).toEqual(['Gradient descent (10 steps, lr=0.01)']);
    const narrow = titles(renderFigureSvg(fig, { width: 300 }));
    expect(narrow).toEqual(['Gradient descent (10 steps,', 'lr=0.01)']);
    for (const t of narrow) expect(t.length * 15 * 0.58).toBeLessThanOrEqual(300 - 20);
    // the plot starts below both lines
    const top = (w: number): number => parseNumbers(attr(renderFigureSvg(fig, { width: w }), 'data-plot'))[1]!;
    expect(top(300) - top(640)).toBe(19);
  });

  it('match the looked-at snapshot of a small figure', async () => {
    const fig = lines('MSE & MAE', [series('MSE', curves.regression.MSE!.filter((_, i) => i % 10 === 0)), series('MAE', curves.regression.MAE!.filter((_, i) => i % 10 === 0), 'points')], {
      x: { label: 'residual' }, y: { label: 'loss' }, marks: [{ kind: 'vline', x: 1, label: 'δ' }], note: 'every 10th point',
    });
    await expect(renderFigureSvg(fig, { width: 360, height: 240 })).toMatchFileSnapshot('__snapshots__/plot-svg-small.svg');
  });
});
