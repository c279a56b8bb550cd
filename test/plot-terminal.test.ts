import { describe, expect, it } from 'vitest';
import type { Figure } from '../src/figure/model.js';
import { viridis } from '../src/figure/colormap.js';
import { MARKERS, RAMP, renderFigureTerminal, type PlotPaint } from '../src/render/plot-terminal.js';
import { curves, lines, randomFigures, regressionFigure, series } from './helpers/figure-fixtures.js';

/** A fake paint that shows what was painted how: <i>…</i> series, [fg|bg]… heat, {…} dim, #…# title. */
const fake: PlotPaint = {
  series: (i, s) => `<${i}>${s}</${i}>`,
  heat: (fg, bg, ch) => `[${fg?.join(',') ?? '-'}|${bg?.join(',') ?? '-'}]${ch}`,
  dim: (s) => `{${s}}`,
  title: (s) => `#${s}#`,
};
const unpaint = (s: string): string => s.replace(/<\/?\d+>|\[[\d,-]*\|[\d,-]*\]|[{}#]/g, '');
const cols = (s: string): number => Array.from(s).length;

/** The plot rows: lines with the left axis (┤ or │) up to the bottom axis (└). */
function plotRows(out: string): string[] {
  const all = out.split('\n');
  const end = all.findIndex((l) => l.includes('└'));
  const axisCol = cols(all[end]!.split('└')[0]!);
  return all.slice(0, end).filter((l) => ['┤', '│'].includes(Array.from(l)[axisCol] ?? '')).map((l) => Array.from(l).slice(axisCol + 1).join(''));
}

const tiny = (points: [number, number][], extra: Partial<Figure> = {}): Figure =>
  lines('', [{ name: 's', points }], { x: { label: '', domain: [0, 1] }, y: { label: '', domain: [0, 1] }, ...extra });

describe('line charts in braille', () => {
  it('sets the dots of a known tiny figure', () => {
    // width 20: y labels '0'/'1' take 1 column + ' ┤', so the plot is 16 cells (32 dots) by 2 rows (8 dots)
    const flat = plotRows(renderFigureTerminal(tiny([[0, 0], [1, 0]]), { width: 20, height: 2 }));
    expect(renderFigureTerminal(tiny([[0, 0], [1, 0]]), { width: 20, height: 2 }).split('\n')).toContain('1 ┤');
    expect(flat).toEqual(['', '⣀'.repeat(16)]);
    const top = plotRows(renderFigureTerminal(tiny([[0, 1], [1, 1]]), { width: 20, height: 2 }));
    expect(top).toEqual(['⠉'.repeat(16), '']);
    const diag = plotRows(renderFigureTerminal(tiny([[0, 0], [1, 1]]), { width: 20, height: 2 }));
    // dot (q, round(7 - 7q/31)) for q = 0..31: the line climbs one dot row every ~4.4 dot columns
    const dots = new Set(Array.from({ length: 32 }, (_, q) => `${q},${Math.round(7 - (7 * q) / 31)}`));
    const bits = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
    const expected = [0, 1].map((r) => Array.from({ length: 16 }, (_, c) => {
      let b = 0;
      for (let dx = 0; dx < 2; dx++) for (let dy = 0; dy < 4; dy++) if (dots.has(`${2 * c + dx},${4 * r + dy}`)) b |= bits[dx]![dy]!;
      return b === 0 ? ' ' : String.fromCharCode(0x2800 + b);
    }).join('').trimEnd());
    expect(diag).toEqual(expected);
    expect(diag[1]!.startsWith('⣀')).toBe(true);
    expect(diag[0]!.endsWith('⠉')).toBe(true);
  });

  it('leaves a gap at NaN and ±Infinity and says so', () => {
    const pts: [number, number][] = Array.from({ length: 11 }, (_, i) => [i / 10, 0]);
    pts[5] = [0.5, NaN];
    pts[8] = [0.8, Infinity];
    const out = renderFigureTerminal(tiny(pts), { width: 40, height: 2 });
    const row = Array.from(plotRows(out)[1]!);
    const W = 40 - 3 - 1; // y labels '0' and '1', then ' ┤', and one column spare on the right
    expect(out.split('\n').find((l) => l.includes('└'))).toMatch(new RegExp(`^  └[─┬]{${W}}$`));
    const cell = (x: number): number => Math.floor(Math.round(x * (2 * W - 1)) / 2);
    for (let c = cell(0.4) + 1; c < cell(0.6); c++) expect(row[c] ?? ' ').toBe(' ');
    for (let c = cell(0.7) + 1; c < cell(0.9); c++) expect(row[c] ?? ' ').toBe(' ');
    expect(row[cell(0.2)]).toBe('⣀');
    expect(out).toContain('s: not finite at 2 of 11 points');
  });

  it('notes where the naive CE of PyTorch overflows, and draws the stable one through', () => {
    const fig = lines('CE', [series('naive CE', curves.naive_ce), series('stable CE', curves.stable_ce)]);
    const out = renderFigureTerminal(fig, { width: 60 });
    expect(out.split('\n').filter((l) => l.includes('not finite'))).toEqual(['naive CE: not finite for x >= 89']);
    expect(out).toContain('⠒⠒⠒ naive CE   ⠒x⠒ stable CE');
  });

  it('draws a constant series, a single point and an empty figure without throwing', () => {
    const flat = renderFigureTerminal(lines('c', [{ name: 'c', points: [[0, 2], [1, 2], [2, 2]] }]), { width: 40, height: 6 });
    const rows = plotRows(flat);
    expect(rows.filter((r) => /[\u2801-\u28ff]/.test(r))).toHaveLength(1);
    // 2 widened to [1.8, 2.2]: the line is on the tick row's top dots
    expect(flat).toMatch(new RegExp(`^2\\.0 ┤⠉{${40 - 6}}$`, 'm'));
    const one = renderFigureTerminal(lines('one', [{ name: 'p', points: [[3, 4]] }]), { width: 40, height: 6 });
    expect(plotRows(one).join('')).toContain(MARKERS[0]);
    expect(one).not.toContain('not finite');
    const none = renderFigureTerminal(lines('none', []), { width: 40, height: 6 });
    expect(none).toContain('no data');
    expect(none).toContain('└');
  });

  it('draws the frame and says so when every value is non-finite', () => {
    const fig = lines('all bad', [{ name: 'bad', points: [[0, NaN], [1, Infinity], [2, -Infinity]] }]);
    const out = renderFigureTerminal(fig, { width: 50, height: 6 });
    expect(out).toContain('no finite data');
    expect(out).toContain('bad: no finite values');
    expect(out.split('\n').some((l) => /^ *└[─┬]+$/.test(l))).toBe(true);
  });

  it('puts decades on a log axis and notes values <= 0', () => {
    const pts: [number, number][] = [[0, 100], [1, 10], [2, 1], [3, 0.1], [4, 0.01], [5, 0], [6, -1]];
    const out = renderFigureTerminal(lines('log', [{ name: 'loss', points: pts }], { y: { label: 'loss', scale: 'log' } }), { width: 64, height: 12 });
    const labels = out.split('\n').map((l) => /^\s*(\S+) ┤/.exec(l)?.[1]).filter((l) => l !== undefined);
    expect(labels).toEqual(['100', '10', '1', '0.1', '0.01']);
    expect(out).toContain('loss (log)');
    expect(out).toContain('loss: 2 of 7 points <= 0 (not shown on the log axis)');
  });

  it('tells series apart without colour (markers named in the legend) and colours them with paint', () => {
    const plain = renderFigureTerminal(regressionFigure(), { width: 80 });
    expect(plain).not.toMatch(/\x1b|<\d>/);
    expect(plain).toContain('⠒⠒⠒ MSE   ⠒x⠒ MAE   ⠒o⠒ Huber   ⠒◆⠒ log-cosh');
    const body = plotRows(plain).join('');
    for (const m of ['x', 'o', '◆']) expect(body).toContain(m);
    const painted = renderFigureTerminal(regressionFigure(), { width: 80, paint: fake });
    expect(painted).toContain('<1>⠒x⠒</1> MAE');
    expect(painted).toContain('#Regression losses#');
    expect(painted).toMatch(/\{[┤│]\}/);
    expect(unpaint(painted)).toBe(plain);
  });

  it('draws reference lines and labelled points', () => {
    const fig = lines('marks', [{ name: 's', points: [[0, 0], [10, 10]] }], {
      marks: [{ kind: 'vline', x: 5, label: 'half' }, { kind: 'hline', y: 8, label: 'target' }, { kind: 'point', x: 2, y: 2, label: 'start' }],
    });
    const out = renderFigureTerminal(fig, { width: 60, height: 10 });
    const rows = plotRows(out);
    // the line covers the reference line where they cross, the label covers none of it
    expect(rows.filter((r) => r.includes('┊')).length).toBeGreaterThanOrEqual(7);
    expect(rows.some((r) => /┈{10,}.*target/.test(r))).toBe(true);
    expect(rows.some((r) => r.includes('┊half') || r.includes('half┊'))).toBe(true);
    expect(rows.some((r) => /●.*start|start.*●/.test(r))).toBe(true);
  });
});

describe('heatmaps', () => {
  const grid: Figure = {
    title: 'h', kind: 'heatmap', x: { label: 'a' }, y: { label: 'b' }, series: [], marks: [],
    grid: { x: [0, 1], y: [0, 1], values: [[0, 1], [2, 3]], label: 'loss' },
  };
  it('uses the ASCII ramp without colour, one pixel per cell, explained in the legend', () => {
    const out = renderFigureTerminal(grid, { width: 24, height: 2 });
    // top row is y = 1 (values 2, 3: t = 2/3, 1), bottom row y = 0 (0, 1/3)
    expect(plotRows(out)).toEqual(['*'.repeat(10) + '@'.repeat(10), ' '.repeat(10) + '-'.repeat(10)]);
    expect(out).toContain(`loss  0 [${RAMP}] 3`);
  });
  it('uses half blocks with colour: the glyph for the upper pixel, the background for the lower', () => {
    const four: Figure = { ...grid, grid: { x: [0], y: [0, 1, 2, 3], values: [[0], [1], [2], [3]], label: 'loss' } };
    const out = renderFigureTerminal(four, { width: 24, height: 2, paint: fake });
    const rows = out.split('\n').filter((l) => /^\S* ?\{[┤│]\}/.test(l)).map((l) => l.replace(/^.*?\{[┤│]\}/, ''));
    // two character rows = four pixel rows: y = 3 over y = 2, then y = 1 over y = 0
    const c = (t: number): string => viridis(t)!.join(',');
    expect(rows).toEqual([`[${c(1)}|${c(2 / 3)}]${'▀'.repeat(20)}`, `[${c(1 / 3)}|${c(0)}]${'▀'.repeat(20)}`]);
    expect(out).toMatch(/^loss {2}0 (\[[\d,]+\|[\d,]+\]▀)+ 3$/m);
  });
  it('draws a path on top, marks gaps and notes them', () => {
    const n = 10;
    const values = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => (i === 6 && j === 2 ? NaN : i + j + 1)));
    const fig: Figure = {
      ...grid,
      grid: { x: [...Array(n).keys()], y: [...Array(n).keys()], values, label: 'loss', scale: 'log' },
      series: [{ name: 'path', points: [[0, 0], [9, 9]] }],
    };
    const out = renderFigureTerminal(fig, { width: 40, height: 10 });
    expect(out).toContain('loss: not finite at 1 of 100 cells');
    const rows = plotRows(out);
    expect(rows.join('')).toContain('?');
    // the path starts at the bottom left corner, in braille over the ramp
    expect(rows[9]!).toMatch(/^[\u2801-\u28ff]/);
    expect(out).toContain('1 [ .:-=+*#%@] 19 (log)');
  });
});

