import { OptionValueError } from '../options.js';
import { RNG_NAMES, type RngName } from '../rng/index.js';
import type { Precision } from '../render/text.js';

/* The options every command takes, each parsed and validated here once. */

const MIN_SEED = -(2n ** 63n);
const MAX_SEED = 2n ** 64n - 1n;

/** torch.manual_seed accepts any integer in [-2^63, 2^64); kept as bigint so no bit is lost. */
export function parseSeed(raw: string): bigint {
  const s = raw.trim();
  if (!/^[+-]?\d+$/.test(s)) throw new OptionValueError('expected an integer in [-2^63, 2^64)');
  const v = BigInt(s);
  if (v < MIN_SEED || v > MAX_SEED) throw new OptionValueError('expected an integer in [-2^63, 2^64)');
  return v;
}

export function parseRng(raw: string): RngName {
  if (!(RNG_NAMES as readonly string[]).includes(raw)) {
    throw new OptionValueError(`expected one of ${RNG_NAMES.join(', ')}`);
  }
  return raw as RngName;
}

export function parsePrecision(raw: string): Exclude<Precision, undefined> {
  if (raw === 'full') return 'full';
  if (!/^\d{1,2}$/.test(raw) || Number(raw) > 17) throw new OptionValueError("expected an integer 0-17 or 'full'");
  return Number(raw);
}

export const FORMATS = ['text', 'table', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(raw: string): Format {
  if (!(FORMATS as readonly string[]).includes(raw)) throw new OptionValueError(`expected one of ${FORMATS.join(', ')}`);
  return raw as Format;
}

export const LIST_FORMATS = ['text', 'json'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export function parseListFormat(raw: string): ListFormat {
  if (!(LIST_FORMATS as readonly string[]).includes(raw)) throw new OptionValueError(`expected one of ${LIST_FORMATS.join(', ')}`);
  return raw as ListFormat;
}
