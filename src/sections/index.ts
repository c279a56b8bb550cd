import type { OptionDef, SectionDef } from './types.js';
import { section as regression } from './regression.js';
import { section as crossEntropy } from './cross-entropy.js';
import { section as focal } from './focal.js';
import { section as labelSmoothing } from './label-smoothing.js';
import { section as contrastive } from './contrastive.js';
import { section as triplet } from './triplet.js';
import { section as dice } from './dice.js';
import { section as multitask } from './multitask.js';
import { section as landscape } from './landscape.js';
import { section as summary } from './summary.js';
import { section as infonce } from './infonce.js';
import { section as segmentation } from './segmentation.js';

/** The script's sections in print order: the one registry the CLI, `list` and renderers read. */
export const SECTIONS: readonly SectionDef[] = [
  regression, crossEntropy, focal, labelSmoothing, contrastive, triplet, dice, multitask, landscape, summary,
];

/**
 * The extra sections (extras.py: what the script names but never shows), in print order: run by
 * `extras` and `section`, not by `all`, which prints exactly the script.
 */
export const EXTRA_SECTIONS: readonly SectionDef[] = [infonce, segmentation];

/** Every section `section NAME` can run: the script's, then the extras. */
export const ALL_SECTIONS: readonly SectionDef[] = [...SECTIONS, ...EXTRA_SECTIONS];

/** A section (the script's or an extra) by name (`focal`) or number (`3`, `10`). */
export function findSection(nameOrNumber: string): SectionDef | undefined {
  return ALL_SECTIONS.find((s) => s.name === nameOrNumber || (s.number !== null && String(s.number) === nameOrNumber));
}

/** The options of `defs` by flag, with the sections that take each (`--noise`: several), in declaration order. */
export function optionsByFlag(defs: readonly SectionDef[]): Map<string, { option: OptionDef; sections: SectionDef[] }> {
  const byFlag = new Map<string, { option: OptionDef; sections: SectionDef[] }>();
  for (const def of defs) {
    for (const option of def.options) {
      const entry = byFlag.get(option.flag) ?? { option, sections: [] };
      entry.sections.push(def);
      byFlag.set(option.flag, entry);
    }
  }
  return byFlag;
}
