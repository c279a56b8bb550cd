import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { add, backward, mul, Parameter, pow, sub, type Scalar } from '../src/tensor/autograd.js';
import { vectorNorm2 } from '../src/tensor/distance.js';
import { Tensor } from '../src/tensor/tensor.js';

/*
 * The scalar autograd on section 9's losses against PyTorch 1.13 (test/fixtures/tensor/make_autograd.py):
 * `.grad` after every backward and w after every `w -= lr * w.grad`, as float32 bit patterns, including
 * signed zeros, negative learning rates and runs that diverge to inf and nan.
 */

interface Case { loss: 'quadratic' | 'rosenbrock'; start: number[]; lr: number; grads: number[][]; ws: number[][]; norm: number[] }
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tensor/autograd.json', import.meta.url), 'utf8')) as { cases: Case[] };

// a NaN's sign and payload depend on which x86 instruction made it and never reach the output (Python prints nan)
const NAN = 0x7fc00000;
const isNaNBits = (b: number): boolean => (b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0;
const canon = (bits: number[]): number[] => bits.map((b) => (isNaNBits(b) ? NAN : b));
const bitsOf = (xs: Float32Array): number[] => canon(Array.from(new Uint32Array(xs.buffer, xs.byteOffset, xs.length)));
const f = Math.fround;

const LOSSES: Record<Case['loss'], (w: Parameter) => Scalar> = {
  quadratic: (w) => add(pow(w.select(0), 2), pow(w.select(1), 2)),
  rosenbrock: (w) => add(pow(sub(1, w.select(0)), 2), mul(100, pow(sub(w.select(1), pow(w.select(0), 2)), 2))),
};

describe('gradient descent matches PyTorch step by step', () => {
  it.each(fixture.cases.map((c) => ({ ...c, name: `${c.loss} from [${c.start.join(', ')}] lr=${c.lr}` })))('$name', (c) => {
    const w = new Parameter(c.start);
    c.grads.forEach((grad, step) => {
      backward(LOSSES[c.loss](w));
      expect(bitsOf(w.grad!), `grad at step ${step}`).toEqual(canon(grad));
      for (let k = 0; k < w.data.length; k++) w.data[k] = f(w.data[k]! - f(f(c.lr) * w.grad![k]!));
      w.zeroGrad();
      expect(bitsOf(w.data), `w after step ${step}`).toEqual(canon(c.ws[step]!));
    });
    expect(bitsOf(vectorNorm2(new Tensor(w.data, [2])).data)).toEqual(canon(c.norm));
  });
});

describe('engine', () => {
  it('sums the gradients a value receives from several uses', () => {
    const w = new Parameter([3, -2]);
    const x = w.select(0);
    backward(add(mul(x, x), mul(x, w.select(1))));
    // d/dx (x*x + x*y) = 2x + y; d/dy = x
    expect(Array.from(w.grad!)).toEqual([4, 3]);
  });
  it('accumulates into an existing .grad until zeroed', () => {
    const w = new Parameter([1, 1]);
    backward(pow(w.select(0), 2));
    backward(pow(w.select(0), 2));
    expect(Array.from(w.grad!)).toEqual([4, 0]);
    w.zeroGrad();
    expect(Array.from(w.grad!)).toEqual([0, 0]);
  });
});
