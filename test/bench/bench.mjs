#!/usr/bin/env node
// `npm run bench`: whole-process wall time and peak RSS, side by side, several interleaved rounds.
//   node test/bench/bench.mjs [--rounds N] [--reference path/to/torch_reference.py]
// Compares `loss-demo all` with `node -e 0` (the floor) and, where /usr/bin/python3 has PyTorch and
// the reference script is found, with PyTorch itself; then the large Dice cases (PyTorch with
// OMP_NUM_THREADS=1, whose sums then follow one thread's order like ours).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1];
};
const rounds = Number(opt('--rounds', '10'));
const bin = fileURLToPath(new URL('../../bin/loss-demo.js', import.meta.url));
const refDefault = fileURLToPath(new URL('../../../shared/reference/torch_reference.py', import.meta.url));
const reference = opt('--reference', existsSync(refDefault) ? refDefault : undefined);
const hasTime = existsSync('/usr/bin/time');
const hasTorch = existsSync('/usr/bin/python3')
  && spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const torch = reference && hasTorch;

/*
 * NODE_EXTRA_CA_CERTS makes every Node process read and parse that certificate file at start-up
 * (about 80 ms for Debian's bundle, on this project's machine, where it is set): the machine's
 * setting, not loss-demo's, and the same for every command, so it would shrink every ratio
 * against `loss-demo all`. The commands run without it.
 */
const baseEnv = { ...process.env };
const extraCa = baseEnv.NODE_EXTRA_CA_CERTS;
delete baseEnv.NODE_EXTRA_CA_CERTS;

