import type { SectionRun } from '../cli/run.js';
import { plainStdout, stdoutColors } from '../cli/color.js';
import { PLAIN, renderSectionText, type Paint, type Precision } from './text.js';

async function paintFor(): Promise<Paint> {
  if (plainStdout()) return PLAIN;
  const c = await stdoutColors();
  return c.level === 0 ? PLAIN : { header: (s) => c.bold.cyan(s), value: (s) => c.yellow(s) };
}

/** The script's output: each section's header and lines, exactly as Python prints them. */
export async function renderRunsText(runs: readonly SectionRun[], precision: Precision): Promise<string> {
  const paint = await paintFor();
  return runs.map((r) => renderSectionText(r.def.title, r.report, precision, paint)).join('');
}
