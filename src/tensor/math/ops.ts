/*
 * Whole-tensor float32 ops as torch.<op>(t) computes them in PyTorch 1.13 on an AVX2 CPU, for a
 * contiguous tensor processed in one loop (one thread, or numel <= 32768 = the grain size).
 * Which path each element takes was checked against torch on sizes 1..40:
 * - exp, expm1, log, log1p, tanh, sqrt: vml (vec::map), Sleef / vsqrtps on every element;
 * - cosh, sigmoid, pow with a scalar exponent: cpu_kernel_vec, Sleef on blocks of 16, glibc on
 *   the numel % 16 tail;
 * - reciprocal, abs, neg: cpu_kernel_vec too, but both paths give the same bits.
 */
import { fround as f } from './f32.js';
import { libmExpf } from './libm-expf.js';
import { libmCoshf } from './libm-hyperbolic.js';
import { libmPow } from './libm-pow.js';
import { mapVectorized, mapVml } from './loop.js';
import { sleefExpf, sleefExpfInto, sleefExpm1f } from './sleef-exp.js';
import { sleefCoshf, sleefTanhf } from './sleef-hyperbolic.js';
import { sleefLog1pf, sleefLogfInto } from './sleef-log.js';
import { sleefPowf } from './sleef-pow.js';

type Out = Float32Array | undefined;

export function exp(src: Float32Array, out: Float32Array = new Float32Array(src.length)): Float32Array {
  sleefExpfInto(src, out);
  return out;
}
export const expm1 = (src: Float32Array, out?: Out): Float32Array => mapVml(src, sleefExpm1f, out);
export function log(src: Float32Array, out: Float32Array = new Float32Array(src.length)): Float32Array {
  sleefLogfInto(src, out);
  return out;
}
export const log1p = (src: Float32Array, out?: Out): Float32Array => mapVml(src, sleefLog1pf, out);
export const tanh = (src: Float32Array, out?: Out): Float32Array => mapVml(src, sleefTanhf, out);
export const sqrt = (src: Float32Array, out?: Out): Float32Array => mapVml(src, sqrtf, out);
export const cosh = (src: Float32Array, out?: Out): Float32Array => mapVectorized(src, sleefCoshf, libmCoshf, out);
export const reciprocal = (src: Float32Array, out?: Out): Float32Array => mapVectorized(src, recipf, recipf, out);
export const abs = (src: Float32Array, out?: Out): Float32Array => mapVectorized(src, Math.abs, Math.abs, out);
export const neg = (src: Float32Array, out?: Out): Float32Array => mapVectorized(src, negf, negf, out);

function sqrtf(x: number): number {
  return f(Math.sqrt(x));
}

function recipf(x: number): number {
  return f(1 / x);
}

function negf(x: number): number {
  return -x;
}

/** Vectorized sigmoid_kernel: (0 - a).exp(), + 1, reciprocal (Sleef expf). */
export function sigmoidVec(a: number): number {
  return f(1 / f(1 + sleefExpf(f(0 - a))));
}

/** Scalar sigmoid_kernel: 1 / (1 + std::exp(-a)) (glibc expf). */
export function sigmoidScalar(a: number): number {
  return f(1 / f(1 + libmExpf(-a)));
}

export const sigmoid = (src: Float32Array, out?: Out): Float32Array => mapVectorized(src, sigmoidVec, sigmoidScalar, out);

function square(x: number): number {
  return f(x * x);
}

function cube(x: number): number {
  return f(f(x * x) * x);
}

function recipSquare(x: number): number {
  return f(1 / f(x * x));
}

function rsqrtf(x: number): number {
  return f(1 / f(Math.sqrt(x)));
}

/**
 * torch.pow(t, exponent) for a Python-number exponent (native/Pow.cpp, cpu/PowKernel.cpp):
 * 0 fills ones, 1 copies; 0.5, -0.5, -1 are the sqrt, rsqrt and reciprocal kernels; 2, 3, -2 are
 * products; any other exponent is Sleef powf with the exponent rounded to float on blocks of 16
 * and, on the tail, std::pow(float, double) = glibc's double pow rounded to float.
 */
export function powScalar(src: Float32Array, exponent: number, out: Float32Array = new Float32Array(src.length)): Float32Array {
  if (exponent === 0) return out.fill(1);
  if (exponent === 1) {
    out.set(src);
    return out;
  }
  if (exponent === 0.5) return mapVml(src, sqrtf, out);
  if (exponent === -0.5) return mapVectorized(src, rsqrtf, rsqrtf, out);
  if (exponent === -1) return mapVectorized(src, recipf, recipf, out);
  if (exponent === 2) return mapVectorized(src, square, square, out);
  if (exponent === 3) return mapVectorized(src, cube, cube, out);
  if (exponent === -2) return mapVectorized(src, recipSquare, recipSquare, out);
  const ef = f(exponent);
  return mapVectorized(
    src,
    (x) => sleefPowf(x, ef),
    (x) => f(libmPow(x, exponent)),
    out,
  );
}
