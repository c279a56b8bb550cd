/*
 * Reverse-mode autograd over float32 scalars, sized for the script's gradient descent on a
 * 2-element `requires_grad` tensor. Each op rounds its forward value to float32 and its backward
 * follows PyTorch 1.13's formulas (tools/autograd/derivatives.yaml, FunctionsManual.cpp) step by
 * step, so gradients carry the same roundings:
 * - add: grad to both; sub: grad and -grad (maybe_multiply(-grad, alpha) with alpha 1);
 * - mul: grad * other, grad * self; a Python number operand is a wrapped scalar cast to float32;
 * - pow(x, 2): pow_backward's grad * (2.0 * x.pow(1)), i.e. round(grad * round(2 * x)).
 * The engine runs nodes in decreasing sequence number (the order of its ready queue), sums the
 * gradients a node receives as InputBuffer does (the first one kept, the next ones added), and
 * a parameter's element select (`w[i]`) hands back a zero-filled vector holding the gradient at i,
 * which AccumulateGrad adds into `.grad` (or takes as `.grad` when there is none yet).
 */

const f = Math.fround;

let nextSeq = 0;

type Backward = (grad: number) => void;

/** A float32 value recorded in the graph (a 0-dim tensor that requires grad). */
export class Scalar {
  readonly data: number;
  /** Creation order: the engine runs later nodes first. */
  readonly seq: number;
  readonly inputs: readonly Scalar[];
  /** Sends this node's gradient to its inputs (through `receive`) or to a parameter. */
  readonly backwardFn: Backward | undefined;
  /** The parameter this node selects from, for a select node. */
  readonly source: Parameter | undefined;
  /** The gradient collected for this node during backward (InputBuffer). */
  pending: number | undefined;

  constructor(data: number, inputs: readonly Scalar[] = [], backwardFn?: Backward, source?: Parameter) {
    this.data = f(data);
    this.seq = nextSeq++;
    this.inputs = inputs;
    this.backwardFn = backwardFn;
    this.source = source;
    this.pending = undefined;
  }

  /** InputBuffer::accumulate: the first gradient is stored, later ones added in float32. */
  receive(grad: number): void {
    this.pending = this.pending === undefined ? grad : f(this.pending + grad);
  }

  /** `.item()` */
  item(): number {
    return this.data;
  }
}

/** A Python number next to a tensor: a wrapped scalar, cast to the tensor's float32. */
export type Operand = Scalar | number;

const valueOf = (x: Operand): number => (typeof x === 'number' ? f(x) : x.data);

function node(data: number, operands: readonly Operand[], backward: Backward): Scalar {
  const inputs = operands.filter((x): x is Scalar => typeof x !== 'number');
  return new Scalar(data, inputs, backward);
}

const send = (x: Operand, grad: number): void => {
  if (typeof x !== 'number') x.receive(grad);
};

export function add(a: Operand, b: Operand): Scalar {
  return node(f(valueOf(a) + valueOf(b)), [a, b], (g) => {
    send(a, g);
    send(b, g);
  });
}

export function sub(a: Operand, b: Operand): Scalar {
  return node(f(valueOf(a) - valueOf(b)), [a, b], (g) => {
    send(a, g);
    send(b, -g);
  });
}

export function mul(a: Operand, b: Operand): Scalar {
  const x = valueOf(a);
  const y = valueOf(b);
  return node(f(x * y), [a, b], (g) => {
    send(a, f(g * y));
    send(b, f(g * x));
  });
}

/** `x ** 2`: the pow kernel squares with one multiply; backward is pow_backward. */
export function pow(a: Scalar, exponent: 2): Scalar {
  if (exponent !== 2) throw new RangeError(`pow: only exponent 2 is implemented, got ${String(exponent)}`);
  const x = a.data;
  return node(f(x * x), [a], (g) => send(a, f(g * f(2 * x))));
}

/** A float32 leaf tensor with requires_grad, 1-D. */
export class Parameter {
  readonly data: Float32Array;
  grad: Float32Array | null = null;
  /** The gradient vectors sent by this backward's selects, summed (the AccumulateGrad InputBuffer). */
  private buffer: Float32Array | null = null;

  constructor(values: readonly number[] | Float32Array) {
    this.data = Float32Array.from(values);
  }

  /** `w[i]`: a select node whose backward is select_backward (zeros, the gradient at i). */
  select(i: number): Scalar {
    if (!Number.isInteger(i) || i < 0 || i >= this.data.length) throw new RangeError(`index ${i} out of range`);
    return new Scalar(this.data[i]!, [], (g) => {
      const v = new Float32Array(this.data.length);
      v[i] = g;
      this.receive(v);
    }, this);
  }

  /** Called by the select nodes' backward. */
  receive(v: Float32Array): void {
    if (this.buffer === null) {
      this.buffer = v;
      return;
    }
    for (let k = 0; k < v.length; k++) this.buffer[k] = f(this.buffer[k]! + v[k]!);
  }

  /** AccumulateGrad: the summed gradient becomes `.grad`, or is added to an existing one. */
  accumulate(): void {
    const b = this.buffer;
    this.buffer = null;
    if (b === null) return;
    if (this.grad === null) {
      this.grad = b;
      return;
    }
    for (let k = 0; k < b.length; k++) this.grad[k] = f(this.grad[k]! + b[k]!);
  }

  /** `w.grad.zero_()` */
  zeroGrad(): void {
    this.grad?.fill(0);
  }
}

/**
 * `loss.backward()` on a scalar: gradient 1 at the root, every node in decreasing seq, then the
 * parameters' AccumulateGrad.
 */
export function backward(root: Scalar): void {
  const seen = new Set<Scalar>();
  const order: Scalar[] = [];
  const stack: Scalar[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    order.push(n);
    for (const i of n.inputs) stack.push(i);
  }
  order.sort((a, b) => b.seq - a.seq);
  for (const n of order) n.pending = undefined;
  root.receive(1);
  for (const n of order) {
    const g = n.pending;
    n.pending = undefined;
    if (g !== undefined && n.backwardFn) n.backwardFn(g);
  }
  const params = new Set<Parameter>();
  for (const n of order) if (n.source) params.add(n.source);
  for (const p of params) p.accumulate();
}
