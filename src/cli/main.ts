import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Command, CommanderError, Help, Option } from 'commander';
import { invalidValueMessage, OptionValueError, parseIntIn, shownValue, type OptionDef } from '../options.js';
import { ALL_SECTIONS, EXTRA_SECTIONS, SECTIONS, findSection, optionsByFlag } from '../sections/index.js';
import { defaultsOf, type SectionDef } from '../sections/types.js';
import { RNG_NAMES } from '../rng/index.js';
import {
  FORMATS, LIST_FORMATS, parseFormat, parseListFormat, parsePrecision, parseRng, parseSeed,
  type Format, type ListFormat,
} from './global-options.js';
import { runSection, type RunSettings, type SectionRun } from '../sections/run.js';
import { stdoutPaint } from './color.js';
import type { Precision } from '../render/text.js';

/** A usage error found after commander parsed the arguments: one line, exit 2. */
class UsageError extends Error {}

interface CommonOptions {
  seed: bigint;
  rng: (typeof RNG_NAMES)[number];
  precision?: Exclude<Precision, undefined>;
  format: Format;
  plot?: boolean;
  plotWidth?: number;
}

/** `--plot-width`: columns of a figure, when the terminal's (or 80) is not wanted. */
const PLOT_WIDTH = { min: 40, max: 200 } as const;

const EXAMPLES_ALL = `
Examples:
  $ loss-demo all
  $ loss-demo all --seed 7 --precision full
  $ loss-demo all --format json > losses.json`;

const EXAMPLES_EXTRAS = `
Examples:
  $ loss-demo extras
  $ loss-demo extras --seed 7 --precision full
  $ loss-demo extras --temperature 0.2 --sizes 64,2,1 --format table`;

const EXAMPLES_SECTION = `
Examples:
  $ loss-demo section focal --gamma 5
  $ loss-demo section 9 --lr 0.001 --steps 100 --start 0.5,-1
  $ loss-demo section regression --delta 2 --format table
  $ loss-demo section infonce --temperature 0.2 --batch-sizes 2,32`;

const EXAMPLES_EXPLORE = `
Examples:
  $ loss-demo explore
  $ loss-demo explore --out /tmp/lesson.html --no-open
The page opens on a link's state too: loss-demo.html#seed=7&gamma=5&margin=3`;

/**
 * The explore command's module: a file of its own beside the bundle (dist/explore-command.cjs),
 * required only when the command runs, so the other commands' bundle does not carry it.
 */
function loadExplore(): typeof import('./explore.js') {
  return createRequire(import.meta.url)('./explore-command.cjs') as typeof import('./explore.js');
}

type OptionsByFlag = Map<string, { option: OptionDef; sections: SectionDef[] }>;


/**
 * An option whose parser throws OptionValueError: the message names the option and the value
 * (shortened) and says what is allowed, the same line the page shows.
 */
function option<T>(syntax: string, description: string, parse: (raw: string) => T): Option {
  return new Option(syntax, description).argParser((raw: string) => {
    try {
      return parse(raw);
    } catch (err) {
      if (err instanceof OptionValueError) throw new UsageError(invalidValueMessage(syntax, raw, err.message));
      throw err;
    }
  });
}

function addCommonOptions(cmd: Command): Command {
  return cmd
    .addOption(option('--seed <integer>', 'torch.manual_seed value, any integer in [-2^63, 2^64)', parseSeed).default(42n, '42'))
    .addOption(option('--rng <name>', `bit source behind the distributions (${RNG_NAMES.join(', ')})`, parseRng).default('torch'))
    .addOption(option('--precision <digits>', "decimals for computed values (0-17), or 'full' for Python's repr", parsePrecision))
    .addOption(option('--format <format>', `output format (${FORMATS.join(', ')})`, parseFormat).default('text'))
    .addOption(new Option('--plot', "after each section, its figures (in the terminal; with --format json, as data)"))
    .addOption(option('--plot-width <columns>', `columns of a figure (${PLOT_WIDTH.min}-${PLOT_WIDTH.max}; default: the terminal's, at most 100, or 80); implies --plot`, parseIntIn(PLOT_WIDTH)));
}

/** What `cmd` takes: its sections' options by flag (set by addSectionOptions). */
const COMMAND_OPTIONS = new WeakMap<Command, OptionsByFlag>();

function optionHelp(def: OptionDef, defaults: string): string {
  return `${def.description} [default: ${defaults}; e.g. --${def.flag} ${def.example}]`;
}

