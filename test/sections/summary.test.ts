import { describe, expect, it } from 'vitest';
import { renderSectionText } from '../../src/render/text.js';
import { manualSeed } from '../../src/rng/index.js';
import { section } from '../../src/sections/summary.js';
import { FIXTURE_SEEDS, SECTION_NAMES, fixture, splitSections } from '../helpers/cli.js';

/*
 * The summary (the selection guide and the closing banner, which torch_reference's split_sections
 * keeps with it) against the whole-run fixtures (test/fixtures/cli), in text and at full precision.
 */

const INDEX = SECTION_NAMES.indexOf('summary');

describe.each(FIXTURE_SEEDS)('seed %s', (seed) => {
  it.each([false, true])('full precision: %s', (full) => {
    const expected = splitSections(fixture(`cli/seed-${seed}${full ? '-full' : ''}.txt`))[INDEX];
    const report = section.run({ manualSeed: () => manualSeed(BigInt(seed)) }, {});
    expect(renderSectionText(section.title, report, full ? 'full' : undefined)).toBe(expected);
  });
});

describe('summary', () => {
  it('has no options and no computed values', () => {
    expect(section.options).toEqual([]);
    const report = section.run({ manualSeed: () => manualSeed(0n) }, {});
    expect(report.lines.every((line) => line.every((part) => typeof part === 'string'))).toBe(true);
  });
});