describe('over a heatmap, with colour', () => {
  it('paints the path with `over` on the cell colour and labels in black or white on it', () => {
    const fig: Figure = {
      title: '', kind: 'heatmap', x: { label: '' }, y: { label: '' }, marks: [{ kind: 'point', x: 0, y: 1, label: 'hi' }],
      grid: { x: [0, 1], y: [0, 1], values: [[0, 0], [1, 1]], label: 'v' },
      series: [{ name: 'p', points: [[0, 0], [1, 0]] }],
    };
    const over: PlotPaint = { ...fake, over: (i, bg, s) => `(${i}@${bg.join(',')})${s}` };
    const out = renderFigureTerminal(fig, { width: 24, height: 2, paint: over });
    const dark = viridis(0)!.join(',');
    const light = viridis(1)!.join(',');
    expect(out).toContain(`(0@${dark})⣀⣀⣀`);
    // the point mark and its label sit on the light top row: black ink
    expect(out).toContain(`[0,0,0|${light}]●[${light}|${light}]▀[0,0,0|${light}]hi`);
    // without `over` the path is painted as anywhere else
    expect(renderFigureTerminal(fig, { width: 24, height: 2, paint: fake })).toContain('<0>⣀⣀⣀');
  });
});

describe('bars', () => {
  const bars: Figure = {
    title: 'b', kind: 'bars', x: { label: 'loss' }, y: { label: 'value', domain: [0, 1] },
    categories: ['one', 'half', 'sixteenth', 'bad'],
    series: [{ name: 'v', points: [[0, 1], [1, 0.5], [2, 0.0625], [3, NaN]] }], marks: [],
  };
  it('draws eighth blocks in proportion, with the value at the end', () => {
    const out = renderFigureTerminal(bars, { width: 50 });
    const row = (name: string): string => out.split('\n').find((l) => l.startsWith(name))!;
    const eighths = (l: string): number => {
      const bar = /│([█▉▊▋▌▍▎▏]*)/.exec(l)![1]!;
      return Array.from(bar).reduce((n, ch) => n + (ch === '█' ? 8 : 8 - '▉▊▋▌▍▎▏'.indexOf(ch) - 1), 0);
    };
    const full = eighths(row('one'));
    expect(full % 8).toBe(0);
    expect(eighths(row('half'))).toBe(full / 2);
    expect(eighths(row('sixteenth'))).toBe(Math.round(full / 16));
    expect(row('one')).toMatch(/█ 1$/);
    expect(row('sixteenth')).toMatch(/ 0\.0625$/);
    expect(row('bad')).toMatch(/│ nan$/);
    expect(out).toContain('v: no bar for bad (not finite)');
  });
  it('groups several series by category and names them', () => {
    const fig: Figure = { ...bars, series: [bars.series[0]!, { name: 'w', points: [[0, 0.25], [1, 0.75]] }] };
    const out = renderFigureTerminal(fig, { width: 50, paint: fake });
    expect(out).toContain('<0>██</0> v   <1>██</1> w');
    expect(out).toMatch(/^one +<0>v<\/0> \{│\}<0>█+<\/0> 1$/m);
    expect(out).toMatch(/^ +<1>w<\/1> \{│\}<1>[█▏▎▍▌▋▊▉]+<\/1> 0\.25$/m);
  });
});

