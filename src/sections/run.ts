import { manualSeed, type RngName } from '../rng/index.js';
import type { SectionReport } from '../report.js';
import type { SectionDef } from './types.js';

export interface RunSettings {
  readonly seed: bigint;
  readonly rng: RngName;
}

export interface SectionRun {
  readonly def: SectionDef;
  readonly options: Record<string, unknown>;
  readonly report: SectionReport;
}

/** Runs one section: each torch.manual_seed of the script gets a freshly seeded generator. */
export function runSection(def: SectionDef, options: Record<string, unknown>, settings: RunSettings): SectionRun {
  const report = def.run({ manualSeed: () => manualSeed(settings.seed, settings.rng) }, options);
  return { def, options, report };
}
