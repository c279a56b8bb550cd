#!/usr/bin/env node
/*
 * Builds dist/explore.html, the page `loss-demo explore` writes: src/explore/main.ts bundled for
 * the browser (minified, one IIFE) and page.css, both inline in page.html. No file of the page is
 * fetched at run time, so it works from file: with no network. Node-only modules are swapped for
 * browser versions: dice-parallel (one thread) and node:module (seedrandom bundled).
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = (p) => `${root}src/explore/${p}`;

const swap = {
  name: 'browser-modules',
  setup(b) {
    b.onResolve({ filter: /(^|\/)dice-parallel\.js$/ }, () => ({ path: `${root}src/sections/dice-parallel.browser.ts` }));
    b.onResolve({ filter: /^node:module$/ }, () => ({ path: src('shims/node-module.ts') }));
  },
};

const result = await build({
  entryPoints: [src('main.ts')],
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  legalComments: 'none',
  // sources.ts hands import.meta.url to createRequire, which the shim ignores
  define: { 'import.meta.url': '"about:blank"' },
  plugins: [swap],
  logLevel: 'warning',
});
const js = result.outputFiles[0].text;
if (/<\/script/i.test(js)) throw new Error('the bundle contains </script: it cannot be inlined');
const css = readFileSync(src('page.css'), 'utf8');
const html = readFileSync(src('page.html'), 'utf8')
  .replace('/*CSS*/', () => css.trim())
  .replace('/*JS*/', () => js.trim());
mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/explore.html`, html);
