/*
 * Screenshots of the explorer page, desktop (1280×900) and narrow (390×844), light and dark, in
 * headless Chromium with no network, to look at while working on the page:
 *   npm run build && npx vite-node scripts/explore-screenshots.ts [out-dir] [--readme]
 * Per mode: the top of the page, then one panel of each figure kind (lines, scatter and marks;
 * bars; a heatmap with a path), and a figure with the keyboard probe on it (its readout shown).
 * --readme also writes docs/explore.png: desktop, light, the header and the first panel with its
 * figure, clipped there at CSS pixels (scale: 'css') so it stays under 200 KB.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { findChromium, launchGuarded } from '../test/helpers/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--')) ?? '/tmp/explore-shots';
mkdirSync(out, { recursive: true });
const chromium = findChromium();
if (!chromium) throw new Error('no Chromium found');
const url = pathToFileURL(join(root, 'dist/explore.html')).href;
/** Panels with one kind of figure each: lines and vlines, bars, a heatmap with a descent path. */
const PANELS = ['focal', 'multitask', 'landscape', 'summary'];

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['narrow', { width: 390, height: 844 }]] as const) {
    const browser = await launchGuarded(chromium, { colorScheme: scheme, viewport });
    const page = await browser.newPage();
    await page.goto(`${url}#gamma=3`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.screenshot({ path: join(out, `${name}-${scheme}.png`) });
    for (const section of PANELS) {
      await page.locator(`[data-section="${section}"]`).screenshot({ path: join(out, `${name}-${scheme}-${section}.png`) });
    }
    // the keyboard's probe on the landscape's heatmap, two steps right of the centre
    const svg = page.locator('[data-section="landscape"] .figures svg').first();
    await svg.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-section="landscape"] .figures figure').first().screenshot({ path: join(out, `${name}-${scheme}-probe.png`) });
    if (args.includes('--readme') && name === 'desktop' && scheme === 'light') {
      mkdirSync(join(root, 'docs'), { recursive: true });
      await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
      // down to the end of the first panel's first figure
      const bottom = await page.locator('[data-section="regression"] .figures figure').first()
        .evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY + 4);
      await page.screenshot({ path: join(root, 'docs/explore.png'), clip: { x: 0, y: 0, width: viewport.width, height: Math.min(bottom, viewport.height) }, scale: 'css', animations: 'disabled' });
    }
    if (browser.blocked.length || browser.errors.length) console.error(browser.blocked, browser.errors);
    await browser.close();
  }
}
console.log(out);
