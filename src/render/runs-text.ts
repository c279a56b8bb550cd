import type { SectionRun } from '../sections/run.js';
import { PLAIN, renderSectionText, type Paint, type Precision } from './text.js';

/** Draws a run's figures (the CLI passes the terminal renderer only for `--plot`). */
export type DrawFigures = (run: SectionRun) => string;

/**
 * The script's output: each section's header and lines, exactly as Python prints them; with
 * `draw`, each section's figures follow its text.
 */
export function renderRunsText(runs: readonly SectionRun[], precision: Precision, paint: Paint = PLAIN, draw?: DrawFigures): string {
  return runs.map((r) => renderSectionText(r.def.title, r.report, precision, paint) + (draw ? draw(r) : '')).join('');
}
