/*
 * glibc 2.36 pow(double, double) as x86-64 runs it with FMA (__pow_fma: sysdeps/ieee754/
 * dbl-64/e_pow.c compiled with -mfma): log(x) to about 68 bits with a 128-entry table and a
 * degree-8 polynomial, y log(x) as a double-double, then exp with a 128-entry table of 2^(k/128)
 * as scale * (1 + tail). PyTorch's float `pow(tensor, scalar)` calls it for the scalar-loop
 * elements: std::pow(float base, double exponent) promotes to double, and the result is rounded
 * to float. The multiply-adds GCC fused in that build (read from its machine code) are fused here.
 *
 * The tables are generated, not copied, from the rules stated in glibc's e_pow_log_data.c and
 * e_exp_data.c (libm-tables.gen.mjs, at build time; checked equal to the tables in Debian's
 * libm.so.6). This is the one emulation of glibc's pow: NumPy's `np.float64 ** 2` (section 9's
 * landscape) is libmPow(x, 2) too, checked against Python's pow(x, 2.0) on 1.09 million
 * arguments (landscape grids, all magnitudes, random bit patterns).
 */
import { fma64, fromWords, hiWord, loWord } from './f64.js';
import {
  POW_EXP_HI as EXP_HI, POW_EXP_LO as EXP_LO, POW_EXP_TAIL as EXP_TAIL, POW_INVC as INVC, POW_LOGC as LOGC,
  POW_LOGCTAIL as LOGCTAIL,
} from './libm-tables.js';

const N = 128;
const OFF_HI = 0x3fe69555; // OFF = 0x3fe6955500000000

// glibc's hex constants as the decimal literals of the same doubles (test/math-constants.test.ts):
// no parsing at start-up
const LN2_HI = 0.6931471805598903 /* 0x1.62e42fefa3800p-1 */;
const LN2_LO = 5.497923018708371e-14 /* 0x1.ef35793c76730p-45 */;
const A0 = -0.5;
const A1 = -0.6666666666666679 /* -0x1.5555555555560p-1 */;
const A2 = 0.5000000000000007 /* 0x1.0000000000006p-1 */;
const A3 = 0.7999999995323976 /* 0x1.999999959554ep-1 */;
const A4 = -0.6666666663487739 /* -0x1.555555529a47ap-1 */;
const A5 = -1.142909628459501 /* -0x1.2495b9b4845e9p+0 */;
const A6 = 1.0000415263675542 /* 0x1.0002b8b263fc3p+0 */;

const INV_LN2_N = 184.6649652337873 /* 0x1.71547652b82fep+7 */;
const NEG_LN2_HI_N = -0.005415212348111709 /* -0x1.62e42fefa0000p-8 */;
const NEG_LN2_LO_N = -1.2864023111638346e-14 /* -0x1.cf79abc9e3b3ap-47 */;
const SHIFT = 6755399441055744 /* 0x1.8p52 */;
const C2 = 0.49999999999996786 /* 0x1.ffffffffffdbdp-2 */;
const C3 = 0.16666666666665886 /* 0x1.555555555543cp-3 */;
const C4 = 0.0416666808410674 /* 0x1.55555cf172b91p-5 */;
const C5 = 0.008333335853059549 /* 0x1.1111167a4d017p-7 */;

const LOG_TAIL = new Float64Array(1); // a typed-array slot: a module variable would box each double

