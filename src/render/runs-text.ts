import type { SectionRun } from '../sections/run.js';
import { PLAIN, renderSectionText, type Paint, type Precision } from './text.js';

/** The script's output: each section's header and lines, exactly as Python prints them. */
export function renderRunsText(runs: readonly SectionRun[], precision: Precision, paint: Paint = PLAIN): string {
  return runs.map((r) => renderSectionText(r.def.title, r.report, precision, paint)).join('');
}
