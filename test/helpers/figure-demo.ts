/**
 * Shows the demo figures (figure-demo-data.ts) for looking at them by eye; not a test:
 *   npx vite-node test/helpers/figure-demo.ts [WIDTH] [NAME] [--color] [--svg DIR]
 * --color paints with chalk in truecolor; --svg DIR also writes DIR/NAME.svg (800×500), which
 * headless Chromium can turn into PNGs.
 */
import { Chalk } from 'chalk';
import { writeFileSync } from 'node:fs';
import { renderFigureSvg } from '../../src/render/plot-svg.js';
import { renderFigureTerminal, type PlotPaint } from '../../src/render/plot-terminal.js';
import { demoFigures } from './figure-demo-data.js';

const args = process.argv.slice(2);
const width = Number(args.find((a) => /^\d+$/.test(a)) ?? 80);
const color = args.includes('--color');
const ch = new Chalk({ level: 3 });
const pal = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948'];
const paint: PlotPaint | undefined = color
  ? {
      series: (i: number, s: string) => ch.hex(pal[i % pal.length]!)(s),
      heat: (fg: readonly number[] | null, bg: readonly number[] | null, s: string) => {
        let c = ch;
        if (fg) c = c.rgb(fg[0]!, fg[1]!, fg[2]!);
        if (bg) c = c.bgRgb(bg[0]!, bg[1]!, bg[2]!);
        return c(s);
      },
      dim: (s: string) => ch.dim(s),
      over: (i: number, bg: readonly number[], s: string) => ch.hex(i === 0 ? '#ffffff' : pal[i % pal.length]!).bold.bgRgb(bg[0]!, bg[1]!, bg[2]!)(s),
      title: (s: string) => ch.bold(s),
    }
  : undefined;
const figs = demoFigures();
const only = args.find((a) => a in figs);
for (const [name, fig] of Object.entries(figs)) {
  if (only !== undefined && name !== only) continue;
  process.stdout.write(renderFigureTerminal(fig, { width, paint }) + '\n');
}
const svgDir = args[args.indexOf('--svg') + 1];
if (args.includes('--svg') && svgDir !== undefined) {
  for (const [name, fig] of Object.entries(figs)) writeFileSync(`${svgDir}/${name}.svg`, renderFigureSvg(fig, { width: 800, height: 500 }));
}
