import { describe, expect, it } from 'vitest';
import { FIXTURE_SEEDS, SECTION_NAMES, fixture, runCli, splitSections } from './helpers/cli.js';

/*
 * The built CLI against torch_reference.py's output (test/fixtures/cli): `all` for every fixture
 * seed, and `section NAME` for a few (the fidelity suite checks the sections in-process for 225).
 */

describe.each(FIXTURE_SEEDS)('seed %s', (seed) => {
  it.each([['text', []], ['--precision full', ['--precision', 'full']]] as const)('all, %s', (kind, precision) => {
    const r = runCli(['all', '--seed', seed, ...precision]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fixture(`cli/seed-${seed}${kind === 'text' ? '' : '-full'}.txt`));
  });
});

describe.each(['42', '-1'])('section NAME --seed %s', (seed) => {
  it.each(SECTION_NAMES.map((name, i) => [name, i] as const))('%s, text and full precision', (name, i) => {
    expect(runCli(['section', name, '--seed', seed]).stdout).toBe(splitSections(fixture(`cli/seed-${seed}.txt`))[i]);
    expect(runCli(['section', name, '--seed', seed, '--precision', 'full']).stdout)
      .toBe(splitSections(fixture(`cli/seed-${seed}-full.txt`))[i]);
  });
});

it('with no options, `all` prints the reference run (seed 42)', () => {
  expect(runCli(['all']).stdout).toBe(fixture('cli/seed-42.txt'));
});

it('a section may be named by its number', () => {
  expect(runCli(['section', '3']).stdout).toBe(splitSections(fixture('cli/seed-42.txt'))[2]);
});
