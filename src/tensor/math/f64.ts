/*
 * Double-precision helpers for the glibc emulations: 64-bit bit access through 32-bit words and
 * an exactly rounded fma (glibc's FMA-selected variants of expf/logf/powf/pow are compiled with
 * -mfma, and GCC fuses their multiply-adds; JavaScript has no fused operation).
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: U32[0] is the low word

/** High 32 bits of a double's pattern (unsigned). */
export function hiWord(x: number): number {
  F64[0] = x;
  return U32[1]!;
}

/** Low 32 bits of a double's pattern (unsigned). */
export function loWord(x: number): number {
  F64[0] = x;
  return U32[0]!;
}

/** The double with the given high and low words. */
export function fromWords(hi: number, lo: number): number {
  U32[1] = hi >>> 0;
  U32[0] = lo >>> 0;
  return F64[0]!;
}

/** The double next to s (finite, not 0) in the direction of the sign of err, if s's last bit is even. */
function toOdd(s: number, err: number): number {
  F64[0] = s;
  let lo = U32[0]!;
  if ((lo & 1) === 1) return s;
  let hi = U32[1]!;
  if ((err > 0) === (s > 0)) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  return fromWords(hi, lo);
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const BIG = 2 ** 996;

/**
 * fma(a, b, c) with one rounding (Boldo and Melquiond's emulation: the exact product p + e and
 * sum sh + sl, the low parts added with rounding to odd, then one rounding to nearest). When
 * sl + e is itself exact, as it nearly always is, that last sum is the one rounding. Valid when
 * the partial products do not underflow, which holds for the arguments glibc's code feeds it.
 * Written without helper calls on the common path: glibc's pow runs a dozen of these per call,
 * mostly before V8 has optimised them.
 */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  const sh = p + c;
  // zeros, infinities and NaN: no product error can change the sum
  if (p === 0 || c === 0 || p - p !== 0 || sh - sh !== 0) return sh;
  if (a > BIG || a < -BIG || b > BIG || b < -BIG) return fma64(a * 2 ** -100, b, c * 2 ** -100) * 2 ** 100;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const bv = sh - p;
  const sl = (p - (sh - bv)) + (c - bv);
  const s = sl + e;
  const sv = s - sl;
  const err = (sl - (s - sv)) + (e - sv);
  return sh + (err === 0 || s === 0 ? s : toOdd(s, err));
}

/** The value of a C99 hex float literal such as "-0x1.62e42fefa39efp-1", exactly. */
export function hexFloat(s: string): number {
  const m = /^(-?)0x([0-9a-f])\.?([0-9a-f]*)p([+-]?\d+)$/i.exec(s);
  if (!m) throw new Error(`bad hex float ${s}`);
  const frac = m[3]!;
  // at most 1 + 52 significant bits, so the integer and the power-of-two scaling are exact
  const v = Number(BigInt(`0x${m[2]}${frac}`)) * 2 ** (Number(m[4]) - 4 * frac.length);
  return m[1] === '-' ? -v : v;
}

/** 2^n for n in [-POW2_BIAS, POW2_BIAS] at index n + POW2_BIAS, built by exact doublings and halvings. */
export const POW2_BIAS = 160;
export const POW2: Float64Array = (() => {
  const t = new Float64Array(2 * POW2_BIAS + 1);
  let v = 1;
  for (let n = 0; n <= POW2_BIAS; n++, v *= 2) t[POW2_BIAS + n] = v;
  v = 1;
  for (let n = 0; n <= POW2_BIAS; n++, v /= 2) t[POW2_BIAS - n] = v;
  return t;
})();
