/**
 * A contiguous row-major float32 tensor. Every op returns a new contiguous tensor, so a tensor is
 * its shape plus its data.
 */
export class Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];

  constructor(data: Float32Array, shape: readonly number[]) {
    if (data.length !== numelOf(shape)) {
      throw new RangeError(`tensor of shape [${shape.join(', ')}] needs ${numelOf(shape)} values, got ${data.length}`);
    }
    this.data = data;
    this.shape = shape;
  }

  get numel(): number {
    return this.data.length;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** `tensor.size(dim)`; a negative dim counts from the end. */
  size(dim: number): number {
    return this.shape[normDim(dim, this.ndim)]!;
  }

  /** `.item()`: the float32 value widened to double, as Python sees it. */
  item(): number {
    if (this.numel !== 1) throw new RangeError(`item() needs one element, tensor has ${this.numel}`);
    return this.data[0]!;
  }

  /** `.tolist()` of a 1-D tensor. */
  toArray(): number[] {
    return Array.from(this.data);
  }

  /** `view`/`reshape`: the same data under another shape (-1 infers one dimension). */
  reshape(shape: readonly number[]): Tensor {
    const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
    const resolved = shape.map((d) => (d === -1 ? this.numel / known : d));
    return new Tensor(this.data, resolved);
  }

  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }
}

export function numelOf(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

export function normDim(dim: number, ndim: number): number {
  const d = dim < 0 ? dim + ndim : dim;
  if (d < 0 || d >= ndim) throw new RangeError(`dim ${dim} out of range for ${ndim}-d tensor`);
  return d;
}

/** `torch.tensor(values)` (float32). */
export function tensor(values: readonly number[], shape: readonly number[] = [values.length]): Tensor {
  return new Tensor(Float32Array.from(values), shape);
}

export function zeros(shape: readonly number[]): Tensor {
  return new Tensor(new Float32Array(numelOf(shape)), shape);
}

/** `torch.full(shape, v)`: v rounded to float32 once, as the fill kernel casts its scalar. */
export function full(shape: readonly number[], v: number): Tensor {
  return new Tensor(new Float32Array(numelOf(shape)).fill(Math.fround(v)), shape);
}

export function fromData(data: Float32Array, shape: readonly number[] = [data.length]): Tensor {
  return new Tensor(data, shape);
}
