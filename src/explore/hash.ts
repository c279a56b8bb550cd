/*
 * The page's state as a URL hash, `#seed=7&gamma=5&margin=3`: the keys are the CLI's flags and
 * the values their raw text, so a link is a `loss-demo all` command line. Values are only ever
 * put into the page as input values or text, never as markup.
 */

export interface PageState {
  readonly seed: string;
  readonly rng: string;
  /** Flags given, by flag, in the order they were given. */
  readonly flags: ReadonlyMap<string, string>;
}

export const DEFAULT_SEED = '42';
export const DEFAULT_RNG = 'torch';

/** The state a hash holds; unknown keys are kept (a bad flag shows as an error, not silence). */
export function parseHash(hash: string): PageState {
  const flags = new Map<string, string>();
  let seed = DEFAULT_SEED;
  let rng = DEFAULT_RNG;
  for (const pair of hash.replace(/^#/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (key === 'seed') seed = value;
    else if (key === 'rng') rng = value;
    else if (key !== '') flags.set(key, value);
  }
  return { seed, rng, flags };
}

/**
 * Not URLSearchParams: it reads `+` as a space (`1e+5` would be lost) and writes `,` as `%2C`
 * (lists are comma-separated: `gammas=0,1,2` should stay readable).
 */
function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function encode(s: string): string {
  return encodeURIComponent(s).replace(/%2C/gi, ',');
}

/** The hash for a state: seed and rng first when not their defaults, then the flags given. */
export function formatHash(state: PageState): string {
  const pairs: string[] = [];
  if (state.seed !== DEFAULT_SEED) pairs.push(`seed=${encode(state.seed)}`);
  if (state.rng !== DEFAULT_RNG) pairs.push(`rng=${encode(state.rng)}`);
  for (const [flag, value] of state.flags) pairs.push(`${encode(flag)}=${encode(value)}`);
  return pairs.length === 0 ? '' : `#${pairs.join('&')}`;
}
