import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSectionText } from '../../src/render/text.js';
import { manualSeed } from '../../src/rng/index.js';
import { section } from '../../src/sections/dice.js';
import { defaultsOf } from '../../src/sections/types.js';
import { FIXTURE_SEEDS, fixture, splitSections } from '../helpers/cli.js';

/*
 * Section dice rendered in-process against torch_reference.py: the whole-run fixtures
 * (test/fixtures/cli) at every fixture seed, and the option fixtures of
 * test/fixtures/sections/dice and test/fixtures/options, in text and at full precision.
 */

const NAME = 'dice';
const INDEX = 6;

function render(seed: string, settings: readonly string[], full: boolean): string {
  const options = defaultsOf(section);
  for (const s of settings) {
    const [flag, raw] = s.split('=') as [string, string];
    const opt = section.options.find((o) => o.flag === flag);
    if (!opt) throw new Error(`no option --${flag}`);
    options[opt.key] = opt.parse(raw);
  }
  const report = section.run({ manualSeed: () => manualSeed(BigInt(seed)) }, options);
  return renderSectionText(section.title, report, full ? 'full' : undefined);
}

describe.each(FIXTURE_SEEDS)('seed %s', (seed) => {
  it.each([false, true])('full precision: %s', (full) => {
    const expected = splitSections(fixture(`cli/seed-${seed}${full ? '-full' : ''}.txt`))[INDEX];
    expect(render(seed, [], full)).toBe(expected);
  });
});

const sectionCases = readdirSync(new URL(`../fixtures/sections/${NAME}/`, import.meta.url))
  .filter((f) => f.endsWith('-full.txt'))
  .map((f) => {
    const [seed, opts] = f.slice(1, -'-full.txt'.length).split('__') as [string, string];
    return { file: f.slice(0, -'-full.txt'.length), seed, settings: opts.split('_') };
  });

const optionCases = fixture('options/cases.txt')
  .split('\n')
  .map((l) => l.trim().split(/\s+/))
  .filter(([s]) => s === NAME)
  .map(([, ...settings]) => ({ name: [NAME, ...settings].join('__'), settings }));

describe('options', () => {
  it('has fixtures', () => {
    expect(sectionCases.length).toBeGreaterThan(5);
    expect(optionCases.length).toBeGreaterThan(2);
  });

  it.each(sectionCases)('seed $seed $settings', ({ file, seed, settings }) => {
    expect(render(seed, settings, false)).toBe(fixture(`sections/${NAME}/${file}.txt`));
    expect(render(seed, settings, true)).toBe(fixture(`sections/${NAME}/${file}-full.txt`));
  });

  it.each(optionCases)('seed 42 $settings', ({ name, settings }) => {
    expect(render('42', settings, false)).toBe(fixture(`options/${name}.txt`));
    expect(render('42', settings, true)).toBe(fixture(`options/${name}-full.txt`));
  });
});
