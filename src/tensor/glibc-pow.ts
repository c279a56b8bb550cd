/*
 * glibc's pow(x, 2.0), which is what NumPy 1.24 evaluates for `np.float64 ** 2` (scalarmath's
 * double power calls npy_pow = pow) and Python for `float ** 2`. It is not x * x: glibc's pow
 * (sysdeps/ieee754/dbl-64/e_pow.c, ARM's optimized-routines algorithm) computes
 * exp(y * log(x)) in extended precision with a 0.52 ULP bound, so about 1 result in 1300 differs
 * from the correctly rounded square in the last bit.
 *
 * On x86-64 with FMA (what the reference ran on), glibc selects its e_pow-fma variant (the same C
 * compiled with -mfma -mavx2): the __FP_FAST_FMA branches, and GCC contracts each product whose
 * only use is an add into an FMA. Mirrored here:
 * - log_inline: x = 2^k z, z in [0x1.69555p-1, 0x1.69555p0) split into 128 subintervals; with
 *   the table's invc, logc, logctail: r = fma(z, invc, -1); t1 = k*Ln2hi + logc (exact);
 *   t2 = t1 + r; lo1 = fma(k, Ln2lo, logctail); lo2 = t1 - t2 + r; ar = -0.5 r; ar2 = r*ar;
 *   ar3 = r*ar2; hi = t2 + ar2; lo3 = fma(ar, r, -ar2); lo4 = t2 - hi + ar2; the degree-8
 *   polynomial fused as written below; lo = fma(ar3, poly, lo1 + lo2 + lo3 + lo4); y = hi + lo,
 *   tail = hi - y + lo;
 * - y = 2 makes ehi = 2 hi and elo = 2 lo exact;
 * - exp_inline: kd = fma(N/ln2, x, 0x1.8p52) (round to an integer k by the shift), r by two
 *   fused reductions plus the tail, the degree-5 polynomial with two fused steps, the table's
 *   2^(k/128) as scale * (1 + tail), result fma(scale, tmp, scale); specialcase for results near
 *   overflow and in the subnormal range.
 * JavaScript has no FMA, so fma64 below emulates it exactly (Boldo & Melquiond: the exact
 * product and sum, the low parts added with rounding to odd, one final rounding).
 *
 * The tables are not copied: they are generated at first use from the rules glibc's data files
 * state (e_pow_log_data.c: 1/c = round(N/center)/N below 1, round(2N/center)/2N above;
 * logc = round(2^43 log c)/2^43; logctail = log c - logc; e_exp_data.c: 2^(k/N) = H[k](1 + T[k])
 * with H[k] the nearest double), with logarithms and exponentials in 200-bit fixed point.
 * Checked against Python's pow(x, 2.0) on 1.09 million arguments (landscape grids, all
 * magnitudes, random bit patterns): all bit-identical.
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

// little-endian: U32[0] is the low word
const hiWord = (x: number): number => {
  F64[0] = x;
  return U32[1]!;
};
const fromWords = (hi: number, lo: number): number => {
  U32[1] = hi >>> 0;
  U32[0] = lo >>> 0;
  return F64[0]!;
};

/** A C99 hex float literal ("0x1.62e42fefa3800p-1"), exactly. */
function hexFloat(s: string): number {
  const m = /^(-?)0x([0-9a-f])\.([0-9a-f]*)p([+-]?\d+)$/i.exec(s);
  if (!m) throw new Error(`bad hex float ${s}`);
  const digits = m[2]! + m[3]!;
  const v = Number(BigInt(`0x${digits}`)) * 2 ** (Number(m[4]) - 4 * m[3]!.length);
  return m[1] === '-' ? -v : v;
}

// ---------------------------------------------------------------- exact FMA for doubles

const SPLITTER = 134217729; // 2^27 + 1

/** The next double after x toward the sign of `dir` (x finite, non-zero result). */
function nudge(x: number, dir: number): number {
  F64[0] = x;
  let lo = U32[0]!;
  let hi = U32[1]!;
  const away = x === 0 ? false : (dir > 0) === (x > 0);
  if (x === 0) return dir > 0 ? 5e-324 : -5e-324;
  if (away) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  return fromWords(hi, lo);
}

/** x + y rounded to odd: if inexact, the neighbour of the exact sum whose last bit is 1. */
function addRoundToOdd(x: number, y: number): number {
  const s = x + y;
  const bv = s - x;
  const err = (x - (s - bv)) + (y - bv);
  if (err === 0 || !Number.isFinite(s)) return s;
  F64[0] = s;
  if ((U32[0]! & 1) === 1) return s;
  return nudge(s, err);
}

/** fma(a, b, c) for doubles, rounded once (no overflow or underflow in the steps, as pow uses it). */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || !Number.isFinite(c) || p === 0) return p + c;
  if (Math.abs(a) > 2 ** 900 || Math.abs(b) > 2 ** 900) {
    // keep Veltkamp's split from overflowing: scale by a power of two and back
    return fma64(a * 2 ** -200, b, c * 2 ** -200) * 2 ** 200;
  }
  // Dekker's exact product p + e
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  // exact sum p + c = sh + sl
  const sh = p + c;
  const bv = sh - p;
  const sl = (p - (sh - bv)) + (c - bv);
  return sh + addRoundToOdd(sl, e);
}

