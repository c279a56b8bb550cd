/// <reference lib="dom" />
/*
 * Runs panel computations off the main thread: Web Workers made from a Blob URL of the page's own
 * script (so the page stays one file and makes no request), one job each at a time, the newest
 * request per section only. A second worker starts when a job holds the first up (a large Dice
 * batch does not hold the other panels back). A request for a section a worker is busy with ends
 * that worker (a long descent is dropped, not waited for). Without workers (or when one fails)
 * the jobs run on the main thread, after a frame so the "computing…" state shows.
 */
import { computePanel, type PanelRequest, type PanelResult } from './compute.js';

interface Job {
  readonly req: PanelRequest;
  /** undefined: superseded by a newer request for the same section. */
  readonly resolve: (result: PanelResult | undefined) => void;
}

export interface WorkerMessage {
  readonly id: number;
  readonly result: PanelResult;
}

interface Lane {
  /** undefined: the main thread. */
  worker: Worker | undefined;
  current: { id: number; job: Job } | undefined;
  since: number;
}

/** At most this many workers: a second one starts only when a job keeps the first busy. */
const MAX_WORKERS = 2;
/** How long a job may hold the only worker before the queue gets a second one. */
const SECOND_WORKER_AFTER_MS = 150;

export class Runner {
  private url: string | undefined;
  private queue: Job[] = [];
  private lanes: Lane[] = [];
  private nextId = 1;

  /** `source`: the page's script text, or undefined to compute on the main thread. */
  constructor(source: string | undefined) {
    if (source !== undefined && typeof Worker === 'function' && typeof Blob === 'function') {
      try {
        this.url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      } catch {
        this.url = undefined;
      }
    }
  }

  /** Whether jobs run on workers (else on the main thread). */
  get threaded(): boolean {
    return this.url !== undefined;
  }

  run(req: PanelRequest): Promise<PanelResult | undefined> {
    return new Promise((resolve) => {
      this.queue = this.queue.filter((job) => {
        if (job.req.section !== req.section) return true;
        job.resolve(undefined);
        return false;
      });
      // the same section running on a worker: that run is dropped, and its worker with it
      const busy = this.lanes.find((l) => l.worker && l.current?.job.req.section === req.section);
      if (busy) {
        busy.current!.job.resolve(undefined);
        this.close(busy);
      }
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const lane = this.idleLane();
      if (!lane) break;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      lane.current = { id, job };
      lane.since = Date.now();
      if (lane.worker) {
        lane.worker.postMessage({ id, req: job.req });
        setTimeout(() => this.pump(), SECOND_WORKER_AFTER_MS);
      } else {
        // a frame first, so that the panel's "computing…" state is painted before the main thread is busy
        const later = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
        later(() => setTimeout(() => {
          void computeSafely(job.req).then((result) => this.finish(lane, id, result));
        }, 0));
      }
    }
  }

  /** A lane with no job: an idle worker, a new worker (the first, or a second when the first is held up), or the main thread. */
  private idleLane(): Lane | undefined {
    const idle = this.lanes.find((l) => !l.current);
    if (idle) return idle;
    if (this.url === undefined) {
      if (this.lanes.length > 0) return undefined;
      const lane: Lane = { worker: undefined, current: undefined, since: 0 };
      this.lanes.push(lane);
      return lane;
    }
    const heldUp = this.lanes.length === 0 || this.lanes.every((l) => Date.now() - l.since >= SECOND_WORKER_AFTER_MS);
    if (this.lanes.length >= MAX_WORKERS || !heldUp) return undefined;
    return this.startWorker();
  }

  private finish(lane: Lane, id: number, result: PanelResult): void {
    if (lane.current?.id !== id) return;
    const { job } = lane.current;
    lane.current = undefined;
    job.resolve(result);
    this.pump();
  }

  private startWorker(): Lane | undefined {
    try {
      const lane: Lane = { worker: new Worker(this.url!), current: undefined, since: 0 };
      lane.worker!.onmessage = (e: MessageEvent<WorkerMessage>) => this.finish(lane, e.data.id, e.data.result);
      // a message the page cannot read: the main thread computes the job again
      lane.worker!.onmessageerror = () => this.workerFailed(lane);
      lane.worker!.onerror = (e) => {
        e.preventDefault();
        this.workerFailed(lane);
      };
      this.lanes.push(lane);
      return lane;
    } catch {
      return this.fallBack();
    }
  }

  /** Workers cannot start here: the main thread takes every job. */
  private fallBack(): Lane | undefined {
    this.url = undefined;
    for (const lane of [...this.lanes]) {
      if (lane.current) this.queue.unshift(lane.current.job);
      this.close(lane);
    }
    return this.idleLane();
  }

  /** A worker that fails (blocked by the browser, out of memory): the main thread takes over. */
  private workerFailed(lane: Lane): void {
    if (!this.lanes.includes(lane)) return;
    this.fallBack();
    this.pump();
  }

  private close(lane: Lane): void {
    lane.worker?.terminate();
    lane.current = undefined;
    this.lanes = this.lanes.filter((l) => l !== lane);
  }
}

/** The line the CLI's main writes for an exception it did not expect (src/cli/main.ts), on one line. */
export function internalError(err: unknown): string {
  let message: string;
  try {
    message = err instanceof Error ? err.message : String(err);
  } catch {
    message = 'unknown error';
  }
  // a page shows one line, as the CLI's stderr does (a message may hold a stack or a newline)
  return `loss-demo: internal error: ${message.replace(/\s+/g, ' ').trim() || (err instanceof Error ? err.name : 'unknown error')}`;
}

/** computePanel, with a bug reported as the CLI reports one instead of a page error. */
export async function computeSafely(req: PanelRequest): Promise<PanelResult> {
  try {
    return await computePanel(req);
  } catch (err) {
    return { ok: false, error: internalError(err) };
  }
}

/** The worker's side: one request in, its result out (an answer always, or the page would wait for ever). */
export function workerMain(scope: { onmessage: unknown; postMessage(message: WorkerMessage): void }): void {
  scope.onmessage = async (e: MessageEvent<{ id: number; req: PanelRequest }>) => {
    const result = await computeSafely(e.data.req);
    try {
      scope.postMessage({ id: e.data.id, result });
    } catch (err) {
      // a result that cannot be cloned to the page (DataCloneError): its error line can
      scope.postMessage({ id: e.data.id, result: { ok: false, error: internalError(err) } });
    }
  };
}