/** log(x) = result + LOG_TAIL[0] for the double with words (hi32, lo32), exponent field possibly negative. */
export function logInline(hi32: number, lo32: number): number {
  const tmpHi = (hi32 - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & (N - 1);
  const k = tmpHi >> 20;
  const z = fromWords((hi32 - (tmpHi & 0xfff00000)) | 0, lo32);
  const r = fma64(z, INVC[i]!, -1);
  const t1 = fma64(k, LN2_HI, LOGC[i]!);
  const t2 = t1 + r;
  const lo1 = fma64(k, LN2_LO, LOGCTAIL[i]!);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma64(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const inner = fma64(fma64(r, A6, A5), ar2, fma64(r, A4, A3));
  const p = fma64(ar2, inner, fma64(r, A2, A1));
  const lo = fma64(ar3, p, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  LOG_TAIL[0] = hi - y + lo;
  return y;
}

/** scale (1 + tmp) when it may overflow or land in the subnormal range. */
function specialCase(tmp: number, sHi: number, sLo: number, kNegative: boolean): number {
  if (!kNegative) {
    const scale = fromWords((sHi - (1009 << 20)) | 0, sLo);
    return fma64(tmp, scale, scale) * 2 ** 1009;
  }
  const sbitsHi = (sHi + (1022 << 20)) | 0;
  const scale = fromWords(sbitsHi, sLo);
  const m = tmp * scale;
  let y = scale + m;
  if (Math.abs(y) < 1) {
    // rounds to the subnormal precision once, as glibc does
    const one = y < 0 ? -1 : 1;
    let lo = scale - y + m;
    const hi = y + one;
    lo = one - hi + y + lo;
    y = lo + hi - one;
    if (y === 0) y = sbitsHi < 0 ? -0 : 0;
  }
  return y * 2 ** -1022;
}

/** (negative ? -1 : 1) e^(x + xtail). */
function expInline(x: number, xtail: number, negative: boolean): number {
  let abstop = (hiWord(x) >>> 20) & 0x7ff;
  if (((abstop - 0x3c9) >>> 0) >= 0x3f) {
    if (abstop < 0x3c9) return negative ? -(1 + x) : 1 + x;
    if (abstop >= 0x409) {
      if (x < 0) return negative ? -0 : 0;
      return negative ? -Infinity : Infinity;
    }
    abstop = 0;
  }
  const kShift = fma64(x, INV_LN2_N, SHIFT);
  const kiLo = loWord(kShift); // k in two's complement in the low bits
  const kd = kShift - SHIFT;
  let r = fma64(kd, NEG_LN2_LO_N, fma64(kd, NEG_LN2_HI_N, x));
  r += xtail;
  const idx = kiLo & (N - 1);
  // top = (ki + sign_bias) << 45: the sign bias (0x800 << 7) lands on the sign bit
  const sHi = (EXP_HI[idx]! + (kiLo << 13) + (negative ? 0x80000000 : 0)) | 0;
  const sLo = EXP_LO[idx]!;
  const r2 = r * r;
  const tmp = fma64(fma64(r, C5, C4), r2 * r2, fma64(fma64(r, C3, C2), r2, r + EXP_TAIL[idx]!));
  if (abstop === 0) return specialCase(tmp, sHi, sLo, (kiLo & 0x80000000) !== 0);
  const scale = fromWords(sHi, sLo);
  return fma64(tmp, scale, scale);
}

/** 0: not an integer, 1: odd, 2: even, for a non-zero finite double with high word hy, low word ly. */
function checkint(hy: number, ly: number): number {
  const e = (hy >>> 20) & 0x7ff;
  if (e < 0x3ff) return 0;
  if (e > 0x3ff + 52) return 2;
  const bit = 0x3ff + 52 - e; // position of the units bit
  if (bit >= 32) {
    const b = bit - 32;
    if (ly !== 0 || (hy & ((1 << b) - 1)) !== 0) return 0;
    return (hy & (1 << b)) !== 0 ? 1 : 2;
  }
  if (bit > 0 && (ly & ((1 << bit) - 1)) !== 0) return 0;
  return ((ly >>> bit) & 1) !== 0 ? 1 : 2;
}

/** Zero, infinity or NaN, from the high and low words. */
const zeroinfnan = (hi: number, lo: number): boolean =>
  ((hi & 0x7fffffff) === 0 && lo === 0) || (hi & 0x7ff00000) === 0x7ff00000;

/** glibc's pow(x, y) for doubles, bit for bit. */
export function libmPow(x: number, y: number): number {
  let negative = false;
  let hx = hiWord(x);
  let lx = loWord(x);
  const hy = hiWord(y);
  const ly = loWord(y);
  let topx = hx >>> 20;
  const topy = hy >>> 20;
  if (((topx - 1) >>> 0) >= 0x7fe || (((topy & 0x7ff) - 0x3be) >>> 0) >= 0x80) {
    // x subnormal, zero, negative, inf or NaN; or |y| < 2^-65, |y| >= 2^63, inf or NaN
    if (zeroinfnan(hy, ly)) {
      if (y === 0) return 1;
      if (x === 1) return 1;
      if (x !== x || y !== y) return x + y;
      if (Math.abs(x) === 1) return 1;
      if ((Math.abs(x) < 1) === (y > 0)) return 0;
      return y * y;
    }
    if (zeroinfnan(hx, lx)) {
      let x2 = x * x;
      if (hx >>> 31 && checkint(hy, ly) === 1) x2 = -x2;
      return hy >>> 31 ? 1 / x2 : x2;
    }
    // x and y are non-zero finite
    if (hx >>> 31) {
      const yint = checkint(hy, ly);
      if (yint === 0) return NaN;
      if (yint === 1) negative = true;
      hx &= 0x7fffffff;
      topx &= 0x7ff;
    }
    if ((((topy & 0x7ff) - 0x3be) >>> 0) >= 0x80) {
      if (hx === 0x3ff00000 && lx === 0) return 1;
      const xAbove1 = hx > 0x3ff00000 || (hx === 0x3ff00000 && lx !== 0);
      if ((topy & 0x7ff) < 0x3be) return xAbove1 ? 1 + y : 1 - y;
      return xAbove1 === topy < 0x800 ? Infinity : 0;
    }
    if (topx === 0) {
      // subnormal: scale by 2^52, then take 52 off the exponent field (it goes negative)
      const s = Math.abs(x) * 2 ** 52;
      hx = (hiWord(s) - (52 << 20)) | 0;
      lx = loWord(s);
    }
  }
  const hi = logInline(hx, lx);
  const lo = LOG_TAIL[0]!;
  const ehi = y * hi;
  const elo = fma64(y, lo, fma64(y, hi, -ehi));
  return expInline(ehi, elo, negative);
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter

/**
 * glibc's pow(x, 2), what NumPy's np.float64 ** 2 calls. The exact square is p + e with p = x·x
 * rounded (Dekker's product). glibc's pow is within 0.54 ULP of the exact value (its worst case,
 * e_pow.c: 0.509 ULP from exp plus the log's 2^-68 relative error), so when x² is within
 * 0.4 ULP of p, the neighbours of p are more than 0.6 ULP away and pow returns p itself: that
 * is most arguments, and costs one product and its error instead of pow's dozen fused
 * multiply-adds. The rest (x² near a rounding midpoint, p a power of two, extreme magnitudes)
 * runs the full pow. Checked equal to libmPow(x, 2) on millions of arguments (test/math-pow.test.ts).
 */
export function libmPowSquare(x: number): number {
  const p = x * x;
  if (p > 2 ** -960 && p < 2 ** 960) {
    const t = SPLIT * x;
    const xh = t - (t - x);
    const xl = x - xh;
    const e = xh * xh - p + 2 * xh * xl + xl * xl;
    const hi = hiWord(p);
    // the ULP of p (not a power of two: its neighbour below would be half as far)
    if ((hi & 0xfffff) !== 0 || loWord(p) !== 0) {
      const ulp = 2 ** (((hi >>> 20) & 0x7ff) - 1075);
      if (e <= 0.4 * ulp && e >= -0.4 * ulp) return p;
    }
  }
  return libmPow(x, 2);
}
