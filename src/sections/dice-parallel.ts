/*
 * The Dice section on two threads. The per-element work (randn's Box–Muller, the sigmoid, BCE,
 * the threshold) is independent per element, and the sums can be split where cascade_sum's state
 * is its top level alone (CascadeSum.splitPeriod): the split points. The batch is cut into pieces
 * at split points; a worker thread (dice-worker.ts) takes pieces from the front, the main thread
 * from the back, each claiming one at a time, until they meet, so a thread that runs slower (the
 * worker starts late and cold; the machine may be busy) simply does fewer.
 *
 * - The worker's pieces are a prefix [0, s): it sums them as one sum does, with one accumulator
 *   from mt19937's state at randn's first draw, and hands over the sums' state at s.
 * - The main thread's pieces are [s, n): it first moves its generator over the whole stream
 *   (twists only) to the last piece, keeping the state at each piece's start, then computes the
 *   pieces backwards, each with its own suffix accumulator (CascadeSum.suffix), which logs what
 *   it carries into the top level.
 * - The join: from the worker's state, each of the main thread's pieces in order replays its
 *   carries onto the top level (joinPrefix) and hands the state on; the last gives the sums.
 *   The additions are those of one thread, in the same order: the results are the same bits.
 *
 * Only the torch bit source (mt19937, whose state can be copied and moved on) runs on two threads.
 * The section's `run` is synchronous, so the main thread waits for the worker with Atomics.wait
 * on shared memory rather than for a message. Nothing depends on the worker: if it never starts
 * the main thread claims every piece, and if it fails the main thread recomputes its prefix.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BitSource } from '../rng/index.js';
import { MT19937 } from '../rng/mt19937.js';
import { CascadeSum } from '../tensor/reduce.js';
import { DiceAccumulators, DiceBuffers, diceRange, PREFIX_STATE_LENGTH, type DiceSums } from './dice-kernel.js';

/**
 * Elements from which the batch is split over two threads. The worker costs a fixed amount: a
 * Node environment (about 50 ms from spawn to its first piece) and its own JIT warm-up of the
 * kernels (its first pieces run several times slower), with both threads' compilations sharing
 * the two cores. Measured on the project's two-core machine (whole process, hyperfine): at 2^20
 * elements two threads are no faster than one (275 vs 263 ms), at 2^21 they start to pay
 * (324 vs 361 ms), at 2^22 clearly (452 vs 583 ms), at 2^24 1.1 s vs 1.8 s.
 */
export const PARALLEL_THRESHOLD = 2 ** 21;

/**
 * node:worker_threads and node:os, loaded only when a batch is large enough to use them: every
 * other run of the CLI is spared their loading (worker_threads takes about 2 ms).
 */
const nodeRequire = createRequire(import.meta.url);
const workerThreads = (): typeof import('node:worker_threads') => nodeRequire('node:worker_threads') as typeof import('node:worker_threads');
const nodeOs = (): typeof import('node:os') => nodeRequire('node:os') as typeof import('node:os');

/** Who holds a piece (the claims, one Int32 per piece). */
const FREE = 0;
const BY_WORKER = 1;
const BY_MAIN = 2;

/** The worker's status word. */
const RUNNING = 0;
const DONE = 1;
const FAILED = 2;

/** What the worker gets (workerData): the masks, the claims, its status and result are shared memory. */
export interface DiceWorkerData {
  readonly n: number;
  /** the whole batch's masks, in a SharedArrayBuffer */
  readonly target: Float32Array;
  /** the mt19937 state at randn's first draw */
  readonly mt: { readonly state: Int32Array; readonly index: number };
  /** one claim per piece (FREE, BY_WORKER, BY_MAIN) */
  readonly claims: Int32Array;
  /** [status, pieces the worker did] */
  readonly control: Int32Array;
  /** the sums' state at the end of the worker's pieces (DiceAccumulators.prefixState) */
  readonly prefix: Float64Array;
}

