import { describe, expect, it } from 'vitest';
import { FIGURES } from '../src/figures/index.js';
import { renderFigureTerminal } from '../src/render/plot-terminal.js';
import { contextFor } from '../src/sections/run.js';
import { ALL_SECTIONS } from '../src/sections/index.js';
import { defaultsOf } from '../src/sections/types.js';

/*
 * Each section's figures (the extras' too) as `--plot` draws them without colour at 80 columns,
 * for the default options and seed 42. The snapshots under __snapshots__/figures were looked at one by one before
 * they were committed; a change to a builder or a renderer shows up here as a diff to look at again.
 */
describe.each(ALL_SECTIONS.filter((d) => FIGURES[d.name]).map((d) => [d.name, d] as const))('%s', (name, def) => {
  it('draws its figures as reviewed', async () => {
    const build = await FIGURES[name]!();
    const figures = build(contextFor({ seed: 42n, rng: 'torch' }), defaultsOf(def));
    const drawn = figures.map((f) => renderFigureTerminal(f, { width: 80 })).join('\n');
    await expect(drawn).toMatchFileSnapshot(`./__snapshots__/figures/${name}.txt`);
  });
});
