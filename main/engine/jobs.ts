// Long jobs: each gets an id, reports throttled progress events and can be cancelled by id, which
// trips its AbortController. The job function must check `signal` and yield to the event loop
// between chunks, so that the main process never freezes and Cancel takes effect at once.

import type { JobFinished, JobChannel } from '../../shared/ipc/contract';
import type { JobProgress, Problem, RunStatus } from '../../shared/domain/types';

export interface JobContext {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number, errors?: number): void;
}

export interface JobOutcome<T> {
  status: RunStatus;
  result?: T;
  error?: Problem;
}

export interface JobEvents {
  progress(e: JobProgress): void;
  finished(e: JobFinished): void;
}

interface Running {
  controller: AbortController;
  done: Promise<JobFinished>;
}

export class Jobs {
  private seq = 0;
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly events: JobEvents,
    private readonly throttleMs = 100,
  ) {}

  start<T>(channel: JobChannel, run: (ctx: JobContext) => Promise<JobOutcome<T>>, onError: (e: unknown) => Problem): string {
    const jobId = `job-${++this.seq}`;
    const controller = new AbortController();
    let last = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (phase, done, total, errors = 0) => {
        const now = Date.now();
        if (now - last < this.throttleMs && done < total) return;
        last = now;
        this.events.progress({ jobId, phase, done, total, errors });
      },
    };
    const done = (async (): Promise<JobFinished> => {
      await Promise.resolve(); // let the caller receive the job id before any event
      let fin: JobFinished;
      try {
        const out = await run(ctx);
        fin = { jobId, channel, status: out.status, result: out.result, error: out.error };
      } catch (e) {
        fin = { jobId, channel, status: controller.signal.aborted ? 'cancelled' : 'failed', error: onError(e) };
      }
      this.running.delete(jobId);
      this.events.finished(fin);
      return fin;
    })();
    this.running.set(jobId, { controller, done });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const r = this.running.get(jobId);
    if (!r) return false;
    r.controller.abort(new DOMException('cancelled by the operator', 'AbortError'));
    return true;
  }

  wait(jobId: string): Promise<JobFinished> | null {
    return this.running.get(jobId)?.done ?? null;
  }

  cancelAll(): void {
    for (const id of this.running.keys()) this.cancel(id);
  }

  get active(): number {
    return this.running.size;
  }
}

/** Resolves on the next turn of the event loop: long loops call it every few thousand rows. */
export function yieldToLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/**
 * Time-based yielding for long loops: `due()` is true when the loop has held the event loop for
 * `maxMs` since it last let go (checked every 32 calls, so it costs next to nothing per row). A
 * row count alone is not enough: the work per row differs tenfold between categories and callers.
 */
export class Breather {
  private last = performance.now();
  private n = 0;
  constructor(private readonly maxMs = 8) {}
  due(): boolean {
    if ((++this.n & 31) !== 0) return false;
    const now = performance.now();
    if (now - this.last < this.maxMs) return false;
    this.last = now;
    return true;
  }
  /** After yielding, the clock starts again. */
  reset(): void {
    this.last = performance.now();
  }
}

export function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || (e as { code?: string }).code === 'ABORT_ERR');
}
