import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { noDisplayReason } from '../src/cli/explore.js';
import { computePanel } from '../src/explore/compute.js';
import { formatHash, parseHash } from '../src/explore/hash.js';
import { dataUnder, stepped } from '../src/explore/page.js';
import { invert, plotMaps } from '../src/explore/readout.js';
import { flagTakers } from '../src/explore/sections.js';
import { fixture, runCli, SECTION_NAMES, splitSections } from './helpers/cli.js';
import { LINKS, linkFixture, requestFor } from './helpers/explore.js';

/* The page's core in Node: the same panels as the browser computes, against PyTorch's outputs. */

describe.each(LINKS)('link #%s', (link) => {
  const expected = splitSections(linkFixture(link));
  it.each(SECTION_NAMES.map((name, i) => ({ name, i })))('$name equals PyTorch', async ({ name, i }) => {
    const result = await computePanel(requestFor(name, link));
    expect(result.ok && result.text).toBe(expected[i]);
  });
});

describe('bad values give the CLI line', () => {
  const cases: [string, Record<string, string>, string, string[]][] = [
    ['focal', { gamma: 'abc' }, '42', ['section', 'focal', '--gamma', 'abc']],
    ['landscape', { steps: '2000000' }, '42', ['section', 'landscape', '--steps', '2000000']],
    ['landscape', { start: '1,2,3' }, '42', ['section', 'landscape', '--start', '1,2,3']],
    ['dice', { 'batch-size': '100000' }, '42', ['section', 'dice', '--batch-size', '100000']],
    ['regression', { delta: '0' }, '42', ['section', 'regression', '--delta', '0']],
    ['triplet', {}, '1.5', ['section', 'triplet', '--seed', '1.5']],
  ];
  it.each(cases)('%s %o seed %s', async (section, flags, seed, args) => {
    const cli = runCli(args);
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    const result = await computePanel({ section, seed, rng: 'torch', flags, figures: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(`${result.error}\n`).toBe(cli.stderr);
  });

  it('an unknown rng', async () => {
    const cli = runCli(['section', 'focal', '--rng', 'nope']);
    const result = await computePanel({ section: 'focal', seed: '42', rng: 'nope', flags: {}, figures: false });
    expect(!result.ok && `${result.error}\n`).toBe(cli.stderr);
  });

  it('other bit sources as the CLI computes them', async () => {
    const result = await computePanel({ section: 'contrastive', seed: '5', rng: 'alea', flags: { margin: '2' }, figures: false });
    expect(result.ok && result.text).toBe(runCli(['section', 'contrastive', '--seed', '5', '--rng', 'alea', '--margin', '2']).stdout);
  });
});

describe('hash', () => {
  it('reads the issue example', () => {
    const s = parseHash('#seed=7&gamma=5&margin=3');
    expect([s.seed, s.rng, [...s.flags]]).toEqual(['7', 'torch', [['gamma', '5'], ['margin', '3']]]);
  });
  it('keeps + and commas, and round-trips', () => {
    const s = parseHash('#lr=1e+2&start=0.5,-1&rng=alea');
    expect(s.flags.get('lr')).toBe('1e+2');
    expect(formatHash(s)).toBe('#rng=alea&lr=1e%2B2&start=0.5,-1');
    expect(parseHash(formatHash(s))).toEqual(s);
    expect(formatHash(parseHash(''))).toBe('');
  });
  it('takes markup only as text', () => {
    expect(parseHash('#gamma=%3Cimg%20src%3Dx%3E').flags.get('gamma')).toBe('<img src=x>');
  });
});

describe('page helpers', () => {
  it('flags shared by sections, as `all` applies them', () => {
    expect(flagTakers().get('noise')!.sections.map((s) => s.name)).toEqual(['regression', 'contrastive', 'triplet', 'infonce', 'segmentation']);
  });
  it('steps a number in its last digit', () => {
    expect(stepped('0.25', 1, false)).toBe('0.26');
    expect(stepped('2.0', -1, true)).toBe('1.0');
    expect(stepped('0.05', -1, false)).toBe('0.04');
    expect(stepped('0', -1, false)).toBe('-1');
    expect(stepped('-0.1', 1, false)).toBe('0.0');
    expect(stepped('1e-6', 1, false)).toBeUndefined();
    expect(stepped('0,1', 1, false)).toBeUndefined();
  });
  it('inverts linear and log axes', () => {
    const attrs: Record<string, string> = {
      'data-plot': '50 20 400 200', 'data-x-domain': '0 10', 'data-y-domain': '0.001 1000', 'data-y-scale': 'log',
    };
    const maps = plotMaps((n) => attrs[n] ?? null)!;
    expect(invert(maps.x, 250)).toBe(5);
    expect(invert(maps.y, 220)).toBeCloseTo(0.001, 12);
    expect(invert(maps.y, 120)).toBeCloseTo(1, 12);
    expect(invert(maps.y, 20)).toBeCloseTo(1000, 9);
    expect(plotMaps(() => null)).toBeUndefined();
  });
  it('reads a heatmap cell and a bar chart category under the pointer', () => {
    const heat = { title: '', kind: 'heatmap' as const, x: { label: 'w1' }, y: { label: 'w2' }, series: [], marks: [],
      grid: { x: [0, 1, 2], y: [10, 20], values: [[1, 2, 3], [4, 5, 6]], label: 'loss' } };
    expect(dataUnder(heat, 1.2, 18)).toBe('; loss = 5');
    const bars = { title: '', kind: 'bars' as const, x: { label: '' }, y: { label: '' }, marks: [], categories: ['mse', 'mae'],
      series: [{ name: 'loss', points: [[0, 0.5], [1, 0.25]] as [number, number][] }] };
    expect(dataUnder(bars, 0.9, 0)).toBe('; mae: loss = 0.25');
    expect(dataUnder(bars, 5, 0)).toBe('');
  });

  it('opens a browser only where there is a display', () => {
    expect(noDisplayReason({}, 'linux', true)).toMatch(/no display/);
    expect(noDisplayReason({ DISPLAY: ':0' }, 'linux', true)).toBeUndefined();
    expect(noDisplayReason({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', true)).toBeUndefined();
    expect(noDisplayReason({ DISPLAY: ':0', CI: 'true' }, 'linux', true)).toMatch(/CI/);
    expect(noDisplayReason({ DISPLAY: ':0' }, 'linux', false)).toMatch(/terminal/);
    expect(noDisplayReason({}, 'darwin', true)).toBeUndefined();
  });
});

describe('loss-demo explore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loss-demo-explore-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the built page and prints its path', () => {
    const out = join(dir, 'page.html');
    const r = runCli(['explore', '--out', out, '--no-open']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${out}\n`, '']);
    const page = readFileSync(out, 'utf8');
    expect(page).toBe(readFileSync(new URL('../dist/explore.html', import.meta.url), 'utf8'));
    // one file: no script, style, image or font is fetched
    expect(page).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('defaults to ./loss-demo.html and does not fail without a display', () => {
    const bin = fileURLToPath(new URL('../bin/loss-demo.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'explore'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' } });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${join(dir, 'loss-demo.html')}\n`, '']);
  });

  it.each([['/nonexistent-dir/page.html', 'no such directory, ENOENT'], ['.', 'it is a directory, EISDIR']])(
    'an unwritable --out %s is one line and exit 2', (out, why) => {
      const r = runCli(['explore', '--out', out, '--no-open']);
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(`loss-demo: option '--out <file>' argument '${out}' is invalid. expected a file path that can be written (${why})\n`);
    });
});
