import { DenseTensor, elements, type Tensor } from './tensor.js';

/** `torch.stack(tensors)` along a new first dim: a copy, no arithmetic. */
export function stack(tensors: readonly Tensor[]): DenseTensor {
  if (tensors.length === 0) throw new RangeError('stack: expects a non-empty list of tensors');
  const shape = tensors[0]!.shape;
  for (const t of tensors) {
    if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
      throw new RangeError(`stack: expects tensors of equal shape, got [${shape.join(', ')}] and [${t.shape.join(', ')}]`);
    }
  }
  const size = tensors[0]!.numel;
  const out = new Float32Array(size * tensors.length);
  tensors.forEach((t, k) => out.set(elements(t), k * size));
  return new DenseTensor(out, [tensors.length, ...shape]);
}
