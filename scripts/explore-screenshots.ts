/*
 * Screenshots of the explorer page, desktop (1280×900) and narrow (390×844), light and dark, in
 * headless Chromium with no network, to look at while working on the page:
 *   npm run build && npx vite-node scripts/explore-screenshots.ts [out-dir] [--readme]
 * --readme also writes docs/explore.png (desktop, light), the README's picture.
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

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['narrow', { width: 390, height: 844 }]] as const) {
    const browser = await launchGuarded(chromium, { colorScheme: scheme, viewport });
    const page = await browser.newPage();
    await page.goto(`${url}#gamma=3`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.screenshot({ path: join(out, `${name}-${scheme}.png`) });
    await page.locator('[data-section="focal"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `${name}-${scheme}-focal.png`) });
    if (args.includes('--readme') && name === 'desktop' && scheme === 'light') {
      mkdirSync(join(root, 'docs'), { recursive: true });
      await page.screenshot({ path: join(root, 'docs/explore.png') });
    }
    if (browser.blocked.length || browser.errors.length) console.error(browser.blocked, browser.errors);
    await browser.close();
  }
}
console.log(out);