function addSectionOptions(cmd: Command, defs: readonly SectionDef[]): void {
  const byFlag = optionsByFlag(defs);
  COMMAND_OPTIONS.set(cmd, byFlag);
  for (const [flag, { option: def, sections }] of byFlag) {
    const where = sections.map((s) => `${s.name} ${s.options.find((o) => o.flag === flag)!.defaultText}`).join(', ');
    cmd.addOption(option(`--${flag} <value>`, optionHelp(def, where), def.parse));
  }
}

/**
 * `section NAME --help`: the common options and NAME's own, each described as NAME uses it;
 * without a known NAME, every section's options.
 */
function sectionHelp(): Partial<Help> {
  // formatHelp asks for the visible options before their descriptions
  let shown: SectionDef | undefined;
  return {
    visibleOptions(this: Help, cmd: Command): Option[] {
      const all = Help.prototype.visibleOptions.call(this, cmd);
      const name = cmd.args[0];
      const def = name === undefined ? undefined : findSection(name);
      shown = def;
      const sectionFlags = COMMAND_OPTIONS.get(cmd);
      if (!def || !sectionFlags) return all;
      return all.filter((o) => {
        const flag = o.long?.slice(2) ?? '';
        return !sectionFlags.has(flag) || def.options.some((d) => d.flag === flag);
      });
    },
    optionDescription(this: Help, o: Option): string {
      const own = shown?.options.find((d) => `--${d.flag}` === o.long);
      return own ? optionHelp(own, own.defaultText) : Help.prototype.optionDescription.call(this, o);
    },
  };
}

/** The options given on the command line for `def`, over its defaults; an option it does not take is an error. */
function optionsFor(def: SectionDef, cmd: Command, strict: boolean): Record<string, unknown> {
  const options = defaultsOf(def);
  for (const [flag, { option, sections }] of COMMAND_OPTIONS.get(cmd) ?? (new Map() as OptionsByFlag)) {
    if (cmd.getOptionValueSource(option.key) !== 'cli') continue;
    const own = def.options.find((o) => o.flag === flag);
    if (own) {
      options[own.key] = cmd.getOptionValue(option.key);
    } else if (strict) {
      const takers = sections.map((s) => s.name).join(', ');
      throw new UsageError(`option '--${flag}' is not taken by section '${def.name}' (sections that take it: ${takers})`);
    }
  }
  const problem = def.validate?.(options);
  if (problem) throw new UsageError(problem);
  return options;
}

async function render(runs: SectionRun[], common: CommonOptions, plot: boolean): Promise<string> {
  // Figure code loads only with --plot, so a run without it starts as before.
  const draw = plot && common.format !== 'json'
    ? await import('./plot.js').then(async (p) => p.drawer(common.plotWidth ?? p.plotWidth(), await p.plotPaint()))
    : undefined;
  switch (common.format) {
    case 'text': {
      const { renderRunsText } = await import('../render/runs-text.js');
      return renderRunsText(runs, common.precision, await stdoutPaint(), draw);
    }
    case 'table': {
      const { renderRunsTable } = await import('../render/table.js');
      return renderRunsTable(runs, common.precision, await stdoutPaint(), draw);
    }
    case 'json': {
      const { renderRunsJson } = await import('../render/json.js');
      return renderRunsJson(runs, common.seed, common.rng);
    }
  }
}

async function emit(defs: SectionDef[], cmd: Command, strict: boolean): Promise<void> {
  const common = cmd.opts<CommonOptions>();
  const settings: RunSettings = { seed: common.seed, rng: common.rng };
  const plot = common.plot === true || common.plotWidth !== undefined;
  const withOptions = defs.map((def) => ({ def, options: optionsFor(def, cmd, strict) }));
  let runs = withOptions.map(({ def, options }) => runSection(def, options, settings));
  if (plot) runs = await (await import('./plot.js')).withFigures(runs, settings);
  writeStdout(await render(runs, common, plot));
}

