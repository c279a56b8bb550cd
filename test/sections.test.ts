import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSectionText } from '../src/render/text.js';
import { manualSeed } from '../src/rng/index.js';
import { EXTRA_SECTIONS, SECTIONS, findSection } from '../src/sections/index.js';
import { defaultsOf, type SectionDef } from '../src/sections/types.js';
import { FIXTURE_SEEDS, fixture, splitSections } from './helpers/cli.js';

/*
 * Every section rendered in-process against torch_reference.py: the whole-run fixtures
 * (test/fixtures/cli) at every fixture seed, and the option fixtures of
 * test/fixtures/sections/<name> (test/fixtures/sections/make_fixtures.sh made them from each folder's
 * cases.txt) and test/fixtures/options,
 * in text and at full precision.
 */

function render(def: SectionDef, seed: string, settings: readonly string[], full: boolean): string {
  const options = defaultsOf(def);
  for (const s of settings) {
    const [flag, raw] = s.split('=') as [string, string];
    const opt = def.options.find((o) => o.flag === flag);
    if (!opt) throw new Error(`no option --${flag}`);
    options[opt.key] = opt.parse(raw);
  }
  const report = def.run({ manualSeed: () => manualSeed(BigInt(seed)) }, options);
  return renderSectionText(def.title, report, full ? 'full' : undefined);
}

/** Files `s<seed>__<flag>=<value>_<flag>=<value>.txt` of test/fixtures/sections/<name>. */
function sectionCases(name: string): Array<{ file: string; seed: string; settings: string[] }> {
  const dir = new URL(`./fixtures/sections/${name}/`, import.meta.url);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('-full.txt'))
    .map((f) => {
      const [seed, opts] = f.slice(1, -'-full.txt'.length).split('__') as [string, string];
      return { file: f.slice(0, -'-full.txt'.length), seed, settings: opts.split('_') };
    });
}

const optionLines = fixture('options/cases.txt').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

// the script's sections come from the whole-run fixtures of test/fixtures/cli, the extras from
// those of test/fixtures/extras (`torch_reference.py --extras`)
const registries = [
  ...SECTIONS.map((def, index) => [def.name, def, index, 'cli'] as const),
  ...EXTRA_SECTIONS.map((def, index) => [def.name, def, index, 'extras'] as const),
];

describe.each(registries)('%s', (name, def, index, wholeRun) => {
  it.each(FIXTURE_SEEDS)('seed %s, text and full precision', (seed) => {
    for (const full of [false, true]) {
      const expected = splitSections(fixture(`${wholeRun}/seed-${seed}${full ? '-full' : ''}.txt`))[index];
      expect(render(def, seed, [], full)).toBe(expected);
    }
  });

  const cases = sectionCases(name);
  if (def.options.length) {
    it('has option fixtures', () => expect(cases.length).toBeGreaterThan(2));
  }
  it.each(cases)('seed $seed $settings', ({ file, seed, settings }) => {
    expect(render(def, seed, settings, false)).toBe(fixture(`sections/${name}/${file}.txt`));
    expect(render(def, seed, settings, true)).toBe(fixture(`sections/${name}/${file}-full.txt`));
  });

  const options = optionLines.map((l) => l.trim().split(/\s+/)).filter(([s]) => s === name)
    .map(([, ...settings]) => ({ file: [name, ...settings].join('__'), settings }));
  it.each(options)('seed 42 $settings (test/fixtures/options)', ({ file, settings }) => {
    expect(render(def, '42', settings, false)).toBe(fixture(`options/${file}.txt`));
    expect(render(def, '42', settings, true)).toBe(fixture(`options/${file}-full.txt`));
  });
});

describe('option checks beyond one value', () => {
  it('dice caps the mask size', () => {
    const dice = findSection('dice')!;
    expect(dice.validate!({ smooth: 1e-6, batchSize: 64, height: 512, width: 512 })).toBeUndefined();
    expect(dice.validate!({ smooth: 1e-6, batchSize: 1024, height: 1024, width: 1024 })).toMatch('33554432');
  });

  it('regression rejects a delta huber_loss would refuse', () => {
    const delta = findSection('regression')!.options.find((o) => o.flag === 'delta')!;
    expect(() => delta.parse('0')).toThrow();
    expect(() => delta.parse('-1')).toThrow();
    expect(delta.parse('1e-3')).toBe(0.001);
  });
});
