/*
 * The constants of avx_mathfun.h's log256_ps and sincos256_ps (aten/src/ATen/native/cpu/
 * avx_mathfun.h, Cephes' single-precision log and sincos), as float32 values: shared by randn's
 * lanes (avx-mathfun.ts) and the tests' reference model of them (test/helpers/avx-lanes.ts).
 */
const f = Math.fround;

export const SQRTHF = f(0.707106781186547524);
export const P0 = f(7.0376836292e-2);
export const P1 = f(-1.151461031e-1);
export const P2 = f(1.167699874e-1);
export const P3 = f(-1.2420140846e-1);
export const P4 = f(1.4249322787e-1);
export const P5 = f(-1.6668057665e-1);
export const P6 = f(2.0000714765e-1);
export const P7 = f(-2.4999993993e-1);
export const P8 = f(3.3333331174e-1);
export const Q1 = f(-2.1219444e-4);
export const Q2 = f(0.693359375);

export const FOPI = f(1.27323954473516);
export const DP1 = f(-0.78515625);
export const DP2 = f(-2.4187564849853515625e-4);
export const DP3 = f(-3.77489497744594108e-8);
export const SIN_P0 = f(-1.9515295891e-4);
export const SIN_P1 = f(8.3321608736e-3);
export const SIN_P2 = f(-1.6666654611e-1);
export const COS_P0 = f(2.443315711809948e-5);
export const COS_P1 = f(-1.388731625493765e-3);
export const COS_P2 = f(4.166664568298827e-2);
export const TWO_PI_F = f(2 * Math.PI); // _mm256_set1_ps(2.0f * c10::pi<double>)