// ---------------------------------------------------------------- tables, in 200-bit fixed point

const PREC = 200n;
const ONE = 1n << PREC;

/** atanh(p/q) * 2^PREC for a small rational p/q. */
function atanhFixed(p: bigint, q: bigint): bigint {
  let term = (p * ONE) / q; // (p/q)^(2k+1)
  const p2 = p * p;
  const q2 = q * q;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * p2) / q2;
  }
  return sum;
}

/** ln(a/b) * 2^PREC, for a/b near 1. */
const lnRatio = (a: bigint, b: bigint): bigint => 2n * atanhFixed(a - b, a + b);

const LN2 = 2n * atanhFixed(1n, 3n);

/** exp(x) * 2^PREC for 0 <= x <= 1 given as x * 2^PREC. */
function expFixed(x: bigint): bigint {
  let sum = 0n;
  let term = ONE;
  for (let k = 1n; term !== 0n; k++) {
    sum += term;
    term = (term * x) / (ONE * k);
  }
  return sum;
}

/** A fixed-point value as the nearest double (Number(bigint) rounds to nearest). */
const toDouble = (v: bigint): number => Number(v) * 2 ** -Number(PREC);

/** An exact double as a fixed-point BigInt. */
function fromDouble(x: number): bigint {
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return (BigInt(m) << PREC) >> BigInt(e);
}

const roundShift = (v: bigint, bits: bigint): bigint => (v + (1n << (bits - 1n))) >> bits;

const LOG_TABLE_BITS = 7;
const LOG_N = 1 << LOG_TABLE_BITS;
const OFF_HI = 0x3fe69555; // OFF = 0x3fe6955500000000: its low word is 0

interface Tables {
  readonly invc: Float64Array;
  readonly logc: Float64Array;
  readonly logctail: Float64Array;
  /** tail T[k] of 2^(k/N) = H[k] (1 + T[k]) */
  readonly expTail: Float64Array;
  /** asuint64(H[k]) - (k << 52)/N, as high and low words */
  readonly expHi: Uint32Array;
  readonly expLo: Uint32Array;
}

let tables: Tables | undefined;

function buildTables(): Tables {
  const invc = new Float64Array(LOG_N);
  const logc = new Float64Array(LOG_N);
  const logctail = new Float64Array(LOG_N);
  for (let i = 0; i < LOG_N; i++) {
    // subinterval i of z: bit patterns OFF + i*2^45 .. OFF + (i+1)*2^45
    const lo = fromWords(OFF_HI + (i << 13), 0);
    const hi = fromWords(OFF_HI + ((i + 1) << 13), 0);
    const center = (lo + hi) / 2;
    const [num, den] = center < 1 ? [Math.round(LOG_N / center), LOG_N] : [Math.round((2 * LOG_N) / center), 2 * LOG_N];
    invc[i] = num / den;
    // log(c) = -log(invc) = ln(den/num)
    const l = lnRatio(BigInt(den), BigInt(num));
    const lc = roundShift(l, PREC - 43n) << (PREC - 43n);
    logc[i] = toDouble(lc);
    logctail[i] = toDouble(l - lc);
  }
  const expTail = new Float64Array(LOG_N);
  const expHi = new Uint32Array(LOG_N);
  const expLo = new Uint32Array(LOG_N);
  for (let k = 0; k < LOG_N; k++) {
    const exact = expFixed((LN2 * BigInt(k)) / BigInt(LOG_N));
    const h = toDouble(exact);
    expTail[k] = toDouble((exact * ONE) / fromDouble(h) - ONE);
    F64[0] = h;
    // subtracting (k << 52)/N = k << 45 touches the high word only
    expHi[k] = (U32[1]! - (k << 13)) >>> 0;
    expLo[k] = U32[0]!;
  }
  return { invc, logc, logctail, expTail, expHi, expLo };
}

// ---------------------------------------------------------------- constants of the algorithm

const LN2HI = hexFloat('0x1.62e42fefa3800p-1');
const LN2LO = hexFloat('0x1.ef35793c76730p-45');
// log polynomial, scaled as glibc scales it (A[0] = -0.5)
const A0 = -0.5;
const A1 = hexFloat('0x1.555555555556p-2') * -2;
const A2 = hexFloat('-0x1.0000000000006p-2') * -2;
const A3 = hexFloat('0x1.999999959554ep-3') * 4;
const A4 = hexFloat('-0x1.555555529a47ap-3') * 4;
const A5 = hexFloat('0x1.2495b9b4845e9p-3') * -8;
const A6 = hexFloat('-0x1.0002b8b263fc3p-3') * -8;

const INV_LN2N = hexFloat('0x1.71547652b82fep0') * LOG_N;
const NEG_LN2HI_N = hexFloat('-0x1.62e42fefa0000p-8');
const NEG_LN2LO_N = hexFloat('-0x1.cf79abc9e3b3ap-47');
const SHIFT = hexFloat('0x1.8p52');
const C2 = hexFloat('0x1.ffffffffffdbdp-2');
const C3 = hexFloat('0x1.555555555543cp-3');
const C4 = hexFloat('0x1.55555cf172b91p-5');
const C5 = hexFloat('0x1.1111167a4d017p-7');