/**
 * How many threads the Dice section uses for n elements: 1, or 2 from PARALLEL_THRESHOLD
 * elements on when the machine has a second core and LOSS_DEMO_THREADS (the most threads to
 * use) allows, for the torch bit source.
 */
export function diceThreads(n: number, source: BitSource): number {
  if (n < PARALLEL_THRESHOLD || !(source instanceof MT19937) || pieceCount(n) < 2) return 1;
  return Math.min(threadLimit() ?? nodeOs().availableParallelism(), 2);
}

/** LOSS_DEMO_THREADS as a positive integer, or undefined when unset or not one. */
function threadLimit(): number | undefined {
  const raw = process.env['LOSS_DEMO_THREADS'];
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
  const v = Number(raw);
  return v >= 1 ? v : undefined;
}

/**
 * The pieces of an n-element batch: piece i starts at i·splitPeriod(n), the last runs to n. The
 * last starts at the last split point within the rows region and at or before n - 16, so randn's
 * redrawn last 16 elements are all in it; 0 pieces if there is no split point.
 */
export function pieceCount(n: number): number {
  const period = CascadeSum.splitPeriod(n);
  if (period === 0) return 0;
  const rowsEnd = n - (n % 32);
  return Math.floor(Math.min(rowsEnd, n - 16) / period) + 1;
}

function pieceStart(n: number, i: number): number {
  return i * CascadeSum.splitPeriod(n);
}

function pieceEnd(n: number, i: number): number {
  return i === pieceCount(n) - 1 ? n : pieceStart(n, i + 1);
}

/**
 * The worker's script: beside the bundle (dist/dice-worker.cjs, which this module is bundled
 * into), or, when this module runs from src (the tests), in dist after the build.
 */
export function diceWorkerScript(): string | undefined {
  for (const relative of ['./dice-worker.cjs', '../../dist/dice-worker.cjs']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * Pieces [0, count) as one prefix (count < pieceCount(n): it ends at a split point), from the
 * stream's state at randn, claiming each first when `claims` is given (stopping at the first
 * the main thread holds); the sums' state at its end into `prefix`. Returns how many pieces it did.
 */
function prefixPieces(data: Pick<DiceWorkerData, 'n' | 'target' | 'mt'>, count: number, prefix: Float64Array,
  claims?: Int32Array, control?: Int32Array): number {
  const { n, target } = data;
  const source = MT19937.restore(data.mt);
  const sums = new DiceAccumulators(n);
  const buffers = new DiceBuffers(n);
  let done = 0;
  while (done < count && (claims === undefined || Atomics.compareExchange(claims, done, FREE, BY_WORKER) === FREE)) {
    diceRange(source, target, n, pieceStart(n, done), pieceEnd(n, done), sums, buffers);
    done++;
    // progress, for the main thread's watch on a worker that died
    if (control !== undefined) Atomics.store(control, 1, done);
  }
  sums.prefixState(prefix);
  return done;
}

/**
 * The worker thread's part: pieces from the front until the main thread's, then its state and
 * status. The last piece is always the main thread's (it ends at n, not at a split point).
 */
export function diceWorkerMain(data: DiceWorkerData): void {
  let status = FAILED;
  try {
    Atomics.store(data.control, 1, prefixPieces(data, data.claims.length - 1, data.prefix, data.claims, data.control));
    status = DONE;
  } finally {
    Atomics.store(data.control, 0, status);
    Atomics.notify(data.control, 0);
  }
}

/**
 * Float32Array(n) of zeros in shared memory, for the masks the worker reads (its pages, like
 * zeros()'s, are mapped only where written).
 */
export function sharedZeros(n: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(n * 4));
}

/**
 * The Dice sums on two threads (diceThreads said 2): `source` is the torch generator at randn's
 * first draw, `target` the masks in shared memory (sharedZeros). The same bits as one thread,
 * and `source` ends where randn(n) leaves it.
 */
export function diceSumsParallel(source: MT19937, target: Float32Array, n: number): DiceSums {
  return diceSumsSplit(source, target, n, diceWorkerScript()).sums;
}

