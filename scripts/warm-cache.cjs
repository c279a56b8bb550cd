#!/usr/bin/env node
/*
 * The build's last step: makes dist/loss-demo.cjs.cache and dist/plot.cjs.cache from `all`,
 * `extras`, `all --plot` and `extras --plot` run in one process (src/cli/launch.cts, warm), so
 * `all`, `extras` and their figures all start from cached bytecode. The text runs come first:
 * the main bundle's cache data is taken when the first figures raise V8's tier-up budget (a
 * cache is only valid under the flags it was made under). LOSS_DEMO_WARM_RUNS, runs
 * separated by ';', replaces the list (for measuring). Output goes to stdout; the build sends it
 * to /dev/null.
 */
const { warm } = require('../dist/launch.cjs');
const { version } = require('../package.json');

const RUNS = (process.env.LOSS_DEMO_WARM_RUNS ?? 'all;extras;all --plot;extras --plot').split(';').map((r) => r.trim().split(/\s+/));

warm(RUNS, version).catch((err) => {
  process.stderr.write(`warm-cache: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
