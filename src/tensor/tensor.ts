import ndarray from 'ndarray';

/*
 * A float32 tensor is laid out as an ndarray view, as a PyTorch tensor is: a storage (a
 * Float32Array, shared by every view of it), a shape, a stride per dim and an offset. The view
 * ops below are ndarray's (lo/hi/step, pick, transpose) or the same arithmetic on the strides
 * (diagonal, unsqueeze, expand): they build a new view of the same storage and copy nothing, as
 * their PyTorch namesakes do. Ops that compute allocate a fresh row-major storage and return a
 * DenseTensor.
 *
 * Only a DenseTensor (offset 0, row-major strides, storage of exactly numel floats) exposes
 * `.data`, its elements in row-major order. On any other Tensor `.data` does not compile: code
 * that reads a tensor's elements must either walk its strides or call `.contiguous()` first, so
 * a view can never be read as if it were its storage.
 */

type View = ndarray.NdArray<Float32Array>;

/** Python-style bound of a slice: negative counts from the end, then clipped to [0, n]. */
function clipBound(v: number | undefined, n: number, open: number): number {
  if (v === undefined) return open;
  const w = v < 0 ? v + n : v;
  return Math.min(Math.max(w, 0), n);
}

export class Tensor {
  /** The storage every view of it shares. */
  readonly storage: Float32Array;
  readonly shape: readonly number[];
  /** Elements between neighbours along each dim (0 for a broadcast dim), as `t.stride()`. */
  readonly stride: readonly number[];
  /** Position of element [0, ..., 0] in the storage, as `t.storage_offset()`. */
  readonly offset: number;
  readonly numel: number;
  private view: View | undefined;

  /**
   * A tensor over `data`: row-major when no strides are given (then `data` must hold exactly
   * numel floats), otherwise the view (shape, stride, offset) of the storage `data`; or the
   * tensor of an ndarray view.
   */
  constructor(data: Float32Array | View, shape?: readonly number[], stride?: readonly number[], offset = 0) {
    if (!(data instanceof Float32Array)) {
      this.storage = data.data;
      this.shape = data.shape;
      this.stride = data.stride;
      this.offset = data.offset;
      this.numel = numelOf(data.shape);
      this.view = data;
      return;
    }
    const dims = shape ?? [data.length];
    const numel = numelOf(dims);
    if (stride === undefined && data.length !== numel) {
      throw new RangeError(`tensor of shape [${dims.join(', ')}] needs ${numel} values, got ${data.length}`);
    }
    this.storage = data;
    this.shape = dims.slice();
    this.stride = stride === undefined ? rowMajorStrides(dims) : stride.slice();
    this.offset = offset;
    this.numel = numel;
    this.view = undefined;
  }

  /**
   * The ndarray view (data, shape, stride, offset) of this tensor, which the view ops use. Made
   * on first use: ndarray compiles a view class per dimension with `new Function` and its
   * constructor inspects the array's type, which together cost several milliseconds of a cold
   * start if every computed tensor made one; most never take a view.
   */
  get nd(): View {
    this.view ??= ndarray(this.storage, this.shape as number[], this.stride as number[], this.offset);
    return this.view;
  }

  /**
   * The elements in row-major order, for a DenseTensor only (see DenseTensor.data). At run time
   * it throws on a view that is not its whole storage in row-major order.
   */
  protected get data(): Float32Array {
    if (!this.isDense()) throw new TypeError('tensor.data of a strided view: call .contiguous() first');
    return this.storage;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** `tensor.size(dim)`; a negative dim counts from the end. */
  size(dim: number): number {
    return this.shape[normDim(dim, this.ndim)]!;
  }

  /** `t.is_contiguous()`: row-major strides, size-1 dims' strides ignored (any offset). */
  isContiguous(): boolean {
    const { shape, stride } = this;
    let expected = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      const n = shape[d]!;
      if (n === 0) return true;
      if (n !== 1) {
        if (stride[d] !== expected) return false;
        expected *= n;
      }
    }
    return true;
  }

