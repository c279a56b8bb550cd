import { InvalidArgumentError } from 'commander';
import type { OptionDef } from './sections/types.js';

/*
 * Option parsers, one per kind of value the script takes. Each throws commander's
 * InvalidArgumentError with what is allowed; commander adds the option and the value.
 */

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function toNumber(raw: string, what: string): number {
  const s = raw.trim();
  if (!NUMBER.test(s)) throw new InvalidArgumentError(`expected ${what}`);
  const v = Number(s);
  if (!Number.isFinite(v)) throw new InvalidArgumentError(`expected ${what} (got an overflow)`);
  return v;
}

export interface Range {
  readonly min?: number;
  readonly max?: number;
}

function describeRange(kind: string, r: Range): string {
  if (r.min !== undefined && r.max !== undefined) return `${kind} in [${r.min}, ${r.max}]`;
  if (r.min !== undefined) return `${kind} >= ${r.min}`;
  if (r.max !== undefined) return `${kind} <= ${r.max}`;
  return kind;
}

function checkRange(v: number, what: string, r: Range): number {
  if ((r.min !== undefined && v < r.min) || (r.max !== undefined && v > r.max)) {
    throw new InvalidArgumentError(`expected ${what}`);
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
    if (!/^[+-]?\d+$/.test(s)) throw new InvalidArgumentError(`expected ${what}`);
    const v = Number(s);
    if (!Number.isSafeInteger(v)) throw new InvalidArgumentError(`expected ${what}`);
    return checkRange(v, what, r);
  };
}

/** A comma-separated list of finite numbers; `count` fixes its length. */
export function parseFloatList(r: Range = {}, count?: number): (raw: string) => number[] {
  const each = describeRange('finite numbers', r);
  const what = count === undefined ? `a non-empty comma-separated list of ${each}` : `exactly ${count} comma-separated ${each}`;
  return (raw) => {
    const parts = raw.split(',');
    if (raw.trim() === '' || (count !== undefined && parts.length !== count)) throw new InvalidArgumentError(`expected ${what}`);
    return parts.map((p) => checkRange(toNumber(p, what), what, r));
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
