/*
 * Start-up through a V8 code cache. Node 20 compiles a CLI's JavaScript afresh on every run
 * (module.enableCompileCache arrived in Node 22), and for loss-demo that compiling is a large part
 * of the run: parsing the bundle and compiling the functions the run calls. So the bundle is run
 * as a vm.Script with `cachedData` made by an earlier run (the build makes the first one), which
 * holds the bytecode of every function that run compiled.
 *
 * V8 accepts a cache only for the same V8 version and flags and checks the source by its length
 * alone, so the cache file also records the bundle's size and modification time and is ignored
 * when they differ. A missing, stale or rejected cache is made again at the end of a successful
 * run, if the bundle's folder is writable (written to a temporary file and renamed, so concurrent
 * runs never read half a file); otherwise the run simply compiles as Node would.
 */
import { closeSync, openSync, readFileSync, renameSync, statSync, writeSync, accessSync, constants } from 'node:fs';
import { wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * V8's tier-up budget for runs with figures, in bytecodes run per function before TurboFan is
 * asked to optimise it (V8 11's default is 67,584). Most of the figure builders' and the
 * renderer's code runs a handful of times in a run: with the default, `--plot` had TurboFan
 * compile dozens of functions that had already done their work (about 150 ms of compiling, most
 * on a second core, some on the main thread). Four times the default leaves that code in
 * Sparkplug and still optimises what runs long (BENCHMARKS.md). A run whose arguments ask for
 * figures raises it before anything loads, so its text runs under it too (about 10 ms less than
 * raising it when plot.cjs loads); a run without figures keeps V8's default, and is spared
 * node:v8, which loads the stream modules (about 4 ms) and would gain it nothing. The budget is
 * chosen once, before any bundle loads, so every bundle of a process is compiled and cached
 * under the same flags; V8 checks a code cache against them, hence a cache per budget
 * (cachePathOf).
 */
const PLOT_INTERRUPT_BUDGET = 4 * 67_584;
let budgetRaised = false;

/** What the bundle (src/cli/main.ts) exports. */
interface Bundle {
  main(argv: string[], version: string): Promise<void>;
}

const BUNDLE = 'loss-demo.cjs';
/** The header before V8's data: magic, bundle size, bundle mtime (ms) as float64s. */
const HEADER_BYTES = 24;
const MAGIC = 0x4c44_4331; // "LDC1"
/**
 * How a companion bundle (scripts/bundle.mjs) names a module of the main bundle that it uses:
 * this prefix and the module's path (`src/tensor/tensor.ts`) in a require call, answered from
 * the main bundle's own module objects, so a companion shares the main bundle's kernels
 * (already compiled and warm) rather than carrying copies of them.
 */
const HOST_PREFIX = 'loss-demo-host:';

function stamp(file: string): [number, number] {
  const st = statSync(file);
  return [st.size, st.mtimeMs];
}

function readCache(path: string, size: number, mtime: number): Buffer | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return undefined;
  }
  if (buf.length <= HEADER_BYTES) return undefined;
  if (buf.readDoubleLE(0) !== MAGIC || buf.readDoubleLE(8) !== size || buf.readDoubleLE(16) !== mtime) return undefined;
  return buf.subarray(HEADER_BYTES);
}

function writeCache(path: string, data: Buffer, size: number, mtime: number): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeDoubleLE(MAGIC, 0);
  header.writeDoubleLE(size, 8);
  header.writeDoubleLE(mtime, 16);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, header);
    writeSync(fd, data);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function isWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A bundle compiled in this process, with what its cache needs. */
interface Loaded {
  readonly script: Script;
  readonly cached: Buffer | undefined;
  readonly cachePath: string;
  readonly size: number;
  readonly mtime: number;
}

/** Every bundle this process compiled, main first: the caches written at the end. */
const loaded: Loaded[] = [];
/** Which caches to write when the process ends: those missing or rejected, or (the build) all. */
let writeAll = false;

/**
 * A bundle's code cache for the current budget: `loss-demo.cjs.cache` under V8's default,
 * `loss-demo.cjs.figures.cache` (and `plot.cjs.figures.cache`) under the raised one.
 */