// ---------------------------------------------------------------- the algorithm

let logTail = 0;

/** log(x) as hi (returned) + logTail, for x's words with a non-negative normalized exponent field. */
function logInline(t: Tables, hi32: number, lo32: number): number {
  const tmpHi = (hi32 - OFF_HI) | 0;
  const i = (tmpHi >>> 13) & (LOG_N - 1);
  const k = tmpHi >> 20;
  const z = fromWords((hi32 - (tmpHi & 0xfff00000)) | 0, lo32);
  const kd = k;
  const invc = t.invc[i]!;
  const logc = t.logc[i]!;
  const logctail = t.logctail[i]!;

  const r = fma64(z, invc, -1.0);
  const t1 = kd * LN2HI + logc;
  const t2 = t1 + r;
  const lo1 = fma64(kd, LN2LO, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A0 * r;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma64(ar, r, -ar2);
  const lo4 = t2 - hi + ar2;
  const inner = fma64(ar2, fma64(r, A6, A5), fma64(r, A4, A3));
  const poly = fma64(ar2, inner, fma64(r, A2, A1));
  const lo = fma64(ar3, poly, lo1 + lo2 + lo3 + lo4);
  const y = hi + lo;
  logTail = hi - y + lo;
  return y;
}

/** scale * (1 + tmp) when it may overflow or fall into the subnormal range. */
function specialCase(tmp: number, sHi: number, sLo: number, kiLo: number): number {
  if ((kiLo & 0x80000000) === 0) {
    // k > 0: the exponent of scale may have overflowed by <= 460
    const scale = fromWords((sHi - (1009 << 20)) | 0, sLo);
    const y = fma64(scale, tmp, scale);
    return y * 2 ** 1009;
  }
  const sbitsHi = (sHi + (1022 << 20)) | 0;
  const scale = fromWords(sbitsHi, sLo);
  // scale * tmp has a second use in the block below, so GCC keeps it a rounded product here
  const m = scale * tmp;
  let y = scale + m;
  if (Math.abs(y) < 1.0) {
    // round to the subnormal precision first, as glibc does, to avoid double rounding
    const one = y < 0.0 ? -1.0 : 1.0;
    let lo = scale - y + m;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = (hi + lo) - one;
    if (y === 0) y = sbitsHi < 0 ? -0 : 0;
  }
  return 2 ** -1022 * y;
}

function expInline(t: Tables, x: number, xtail: number): number {
  let abstop = (hiWord(x) >>> 20) & 0x7ff;
  const top54 = 0x3c9; // top12(0x1p-54)
  if (((abstop - top54) >>> 0) >= ((0x408 - top54) >>> 0)) { // top12(512.0) = 0x408
    if (((abstop - top54) >>> 0) >= 0x80000000) return 1.0 + x;
    if (abstop >= 0x409) return hiWord(x) >>> 31 ? 0 : Infinity; // top12(1024.0)
    abstop = 0;
  }
  let kd = fma64(INV_LN2N, x, SHIFT);
  F64[0] = kd;
  const kiLo = U32[0]!;
  kd -= SHIFT;
  let r = fma64(kd, NEG_LN2LO_N, fma64(kd, NEG_LN2HI_N, x));
  r += xtail;
  const idx = kiLo & (LOG_N - 1);
  const topHi = kiLo << 13; // (ki << 45): its high word
  const tail = t.expTail[idx]!;
  const sHi = (t.expHi[idx]! + topHi) | 0;
  const sLo = t.expLo[idx]!;
  const r2 = r * r;
  const tmp = fma64(r2 * r2, fma64(r, C5, C4), fma64(r2, fma64(r, C3, C2), tail + r));
  if (abstop === 0) return specialCase(tmp, sHi, sLo, kiLo);
  const scale = fromWords(sHi, sLo);
  return fma64(scale, tmp, scale);
}

/** glibc pow(x, 2.0) (the e_pow-fma variant), bit for bit. */
export function powSquare(x: number): number {
  F64[0] = x;
  let hi32 = U32[1]!;
  let lo32 = U32[0]!;
  const topx = hi32 >>> 20;
  if (((topx - 1) >>> 0) >= 0x7fe) {
    // zero, inf, nan, negative or subnormal x
    if (x === 0 || !Number.isFinite(x)) return x * x;
    // y = 2 is an even integer: the sign of x drops out
    hi32 &= 0x7fffffff;
    if ((topx & 0x7ff) === 0) {
      // normalize a subnormal: scale by 2^52, then take 52 off the exponent field (it goes negative)
      F64[0] = Math.abs(x) * 2 ** 52;
      hi32 = (U32[1]! & 0x7fffffff) - (52 << 20);
      lo32 = U32[0]!;
    }
  }
  const t = (tables ??= buildTables());
  const hi = logInline(t, hi32, lo32);
  const lo = logTail;
  return expInline(t, 2 * hi, 2 * lo);
}
