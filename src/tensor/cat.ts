import { DenseTensor, elements, type Tensor } from './tensor.js';

/** `torch.cat(tensors, dim)`: a copy, no arithmetic; the other dims must agree. */
export function cat(tensors: readonly Tensor[], dim = 0): DenseTensor {
  if (tensors.length === 0) throw new RangeError('cat: expects a non-empty list of tensors');
  const first = tensors[0]!;
  const ndim = first.ndim;
  if (ndim === 0) throw new RangeError('cat: zero-dimensional tensors cannot be concatenated');
  const d = dim < 0 ? dim + ndim : dim;
  if (d < 0 || d >= ndim) throw new RangeError(`cat: dim ${dim} out of range for ${ndim}-d tensors`);
  for (const t of tensors) {
    if (t.ndim !== ndim || t.shape.some((s, i) => i !== d && s !== first.shape[i])) {
      throw new RangeError(`cat: sizes [${t.shape.join(', ')}] and [${first.shape.join(', ')}] differ outside dim ${d}`);
    }
  }
  // rows of the dims before `d`; each tensor contributes a contiguous block per row
  const outer = first.shape.slice(0, d).reduce((p, s) => p * s, 1);
  const blocks = tensors.map((t) => (outer === 0 ? 0 : t.numel / outer));
  const width = blocks.reduce((p, b) => p + b, 0);
  const data = tensors.map(elements);
  const out = new Float32Array(outer * width);
  for (let o = 0; o < outer; o++) {
    let at = o * width;
    tensors.forEach((_, k) => {
      out.set(data[k]!.subarray(o * blocks[k]!, (o + 1) * blocks[k]!), at);
      at += blocks[k]!;
    });
  }
  const shape = [...first.shape];
  shape[d] = tensors.reduce((p, t) => p + t.shape[d]!, 0);
  return new DenseTensor(out, shape);
}