  /** Contiguous, from offset 0 and over the whole storage: what `.data` may hand out. */
  isDense(): boolean {
    return this.offset === 0 && this.storage.length === this.numel && this.isContiguous();
  }

  /**
   * `.contiguous()`: this tensor when it is dense already; a contiguous view at an offset is the
   * same storage under a subarray (PyTorch's contiguous() returns self for it too); any other
   * view is copied in row-major order.
   */
  contiguous(): DenseTensor {
    if (this instanceof DenseTensor) return this;
    const n = this.numel;
    if (this.isContiguous()) {
      const s = this.storage;
      const data = this.offset === 0 && s.length === n ? s : s.subarray(this.offset, this.offset + n);
      return new DenseTensor(data, this.shape);
    }
    return new DenseTensor(gather(this), this.shape);
  }

  /** `.item()`: the float32 value widened to double, as Python sees it. */
  item(): number {
    if (this.numel !== 1) throw new RangeError(`item() needs one element, tensor has ${this.numel}`);
    // (a one-element view's only element is at its offset, whatever its strides)
    return this.storage[this.offset]!;
  }

  /** `.tolist()` of a 1-D tensor. */
  toArray(): number[] {
    return Array.from(this.contiguous().data);
  }

  /** `t[i0, i1, ...]` read through the strides (all dims indexed, no wrap). */
  get(...index: number[]): number {
    if (index.length !== this.ndim) throw new RangeError(`get: ${index.length} indices for a ${this.ndim}-d tensor`);
    // (ndarray's get, without making the view for it)
    let at = this.offset;
    for (let d = 0; d < index.length; d++) at += index[d]! * this.stride[d]!;
    return this.storage[at]!;
  }

  /**
   * `view`/`reshape`: the same storage under another shape (-1 infers one dimension); a view
   * that is not contiguous is copied first, as `reshape` does when no view can express it.
   */
  reshape(shape: readonly number[]): DenseTensor {
    const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
    const resolved = shape.map((d) => (d === -1 ? this.numel / known : d));
    return new DenseTensor(this.contiguous().data, resolved);
  }

  clone(): DenseTensor {
    return new DenseTensor(this.isDense() ? this.storage.slice() : gather(this), this.shape);
  }

  /*
   * The view ops. None copies; each returns a view of the same storage, so a write through it
   * (fill_, set, copy_) lands in this tensor. Their PyTorch equivalents are named on each.
   */

  /**
   * `t[:, ..., start:stop:step]` along `dim` (`t.narrow` for step 1): ndarray's lo/hi/step. The
   * bounds follow Python's slices (negative from the end, clipped); step must be positive, as
   * PyTorch's is.
   */
  slice(dim: number, start?: number, stop?: number, step = 1): Tensor {
    const d = normDim(dim, this.ndim);
    if (!Number.isInteger(step) || step < 1) throw new RangeError(`slice step must be a positive integer, got ${step}`);
    const n = this.shape[d]!;
    const a = clipBound(start, n, 0);
    const b = Math.max(clipBound(stop, n, n), a);
    const at = (v: number): (number | undefined)[] => this.shape.map((_, k) => (k === d ? v : undefined));
    let view = this.nd.lo(...(at(a) as number[])).hi(...(at(b - a) as number[]));
    if (step !== 1) view = view.step(...(at(step) as number[]));
    return new Tensor(view);
  }

  /** `t.select(dim, i)` / `t[..., i]`: the dim dropped (ndarray's pick); a negative i counts from the end. */
  pick(dim: number, i: number): Tensor {
    const d = normDim(dim, this.ndim);
    const n = this.shape[d]!;
    if (!Number.isInteger(i) || i < -n || i >= n) throw new RangeError(`index ${i} is out of bounds for dimension ${d} with size ${n}`);
    const args = this.shape.map((_, k) => (k === d ? (i < 0 ? i + n : i) : null));
    return new Tensor(this.nd.pick(...args));
  }

