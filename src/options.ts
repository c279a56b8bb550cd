/*
 * Options, declared once: the CLI (parse, validate, help), `list`, JSON and the explorer page all
 * read the declarations. Nothing here depends on commander, so the page can use the same parsers.
 */

/** One option of a section, declared once: the CLI, `list`, help and JSON all read it. */
export interface OptionDef<T = unknown> {
  /** Long flag without dashes, as in the reference README: `gamma` is `--gamma`. */
  readonly flag: string;
  /** The key in the section's options object (camelCase of `flag`). */
  readonly key: string;
  readonly description: string;
  readonly defaultValue: T;
  /** The default as the README writes it, e.g. `2.0` or `0,1,2,5`. */
  readonly defaultText: string;
  /** Parses and validates the raw text; throws OptionValueError saying what is allowed. */
  readonly parse: (raw: string) => T;
  /** An example value for help. */
  readonly example: string;
}

/** A bad option value; the message says what is allowed (`expected a finite number > 0`). */
export class OptionValueError extends Error {}

/** How long a value may be in a message before it is cut (a 5,000-character value makes no usable line). */
const MAX_SHOWN = 40;

/** A value as a message repeats it: the first 40 characters, then `…`. */
export function shownValue(raw: string): string {
  const chars = Array.from(raw);
  return chars.length <= MAX_SHOWN ? raw : `${chars.slice(0, MAX_SHOWN).join('')}…`;
}

/**
 * The one line for a bad value, as the CLI prints it (after `loss-demo: `) and the page shows it:
 * `option '--gamma <value>' argument 'x' is invalid. expected a finite number`.
 */
export function invalidValueMessage(syntax: string, raw: string, reason: string): string {
  return `option '${syntax}' argument '${shownValue(raw)}' is invalid. ${reason}`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function toNumber(raw: string, what: string): number {
  const s = raw.trim();
  if (!NUMBER.test(s)) throw new OptionValueError(`expected ${what}`);
  const v = Number(s);
  if (!Number.isFinite(v)) throw new OptionValueError(`expected ${what} (got an overflow)`);
  return v;
}

export interface Range {
  readonly min?: number;
  readonly max?: number;
  /** An exclusive lower bound (`> 0`), for a value that must be positive. */
  readonly above?: number;
}

function describeRange(kind: string, r: Range): string {
  if (r.above !== undefined) return `${kind} > ${r.above}`;
  if (r.min !== undefined && r.max !== undefined) return `${kind} in [${r.min}, ${r.max}]`;
  if (r.min !== undefined) return `${kind} >= ${r.min}`;
  if (r.max !== undefined) return `${kind} <= ${r.max}`;
  return kind;
}

function checkRange(v: number, what: string, r: Range): number {
  if ((r.min !== undefined && v < r.min) || (r.max !== undefined && v > r.max) || (r.above !== undefined && !(v > r.above))) {
    throw new OptionValueError(`expected ${what}`);
  }
  return v;
}

export function parseFloatIn(r: Range = {}): (raw: string) => number {
  const what = describeRange('a finite number', r);
  return (raw) => checkRange(toNumber(raw, what), what, r);
}

export function parseIntIn(r: Range = {}): (raw: string) => number {
  const what = describeRange('an integer', r);
  return (raw) => {
    const s = raw.trim();
    if (!/^[+-]?\d+$/.test(s)) throw new OptionValueError(`expected ${what}`);
    const v = Number(s);
    if (!Number.isSafeInteger(v)) throw new OptionValueError(`expected ${what}`);
    return checkRange(v, what, r);
  };
}

/** A comma-separated list of finite numbers; `count` fixes its length. */
export function parseFloatList(r: Range = {}, count?: number): (raw: string) => number[] {
  const each = describeRange('finite numbers', r);
  const what = count === undefined ? `a non-empty comma-separated list of ${each}` : `exactly ${count} comma-separated ${each}`;
  return (raw) => {
    const parts = raw.split(',');
    if (raw.trim() === '' || (count !== undefined && parts.length !== count)) throw new OptionValueError(`expected ${what}`);
    return parts.map((p) => checkRange(toNumber(p, what), what, r));
  };
}

/** A comma-separated list of integers, each within the range. */
export function parseIntList(r: Range = {}): (raw: string) => number[] {
  const what = `a non-empty comma-separated list of ${describeRange('integers', r)}`;
  return (raw) => {
    if (raw.trim() === '') throw new OptionValueError(`expected ${what}`);
    return raw.split(',').map((p) => {
      const s = p.trim();
      if (!/^[+-]?\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new OptionValueError(`expected ${what}`);
      return checkRange(Number(s), what, r);
    });
  };
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function floatOption(flag: string, description: string, defaultValue: number, defaultText: string,
  example: string, range: Range = {}): OptionDef<number> {
  return { flag, key: camel(flag), description, defaultValue, defaultText, example, parse: parseFloatIn(range) };
}

export function intOption(flag: string, description: string, defaultValue: number, example: string,
  range: Range = {}): OptionDef<number> {
  return { flag, key: camel(flag), description, defaultValue, defaultText: String(defaultValue), example, parse: parseIntIn(range) };
}

export function listOption(flag: string, description: string, defaultValue: number[], defaultText: string,
  example: string, range: Range = {}, count?: number): OptionDef<number[]> {
  return { flag, key: camel(flag), description, defaultValue, defaultText, example, parse: parseFloatList(range, count) };
}

export function intListOption(flag: string, description: string, defaultValue: number[], defaultText: string,
  example: string, range: Range = {}): OptionDef<number[]> {
  return { flag, key: camel(flag), description, defaultValue, defaultText, example, parse: parseIntList(range) };
}
