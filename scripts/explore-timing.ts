/*
 * The explorer page's timings in headless Chromium (no network), for BENCHMARKS.md:
 *   npm run build && npx vite-node scripts/explore-timing.ts [loads] [page.html]
 * (another page, such as an older build, to compare under the same load: default dist/explore.html)
 * Per load: navigation start to the first panel's output and to every panel's, then the time
 * from a knob's `change` to its panel's new output, for a few sections at default sizes.
 */
import { statSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium, launchGuarded } from '../test/helpers/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = process.argv[3] ?? join(root, 'dist/explore.html');
const loads = Number(process.argv[2] ?? 10);
const chromium = findChromium();
if (!chromium) throw new Error('no Chromium found');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const browser = await launchGuarded(chromium);
const first: number[] = [];
const all: number[] = [];
const knobs: Record<string, number[]> = {};
const KNOBS: [string, string, string][] = [['focal', 'gamma', '3'], ['triplet', 'margin', '2'], ['dice', 'smooth', '1'], ['landscape', 'lr', '0.001'], ['regression', 'delta', '2']];
for (let i = 0; i < loads; i++) {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('html[data-ready="true"]');
  const marks = await page.evaluate(() => ['first-output', 'all-output'].map((m) => performance.getEntriesByName(`loss-demo:${m}`)[0]!.startTime));
  first.push(marks[0]!);
  all.push(marks[1]!);
  for (const [section, flag, value] of KNOBS) {
    const ms = await page.evaluate(([s, f, v]) => new Promise<number>((done) => {
      const panel = document.querySelector(`[data-section="${s}"]`)!;
      const input = panel.querySelector<HTMLInputElement>(`input[name="${f}"]`)!;
      const t0 = performance.now();
      new MutationObserver((_, obs) => {
        if (panel.getAttribute('data-state') === 'ready') {
          obs.disconnect();
          done(performance.now() - t0);
        }
      }).observe(panel, { attributes: true, attributeFilter: ['data-state'] });
      input.value = v!;
      input.dispatchEvent(new Event('change'));
    }), [section, flag, value] as const);
    (knobs[`${section} --${flag} ${value}`] ??= []).push(ms);
  }
  await page.close();
}
await browser.close();
const html = readFileSync(file);
console.log(`page: ${statSync(file).size} bytes, ${gzipSync(html).length} gzipped`);
console.log(`first panel output: median ${median(first).toFixed(0)} ms (min ${Math.min(...first).toFixed(0)}, max ${Math.max(...first).toFixed(0)}) over ${loads} loads`);
console.log(`all panels: median ${median(all).toFixed(0)} ms (min ${Math.min(...all).toFixed(0)}, max ${Math.max(...all).toFixed(0)})`);
for (const [k, v] of Object.entries(knobs)) console.log(`change ${k}: median ${median(v).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)}`);
if (browser.blocked.length || browser.errors.length) console.log('blocked/errors:', browser.blocked, browser.errors);
