#!/usr/bin/env node
// The figure builders' cost after a whole run, as `loss-demo all --plot` would pay it: each round
// a fresh node process runs every section (text; the extras too) and then every section's figure builder at the
// default options, from one esbuild bundle (as the CLI ships). Prints the medians.
//   node test/bench/figures.mjs [--rounds N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const args = process.argv.slice(2);
const i = args.indexOf('--rounds');
const rounds = i === -1 ? 9 : Number(args[i + 1]);
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'figbench-'));
const entry = path.join(dir, 'entry.ts');
writeFileSync(entry, `
import { FIGURES } from ${JSON.stringify(path.join(root, 'src/figures/index.ts'))};
import { ALL_SECTIONS as SECTIONS } from ${JSON.stringify(path.join(root, 'src/sections/index.ts'))};
import { defaultsOf } from ${JSON.stringify(path.join(root, 'src/sections/types.ts'))};
import { manualSeed } from ${JSON.stringify(path.join(root, 'src/rng/index.ts'))};
const ctx = { manualSeed: () => manualSeed(42n) };
(async () => {
const t0 = performance.now();
for (const s of SECTIONS) s.run(ctx, defaultsOf(s));
const t1 = performance.now();
const per = {};
for (const s of SECTIONS) {
  const load = FIGURES[s.name];
  if (!load) continue;
  const t = performance.now();
  (await load())(ctx, defaultsOf(s));
  per[s.name] = performance.now() - t;
}
const t2 = performance.now();
console.log(JSON.stringify({ sections: t1 - t0, figures: t2 - t1, per }));
})();
`);
const out = path.join(dir, 'bench.cjs');
await build({
  entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning',
  define: { 'import.meta.url': '__url' }, banner: { js: "const __url = require('node:url').pathToFileURL(__filename).href;" },
});
const results = [];
for (let r = 0; r < rounds; r++) {
  const p = spawnSync(process.execPath, [out], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(p.stderr);
  results.push(JSON.parse(p.stdout));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`sections (text) ${median(results.map((r) => r.sections)).toFixed(1)} ms, figures ${median(results.map((r) => r.figures)).toFixed(1)} ms (medians of ${rounds} fresh processes)`);
for (const name of Object.keys(results[0].per)) console.log(`  ${name.padEnd(16)} ${median(results.map((r) => r.per[name])).toFixed(1)} ms`);