/** One run: wall seconds, CPU seconds (user + system) and peak RSS in KiB (from GNU time when present). */
function measure(cmd, env) {
  const argv = hasTime ? ['/usr/bin/time', '-f', '%U %S %M', ...cmd] : cmd;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env: { ...baseEnv, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const [user, sys, rss] = hasTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { wall, cpu: user + sys, rss, out: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the cases in interleaved rounds (so a busy machine slows them alike) and prints a table of
 * medians; returns them, with each case's last output.
 */
function bench(title, cases, n) {
  const results = cases.map(() => ({ wall: [], cpu: [], rss: [], out: '' }));
  for (let r = 0; r < n; r++) {
    cases.forEach((c, i) => {
      const m = measure(c.cmd, c.env);
      results[i].wall.push(m.wall);
      results[i].cpu.push(m.cpu);
      results[i].rss.push(m.rss);
      results[i].out = m.out;
    });
  }
  const medians = results.map((r) => ({ wall: median(r.wall), cpu: median(r.cpu), rss: median(r.rss), out: r.out }));
  const base = medians[0];
  const ms = (v) => (Number.isNaN(v) ? 'n/a' : (v * 1000).toFixed(1));
  const mib = (v) => (Number.isNaN(v) ? 'n/a' : (v / 1024).toFixed(1));
  const ratio = (v, b) => (Number.isNaN(v) ? 'n/a' : (v / b).toFixed(2));
  console.log(`\n${title} (${n} rounds, medians)`);
  console.log('| command | wall (ms) | × first | CPU (ms) | × first | peak RSS (MiB) | × first |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  cases.forEach((c, i) => {
    const m = medians[i];
    console.log(`| ${c.name} | ${ms(m.wall)} | ${ratio(m.wall, base.wall)} | ${ms(m.cpu)} | ${ratio(m.cpu, base.cpu)} | ${mib(m.rss)} | ${ratio(m.rss, base.rss)} |`);
  });
  return medians;
}

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
if (!hasTime) console.log('(GNU time not found at /usr/bin/time: peak RSS not measured)');
if (extraCa !== undefined) console.log(`(NODE_EXTRA_CA_CERTS=${extraCa} is unset for the measured commands: it costs every Node start the parsing of that file)`);

const startup = [
  { name: '`node -e 0`', cmd: [process.execPath, '-e', '0'] },
  { name: '`loss-demo all`', cmd: [process.execPath, bin, 'all'] },
  // start-up alone: loads and renders, computes nothing
  { name: '`loss-demo section summary`', cmd: [process.execPath, bin, 'section', 'summary'] },
  // the two extra sections (InfoNCE, segmentation), within the same budget as `all`
  { name: '`loss-demo extras`', cmd: [process.execPath, bin, 'extras'] },
  // the figures (issue 12's budget: at most 1.5× `loss-demo all`); stdout is a pipe, so 80 columns, no colour
  { name: '`loss-demo all --plot`', cmd: [process.execPath, bin, 'all', '--plot'] },
  { name: '`loss-demo extras --plot`', cmd: [process.execPath, bin, 'extras', '--plot'] },
];
if (torch) startup.push({ name: 'PyTorch script', cmd: ['/usr/bin/python3', reference], env: { OMP_NUM_THREADS: '1' } });
if (torch) startup.push({ name: 'PyTorch extras', cmd: ['/usr/bin/python3', reference, '--extras'], env: { OMP_NUM_THREADS: '1' } });
const started = bench('Start-up: the whole demo', startup, rounds);
const at = (name) => started[startup.findIndex((c) => c.name === name)];
const allRun = at('`loss-demo all`');
console.log(`\nall --plot / all: ${(at('`loss-demo all --plot`').wall / allRun.wall).toFixed(2)} wall, ${(at('`loss-demo all --plot`').cpu / allRun.cpu).toFixed(2)} CPU (budget 1.5); extras / all: ${(at('`loss-demo extras`').wall / allRun.wall).toFixed(2)} wall`);

const sizes = [[4, 64, 64], [16, 128, 128], [64, 256, 256], [64, 512, 512]];
const dice = [];
for (const [b, h, w] of sizes) {
  const n = b * h * w;
  dice.push({ name: `loss-demo dice ${n} elements`, n, cmd: [process.execPath, bin, 'section', 'dice', '--batch-size', `${b}`, '--height', `${h}`, '--width', `${w}`] });
}
const grown = bench('Dice at growing sizes: loss-demo', dice, Math.max(3, Math.floor(rounds / 3)));
// linear growth: the time per element beyond the smallest case should not depend on the size
console.log('\n| elements | wall − smallest (ms) | per element (ns) | CPU per element (ns) |');
console.log('| ---: | ---: | ---: | ---: |');
dice.forEach((c, i) => {
  if (i === 0) return;
  const dn = c.n - dice[0].n;
  const dw = grown[i].wall - grown[0].wall;
  const dc = grown[i].cpu - grown[0].cpu;
  console.log(`| ${c.n} | ${(dw * 1000).toFixed(1)} | ${((dw * 1e9) / dn).toFixed(1)} | ${((dc * 1e9) / dn).toFixed(1)} |`);
});
if (torch) {
  const [b, h, w] = sizes[sizes.length - 1];
  const big = [
    { name: `loss-demo dice ${b * h * w}`, cmd: [process.execPath, bin, 'section', 'dice', '--batch-size', `${b}`, '--height', `${h}`, '--width', `${w}`] },
    { name: `loss-demo dice ${b * h * w} (LOSS_DEMO_THREADS=1)`, cmd: [process.execPath, bin, 'section', 'dice', '--batch-size', `${b}`, '--height', `${h}`, '--width', `${w}`], env: { LOSS_DEMO_THREADS: '1' } },
    { name: `PyTorch dice ${b * h * w} (1 thread)`, cmd: ['/usr/bin/python3', reference, '--section', 'dice', `dice.batch-size=${b}`, `dice.height=${h}`, `dice.width=${w}`], env: { OMP_NUM_THREADS: '1' } },
  ];
  const [ours, oneThread, theirs] = bench('Largest Dice case vs PyTorch', big, Math.max(3, Math.floor(rounds / 3)));
  console.log(`\nOutput identical to PyTorch's: ${ours.out === theirs.out && oneThread.out === theirs.out ? 'yes' : 'NO'}`);
}
