import { forEachLoopRun, outputStrides } from './iteration.js';
import * as M from './math/index.js';
import { DenseTensor, elements, Tensor } from './tensor.js';

/*
 * torch.exp(t), torch.log(t), ...: the float32 math kernels of src/tensor/math on tensors, any
 * view included. A contiguous tensor (any offset) goes through its kernel's lane as one run;
 * a view follows what its PyTorch kernel does with a non-contiguous input (UnaryOpsKernel.cpp):
 * - the vml ops (exp, expm1, log, log1p, tanh, sqrt; IMPLEMENT_FLOAT_KERNEL) copy a strided
 *   input into a contiguous buffer and run vml on it (IMPLEMENT_ITERATOR_LAMBDA), so every
 *   element is still Sleef's: the view's elements, gathered, through the lane;
 * - the cpu_kernel_vec ops (cosh, sigmoid, reciprocal, pow; abs and neg are elementwise.ts's) run VectorizedLoop2d over
 *   TensorIterator's loop: each innermost run that is contiguous (or a broadcast element) goes
 *   through vectorized_loop, blocks of 16 counted from the run's start and the scalar lambda on
 *   its tail; a strided run goes through basic_loop, the scalar lambda on every element.
 * The result is row-major. (PyTorch gives the result of a transposed input the input's layout;
 * its values are the same.)
 */

type Lane = (src: Float32Array, out?: Float32Array) => Float32Array;

/** A vml op: every element through the vectorized function, wherever it lies. */
function vml(lane: Lane): (t: Tensor) => DenseTensor {
  return (t) => new DenseTensor(lane(elements(t)), t.shape);
}

/** Below a 16-element block, mapVectorized is its scalar lambda alone: basic_loop's path. */
const SCALAR_PIECE = M.VECTOR_BLOCK - 1;

/** A cpu_kernel_vec op, run as VectorizedLoop2d runs it over a view. */
function vectorized(lane: Lane): (t: Tensor) => DenseTensor {
  return (t) => {
    if (t.isContiguous()) return new DenseTensor(lane(elements(t)), t.shape);
    const s = t.storage;
    const out = new Float32Array(t.numel);
    let k = 0;
    forEachLoopRun(t, (base, stride, size) => {
      if (stride === 1) {
        lane(s.subarray(base, base + size), out.subarray(k, k + size));
      } else if (stride === 0) {
        lane(new Float32Array(size).fill(s[base]!), out.subarray(k, k + size));
      } else {
        const run = new Float32Array(size);
        for (let e = 0; e < size; e++) run[e] = s[base + e * stride]!;
        for (let e = 0; e < size; e += SCALAR_PIECE) {
          const end = Math.min(e + SCALAR_PIECE, size);
          lane(run.subarray(e, end), out.subarray(k + e, k + end));
        }
      }
      k += size;
    });
    // `out` is laid out as TensorIterator's output is (dense in the input's loop order)
    return new Tensor(out, t.shape, outputStrides(t)).contiguous();
  };
}

export const exp = vml(M.exp);
export const expm1 = vml(M.expm1);
export const log = vml(M.log);
export const log1p = vml(M.log1p);
export const tanh = vml(M.tanh);
export const sqrt = vml(M.sqrt);
export const cosh = vectorized(M.cosh);
export const sigmoid = vectorized(M.sigmoid);
export const reciprocal = vectorized(M.reciprocal);

/**
 * `torch.pow(t, exponent)` for a Python-number exponent (see math/ops.ts powScalar): 0.5 is the
 * sqrt kernel (vml), 0 and 1 a fill and a copy; the others are cpu_kernel_vec kernels.
 */
export function pow(t: Tensor, exponent: number): DenseTensor {
  const lane: Lane = (src, out) => M.powScalar(src, exponent, out);
  if (exponent === 0.5 || exponent === 0 || exponent === 1) return vml(lane)(t);
  return vectorized(lane)(t);
}
