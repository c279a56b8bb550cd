import type { PanelRequest } from '../../src/explore/compute.js';
import { parseHash } from '../../src/explore/hash.js';
import { PAGE_SECTIONS } from '../../src/explore/sections.js';
import { fixture } from './cli.js';

/** The page links of test/fixtures/explore/cases.txt, each with PyTorch's output (make_fixtures.py). */
export const LINKS = fixture('explore/cases.txt').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

export function linkFixture(link: string): string {
  return fixture(`explore/${link.replace(/&/g, '__')}.txt`);
}

/** What the page asks for a section under a link: the flags the section takes, as `all` applies them. */
export function requestFor(section: string, link: string): PanelRequest {
  const state = parseHash(`#${link}`);
  const def = PAGE_SECTIONS.find((s) => s.name === section)!;
  const flags = Object.fromEntries([...state.flags].filter(([f]) => def.options.some((o) => o.flag === f)));
  return { section, seed: state.seed, rng: state.rng, flags, figures: true };
}

/** The CLI's arguments for a section under a link. */
export function cliArgsFor(section: string, link: string): string[] {
  const req = requestFor(section, link);
  return ['section', section, '--seed', req.seed, '--rng', req.rng, ...Object.entries(req.flags).flatMap(([f, v]) => [`--${f}=${v}`])];
}
