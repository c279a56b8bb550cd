import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, OUTPUT } from '../src/tensor/math/libm-tables.gen.mjs';

/*
 * The glibc tables are generated at build time (src/tensor/math/libm-tables.gen.mjs) and
 * committed: regenerating them must give the committed file byte for byte. Their values are
 * checked against glibc through the functions that use them (test/math.test.ts,
 * test/math-pow.test.ts).
 */
describe('libm-tables.ts', () => {
  it('is what libm-tables.gen.mjs generates', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generate());
  });
});
