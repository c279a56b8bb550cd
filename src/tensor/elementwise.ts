import { Tensor, numelOf } from './tensor.js';

/**
 * Binary float32 arithmetic with broadcasting. A Python scalar operand is wrapped by PyTorch as a
 * double 0-dim tensor and cast to the float32 compute type first, so scalars go through fround.
 * +, -, *, / are correctly rounded in IEEE float32, so the vectorized and scalar paths of
 * BinaryOpsKernel.cpp agree and fround(a op b) in double is exact.
 */
export type Operand = Tensor | number;

function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(`shapes [${a.join(', ')}] and [${b.join(', ')}] do not broadcast`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Strides of `shape` read as `out` (0 where broadcast). */
function broadcastStrides(shape: readonly number[], out: readonly number[]): number[] {
  const strides = new Array<number>(out.length).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const o = out.length - shape.length + i;
    strides[o] = shape[i] === 1 ? 0 : s;
    s *= shape[i]!;
  }
  return strides;
}

export function binary(a: Operand, b: Operand, op: (x: number, y: number) => number): Tensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError('binary op needs a tensor');
  if (typeof b === 'number') {
    const y = Math.fround(b);
    const x = (a as Tensor).data;
    const out = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = op(x[i]!, y);
    return new Tensor(out, (a as Tensor).shape);
  }
  if (typeof a === 'number') {
    const x = Math.fround(a);
    const y = b.data;
    const out = new Float32Array(y.length);
    for (let i = 0; i < y.length; i++) out[i] = op(x, y[i]!);
    return new Tensor(out, b.shape);
  }
  if (a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i])) {
    const x = a.data;
    const y = b.data;
    const out = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = op(x[i]!, y[i]!);
    return new Tensor(out, a.shape);
  }
  const shape = broadcastShape(a.shape, b.shape);
  const sa = broadcastStrides(a.shape, shape);
  const sb = broadcastStrides(b.shape, shape);
  const n = numelOf(shape);
  const out = new Float32Array(n);
  const idx = new Array<number>(shape.length).fill(0);
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < n; k++) {
    out[k] = op(a.data[ia]!, b.data[ib]!);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]!++;
      ia += sa[d]!;
      ib += sb[d]!;
      if (idx[d]! < shape[d]!) break;
      ia -= sa[d]! * shape[d]!;
      ib -= sb[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return new Tensor(out, shape);
}

export function unary(a: Tensor, op: (x: number) => number): Tensor {
  const x = a.data;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = op(x[i]!);
  return new Tensor(out, a.shape);
}

const f = Math.fround;

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
type Arith = typeof ADD | typeof SUB | typeof MUL | typeof DIV;

/** x op y in double, which the Float32Array store rounds once: exact for +, -, *, / of floats. */
function arith(op: Arith, x: number, y: number): number {
  return op === ADD ? x + y : op === SUB ? x - y : op === MUL ? x * y : x / y;
}

/** One kernel's loop over n elements into out: tensor op tensor, tensor op scalar or scalar op tensor. */
type Kernel<X, Y> = (x: X, y: Y, out: Float32Array, n: number) => void;

/*
 * The loops of the four arithmetic kernels, one small function per operation and operand kind
 * (x op y in double, which the Float32Array store rounds once: exact for +, -, *, / of floats).
 * No call per element (as a shared `arith(op, x, y)` or a callback would be, which V8 cannot
 * inline before it optimises the loop: the first thousands of elements run interpreted); each
 * function is optimised on its own after a few tensors, quickly, and only for its operation.
 */
const TENSOR_TENSOR: readonly Kernel<Float32Array, Float32Array>[] = [
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! + y[i]!; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! - y[i]!; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! * y[i]!; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! / y[i]!; },
];
const TENSOR_SCALAR: readonly Kernel<Float32Array, number>[] = [
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! + y; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! - y; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! * y; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x[i]! / y; },
];
const SCALAR_TENSOR: readonly Kernel<number, Float32Array>[] = [
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x + y[i]!; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x - y[i]!; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x * y[i]!; },
  (x, y, out, n) => { for (let i = 0; i < n; i++) out[i] = x / y[i]!; },
];

/**
 * The four arithmetic kernels (their loops above). Broadcasting other than with a scalar takes
 * the general path.
 */
function arithmetic(a: Operand, b: Operand, op: Arith): Tensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError('binary op needs a tensor');
  if (typeof a !== 'number' && typeof b !== 'number' && !sameShape(a.shape, b.shape)) {
    return binary(a, b, (x, y) => f(arith(op, x, y)));
  }
  const shape = typeof a === 'number' ? (b as Tensor).shape : a.shape;
  const n = typeof a === 'number' ? (b as Tensor).data.length : a.data.length;
  const out = new Float32Array(n);
  if (typeof b === 'number') TENSOR_SCALAR[op]!((a as Tensor).data, f(b), out, n);
  else if (typeof a === 'number') SCALAR_TENSOR[op]!(f(a), b.data, out, n);
  else TENSOR_TENSOR[op]!(a.data, b.data, out, n);
  return new Tensor(out, shape);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export const add = (a: Operand, b: Operand): Tensor => arithmetic(a, b, ADD);
export const sub = (a: Operand, b: Operand): Tensor => arithmetic(a, b, SUB);
export const mul = (a: Operand, b: Operand): Tensor => arithmetic(a, b, MUL);
export const div = (a: Operand, b: Operand): Tensor => arithmetic(a, b, DIV);
/** torch.minimum / torch.min(a, b): NaN propagates. */
export const minimum = (a: Operand, b: Operand): Tensor =>
  binary(a, b, (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.min(x, y)));
export const maximum = (a: Operand, b: Operand): Tensor =>
  binary(a, b, (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.max(x, y)));
/** Comparisons give 0/1 in a float tensor (the script only uses them through `.float()` or sums). */
export const gt = (a: Operand, b: Operand): Tensor => binary(a, b, (x, y) => (x > y ? 1 : 0));
export const eq = (a: Operand, b: Operand): Tensor => binary(a, b, (x, y) => (x === y ? 1 : 0));
export const neg = (a: Tensor): Tensor => unary(a, (x) => -x);
export const abs = (a: Tensor): Tensor => unary(a, Math.abs);
/** x ** 2 is x * x in PyTorch's pow kernel. */
export const square = (a: Tensor): Tensor => unary(a, (x) => f(x * x));
