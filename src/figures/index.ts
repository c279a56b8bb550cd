import type { Figure } from '../figure/model.js';
import type { RunContext } from '../sections/types.js';

/** Builds one section's figures from the same run context and options as its text. */
export type FigureBuilder = (ctx: RunContext, options: Record<string, unknown>) => Figure[];

/**
 * Lazy loaders by section name (`regression`, ...); a section without figures is absent. Each
 * builder's module is imported only when figures are asked for, so a run without them loads none.
 */
export const FIGURES: Readonly<Record<string, () => Promise<FigureBuilder>>> = {
  regression: () => import('./regression.js').then((m) => m.figures),
  'cross-entropy': () => import('./cross-entropy.js').then((m) => m.figures),
  focal: () => import('./focal.js').then((m) => m.figures),
  'label-smoothing': () => import('./label-smoothing.js').then((m) => m.figures),
  contrastive: () => import('./contrastive.js').then((m) => m.figures),
  triplet: () => import('./triplet.js').then((m) => m.figures),
  dice: () => import('./dice.js').then((m) => m.figures),
  multitask: () => import('./multitask.js').then((m) => m.figures),
  landscape: () => import('./landscape.js').then((m) => m.figures),
  infonce: () => import('./infonce.js').then((m) => m.figures),
  segmentation: () => import('./segmentation.js').then((m) => m.figures),
};
