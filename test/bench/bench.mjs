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

/** One run: wall seconds and peak RSS in KiB (from GNU time when present). */
function measure(cmd, env) {
  const argv = hasTime ? ['/usr/bin/time', '-f', '%M', ...cmd] : cmd;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const rss = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { wall, rss, out: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function bench(title, cases, n) {
  const results = cases.map(() => ({ wall: [], rss: [] }));
  for (let r = 0; r < n; r++) {
    cases.forEach((c, i) => {
      const m = measure(c.cmd, c.env);
      results[i].wall.push(m.wall);
      results[i].rss.push(m.rss);
    });
  }
  const base = median(results[0].wall);
  const baseRss = median(results[0].rss);
  console.log(`\n${title} (${n} rounds, medians)`);
  console.log('| command | wall (ms) | × first | peak RSS (MiB) | × first |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  cases.forEach((c, i) => {
    const w = median(results[i].wall);
    const m = median(results[i].rss);
    const rss = Number.isNaN(m) ? 'n/a' : (m / 1024).toFixed(1);
    const rr = Number.isNaN(m) ? 'n/a' : (m / baseRss).toFixed(2);
    console.log(`| ${c.name} | ${(w * 1000).toFixed(1)} | ${(w / base).toFixed(2)} | ${rss} | ${rr} |`);
  });
}

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
if (!hasTime) console.log('(GNU time not found at /usr/bin/time: peak RSS not measured)');

const startup = [
  { name: '`node -e 0`', cmd: [process.execPath, '-e', '0'] },
  { name: '`loss-demo all`', cmd: [process.execPath, bin, 'all'] },
];
if (torch) startup.push({ name: 'PyTorch script', cmd: ['/usr/bin/python3', reference], env: { OMP_NUM_THREADS: '1' } });
bench('Start-up: the whole demo', startup, rounds);

const sizes = [[4, 64, 64], [16, 128, 128], [64, 256, 256], [64, 512, 512]];
const dice = [];
for (const [b, h, w] of sizes) {
  const n = b * h * w;
  dice.push({ name: `loss-demo dice ${n} elements`, cmd: [process.execPath, bin, 'section', 'dice', '--batch-size', `${b}`, '--height', `${h}`, '--width', `${w}`] });
}
bench('Dice at growing sizes: loss-demo', dice, Math.max(3, Math.floor(rounds / 3)));
if (torch) {
  const [b, h, w] = sizes[sizes.length - 1];
  const big = [
    { name: `loss-demo dice ${b * h * w}`, cmd: [process.execPath, bin, 'section', 'dice', '--batch-size', `${b}`, '--height', `${h}`, '--width', `${w}`] },
    { name: `PyTorch dice ${b * h * w} (1 thread)`, cmd: ['/usr/bin/python3', reference, '--section', 'dice', `dice.batch-size=${b}`, `dice.height=${h}`, `dice.width=${w}`], env: { OMP_NUM_THREADS: '1' } },
  ];
  bench('Largest Dice case vs PyTorch', big, Math.max(3, Math.floor(rounds / 3)));
}
