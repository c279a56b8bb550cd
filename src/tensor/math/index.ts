/*
 * PyTorch 1.13's AVX2 elementwise float32 math, bit for bit: one-lane emulations of the Sleef
 * 3.5.1 vector functions, of glibc 2.36's scalar libm functions, the two element loops, and
 * whole-tensor ops built from them.
 */
export { sleefExpf, sleefExpfInto, sleefExpm1f } from './sleef-exp.js';
export { sleefLogf, sleefLogfInto, sleefLog1pf } from './sleef-log.js';
export { sleefCoshf, sleefTanhf } from './sleef-hyperbolic.js';
export { sleefPowf } from './sleef-pow.js';
export { libmExpf } from './libm-expf.js';
export { libmLogf } from './libm-logf.js';
export { libmPowf } from './libm-powf.js';
export { libmPow } from './libm-pow.js';
export { libmExpm1f } from './libm-expm1f.js';
export { libmLog1pf } from './libm-log1pf.js';
export { libmCoshf, libmTanhf } from './libm-hyperbolic.js';
export { fma32 } from './f32.js';
export { fma64 } from './f64.js';
export { VECTOR_BLOCK, mapVectorized, mapVml } from './loop.js';
export {
  abs, cosh, exp, expm1, log, log1p, neg, powScalar, reciprocal, sigmoid, sigmoidScalar, sigmoidVec, sqrt, tanh,
} from './ops.js';
