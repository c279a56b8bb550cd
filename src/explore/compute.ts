/*
 * One panel's work, the same on the page's worker and its main thread: raw field values in, the
 * CLI's text (or the CLI's error line) and the section's figures out. Options are applied as
 * `loss-demo section NAME --seed S --rng R --FLAG V ...` applies them: parsed by the section's
 * own declarations, then checked together by its `validate`.
 */
import type { Figure } from '../figure/model.js';
import { invalidValueMessage, OptionValueError } from '../options.js';
import { PLAIN, renderSectionText } from '../render/text.js';
import { parseRng, parseSeed } from '../cli/global-options.js';
import { manualSeed } from '../rng/index.js';
import { runSection } from '../sections/run.js';
import { defaultsOf } from '../sections/types.js';
import { findPageSection } from './sections.js';

export interface PanelRequest {
  readonly section: string;
  readonly seed: string;
  readonly rng: string;
  /** Raw values of the flags given, by flag; a flag the section does not take is ignored (as in `all`). */
  readonly flags: Readonly<Record<string, string>>;
  readonly figures: boolean;
}

export type PanelResult =
  | { readonly ok: true; readonly text: string; readonly figures: readonly Figure[] }
  /** `flag`: the field at fault ('seed', 'rng', a section flag), or undefined for a check over several. */
  | { readonly ok: false; readonly error: string; readonly flag?: string };

/** The line the CLI writes to stderr for this problem, `loss-demo: ` included. */
const cliLine = (message: string): string => `loss-demo: ${message}`;

function parseGlobal<T>(flag: string, syntax: string, raw: string, parse: (raw: string) => T): T | PanelResult {
  try {
    return parse(raw);
  } catch (err) {
    if (err instanceof OptionValueError) return { ok: false, error: cliLine(invalidValueMessage(syntax, raw, err.message)), flag };
    throw err;
  }
}

const isResult = (v: unknown): v is PanelResult => typeof v === 'object' && v !== null && 'ok' in v;

/** Parses and runs one section: its text exactly as the CLI prints it, or the CLI's error line. */
export async function computePanel(req: PanelRequest): Promise<PanelResult> {
  const def = findPageSection(req.section);
  if (!def) return { ok: false, error: cliLine(`unknown section '${req.section}'`) };
  const seed = parseGlobal('seed', '--seed <integer>', req.seed, parseSeed);
  if (isResult(seed)) return seed;
  const rng = parseGlobal('rng', '--rng <name>', req.rng, parseRng);
  if (isResult(rng)) return rng;

  const options = defaultsOf(def);
  for (const option of def.options) {
    const raw = req.flags[option.flag];
    if (raw === undefined) continue;
    const parsed = parseGlobal(option.flag, `--${option.flag} <value>`, raw, option.parse);
    if (isResult(parsed)) return parsed;
    options[option.key] = parsed;
  }
  const problem = def.validate?.(options);
  if (problem) return { ok: false, error: cliLine(problem) };

  const run = runSection(def, options, { seed, rng });
  const text = renderSectionText(def.title, run.report, undefined, PLAIN);
  let figures: readonly Figure[] = [];
  if (req.figures) {
    const { FIGURES } = await import('../figures/index.js');
    const load = FIGURES[def.name];
    if (load) figures = (await load())({ manualSeed: () => manualSeed(seed, rng) }, options);
  }
  return { ok: true, text, figures };
}
