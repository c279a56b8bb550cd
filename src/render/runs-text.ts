import type { SectionRun } from '../cli/run.js';
import { stdoutColors } from '../cli/color.js';
import { PLAIN, renderSectionText, type Paint, type Precision } from './text.js';

function paintFor(): Paint {
  const c = stdoutColors();
  return c.level === 0 ? PLAIN : { header: (s) => c.bold.cyan(s), value: (s) => c.yellow(s) };
}

/** The script's output: each section's header and lines, exactly as Python prints them. */
export function renderRunsText(runs: readonly SectionRun[], precision: Precision): string {
  const paint = paintFor();
  return runs.map((r) => renderSectionText(r.def.title, r.report, precision, paint)).join('');
}
