import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runSection } from '../src/sections/run.js';
import { renderSectionText } from '../src/render/text.js';
import { EXTRA_SECTIONS, SECTIONS } from '../src/sections/index.js';
import { defaultsOf } from '../src/sections/types.js';
import { splitSections } from './helpers/cli.js';

/*
 * The fidelity suite: every section for 225 seeds at --precision full against PyTorch
 * (test/fixtures/fidelity/make_fixtures.sh), and the extra sections for 125 seeds
 * (make_fixtures.sh --extras), computed in-process.
 */

function readRuns(file: string): Array<{ seed: string; sections: string[] }> {
  return gunzipSync(readFileSync(new URL(`./fixtures/fidelity/${file}`, import.meta.url)))
    .toString('utf8')
    .split(/^### seed /m)
    .filter(Boolean)
    .map((chunk) => {
      const nl = chunk.indexOf('\n');
      return { seed: chunk.slice(0, nl), sections: splitSections(chunk.slice(nl + 1)) };
    });
}

const suites = [
  { runs: readRuns('seeds-full.txt.gz'), defs: SECTIONS },
  { runs: readRuns('extras-seeds-full.txt.gz'), defs: EXTRA_SECTIONS },
];

describe.each(suites.flatMap(({ runs, defs }) => defs.map((def, i) => [def.name, def, i, runs] as const)))('%s', (_name, def, i, runs) => {
  it(`is bit-identical to PyTorch for ${runs.length} seeds at full precision`, () => {
    const mismatched: string[] = [];
    for (const { seed, sections } of runs) {
      const run = runSection(def, defaultsOf(def), { seed: BigInt(seed), rng: 'torch' });
      const got = renderSectionText(def.title, run.report, 'full');
      if (got !== sections[i]) mismatched.push(seed);
    }
    expect(mismatched, `seeds that differ: ${mismatched.join(' ')}`).toEqual([]);
  });
});
