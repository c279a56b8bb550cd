import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as M from '../src/tensor/math/index.js';

interface Case {
  op: string;
  path: 'vec' | 'scalar' | 'sizes' | 'bce1' | 'bce0' | 'glibc';
  inputs: string[];
  out: string;
  exponent?: number;
  abs?: boolean;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/math/math.json', import.meta.url), 'utf8')) as {
  inputs: Record<string, string>;
  cases: Case[];
};

const decode = (s: string): Float32Array => {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(new Uint8Array(b).buffer);
};
const inputs = Object.fromEntries(Object.entries(fixture.inputs).map(([k, v]) => [k, decode(v)]));
/** Inputs by name; "name:k" is the first k values of an input. */
const concat = (names: string[]): Float32Array => {
  const parts = names.map((n) => {
    const [key, k] = n.split(':');
    return k === undefined ? inputs[key!]! : inputs[key!]!.subarray(0, Number(k));
  });
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const U = new Uint32Array(1);
const F = new Float32Array(U.buffer);
const bitsOf = (x: number): number => {
  F[0] = x;
  return U[0]!;
};
/** Mismatching positions: bit patterns differ, except that any NaN matches any NaN. */
function mismatches(got: ArrayLike<number>, want: Float32Array): string[] {
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (Number.isNaN(g) && Number.isNaN(w)) continue;
    if (bitsOf(g) !== bitsOf(w)) bad.push(`#${i}: got ${g} (0x${bitsOf(g).toString(16)}) want ${w} (0x${bitsOf(w).toString(16)})`);
  }
  return bad;
}

type TensorOp = (src: Float32Array) => Float32Array;
const tensorOps: Record<string, TensorOp> = {
  exp: M.exp, expm1: M.expm1, log: M.log, log1p: M.log1p, tanh: M.tanh, sqrt: M.sqrt, cosh: M.cosh, sigmoid: M.sigmoid,
  reciprocal: M.reciprocal, abs: M.abs, neg: M.neg,
};
const f = Math.fround;
/** The lane function of each path, where one exists. */
const lanes: Record<string, { vec?: (x: number) => number; scalar?: (x: number) => number }> = {
  exp: { vec: M.sleefExpf }, expm1: { vec: M.sleefExpm1f }, log: { vec: M.sleefLogf }, log1p: { vec: M.sleefLog1pf }, tanh: { vec: M.sleefTanhf },
  cosh: { vec: M.sleefCoshf, scalar: M.libmCoshf }, sigmoid: { vec: M.sigmoidVec, scalar: M.sigmoidScalar },
  expf: { scalar: M.libmExpf }, logf: { scalar: M.libmLogf }, log1pf: { scalar: M.libmLog1pf },
  expm1f: { scalar: M.libmExpm1f }, coshf: { scalar: M.libmCoshf }, tanhf: { scalar: M.libmTanhf },
};

/** As the runner: padded to a multiple of 16 with ones (all vectorized) ... */
function vecPath(op: TensorOp, x: Float32Array): Float32Array {
  const padded = new Float32Array(Math.ceil(x.length / 16) * 16).fill(1);
  padded.set(x);
  return op(padded).subarray(0, x.length);
}
/** ... or in chunks of 15 (all in the scalar tail). */
function scalarPath(op: TensorOp, x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += 15) out.set(op(x.subarray(i, i + 15)), i);
  return out;
}
/** op on the first n elements for n = 1..40, concatenated. */
function sizes(op: TensorOp, seq: Float32Array): Float32Array {
  const out: number[] = [];
  for (let n = 1; n <= 40; n++) out.push(...op(seq.slice(0, n)));
  return Float32Array.from(out);
}

function label(c: Case): string {
  return `${c.op}${c.exponent !== undefined ? `(${c.exponent})` : ''} ${c.path} on ${c.inputs.join('+')}`;
}

const counts = { compared: 0 };

