import type { OptionDef } from '../options.js';
import type { SectionReport } from '../report.js';
import type { Generator } from '../rng/index.js';

export type { OptionDef };

export interface RunContext {
  /** A generator seeded as `torch.manual_seed(seed)` with the chosen bit source; each call is fresh. */
  readonly manualSeed: () => Generator;
}

export interface SectionDef<O extends object = Record<string, unknown>> {
  /** 1-9 (10, 11 for the extras); null for the summary. */
  readonly number: number | null;
  /** An extra section (extras.py): not part of `all`, run by `extras` and `section`. */
  readonly extra?: boolean;
  readonly name: string;
  /** The title printed in the section header. */
  readonly title: string;
  readonly options: readonly OptionDef[];
  /** Checks options together (e.g. a cap on total work); returns what is wrong, or undefined. */
  readonly validate?: (options: O) => string | undefined;
  run(ctx: RunContext, options: O): SectionReport;
}

/** Keeps a section's option type while letting the registry hold all sections in one list. */
export function defineSection<O extends object>(def: SectionDef<O>): SectionDef {
  return def as unknown as SectionDef;
}

/** The option values of a section at their defaults. */
export function defaultsOf(def: SectionDef): Record<string, unknown> {
  return Object.fromEntries(def.options.map((o) => [o.key, o.defaultValue]));
}
