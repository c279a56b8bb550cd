/// <reference lib="dom" />
/*
 * Runs panel computations off the main thread: one Web Worker made from a Blob URL of the page's
 * own script (so the page stays one file and makes no request), one job at a time, the newest
 * request per section only. A request for the section the worker is busy with ends that worker
 * (a long descent is dropped, not waited for) and starts a fresh one. Without workers (or when
 * one fails) the jobs run on the main thread, after a frame so the "computing…" state shows.
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

export class Runner {
  private worker: Worker | undefined;
  private url: string | undefined;
  private queue: Job[] = [];
  private current: { id: number; job: Job } | undefined;
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

  /** Whether jobs run on a worker (else on the main thread). */
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
      if (this.current?.job.req.section === req.section && this.worker) {
        this.current.job.resolve(undefined);
        this.current = undefined;
        this.stopWorker();
      }
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const id = this.nextId++;
    this.current = { id, job };
    const worker = this.url !== undefined ? this.startWorker() : undefined;
    if (worker) {
      worker.postMessage({ id, req: job.req });
      return;
    }
    // a frame first, so that the panel's "computing…" state is painted before the main thread is busy
    const later = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
    later(() => setTimeout(() => {
      void computeSafely(job.req).then((result) => this.finish(id, result));
    }, 0));
  }

  private finish(id: number, result: PanelResult): void {
    if (this.current?.id !== id) return;
    const { job } = this.current;
    this.current = undefined;
    job.resolve(result);
    this.pump();
  }

  private startWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.url!);
      worker.onmessage = (e: MessageEvent<WorkerMessage>) => this.finish(e.data.id, e.data.result);
      worker.onerror = (e) => {
        e.preventDefault();
        this.workerFailed();
      };
      this.worker = worker;
      return worker;
    } catch {
      this.url = undefined;
      return undefined;
    }
  }

  /** A worker that fails (blocked by the browser, out of memory): the main thread takes over. */
  private workerFailed(): void {
    this.stopWorker();
    this.url = undefined;
    const current = this.current;
    this.current = undefined;
    if (current) this.queue.unshift(current.job);
    this.pump();
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}

/** computePanel, with a bug reported as the CLI reports one instead of a page error. */
export async function computeSafely(req: PanelRequest): Promise<PanelResult> {
  try {
    return await computePanel(req);
  } catch (err) {
    return { ok: false, error: `loss-demo: internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The worker's side: one request in, its result out. */
export function workerMain(scope: { onmessage: unknown; postMessage(message: WorkerMessage): void }): void {
  scope.onmessage = async (e: MessageEvent<{ id: number; req: PanelRequest }>) => {
    scope.postMessage({ id: e.data.id, result: await computeSafely(e.data.req) });
  };
}
