#!/usr/bin/env node
/*
 * Bundles the CLI into dist/ (CommonJS for Node 20, run through src/cli/launch.cts's code cache):
 *
 *   loss-demo.cjs        the CLI: commands, sections, text, tables and JSON
 *   plot.cjs             the figure code (`--plot`): src/cli/plot.ts, the figure builders and the
 *                        terminal renderer, loaded only when figures are asked for
 *   launch.cjs           the launcher bin/loss-demo.js calls
 *   dice-worker.cjs      Dice's second thread
 *   explore-command.cjs  `loss-demo explore`
 *
 * plot.cjs carries only the modules the main bundle lacks. Every module both use stays in
 * loss-demo.cjs, whose entry hands them to the launcher by path (provideHost), and plot.cjs gets
 * them from there (companion), so the figures run on the very kernels the text warmed up instead
 * of cold copies of them. esbuild splits code only for ES modules, which Node 20 cannot run from
 * a code cache, hence the plugins. No module of either bundle is lazily initialised by esbuild
 * beyond the few the CLI imports on demand (renderers, tables): a lazily imported module's
 * constants become variables, which cost the kernels' optimised code.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (p) => resolve(root, p);
const key = (abs) => relative(root, abs).split('\\').join('/');
const HOST_PREFIX = 'loss-demo-host:';
const MAIN_ENTRY = at('src/cli/main.ts');
const PLOT_ENTRY = at('src/cli/plot.ts');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  absWorkingDir: root,
  alias: { 'node:child_process': './src/cli/lazy-child-process.cts' },
  define: { 'import.meta.url': '__loss_demo_url' },
  banner: { js: "const __loss_demo_url = require('node:url').pathToFileURL(__filename).href;" },
};

/** The resolved path of a relative import of a .ts source (imports say .js). */
function sourceOf(path, resolveDir) {
  return resolve(resolveDir, path).replace(/\.js$/, '.ts');
}

/**
 * The main bundle's entry: src/cli/main.ts, after handing the launcher the modules plot.cjs
 * uses (`hostKeys`). The namespace imports are static, at the bundle's top level: were they in
 * the lazily loaded companion below, esbuild would wrap every one of those modules (the tensor
 * core and the kernels) in a lazy initialiser, and their module-level constants would become
 * variables V8 cannot fold: that cost `all` 17 ms.
 */
function entryWithHost(hostKeys) {
  return {
    name: 'entry-with-host',
    setup(b) {
      b.onResolve({ filter: /^loss-demo:entry$/ }, () => ({ path: 'entry', namespace: 'entry' }));
      b.onResolve({ filter: /^\.\/launch\.cjs$/, namespace: 'entry' }, () => ({ path: './launch.cjs', external: true }));
      b.onLoad({ filter: /.*/, namespace: 'entry' }, () => ({
        contents: [
          ...hostKeys.map((k, i) => `import * as m${i} from ${JSON.stringify(at(k))};`),
          `require('./launch.cjs').provideHost({ ${hostKeys.map((k, i) => `${JSON.stringify(k)}: m${i}`).join(', ')} });`,
          `export * from ${JSON.stringify(MAIN_ENTRY)};`,
        ].join('\n'),
        resolveDir: at('src/cli'),
        loader: 'js',
      }));
    },
  };
}

/** In the main bundle, `import('./plot.js')` becomes the companion: plot.cjs's exports, by name. */
function plotAsCompanion(plotExports) {
  return {
    name: 'plot-as-companion',
    setup(b) {
      b.onResolve({ filter: /^\.\/plot\.js$/ }, (args) =>
        sourceOf(args.path, args.resolveDir) === PLOT_ENTRY ? { path: 'plot', namespace: 'companion' } : undefined);
      b.onResolve({ filter: /^\.\/launch\.cjs$/, namespace: 'companion' }, () => ({ path: './launch.cjs', external: true }));
      b.onLoad({ filter: /.*/, namespace: 'companion' }, () => ({
        contents: [
          "const plot = require('./launch.cjs').companion('plot.cjs');",
          ...plotExports.map((n) => `export const ${n} = plot.${n};`),
        ].join('\n'),
        resolveDir: at('src/cli'),
        loader: 'js',
      }));
    },
  };
}

