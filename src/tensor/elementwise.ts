import { DenseTensor, elements, numelOf, type Tensor } from './tensor.js';

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

/*
 * Every operand is read through its strides: a view (a slice, a transpose, a diagonal) is read
 * where it lies, and a broadcast operand is its expand() to the result's shape, stride 0 along
 * its broadcast dims. These ops round each element once and on its own, so the order in which
 * TensorIterator walks the elements (and whether it vectorizes) cannot change a result: any
 * walk gives PyTorch's bits. The result is always a fresh row-major tensor.
 */

/** A row-major walk over `shape`, calling `at(k, ia, ib)` with the storage indices of a and b. */
function walk2(a: Tensor, b: Tensor, shape: readonly number[], at: (k: number, ia: number, ib: number) => void): void {
  const n = numelOf(shape);
  const sa = a.stride;
  const sb = b.stride;
  const ndim = shape.length;
  const idx = new Array<number>(ndim).fill(0);
  let ia = a.offset;
  let ib = b.offset;
  for (let k = 0; k < n; k++) {
    at(k, ia, ib);
    for (let d = ndim - 1; d >= 0; d--) {
      idx[d]!++;
      ia += sa[d]!;
      ib += sb[d]!;
      if (idx[d]! < shape[d]!) break;
      ia -= sa[d]! * shape[d]!;
      ib -= sb[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
}

export function binary(a: Operand, b: Operand, op: (x: number, y: number) => number): DenseTensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError('binary op needs a tensor');
  if (typeof b === 'number') {
    const y = Math.fround(b);
    const x = elements(a as Tensor);
    const out = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = op(x[i]!, y);
    return new DenseTensor(out, (a as Tensor).shape);
  }
  if (typeof a === 'number') {
    const x = Math.fround(a);
    const y = elements(b);
    const out = new Float32Array(y.length);
    for (let i = 0; i < y.length; i++) out[i] = op(x, y[i]!);
    return new DenseTensor(out, b.shape);
  }
  if (sameShape(a.shape, b.shape) && a.isContiguous() && b.isContiguous()) {
    const x = elements(a);
    const y = elements(b);
    const out = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = op(x[i]!, y[i]!);
    return new DenseTensor(out, a.shape);
  }
  const shape = broadcastShape(a.shape, b.shape);
  const ea = a.expand(shape);
  const eb = b.expand(shape);
  const out = new Float32Array(numelOf(shape));
  const xa = a.storage;
  const xb = b.storage;
  walk2(ea, eb, shape, (k, ia, ib) => {
    out[k] = op(xa[ia]!, xb[ib]!);
  });
  return new DenseTensor(out, shape);
}

export function unary(a: Tensor, op: (x: number) => number): DenseTensor {
  const x = elements(a);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = op(x[i]!);
  return new DenseTensor(out, a.shape);
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
 * The four arithmetic kernels (their loops above). A column (…, R, 1) against rows of C (a
 * softmax's max or sum against its logits, a column of margins against a row of gaps) runs the
 * scalar kernel once per row; other broadcasting takes the general path.
 */
function arithmetic(a: Operand, b: Operand, op: Arith): DenseTensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError('binary op needs a tensor');
  if (typeof a !== 'number' && typeof b !== 'number' && !(sameShape(a.shape, b.shape) && a.isContiguous() && b.isContiguous())) {
    return byColumn(a, b, op) ?? binary(a, b, (x, y) => f(arith(op, x, y)));
  }
  const shape = typeof a === 'number' ? (b as Tensor).shape : a.shape;
  const n = numelOf(shape);
  const out = new Float32Array(n);
  // (a strided tensor next to a scalar is read in row-major order, a copy of its elements)
  if (typeof b === 'number') TENSOR_SCALAR[op]!(elements(a as Tensor), f(b), out, n);
  else if (typeof a === 'number') SCALAR_TENSOR[op]!(f(a), elements(b), out, n);
  else TENSOR_TENSOR[op]!(elements(a), elements(b), out, n);
  return new DenseTensor(out, shape);
}

/**
 * a op b where one operand is a column (its last dim 1, its other dims the result's) and the
 * other is either the result's shape or one row of it (its dims the result's last ones), both
 * contiguous: row r is the row (or row r) op the column's element r, by the scalar kernels.
 * Undefined for any other pair.
 */
function byColumn(a: Tensor, b: Tensor, op: Arith): DenseTensor | undefined {
  const aColumn = isColumnOf(a, b);
  if (!aColumn && !isColumnOf(b, a)) return undefined;
  const column = aColumn ? a : b;
  const other = aColumn ? b : a;
  if (!column.isContiguous() || !other.isContiguous()) return undefined;
  const shape = broadcastShape(a.shape, b.shape);
  const n = numelOf(shape);
  const width = shape[shape.length - 1]!;
  const rows = n / width;
  const c = elements(column);
  const x = elements(other);
  // one element of the column per row of the result (its leading dims are the result's), and
  // the other operand is either the whole result's shape or one row, repeated
  const step = x.length === n ? width : 0;
  if (c.length !== rows || (step === 0 && x.length !== width)) return undefined;
  const out = new Float32Array(n);
  for (let r = 0; r < rows; r++) {
    const row = x.subarray(r * step, r * step + width);
    const into = out.subarray(r * width, (r + 1) * width);
    if (aColumn) SCALAR_TENSOR[op]!(c[r]!, row, into, width);
    else TENSOR_SCALAR[op]!(row, c[r]!, into, width);
  }
  return new DenseTensor(out, shape);
}

/** Whether t is a column (…, R, 1) against other's rows (other's last dim is the result's, > 1). */
function isColumnOf(t: Tensor, other: Tensor): boolean {
  return t.ndim > 0 && t.shape[t.ndim - 1] === 1 && other.ndim > 0 && other.shape[other.ndim - 1]! > 1;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export const add = (a: Operand, b: Operand): DenseTensor => arithmetic(a, b, ADD);
export const sub = (a: Operand, b: Operand): DenseTensor => arithmetic(a, b, SUB);
export const mul = (a: Operand, b: Operand): DenseTensor => arithmetic(a, b, MUL);
export const div = (a: Operand, b: Operand): DenseTensor => arithmetic(a, b, DIV);
/** torch.minimum / torch.min(a, b): NaN propagates. */
export const minimum = (a: Operand, b: Operand): DenseTensor =>
  binary(a, b, (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.min(x, y)));
export const maximum = (a: Operand, b: Operand): DenseTensor =>
  binary(a, b, (x, y) => (Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.max(x, y)));
/** Comparisons give 0/1 in a float tensor (the script only uses them through `.float()` or sums). */
export const gt = (a: Operand, b: Operand): DenseTensor => binary(a, b, (x, y) => (x > y ? 1 : 0));
export const eq = (a: Operand, b: Operand): DenseTensor => binary(a, b, (x, y) => (x === y ? 1 : 0));
export const neg = (a: Tensor): DenseTensor => unary(a, (x) => -x);
export const abs = (a: Tensor): DenseTensor => unary(a, Math.abs);
/** x ** 2 is x * x in PyTorch's pow kernel. */
export const square = (a: Tensor): DenseTensor => unary(a, (x) => f(x * x));
