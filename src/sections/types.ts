import type { SectionReport } from '../report.js';
import type { Generator } from '../rng/index.js';

/** One option of a section, declared once: the CLI, `list`, help and JSON all read it. */
export interface OptionDef<T = unknown> {
  /** Long flag without dashes, as in the reference README: `gamma` is `--gamma`. */
  readonly flag: string;
  /** The key in the section's options object (camelCase of `flag`). */
  readonly key: string;
  readonly description: string;
  readonly defaultValue: T;
  /** The default as the README writes it, e.g. `2.0` or `0,1,2,5`. */
  readonly defaultText: string;
  /** Parses and validates the raw text; throws commander's InvalidArgumentError. */
  readonly parse: (raw: string) => T;
  /** An example value for help. */
  readonly example: string;
}

export interface RunContext {
  /** A generator seeded as `torch.manual_seed(seed)` with the chosen bit source; each call is fresh. */
  readonly manualSeed: () => Generator;
}

export interface SectionDef<O extends object = Record<string, unknown>> {
  /** 1-9; null for the summary. */
  readonly number: number | null;
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
