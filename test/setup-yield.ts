import { afterEach, beforeEach } from 'vitest';

/*
 * After a slow test, a short pause on the event loop. A test file whose tests compute synchronously
 * for long (the Dice thread tests: a minute on a loaded machine) otherwise goes from test to test
 * without the worker flushing its progress reports to vitest and reading the replies; each report's
 * 60 s timer then fires first ("Timeout calling onTaskUpdate") and fails a run whose tests all
 * passed. 50 ms lets a report go out and its answer come back; fast tests only get one turn.
 */
const SLOW_MS = 1000;
let started = 0;

beforeEach(() => {
  started = performance.now();
});

afterEach(() => new Promise<void>((resolve) => {
  if (performance.now() - started > SLOW_MS) setTimeout(resolve, 50);
  else setImmediate(resolve);
}));