describe('PyTorch 1.13 AVX2 float32 math, bit for bit', () => {
  for (const c of fixture.cases) {
    const want = decode(c.out);
    it(`${label(c)} (${want.length} values)`, () => {
      let x = concat(c.inputs);
      const results: Array<[string, ArrayLike<number>]> = [];
      if (c.op === 'pow') {
        const e = c.exponent!;
        const op: TensorOp = (s) => M.powScalar(s, e);
        if (c.abs) x = x.map(Math.abs);
        if (c.path === 'vec') {
          results.push(['tensor op', vecPath(op, x)]);
          if (![0, 0.5, 1, 2, 3, -1, -2, -0.5].includes(e)) results.push(['sleefPowf lane', x.map((v) => M.sleefPowf(v, f(e)))]);
        } else if (c.path === 'scalar') {
          results.push(['tensor op', scalarPath(op, x)]);
          if (![0, 0.5, 1, 2, 3, -1, -2, -0.5].includes(e)) results.push(['libmPow lane', x.map((v) => f(M.libmPow(v, e)))]);
        } else {
          results.push(['tensor op', sizes(op, x)]);
        }
      } else if (c.op === 'powTensor') {
        const [xs, ys] = [inputs[c.inputs[0]!]!, inputs[c.inputs[1]!]!];
        const lane = c.path === 'vec' ? M.sleefPowf : M.libmPowf;
        results.push([c.path === 'vec' ? 'sleefPowf lane' : 'libmPowf lane', xs.map((v, i) => lane(v, ys[i]!))]);
      } else if (c.op === 'powf') {
        const [xs, ys] = [inputs[c.inputs[0]!]!, inputs[c.inputs[1]!]!];
        results.push(['libmPowf lane', xs.map((v, i) => M.libmPowf(v, ys[i]!))]);
      } else if (c.path === 'bce1' || c.path === 'bce0') {
        // -((t - 1) max(log(1 - x), -100) - t max(log(x), -100)), the CPU kernel in float
        const t = c.path === 'bce1' ? 1 : 0;
        const clampLog = (v: number): number => {
          const l = M.libmLogf(v);
          return l < -100 ? -100 : l;
        };
        results.push(['bce with libmLogf', x.map((v) => -f(f((t - 1) * clampLog(f(1 - v))) - f(t * clampLog(v))))]);
      } else if (c.path === 'glibc') {
        results.push([`${c.op} lane`, x.map(lanes[c.op]!.scalar!)]);
      } else {
        const op = tensorOps[c.op]!;
        const lane = lanes[c.op];
        if (c.path === 'vec') {
          results.push(['tensor op', vecPath(op, x)]);
          if (lane?.vec) results.push(['vec lane', x.map(lane.vec)]);
        } else if (c.path === 'scalar') {
          results.push(['tensor op', scalarPath(op, x)]);
          if (lane?.scalar) results.push(['scalar lane', x.map(lane.scalar)]);
        } else {
          results.push(['tensor op', sizes(op, x)]);
        }
      }
      for (const [what, got] of results) {
        const bad = mismatches(got, want);
        counts.compared += want.length;
        expect(bad.slice(0, 5), `${what}: ${bad.length} of ${want.length} differ`).toEqual([]);
      }
    });
  }
  it('compared a meaningful number of values', () => {
    expect(counts.compared).toBeGreaterThan(50000);
  });
});

describe('mapVectorized', () => {
  it('sends whole blocks of 16 to the vector lambda and numel % 16 to the scalar one', () => {
    const src = new Float32Array(37);
    const out = M.mapVectorized(src, () => 1, () => 2);
    expect(Array.from(out)).toEqual([...Array(32).fill(1), ...Array(5).fill(2)]);
    const into = new Float32Array(15);
    expect(M.mapVectorized(new Float32Array(15), () => 1, () => 2, into)).toBe(into);
    expect(Array.from(into)).toEqual(Array(15).fill(2));
  });
});
