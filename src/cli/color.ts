import chalk, { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colours for stdout. supports-color already turns colour off when stdout is not a TTY and
 * honours FORCE_COLOR, but ignores NO_COLOR by design, so NO_COLOR (when FORCE_COLOR is not set)
 * is honoured here.
 */
export function stdoutColors(env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '' && env.FORCE_COLOR === undefined;
  return new Chalk({ level: noColor ? 0 : chalk.level });
}
