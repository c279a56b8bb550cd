import type { Figure } from '../figure/model.js';
import { FIGURES } from '../figures/index.js';
import { renderFigureTerminal, type PlotPaint } from '../render/plot-terminal.js';
import type { DrawFigures } from '../render/runs-text.js';
import { contextFor, type RunSettings, type SectionRun } from '../sections/run.js';
import { plainStdout, stdoutColors, stdoutIsTTY } from './color.js';

/*
 * `--plot`, loaded only when asked for: each run's figures, built from the same context and
 * options as its text, and drawn for the terminal.
 */

/** The runs with their figures (a section without figures, such as the summary, gets none). */
export async function withFigures(runs: readonly SectionRun[], settings: RunSettings): Promise<SectionRun[]> {
  return Promise.all(runs.map(async (run) => {
    const load = FIGURES[run.def.name];
    const figures: readonly Figure[] = load ? (await load())(contextFor(settings), run.options) : [];
    return { ...run, figures };
  }));
}

/** The terminal's columns (at most 100), or 80 when stdout is not a terminal. */
export function plotWidth(): number {
  if (!stdoutIsTTY()) return 80;
  const columns = process.stdout.columns;
  return Math.max(40, Math.min(100, Number.isFinite(columns) && columns > 0 ? columns : 80));
}

/** Distinct hues in the order series take them (the Okabe–Ito palette, readable on dark and light terminals). */
const SERIES_COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#0072B2'];

/** The plot's colours when stdout takes colour (same rules as the text), else null. */
export async function plotPaint(): Promise<PlotPaint | null> {
  if (plainStdout()) return null;
  const c = await stdoutColors();
  if (c.level === 0) return null;
  const hue = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  return {
    series: (i, s) => c.hex(hue(i))(s),
    heat: (fg, bg, ch) => {
      let p = c;
      if (fg) p = p.rgb(fg[0], fg[1], fg[2]);
      if (bg) p = p.bgRgb(bg[0], bg[1], bg[2]);
      return p(ch);
    },
    over: (i, bg, s) => c.bgRgb(bg[0], bg[1], bg[2]).hex(i === 0 ? '#FFFFFF' : hue(i))(s),
    dim: (s) => c.dim(s),
    title: (s) => c.bold(s),
  };
}

/** Draws a run's figures, each followed by an empty line. */
export function drawer(width: number, paint: PlotPaint | null): DrawFigures {
  return (run) => (run.figures ?? []).map((f) => `\n${renderFigureTerminal(f, { width, paint })}`).join('');
}
