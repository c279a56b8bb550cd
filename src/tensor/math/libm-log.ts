import { hiWord, loWord } from './f64.js';
import { logInline } from './libm-pow.js';

/**
 * Python's math.log(x) for a positive finite normal double: glibc's log. V8's Math.log (fdlibm)
 * differs from it in the last bit for some inputs (log(3), log(48)); glibc pow's log_inline
 * computes log(x) to about 2^-68 relative and rounds hi + lo once, which gives glibc's result
 * wherever glibc log is correctly rounded. Checked against CPython for every integer 1..1000
 * (test/fixtures/math/python-log.json).
 */
export function libmLog(x: number): number {
  if (!(x > 0) || x === Infinity || x < 2.2250738585072014e-308) return Math.log(x);
  return logInline(hiWord(x), loWord(x));
}