  /** `t.transpose(d0, d1)`: two dims' sizes and strides swapped (ndarray's transpose). */
  transpose(d0 = 0, d1 = 1): Tensor {
    const a = normDim(d0, this.ndim);
    const b = normDim(d1, this.ndim);
    const perm = this.shape.map((_, k) => (k === a ? b : k === b ? a : k));
    return new Tensor(this.nd.transpose(...perm));
  }

  /** `t.permute(dims)`: the dims in the order given (ndarray's transpose with a permutation). */
  permute(dims: readonly number[]): Tensor {
    const perm = dims.map((d) => normDim(d, this.ndim));
    if (perm.length !== this.ndim || new Set(perm).size !== perm.length) throw new RangeError(`permute: [${dims.join(', ')}] is not a permutation of ${this.ndim} dims`);
    return new Tensor(this.nd.transpose(...perm));
  }

  /**
   * `t.diagonal(offset, dim1, dim2)`: the two dims replaced by one last dim of stride
   * stride[dim1] + stride[dim2], starting `offset` above (> 0) or below (< 0) the main diagonal.
   */
  diagonal(offset = 0, dim1 = 0, dim2 = 1): Tensor {
    const a = normDim(dim1, this.ndim);
    const b = normDim(dim2, this.ndim);
    if (a === b) throw new RangeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
    const { shape, stride } = this;
    const len = Math.max(0, offset >= 0 ? Math.min(shape[a]!, shape[b]! - offset) : Math.min(shape[a]! + offset, shape[b]!));
    let start = this.offset;
    if (len > 0) start += offset >= 0 ? offset * stride[b]! : -offset * stride[a]!;
    const keep = shape.map((_, k) => k).filter((k) => k !== a && k !== b);
    return new Tensor(this.storage, [...keep.map((k) => shape[k]!), len], [...keep.map((k) => stride[k]!), stride[a]! + stride[b]!], start);
  }

  /** `t.unsqueeze(dim)`: a new size-1 dim, with the stride PyTorch gives it (size*stride of the dim after, or 1 at the end). */
  unsqueeze(dim: number): Tensor {
    const d = normDim(dim, this.ndim + 1);
    const { shape, stride } = this;
    const s = d >= shape.length ? 1 : shape[d]! * stride[d]!;
    return new Tensor(this.storage, [...shape.slice(0, d), 1, ...shape.slice(d)], [...stride.slice(0, d), s, ...stride.slice(d)], this.offset);
  }

  /**
   * `t.expand(shape)`: size-1 dims (and new leading dims) broadcast with stride 0, so every
   * position reads the same element; -1 keeps a dim. This is how broadcasting reads its operands.
   */
  expand(shape: readonly number[]): Tensor {
    const { shape: own, stride } = this;
    const lead = shape.length - own.length;
    if (lead < 0) throw new RangeError(`expand: [${shape.join(', ')}] has fewer dims than [${own.join(', ')}]`);
    const outShape: number[] = [];
    const outStride: number[] = [];
    shape.forEach((n, k) => {
      const j = k - lead;
      const size = n === -1 && j >= 0 ? own[j]! : n;
      if (j < 0) {
        outShape.push(size);
        outStride.push(0);
      } else if (own[j] === size) {
        outShape.push(size);
        outStride.push(stride[j]!);
      } else if (own[j] === 1) {
        outShape.push(size);
        outStride.push(0);
      } else {
        throw new RangeError(`expand: size ${own[j]} of dim ${j} cannot be expanded to ${size}`);
      }
    });
    return new Tensor(this.storage, outShape, outStride, this.offset);
  }

