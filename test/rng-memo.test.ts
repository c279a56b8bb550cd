import { describe, expect, it } from 'vitest';
import { Generator, manualSeed } from '../src/rng/index.js';
import { createBitSource } from '../src/rng/sources.js';

/** A script of draws: randn of whole blocks, partial blocks and the double path, and randint, at shifting stream positions. */
function draws(g: Generator): number[][] {
  return [
    Array.from(g.randn(100)),
    Array.from(g.randn(48)),
    g.randint(0, 10, 3),
    Array.from(g.randn(2048)),
    Array.from(g.randn(5)),
    Array.from(g.randn(37)),
    g.randint(0, 2 ** 40, 2),
    Array.from(g.randn(320)),
  ];
}

describe("randn's memo of normals", () => {
  for (const rng of ['torch', 'alea'] as const) {
    it(`gives the draws of a generator without it (${rng})`, () => {
      const plain = (): number[][] => draws(new Generator(createBitSource(rng, 42n)));
      const want = plain();
      // the first run fills the memo; the later ones start at positions it covers, or at shifted ones
      expect(draws(manualSeed(42n, rng))).toEqual(want);
      expect(draws(manualSeed(42n, rng))).toEqual(want);
      const g = manualSeed(42n, rng);
      const h = new Generator(createBitSource(rng, 42n));
      expect([Array.from(g.randn(80)), Array.from(g.randn(320)), draws(g)]).toEqual([Array.from(h.randn(80)), Array.from(h.randn(320)), draws(h)]);
    });
  }

  it('is not used once the bit source is handed out', () => {
    const g = manualSeed(42n);
    g.randn(64);
    g.source.nextU32();
    const h = new Generator(createBitSource('torch', 42n));
    h.randn(64);
    h.source.nextU32();
    expect(Array.from(g.randn(64))).toEqual(Array.from(h.randn(64)));
  });
});
