import { norm2Run } from './distance.js';
import { elements, Tensor } from './tensor.js';

/*
 * `x / x.norm(dim=1, keepdim=True)` of a contiguous 2-D (N, D) tensor. Tensor.norm with the
 * default p='fro' and one dim is torch.linalg.vector_norm(x, 2, [1]) in PyTorch 1.13, the norm
 * kernel's contiguous last-dim path (norm2Run in distance.ts: 8 FMA lanes, then the lanes and
 * the tail, then sqrt); the division broadcasts the (N, 1) norms over the rows, each quotient
 * rounded to float32 (div_true_kernel, exact on either path).
 */
export function divideByRowNorms(x: Tensor): Tensor {
  if (x.ndim !== 2) throw new RangeError(`divideByRowNorms: expected a 2-D tensor, got ${x.ndim}-D`);
  const [n, d] = x.shape as [number, number];
  const src = elements(x);
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const norm = norm2Run(src, i * d, d);
    for (let k = 0; k < d; k++) out[i * d + k] = src[i * d + k]! / norm;
  }
  return new Tensor(out, x.shape);
}