/** In plot.cjs, every module the main bundle has is the host's, asked for by its path. */
function hostModules(mainInputs, used) {
  return {
    name: 'host-modules',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const abs = sourceOf(args.path, args.resolveDir);
        if (abs === PLOT_ENTRY || !mainInputs.has(key(abs))) return undefined;
        used.add(key(abs));
        return { path: HOST_PREFIX + key(abs), external: true };
      });
    },
  };
}

/**
 * In plot.cjs, the figure registry with its builders imported statically: the bundle itself is
 * what loads lazily, and lazily imported modules are wrapped in initialisers (see entryWithHost).
 */
function staticFigures() {
  const registry = at('src/figures/index.ts');
  const entries = [...readFileSync(registry, 'utf8').matchAll(/^\s+'?([\w-]+)'?: \(\) => import\('\.\/([\w-]+)\.js'\)/gm)];
  if (entries.length === 0) throw new Error('bundle: no lazy builders found in src/figures/index.ts');
  return {
    name: 'static-figures',
    setup(b) {
      b.onResolve({ filter: /\/figures\/index\.js$/ }, (args) =>
        sourceOf(args.path, args.resolveDir) === registry ? { path: 'figures', namespace: 'static-figures' } : undefined);
      b.onLoad({ filter: /.*/, namespace: 'static-figures' }, () => ({
        contents: [
          ...entries.map(([, , file], i) => `import { figures as b${i} } from ${JSON.stringify(at(`src/figures/${file}.ts`))};`),
          `export const FIGURES = { ${entries.map(([, name], i) => `${JSON.stringify(name)}: () => Promise.resolve(b${i})`).join(', ')} };`,
        ].join('\n'),
        resolveDir: at('src/figures'),
        loader: 'js',
      }));
    },
  };
}

rmSync(at('dist'), { recursive: true, force: true });

const otherEntries = {
  launch: at('src/cli/launch.cts'),
  'dice-worker': at('src/sections/dice-worker.ts'),
  'explore-command': at('src/cli/explore.ts'),
};
const outOpts = { outdir: at('dist'), outExtension: { '.js': '.cjs' } };

// 1. What the main bundle holds without the figure code (written nowhere).
const probe = await build({
  ...common, ...outOpts, entryPoints: { 'loss-demo': MAIN_ENTRY }, write: false, metafile: true,
  plugins: [{
    name: 'no-plot',
    setup(b) {
      b.onResolve({ filter: /^\.\/plot\.js$/ }, () => ({ path: 'plot', namespace: 'no-plot' }));
      b.onLoad({ filter: /.*/, namespace: 'no-plot' }, () => ({ contents: 'export {}', loader: 'js' }));
    },
  }],
});
const mainInputs = new Set(Object.keys(probe.metafile.inputs).filter((k) => !k.includes(':')));

// 2. plot.cjs, with the modules the main bundle has left to it.
const used = new Set();
const plot = await build({
  ...common, ...outOpts, entryPoints: { plot: PLOT_ENTRY }, metafile: true, plugins: [staticFigures(), hostModules(mainInputs, used)],
});
// esbuild's metafile lists an entry's exports for ES module output only
const plotEsm = await build({ ...common, entryPoints: [PLOT_ENTRY], write: false, metafile: true, format: 'esm', outdir: at('dist') });
const plotExports = Object.values(plotEsm.metafile.outputs).find((o) => o.entryPoint !== undefined).exports;
if (plotExports.length === 0) throw new Error('bundle: src/cli/plot.ts exports nothing');

// 3. The main bundle and the other entries, the main one handing plot.cjs its modules.
await build({
  ...common, ...outOpts, entryPoints: { ...otherEntries, 'loss-demo': 'loss-demo:entry' },
  plugins: [entryWithHost([...used].sort()), plotAsCompanion(plotExports)],
});