function buildProgram(version: string): Command {
  const program = new Command();
  program
    .name('loss-demo')
    .description("PyTorch's loss-functions teaching script, reproduced number for number")
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: writeStdout, outputError: (str, write) => write(oneLine(str)) });

  const all = program
    .command('all')
    .description('run the nine sections and the summary, as the PyTorch script prints them')
    .addHelpText('after', `\nSection options given to 'all' apply to every section that takes them.${EXAMPLES_ALL}`);
  addCommonOptions(all);
  addSectionOptions(all, SECTIONS);
  all.action(async (_opts: unknown, cmd: Command) => emit([...SECTIONS], cmd, false));

  const extras = program
    .command('extras')
    .description(`run the extra sections (${EXTRA_SECTIONS.map((s) => `${s.number} ${s.name}`).join(', ')}): what the script names but never shows`)
    .addHelpText('after', `\nSection options given to 'extras' apply to every extra section that takes them.${EXAMPLES_EXTRAS}`);
  addCommonOptions(extras);
  addSectionOptions(extras, EXTRA_SECTIONS);
  extras.action(async (_opts: unknown, cmd: Command) => emit([...EXTRA_SECTIONS], cmd, false));

  const section = program
    .command('section')
    .argument('<name>', `section name or number (${ALL_SECTIONS.map((s) => s.number ?? s.name).join(', ')}; see 'loss-demo list')`)
    .description('run one section; its options replace the literals of the PyTorch script')
    .configureHelp(sectionHelp())
    .addHelpText('after', EXAMPLES_SECTION);
  addCommonOptions(section);
  addSectionOptions(section, ALL_SECTIONS);
  section.action(async (name: string, _opts: unknown, cmd: Command) => {
    const def = findSection(name);
    if (!def) {
      const numbers = ALL_SECTIONS.flatMap((s) => (s.number === null ? [] : [s.number]));
      throw new UsageError(`unknown section '${shownValue(name)}' (expected one of ${ALL_SECTIONS.map((s) => s.name).join(', ')}, or a number ${Math.min(...numbers)}-${Math.max(...numbers)})`);
    }
    await emit([def], cmd, true);
  });

  program
    .command('explore')
    .description('write the lesson as one interactive page (offline, self-contained HTML) and open it')
    .addOption(new Option('--out <file>', 'where to write the page').default('loss-demo.html'))
    .option('--no-open', 'only write the page and print its path; do not open a browser')
    .addHelpText('after', EXAMPLES_EXPLORE)
    .action((opts: { out: string; open: boolean }) => {
      const { explore, OutError } = loadExplore();
      try {
        const { path, notOpened } = explore(opts);
        writeStdout(`${path}\n`);
        if (notOpened !== undefined && process.stdout.isTTY) process.stderr.write(`(not opened: ${notOpened}; open the file in a browser)\n`);
      } catch (err) {
        if (err instanceof OutError) throw new UsageError(invalidValueMessage('--out <file>', opts.out, err.message));
        throw err;
      }
    });

  program
    .command('list')
    .description('list the sections (the extras marked) with their options and defaults')
    .addOption(option('--format <format>', `output format (${LIST_FORMATS.join(', ')})`, parseListFormat).default('text'))
    .addHelpText('after', '\nExamples:\n  $ loss-demo list\n  $ loss-demo list --format json')
    .action(async (opts: { format: ListFormat }) => {
      const { renderList } = await import('../render/list.js');
      writeStdout(renderList(ALL_SECTIONS, opts.format, await stdoutPaint()));
    });

  return program;
}

/** Commander's messages may span lines ("Did you mean ...?"): usage errors are one line. */
function oneLine(message: string): string {
  const text = message.replace(/^error: /, '').split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
  return `loss-demo: ${text}\n`;
}

/** `loss-demo all | head -3`: the reader went away, which is not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

/**
 * Writes to stdout with write(2) on file descriptor 1, so that a run whose output goes to a file
 * or pipe does not build process.stdout (its stream classes are most of the Node modules a run
 * would load). A closed pipe (EPIPE) ends the run quietly, as quietOnClosedPipe does; a
 * non-blocking descriptor that is full (EAGAIN) hands the rest to process.stdout, which waits.
 */
function writeStdout(text: string): void {
  const data = Buffer.from(text);
  let done = 0;
  while (done < data.length) {
    try {
      done += writeSync(1, data, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0);
      if (code !== 'EAGAIN') throw err;
      quietOnClosedPipe();
      process.stdout.write(data.subarray(done));
      return;
    }
  }
}

/** The CLI; `version` is package.json's, read by bin/loss-demo.js. */
export async function main(argv: string[], version: string): Promise<void> {
  try {
    const program = buildProgram(version);
    if (argv.length <= 2) {
      program.outputHelp();
      return;
    }
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(oneLine(err.message));
      process.exitCode = 2;
      return;
    }
    // A bug, not a usage error: still one line, with LOSS_DEMO_DEBUG=1 for the stack.
    process.stderr.write(`loss-demo: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.LOSS_DEMO_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}
