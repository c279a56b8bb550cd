/*
 * The two element loops PyTorch 1.13's CPU unary kernels run on a contiguous float tensor.
 */

/** Floats per Vectorized<float> (AVX2: 8) times the 2 vectors vectorized_loop handles per step. */
export const VECTOR_BLOCK = 16;

/**
 * cpu_kernel_vec's vectorized_loop (aten/src/ATen/native/cpu/Loops.h): whole blocks of 16
 * elements go through the Vectorized lambda, the last numel % 16 through the scalar lambda.
 * With one thread (or numel below the 32768 grain size) the whole tensor is one such loop.
 */
export function mapVectorized(
  src: Float32Array,
  vec: (x: number) => number,
  scalar: (x: number) => number,
  out: Float32Array = new Float32Array(src.length),
): Float32Array {
  const n = src.length;
  const vecEnd = n - (n % VECTOR_BLOCK);
  let i = 0;
  for (; i < vecEnd; i++) out[i] = vec(src[i]!);
  for (; i < n; i++) out[i] = scalar(src[i]!);
  return out;
}

/**
 * The VML-style path of ops declared with IMPLEMENT_*_KERNEL in UnaryOpsKernel.cpp (exp, log,
 * log1p, tanh, sqrt, ...): vml::v<op> runs vec::map, whose remainder is a partial vector loaded
 * with zero padding, so every element goes through the vectorized (Sleef) function.
 */
export function mapVml(
  src: Float32Array,
  vec: (x: number) => number,
  out: Float32Array = new Float32Array(src.length),
): Float32Array {
  const n = src.length;
  for (let i = 0; i < n; i++) out[i] = vec(src[i]!);
  return out;
}
