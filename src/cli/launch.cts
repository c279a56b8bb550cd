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

/** What the bundle (src/cli/main.ts) exports. */
interface Bundle {
  main(argv: string[], version: string): Promise<void>;
}

const BUNDLE = 'loss-demo.cjs';
const CACHE = 'loss-demo.cjs.cache';
/** The header before V8's data: magic, bundle size, bundle mtime (ms) as float64s. */
const HEADER_BYTES = 24;
const MAGIC = 0x4c44_4331; // "LDC1"

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

/** The bundle beside this file, compiled with its code cache when that is current. */
function load(): { script: Script; bundle: Bundle; cached: Buffer | undefined; cachePath: string; size: number; mtime: number } {
  const dir = __dirname;
  const file = join(dir, BUNDLE);
  const cachePath = join(dir, CACHE);
  const [size, mtime] = stamp(file);
  const cached = readCache(cachePath, size, mtime);
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: cached });
  const module = { exports: {} as Bundle };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  return { script, bundle: module.exports, cached, cachePath, size, mtime };
}

/**
 * The build's cache: one process runs each of `runs` (their output to stdout, which the build
 * discards), then writes the cache, so it holds the bytecode of every function those runs
 * compiled. A run's own cache (launch, below) holds only what that run called: made by `all`,
 * `all --plot` and `extras` would compile their figure and extra-section code afresh each time.
 */
export async function warm(runs: string[][], version: string): Promise<void> {
  const { script, bundle, cachePath, size, mtime } = load();
  for (const argv of runs) {
    await bundle.main(['node', 'loss-demo', ...argv], version);
    if (process.exitCode !== undefined && process.exitCode !== 0) throw new Error(`warming the code cache: loss-demo ${argv.join(' ')} failed`);
  }
  writeCache(cachePath, script.createCachedData(), size, mtime);
}

/** Runs the CLI bundle that sits beside this file, through the code cache. */
export function launch(argv: string[], version: string): void {
  const dir = __dirname;
  const { script, bundle, cached, cachePath, size, mtime } = load();
  if ((cached === undefined || script.cachedDataRejected === true) && isWritable(dir)) {
    process.once('exit', (code) => {
      if (code !== 0) return;
      try {
        writeCache(cachePath, script.createCachedData(), size, mtime);
      } catch {
        // a cache is an optimisation: a read-only or full disk only costs the next run its speed
      }
    });
  }
  void bundle.main(argv, version);
}