/**
 * diceSumsParallel with the worker's script given (undefined: no worker, the main thread does
 * every piece) and how long a worker may stall (waitForWorker), and how many pieces the worker
 * did: for the tests of every path.
 */
export function diceSumsSplit(source: MT19937, target: Float32Array, n: number,
  script: string | undefined, stallMs = STALL_MS): { sums: DiceSums; workerPieces: number } {
  const count = pieceCount(n);
  const data: DiceWorkerData = {
    n,
    target,
    mt: source.snapshot(),
    claims: new Int32Array(new SharedArrayBuffer(4 * count)),
    control: new Int32Array(new SharedArrayBuffer(8)),
    prefix: new Float64Array(new SharedArrayBuffer(PREFIX_STATE_LENGTH * 8)),
  };
  if (script !== undefined) startWorker(script, data);

  // the stream's state at each piece's start (the twists of the whole stream, while the worker starts)
  const states: ReturnType<MT19937['snapshot']>[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) source.skip(pieceStart(n, i) - pieceStart(n, i - 1));
    states.push(source.snapshot());
  }

  // the pieces from the back, until the worker's
  const buffers = new DiceBuffers(n);
  const mine: DiceAccumulators[] = [];
  let first = count;
  let end: ReturnType<MT19937['snapshot']> | undefined;
  while (first > 0 && Atomics.compareExchange(data.claims, first - 1, FREE, BY_MAIN) === FREE) {
    first--;
    const sums = new DiceAccumulators(n, pieceStart(n, first));
    const piece = MT19937.restore(states[first]!);
    diceRange(piece, target, n, pieceStart(n, first), pieceEnd(n, first), sums, buffers);
    // (after the last piece: the stream where randn leaves it, for the generator)
    end ??= piece.snapshot();
    mine.push(sums);
  }
  source.load(end!);

  // the prefix [0, first): the worker's, once it is done; recomputed here if it failed
  let workerPieces = 0;
  let prefix = data.prefix;
  if (first > 0) {
    if (waitForWorker(data.control, stallMs) === DONE && Atomics.load(data.control, 1) === first) workerPieces = first;
    else {
      // the worker's shared state is not read again: a stalled worker may still write to it
      prefix = new Float64Array(PREFIX_STATE_LENGTH);
      prefixPieces(data, first, prefix);
    }
  }

  // the join, in the pieces' order (a piece 0 of the main thread's is a prefix itself)
  mine.reverse();
  for (let k = 0; k < mine.length; k++) {
    if (first + k > 0) mine[k]!.joinPrefix(prefix);
    if (k < mine.length - 1) mine[k]!.prefixState(prefix);
  }
  return { sums: mine[mine.length - 1]!.result(), workerPieces };
}

/**
 * How long the worker may go without finishing a piece before the main thread stops waiting and
 * computes the worker's pieces itself. A piece takes well under a second even cold; a worker that
 * ends without reporting (killed, out of memory) never finishes one, and the main thread, blocked
 * in Atomics.wait, cannot see its exit event.
 */
const STALL_MS = 20_000;

/** The worker's final status, or RUNNING when it made no progress for stallMs. */
function waitForWorker(control: Int32Array, stallMs: number): number {
  let seen = Atomics.load(control, 1);
  let since = Date.now();
  for (;;) {
    const status = Atomics.load(control, 0);
    if (status !== RUNNING) return status;
    Atomics.wait(control, 0, RUNNING, Math.min(250, stallMs));
    const progress = Atomics.load(control, 1);
    if (progress !== seen) {
      seen = progress;
      since = Date.now();
    } else if (Date.now() - since >= stallMs) {
      return RUNNING;
    }
  }
}

/** Starts the worker; when it cannot start, it claims nothing and the main thread does every piece. */
function startWorker(script: string, data: DiceWorkerData): void {
  try {
    const worker = new (workerThreads().Worker)(script, { workerData: data });
    // the outcome is in shared memory; an error event must not end the process, and the
    // worker must not keep it alive
    worker.on('error', () => undefined);
    worker.unref();
  } catch {
    // (the main thread does every piece)
  }
}
