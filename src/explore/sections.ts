/* The sections the page shows and the flags they take, read from the registry. */
import { ALL_SECTIONS, optionsByFlag } from '../sections/index.js';
import type { OptionDef, SectionDef } from '../sections/types.js';

/** Sections 1-9, the summary, then the extras. */
export const PAGE_SECTIONS: readonly SectionDef[] = ALL_SECTIONS;

export function findPageSection(name: string): SectionDef | undefined {
  return PAGE_SECTIONS.find((s) => s.name === name);
}

/** Each flag with the sections that take it, in first-declared order (`--noise`: five sections). */
export function flagTakers(): Map<string, { option: OptionDef; sections: SectionDef[] }> {
  return optionsByFlag(PAGE_SECTIONS);
}

/**
 * What a flag allows, in the CLI's own words: every parser rejects the empty string with the
 * message the CLI prints for a bad value ("expected an integer in [0, 1000000]").
 */
export function allowedText(option: OptionDef): string {
  try {
    option.parse('');
  } catch (err) {
    if (err instanceof Error) return err.message;
  }
  return '';
}
