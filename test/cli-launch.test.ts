import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from './helpers/cli.js';

// The launcher (src/cli/launch.cts) and its V8 code cache, on a copy of the built bundle.
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const EXPECTED = fixture('cli/seed-42.txt');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o755);
    rmSync(d, { recursive: true, force: true });
  }
});

function copyOfDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loss-demo-launch-'));
  dirs.push(dir);
  for (const f of ['launch.cjs', 'loss-demo.cjs', 'plot.cjs']) copyFileSync(join(DIST, f), join(dir, f));
  return dir;
}

function run(dir: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const code = `require(${JSON.stringify(join(dir, 'launch.cjs'))}).launch(['node', 'loss-demo', ...process.argv.slice(1)], '0.0.0')`;
  const r = spawnSync(process.execPath, ['-e', code, '--', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('code cache', () => {
  it('is made by the first successful run and used by the next', () => {
    const dir = copyOfDist();
    const cache = join(dir, 'loss-demo.cjs.cache');
    expect(run(dir, ['all'])).toEqual({ status: 0, stdout: EXPECTED, stderr: '' });
    expect(existsSync(cache)).toBe(true);
    const made = statSync(cache).mtimeMs;
    expect(run(dir, ['all']).stdout).toBe(EXPECTED);
    expect(statSync(cache).mtimeMs).toBe(made);
  });

  it('is not made by a run that fails', () => {
    const dir = copyOfDist();
    const r = run(dir, ['all', '--seed', 'x']);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'loss-demo.cjs.cache'))).toBe(false);
  });

  it('is ignored and made again when the bundle changed or the file is damaged', () => {
    const dir = copyOfDist();
    const cache = join(dir, 'loss-demo.cjs.cache');
    run(dir, ['all']);
    const good = readFileSync(cache);
    // the same bundle with a new modification time, as a rebuild leaves it
    const later = new Date(statSync(join(dir, 'loss-demo.cjs')).mtimeMs + 5000);
    utimesSync(join(dir, 'loss-demo.cjs'), later, later);
    expect(run(dir, ['all']).stdout).toBe(EXPECTED);
    expect(readFileSync(cache).equals(good)).toBe(false);
    // garbage where V8's data should be
    writeFileSync(cache, Buffer.concat([readFileSync(cache).subarray(0, 24), Buffer.alloc(4096, 7)]));
    expect(run(dir, ['all'])).toEqual({ status: 0, stdout: EXPECTED, stderr: '' });
    expect(readFileSync(cache).length).toBeGreaterThan(4096 + 24);
  });

  it.skipIf(process.getuid?.() === 0)('is optional: a read-only install runs without one', () => {
    const dir = copyOfDist();
    chmodSync(dir, 0o555);
    expect(run(dir, ['all'])).toEqual({ status: 0, stdout: EXPECTED, stderr: '' });
    expect(existsSync(join(dir, 'loss-demo.cjs.cache'))).toBe(false);
  });
});

describe('the figure code in a bundle of its own', () => {
  /** The source modules a bundle holds, from esbuild's `// src/...` headers. */
  const modulesOf = (file: string): string[] =>
    [...readFileSync(join(DIST, file), 'utf8').matchAll(/^\/\/ (src\/\S+\.c?ts)$/gm)].map((m) => m[1]!);

  it('plot.cjs holds the figure builders and renderer, and nothing the main bundle has', () => {
    const main = modulesOf('loss-demo.cjs');
    const plot = modulesOf('plot.cjs');
    expect(plot).toContain('src/cli/plot.ts');
    expect(plot).toContain('src/figures/focal.ts');
    expect(plot).toContain('src/render/plot-terminal.ts');
    expect(main.filter((m) => m.startsWith('src/figures/') || m.startsWith('src/render/plot-'))).toEqual([]);
    expect(plot.filter((m) => main.includes(m))).toEqual([]);
  });

  it('wraps no kernel in a lazy initialiser (their constants would become variables: 15 ms on all)', () => {
    /** Modules esbuild initialises lazily: `"src/...ts"() {` inside an __esm({...}). */
    const lazy = (file: string): string[] =>
      [...readFileSync(join(DIST, file), 'utf8').matchAll(/^ {2}"(src\/\S+\.c?ts)"\(\) \{$/gm)].map((m) => m[1]!);
    expect(lazy('loss-demo.cjs').filter((m) => /^src\/(tensor|sections|losses|rng|figure)\//.test(m))).toEqual([]);
    expect(lazy('plot.cjs')).toEqual([]);
    // the check sees wrappers where there are some: the CLI's on-demand renderers
    expect(lazy('loss-demo.cjs')).toContain('src/render/runs-text.ts');
  });

  it('is loaded by --plot only; a run with figures has caches of its own (made under its raised budget)', () => {
    const dir = copyOfDist();
    const textCache = join(dir, 'loss-demo.cjs.cache');
    expect(run(dir, ['all']).stdout).toBe(EXPECTED);
    expect(existsSync(textCache)).toBe(true);
    const made = statSync(textCache).mtimeMs;
    expect(existsSync(join(dir, 'plot.cjs.figures.cache'))).toBe(false);
    const r = run(dir, ['section', 'focal', '--plot']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Focal loss vs p_t');
    expect(existsSync(join(dir, 'plot.cjs.figures.cache'))).toBe(true);
    expect(existsSync(join(dir, 'loss-demo.cjs.figures.cache'))).toBe(true);
    // the text run's cache is neither replaced by the run with figures nor rejected after it
    expect(statSync(textCache).mtimeMs).toBe(made);
    expect(run(dir, ['all']).stdout).toBe(EXPECTED);
    expect(statSync(textCache).mtimeMs).toBe(made);
    const figuresCache = statSync(join(dir, 'loss-demo.cjs.figures.cache')).mtimeMs;
    expect(run(dir, ['section', 'focal', '--plot-width=80']).stdout).toBe(r.stdout);
    expect(statSync(join(dir, 'loss-demo.cjs.figures.cache')).mtimeMs).toBe(figuresCache);
  });

  it('knows a command line that asks for figures (the budget is all that depends on it)', async () => {
    const { asksForFigures } = (await import(join(DIST, 'launch.cjs'))) as { asksForFigures: (a: string[]) => boolean };
    expect(asksForFigures(['all', '--plot'])).toBe(true);
    expect(asksForFigures(['section', 'focal', '--plot-width', '60'])).toBe(true);
    expect(asksForFigures(['extras', '--plot-width=60'])).toBe(true);
    expect(asksForFigures(['all'])).toBe(false);
    expect(asksForFigures(['all', '--plotx'])).toBe(false);
    expect(asksForFigures(['all', '--', '--plot'])).toBe(false);
  });
});