function cachePathOf(file: string): string {
  return budgetRaised ? `${file}.figures.cache` : `${file}.cache`;
}

/**
 * Whether a command line asks for figures (`--plot`, `--plot-width N` or `--plot-width=N`, before
 * any `--`). Only the budget depends on it: a wrong answer costs speed, never output.
 */
export function asksForFigures(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--plot' || a === '--plot-width' || a.startsWith('--plot-width=')) return true;
  }
  return false;
}

/** A bundle beside this file, compiled with its code cache when that is current, and run. */
function load<T>(name: string, req: (id: string) => unknown): T {
  const file = join(__dirname, name);
  const cachePath = cachePathOf(file);
  const [size, mtime] = stamp(file);
  const cached = readCache(cachePath, size, mtime);
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: cached });
  loaded.push({ script, cached, cachePath, size, mtime });
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, req, module, file, dirname(file));
  return module.exports;
}

/** The main bundle's modules that companions use, by path (scripts/bundle.mjs hands them over). */
let hostModules: Readonly<Record<string, unknown>> = {};
export function provideHost(modules: Readonly<Record<string, unknown>>): void {
  hostModules = modules;
}

/**
 * A companion bundle (`plot.cjs`: the figure code, which only `--plot` runs), loaded the first
 * time it is asked for and given the main bundle's modules by name. It runs under the budget the
 * process started with (raised when its command line asked for figures).
 */
const companions = new Map<string, unknown>();
export function companion<T>(name: string): T {
  if (!companions.has(name)) {
    const req = (id: string): unknown => {
      if (!id.startsWith(HOST_PREFIX)) return require(id);
      const key = id.slice(HOST_PREFIX.length);
      if (!(key in hostModules)) throw new Error(`${name} asks for ${key}, which the main bundle does not export`);
      return hostModules[key];
    };
    companions.set(name, load<T>(name, req));
  }
  return companions.get(name) as T;
}

function needsCache(b: Loaded): boolean {
  return b.cached === undefined || b.script.cachedDataRejected === true;
}

/** Raises the tier-up budget to PLOT_INTERRUPT_BUDGET; only before any bundle loads (see there). */
function raiseBudget(): void {
  if (loaded.length > 0) throw new Error('the tier-up budget is chosen before any bundle loads');
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(`--interrupt-budget=${PLOT_INTERRUPT_BUDGET}`);
  budgetRaised = true;
}

function writeCaches(): void {
  for (const b of loaded) if (writeAll || needsCache(b)) writeCache(b.cachePath, b.script.createCachedData(), b.size, b.mtime);
}

/**
 * The build's caches: one process runs each of `runs` (their output to stdout, which the build
 * discards), then writes the caches, so they hold the bytecode of every function those runs
 * compiled. A run's own cache (launch, below) holds only what that run called: made by `all`,
 * `all --plot` and `extras` would compile their figure and extra-section code afresh each time.
 * Runs that all ask for figures run under the raised budget, as launch runs them, and make the
 * `.figures.cache` files; any other list runs under V8's default. scripts/warm-cache.cjs warms
 * the two kinds in two processes.
 */
export async function warm(runs: string[][], version: string): Promise<void> {
  writeAll = true;
  if (runs.length > 0 && runs.every(asksForFigures)) raiseBudget();
  const bundle = load<Bundle>(BUNDLE, require);
  for (const argv of runs) {
    await bundle.main(['node', 'loss-demo', ...argv], version);
    if (process.exitCode !== undefined && process.exitCode !== 0) throw new Error(`warming the code cache: loss-demo ${argv.join(' ')} failed`);
  }
  writeCaches();
}

/** Runs the CLI bundle that sits beside this file, through the code cache. */
export function launch(argv: string[], version: string): void {
  if (asksForFigures(argv.slice(2))) raiseBudget();
  const bundle = load<Bundle>(BUNDLE, require);
  process.once('exit', (code) => {
    if (code !== 0 || !loaded.some(needsCache) || !isWritable(__dirname)) return;
    try {
      writeCaches();
    } catch {
      // a cache is an optimisation: a read-only or full disk only costs the next run its speed
    }
  });
  void bundle.main(argv, version);
}

