import type { ChalkInstance } from 'chalk';
import { fstatSync, statSync } from 'node:fs';
import { PLAIN, type Paint } from '../render/text.js';

const noColor = (env: NodeJS.ProcessEnv): boolean =>
  env.NO_COLOR !== undefined && env.NO_COLOR !== '' && env.FORCE_COLOR === undefined;

/**
 * Colours for stdout. supports-color already turns colour off when stdout is not a TTY and
 * honours FORCE_COLOR, but ignores NO_COLOR by design, so NO_COLOR (when FORCE_COLOR is not set)
 * is honoured here. chalk is loaded on demand (see plainStdout).
 */
export async function stdoutColors(env: NodeJS.ProcessEnv = process.env): Promise<ChalkInstance> {
  const { default: chalk, Chalk } = await import('chalk');
  return new Chalk({ level: noColor(env) ? 0 : chalk.level });
}

/**
 * True when stdoutColors would give level 0, known without loading chalk: NO_COLOR, or what
 * chalk's supports-color answers 0 for before it looks at the terminal: stdout is not a TTY and
 * nothing forces colour (no FORCE_COLOR, no --color/--no-color flag in argv, not Azure
 * Pipelines' TF_BUILD with AGENT_NAME). Piped text output then loads neither chalk nor the
 * node:tty, node:net and node:os modules that supports-color loads at import. False means "ask
 * chalk" (it may still say 0).
 */
export function plainStdout(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): boolean {
  if (noColor(env)) return true;
  if ('FORCE_COLOR' in env || ('TF_BUILD' in env && 'AGENT_NAME' in env)) return false;
  if (argv.some((a) => a.startsWith('--color') || a.startsWith('--no-color'))) return false;
  return !stdoutIsTTY();
}

/**
 * isatty(1), what supports-color asks. A regular file, a pipe or a socket is no terminal, nor is
 * /dev/null (where benchmarks send the output): fstat tells, without building process.stdout
 * (a tty.WriteStream exactly when isatty(1)), which writeStdout avoids; other character devices
 * are asked through it.
 */
export function stdoutIsTTY(): boolean {
  try {
    const st = fstatSync(1);
    if (!st.isCharacterDevice() || st.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // no stdout to stat, or no /dev/null: process.stdout decides
  }
  return process.stdout.isTTY === true;
}

/** The renderers' colours for stdout: PLAIN (no escape codes) unless stdout takes colour. */
export async function stdoutPaint(): Promise<Paint> {
  if (plainStdout()) return PLAIN;
  const c = await stdoutColors();
  if (c.level === 0) return PLAIN;
  return { header: (s) => c.bold.cyan(s), value: (s) => c.yellow(s), strong: (s) => c.bold(s), name: (s) => c.cyan(s) };
}
