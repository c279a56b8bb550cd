#!/usr/bin/env node
/*
 * The build's last step: makes the code caches (src/cli/launch.cts, warm) from `all` and `extras`
 * (dist/loss-demo.cjs.cache) and from `all --plot` and `extras --plot`
 * (dist/loss-demo.cjs.figures.cache, dist/plot.cjs.figures.cache), so `all`, `extras` and their
 * figures all start from cached bytecode. A run with figures runs under a raised V8 tier-up
 * budget from its start and a cache is only valid under the flags it was made under, so the two
 * kinds of run are warmed in two processes: the runs without figures here, those with figures in
 * a child. LOSS_DEMO_WARM_RUNS, runs separated by ';', replaces the list (for measuring). Output
 * goes to stdout; the build sends it to /dev/null.
 */
const { spawnSync } = require('node:child_process');
const { asksForFigures, warm } = require('../dist/launch.cjs');
const { version } = require('../package.json');

const RUNS = (process.env.LOSS_DEMO_WARM_RUNS ?? 'all;extras;all --plot;extras --plot').split(';').map((r) => r.trim().split(/\s+/));
const text = RUNS.filter((r) => !asksForFigures(r));
const figures = RUNS.filter((r) => asksForFigures(r));

function figuresInChild() {
  const env = { ...process.env, LOSS_DEMO_WARM_RUNS: figures.map((r) => r.join(' ')).join(';') };
  const r = spawnSync(process.execPath, [__filename], { env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the runs with figures failed (${r.error?.message ?? `exit ${r.status}`})`);
}

(text.length > 0 ? warm(text, version).then(() => figures.length > 0 && figuresInChild()) : warm(figures, version)).catch((err) => {
  process.stderr.write(`warm-cache: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