describe('every figure fits its width', () => {
  const figs: Figure[] = [
    regressionFigure(),
    lines('A title that is much longer than the narrowest terminal we support, with <tags> & "quotes"', [series('naive CE', curves.naive_ce), series('log-cosh', curves.logcosh_wide, 'points')]),
    { title: 'h', kind: 'heatmap', x: { label: 'x' }, y: { label: 'y' }, series: [{ name: 'p', points: [[0, 0], [1, 1]] }], marks: [{ kind: 'point', x: 0.5, y: 0.5, label: 'a very long label for a point' }],
      grid: { x: [0, 0.5, 1], y: [0, 1], values: [[1, 2, 3], [4, NaN, 6]], label: 'a label' } },
    { title: 'b', kind: 'bars', x: { label: '' }, y: { label: 'v' }, categories: ['a category name that is long', 'b'], series: [{ name: 's', points: [[0, -3], [1, 12345.678]] }, { name: 't', points: [[0, Infinity]] }], marks: [{ kind: 'hline', y: 5, label: 'five' }] },
    lines('empty', [{ name: 'e', points: [] }]),
    lines('const', [{ name: 'c', points: [[1, 0], [1, 0]] }], { y: { label: 'y', scale: 'log' } }),
  ];
  for (const width of [40, 41, 57, 80, 123, 200]) {
    it(`at width ${width}, with and without colour`, () => {
      for (const fig of figs) {
        const plain = renderFigureTerminal(fig, { width });
        for (const l of plain.split('\n')) expect(cols(l)).toBeLessThanOrEqual(width);
        const painted = renderFigureTerminal(fig, { width, paint: fake });
        expect(unpaint(painted).split('\n').map(cols).every((n) => n <= width)).toBe(true);
      }
    });
  }
});

