import { describe, expect, it } from 'vitest';
import { FIXTURE_SEEDS, SECTION_NAMES, fixture, runCli, splitSections } from './helpers/cli.js';

/* `loss-demo all` and `loss-demo section NAME` against torch_reference.py's output (test/fixtures/cli). */

describe.each(FIXTURE_SEEDS)('seed %s', (seed) => {
  for (const full of [false, true]) {
    const expected = fixture(`cli/seed-${seed}${full ? '-full' : ''}.txt`);
    const precision = full ? ['--precision', 'full'] : [];

    it(`all${full ? ' --precision full' : ''} prints PyTorch's output`, () => {
      const r = runCli(['all', '--seed', seed, ...precision]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(expected);
    });

    it.each(SECTION_NAMES.map((name, i) => [name, i] as const))(`section %s${full ? ' --precision full' : ''}`, (name, i) => {
      const r = runCli(['section', name, '--seed', seed, ...precision]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(splitSections(expected)[i]);
    });
  }
});

it('with no options, `all` prints the reference run (seed 42)', () => {
  expect(runCli(['all']).stdout).toBe(fixture('cli/seed-42.txt'));
});

it('a section may be named by its number', () => {
  expect(runCli(['section', '3']).stdout).toBe(splitSections(fixture('cli/seed-42.txt'))[2]);
});
