import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { libmLog } from '../src/tensor/math/libm-log.js';

/* Python's math.log (glibc) for the extras' log(N) labels: test/fixtures/math/python-log.json. */
const cases = (JSON.parse(readFileSync(new URL('./fixtures/math/python-log.json', import.meta.url), 'utf8')) as { cases: [number, string][] }).cases;

it(`libmLog matches CPython's math.log on ${cases.length} inputs`, () => {
  const bad = cases.filter(([x, r]) => libmLog(x) !== Number(r)).map(([x]) => x);
  expect(bad).toEqual([]);
});

it('the fixture holds inputs where V8 Math.log differs from glibc (so the test can fail)', () => {
  expect(cases.filter(([x, r]) => Math.log(x) !== Number(r)).length).toBeGreaterThan(0);
});