describe('edge cases', () => {
  it('never throw and always fit, whatever the values (NaN, ±Infinity, subnormals, ±1e308, bad domains)', () => {
    const tooWide: string[] = [];
    randomFigures(200).forEach((fig, k) => {
      const width = 40 + ((k * 37) % 161);
      for (const paint of [undefined, fake]) {
        const out = renderFigureTerminal(fig, { width, paint });
        const text = paint === undefined ? out : unpaint(out);
        for (const l of text.split('\n')) if (cols(l) > width) tooWide.push(`figure ${k}, width ${width}: ${l}`);
      }
    });
    expect(tooWide).toEqual([]);
  });
});

describe('snapshots (looked at by eye)', () => {
  it('MSE and MAE of PyTorch over [-3, 3], with a reference line', () => {
    const fig = lines('MSE vs MAE', [series('MSE', curves.regression.MSE!), series('MAE', curves.regression.MAE!)], {
      x: { label: 'residual' }, y: { label: 'loss' }, marks: [{ kind: 'vline', x: 1, label: 'δ' }],
    });
    expect('\n' + renderFigureTerminal(fig, { width: 44, height: 8 })).toMatchInlineSnapshot(`
      "
                       MSE vs MAE
      ⠒⠒⠒ MSE   ⠒x⠒ MAE
      loss
      10 ┤⡀                        ┊δ           ⢀
         │⠘⢄                       ┊           ⡠⠃
         │ ⠈⠣⡀                     ┊         ⢀⠜⠁
         │   ⠉⢆⡀                   ┊       ⢀⡰⠉
       5 ┤     ⠑⢆                  ┊      ⡰⠊
         │⠤⠤⣀⣀   ⠙⢢⡀               ┊   ⢀⡔⠋   ⣀⣀x⠤
         │    ⠉x⠓⠒⠤⠬⣑⣄⡀            ┊⢀⣠⣊x⠤⠒⠚⠉⠉
       0 ┤            ⠉x⠓⠶⢦⣤⣄⣀⣠x⡴⠶⠚⠉⠉
         └──────┬────────────┬────────────┬──────
               -2            0            2
                         residual
      "
    `);
  });
  it('a small heatmap without colour, with a path over it', () => {
    const fig: Figure = {
      title: 'bowl', kind: 'heatmap', x: { label: 'w1' }, y: { label: 'w2' }, marks: [{ kind: 'point', x: 0, y: 0, label: 'min' }],
      grid: { x: [-2, -1, 0, 1, 2], y: [-1, 0, 1], values: [-1, 0, 1].map((y) => [-2, -1, 0, 1, 2].map((x) => x * x + 2 * y * y)), label: 'loss' },
      series: [{ name: 'path', points: [[-2, 1], [-1, 0.5], [0, 0]] }],
    };
    expect('\n' + renderFigureTerminal(fig, { width: 40, height: 6 })).toMatchInlineSnapshot(`
      "
                        bowl
      loss  0 [ .:-=+*#%@] 6
      ⠒⠒⠒ path
      w2
       1 ┤⠉⠒⠢⠤⣀⡀+++++++---------++++++++@@@@@
         │@@@@@⠈⠉⠒⠢⠤⣀⡀+---------++++++++@@@@@
         │*****::::::⠈⠉⠒⠢⠤⣀⡀    ::::::::*****
       0 ┤*****::::::::    ● min::::::::*****
         │@@@@@++++++++---------++++++++@@@@@
      -1 ┤@@@@@++++++++---------++++++++@@@@@
         └┬───────┬────────┬────────┬───────┬
         -2      -1        0        1       2
                          w1
      "
    `);
  });
  it('bars with a negative value and a reference line', () => {
    const fig: Figure = {
      title: 'gains', kind: 'bars', x: { label: '' }, y: { label: 'Δ loss' }, categories: ['a', 'bb', 'ccc'],
      series: [{ name: 'Δ', points: [[0, 1.5], [1, -0.75], [2, 0.2]] }], marks: [{ kind: 'hline', y: 1, label: 'one' }],
    };
    expect('\n' + renderFigureTerminal(fig, { width: 40 })).toMatchInlineSnapshot(`
      "
                       gains
                                  ┊one
      a   │            █████████████████ 1.5
      bb  │  ▕█████████ -0.75     ┊
      ccc │            █▉ 0.2     ┊
          └┬──────────┬───────────┬─────
          -1          0           1
                      Δ loss
      "
    `);
  });
});