  /** `t[...] = v` for every element of this view, written through to the storage (v cast to float32 once, as fill_ does). */
  fill_(value: number): this {
    const v = Math.fround(value);
    if (this.numel === 0) return this;
    if (this.isContiguous()) {
      this.storage.fill(v, this.offset, this.offset + this.numel);
      return this;
    }
    forEachRow(this, (base, step, n) => {
      const s = this.storage;
      if (step === 1) s.fill(v, base, base + n);
      else for (let k = 0; k < n; k++) s[base + k * step] = v;
    });
    return this;
  }

  /** `t[...] = src`: src broadcast to this view's shape and written through it, element by element. */
  copy_(src: Tensor): this {
    const from = src.expand(this.shape);
    const values = gather(from);
    let at = 0;
    forEachRow(this, (base, step, n) => {
      const s = this.storage;
      for (let k = 0; k < n; k++) s[base + k * step] = values[at++]!;
    });
    return this;
  }
}

/** A tensor that is its whole storage in row-major order: what every computing op returns. */
export class DenseTensor extends Tensor {
  constructor(data: Float32Array, shape: readonly number[] = [data.length]) {
    super(data, shape);
  }

  /** The elements in row-major order: the storage itself, so writes to it change the tensor. */
  override get data(): Float32Array {
    return this.storage;
  }
}

/**
 * Calls `row(base, step, n)` for each run of the last dim in row-major order: storage index of
 * its first element, stride and length (a 0-dim tensor is one run of one).
 */
export function forEachRow(t: Tensor, row: (base: number, step: number, n: number) => void): void {
  const { shape, stride, offset } = t;
  const ndim = shape.length;
  if (ndim === 0) {
    row(offset, 1, 1);
    return;
  }
  if (shape.some((n) => n === 0)) return;
  const last = ndim - 1;
  const idx = new Array<number>(last).fill(0);
  let base = offset;
  for (;;) {
    row(base, stride[last]!, shape[last]!);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      base += stride[d]!;
      if (idx[d]! < shape[d]!) break;
      base -= stride[d]! * shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** The elements of any view, copied in row-major order. */
export function gather(t: Tensor): Float32Array {
  const out = new Float32Array(t.numel);
  const s = t.storage;
  let at = 0;
  forEachRow(t, (base, step, n) => {
    if (step === 1) {
      out.set(s.subarray(base, base + n), at);
      at += n;
    } else {
      for (let k = 0; k < n; k++) out[at++] = s[base + k * step]!;
    }
  });
  return out;
}

/**
 * The elements in row-major order without a copy when the view is contiguous (its storage or a
 * subarray of it), else a copy: what a kernel that reads a contiguous input (or makes its input
 * contiguous first) takes.
 */
export function elements(t: Tensor): Float32Array {
  return t.contiguous().data;
}

export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return strides;
}

export function numelOf(shape: readonly number[]): number {
  let n = 1;
  for (let d = 0; d < shape.length; d++) n *= shape[d]!;
  return n;
}

export function normDim(dim: number, ndim: number): number {
  const d = dim < 0 ? dim + ndim : dim;
  if (d < 0 || d >= ndim) throw new RangeError(`dim ${dim} out of range for ${ndim}-d tensor`);
  return d;
}

/** `torch.tensor(values)` (float32). */
export function tensor(values: readonly number[], shape: readonly number[] = [values.length]): DenseTensor {
  return new DenseTensor(Float32Array.from(values), shape);
}

export function zeros(shape: readonly number[]): DenseTensor {
  return new DenseTensor(new Float32Array(numelOf(shape)), shape);
}

/** `torch.full(shape, v)`: v rounded to float32 once, as the fill kernel casts its scalar. */
export function full(shape: readonly number[], v: number): DenseTensor {
  return new DenseTensor(new Float32Array(numelOf(shape)).fill(Math.fround(v)), shape);
}

export function fromData(data: Float32Array, shape: readonly number[] = [data.length]): DenseTensor {
  return new DenseTensor(data, shape);
}
