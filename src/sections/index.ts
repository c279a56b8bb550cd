import type { SectionDef } from './types.js';
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

/** The script's sections in print order: the one registry the CLI, `list` and renderers read. */
export const SECTIONS: readonly SectionDef[] = [
  regression, crossEntropy, focal, labelSmoothing, contrastive, triplet, dice, multitask, landscape, summary,
];

/** A section by name (`focal`) or number (`3`). */
export function findSection(nameOrNumber: string): SectionDef | undefined {
  return SECTIONS.find((s) => s.name === nameOrNumber || (s.number !== null && String(s.number) === nameOrNumber));
}
