import { describe, expect, it } from 'vitest';
import { sleefExpf, sleefExpfInto } from '../src/tensor/math/sleef-exp.js';
import { sleefLogf, sleefLogfInto } from '../src/tensor/math/sleef-log.js';
import { expfReference, logfReference } from './helpers/sleef-lanes.js';

/*
 * The flat Sleef expf and logf lanes (fround(a·b + c) for the fused multiply-adds, exact steps
 * done in double, tables for the scalings) against Sleef's own formulation over a correctly
 * rounded fma (test/helpers/sleef-lanes.ts), bit for bit. Checked over all 2^32 float inputs when
 * written (about 15 minutes each): MATH_EXHAUSTIVE=1 npx vitest run test/math-sleef-lanes.test.ts.
 * By default every 2039th bit pattern, and every 31st float of BCE's log domain [1, 2] for logf.
 */

const exhaustive = process.env.MATH_EXHAUSTIVE === '1';
const STEP = exhaustive ? 1 : 2039;
const STEP_BCE = exhaustive ? 1 : 31;
const CHUNK = 1 << 16;

/** Every STEP-th float32 bit pattern from `from` (inclusive) to `to` (exclusive), chunk by chunk. */
function* chunks(from: number, to: number, step: number): Generator<Float32Array> {
  const bits = new Uint32Array(CHUNK);
  const xs = new Float32Array(bits.buffer);
  let n = 0;
  for (let b = from; b < to; b += step) {
    bits[n++] = b;
    if (n === CHUNK) {
      yield xs;
      n = 0;
    }
  }
  if (n > 0) yield xs.subarray(0, n);
}

function check(name: string, xs: Float32Array, got: Float32Array, reference: (x: number) => number, wrong: string[]): void {
  for (let i = 0; i < xs.length; i++) {
    const want = Math.fround(reference(xs[i]!));
    const g = got[i]!;
    if (!Object.is(g, want) && !(g !== g && want !== want) && wrong.length < 10) wrong.push(`${name}(${xs[i]}): ${g} vs ${want}`);
  }
}

describe(`Sleef lanes over ${exhaustive ? 'all' : `every ${STEP}th of the`} 2^32 float inputs`, () => {
  it('expf', { timeout: exhaustive ? 3_600_000 : 60_000 }, () => {
    const wrong: string[] = [];
    const out = new Float32Array(CHUNK);
    for (const xs of chunks(0, 2 ** 32, STEP)) {
      sleefExpfInto(xs, out, 0, xs.length);
      check('expf', xs, out, expfReference, wrong);
    }
    expect(wrong).toEqual([]);
  });

  it('logf', { timeout: exhaustive ? 3_600_000 : 60_000 }, () => {
    const wrong: string[] = [];
    const out = new Float32Array(CHUNK);
    for (const xs of chunks(0, 2 ** 32, STEP)) {
      sleefLogfInto(xs, out, 0, xs.length);
      check('logf', xs, out, logfReference, wrong);
    }
    // BCE's domain: log(1 + exp(-|x|)), the floats in [1, 2]
    for (const xs of chunks(0x3f800000, 0x40000001, STEP_BCE)) {
      sleefLogfInto(xs, out, 0, xs.length);
      check('logf', xs, out, logfReference, wrong);
    }
    expect(wrong).toEqual([]);
  });

  it('the scalar forms agree with the loops', () => {
    for (const x of [0, -0, 1, -1, 0.5, 88.7, 88.8, -87.4, -103.9, -104.1, 100.1, 1e-40, 3e38, Infinity, -Infinity, NaN].map(Math.fround)) {
      expect(sleefExpf(x)).toEqual(Math.fround(expfReference(x)));
      expect(sleefLogf(x)).toEqual(Math.fround(logfReference(x)));
    }
  });
});
