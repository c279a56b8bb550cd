import { manualSeed, type RngName } from '../rng/index.js';
import type { SectionReport } from '../report.js';
import type { Figure } from '../figure/model.js';
import type { RunContext, SectionDef } from './types.js';

export interface RunSettings {
  readonly seed: bigint;
  readonly rng: RngName;
}

export interface SectionRun {
  readonly def: SectionDef;
  readonly options: Record<string, unknown>;
  readonly report: SectionReport;
  /** The section's figures, when they were asked for (`--plot`, the page). */
  readonly figures?: readonly Figure[];
}

/** The context a section (and its figure builder) runs in: each torch.manual_seed of the script gets a freshly seeded generator. */
export function contextFor(settings: RunSettings): RunContext {
  return { manualSeed: () => manualSeed(settings.seed, settings.rng) };
}

/** Runs one section. */
export function runSection(def: SectionDef, options: Record<string, unknown>, settings: RunSettings): SectionRun {
  const report = def.run(contextFor(settings), options);
  return { def, options, report };
}
