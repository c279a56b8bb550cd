import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/cli.js';

/*
 * Every section option at non-default values against torch_reference.py (test/fixtures/options).
 * For the extra sections, whose cases test/sections.test.ts checks in-process, only the cases
 * that set several options go through the CLI (each spawn costs about 0.3 s).
 */

const EXTRAS = new Set(['infonce', 'segmentation']);

const cases = fixture('options/cases.txt')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [section, ...settings] = l.trim().split(/\s+/);
    return { section: section!, settings };
  })
  .filter(({ section, settings }) => !EXTRAS.has(section) || settings.length > 1);

describe.each(cases)('$section $settings', ({ section, settings }) => {
  const name = [section, ...settings].join('__');
  const args = ['section', section, ...settings.flatMap((s) => {
    const [opt, v] = s.split('=');
    return [`--${opt}`, v!];
  })];

  it('text', () => {
    const r = runCli(args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(fixture(`options/${name}.txt`));
  });

  it('--precision full', () => {
    const r = runCli([...args, '--precision', 'full']);
    expect(r.stdout).toBe(fixture(`options/${name}-full.txt`));
  });
});
