// Keeping a large import from holding the event loop: the window's IPC, progress events and the
// Cancel click wait while synchronous work runs, so long loops give the loop a turn by time (every
// YIELD_MS) and stop within that when the job's signal aborts.

import { yieldToLoop } from '../engine/jobs';
import type { Steps } from './import/csv-parse';

/** The longest stretch of synchronous work between two turns of the event loop. */
export const YIELD_MS = 12;

function abortIfAsked(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason ?? new DOMException('cancelled', 'AbortError');
}

/**
 * A clock for loops that cannot be cut into fixed-size chunks cheaply: call `tick()` often (it
 * reads the clock only every `every` calls) and await the promise it returns when not undefined.
 */
export class Pace {
  private last = performance.now();
  private n = 0;
  constructor(
    private readonly signal: AbortSignal,
    private readonly every = 256,
  ) {}

  /** Undefined while the time is not up; else a turn of the event loop (then throws on Cancel). */
  tick(): Promise<void> | undefined {
    if (++this.n % this.every !== 0) return undefined;
    return this.check();
  }

  /** Like tick, reading the clock now (for callers whose steps are already large). */
  check(): Promise<void> | undefined {
    if (performance.now() - this.last < YIELD_MS) return undefined;
    return this.turn();
  }

  /** A turn of the event loop now; throws when the job was cancelled meanwhile. */
  async turn(): Promise<void> {
    abortIfAsked(this.signal);
    await yieldToLoop();
    abortIfAsked(this.signal);
    this.last = performance.now();
  }
}

/** Runs stepwise work (a generator that pauses now and then) yielding to the event loop by time. */
export async function runPaced<T>(steps: Steps<T>, pace: Pace): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const wait = pace.check();
    if (wait) await wait;
  }
}
