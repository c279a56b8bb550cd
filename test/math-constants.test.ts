import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hexFloat } from '../src/tensor/math/f64.js';

// The glibc constants are written as decimal literals followed by the C hex float they stand for.
describe('decimal literals of hex float constants', () => {
  const dir = fileURLToPath(new URL('../src/tensor/math/', import.meta.url));
  const pairs: [string, string, string][] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(dir + file, 'utf8');
    for (const m of text.matchAll(/(-?[0-9][0-9.]*(?:e[+-]?\d+)?) \/\* (-?0x[0-9a-f.]+p[+-]?\d+) \*\//gi)) pairs.push([file, m[1]!, m[2]!]);
  }

  it('are found', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(38);
  });

  it('are the same doubles', () => {
    for (const [file, dec, hex] of pairs) expect([file, Number(dec)]).toEqual([file, hexFloat(hex)]);
  });
});
