// The demo's import_readings on a worker thread (readings-writer.worker.ts). better-sqlite3 is
// synchronous: on the main thread a batch's transaction and the archiving of the batch before it
// take turns; a SQL Server works while Saldo archives, and with the writer on a thread of its own
// the demo does too (the readings pipeline keeps one batch in flight). Same contract, same
// answers, same one-transaction-per-call as SqliteReadingsWriter, which the worker runs. When no
// worker can be started (a packaging without the worker entry), the gateway writes on the main
// thread as before.

import type { Worker } from 'node:worker_threads';
import type { Locale, Problem } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import { startWorker } from '../../engine/workers';
import type { AcceptedReading, ImportReadingResult } from '../../readings/types';

export interface WriterRequest {
  id: number;
  rows?: AcceptedReading[];
  close?: true;
}

export type WriterReply = { id: number; ok: true; results: ImportReadingResult[] } | { id: number; ok: false; problem?: Problem; error?: string };

interface Pending {
  resolve(results: ImportReadingResult[]): void;
  reject(e: unknown): void;
}

const MODULE = import.meta.url.replace(/[^/]*$/, 'readings-writer.worker.ts');
/** Its entry name in electron.vite.config.ts. */
export const BUNDLED_NAME = 'sqlite-readings-writer';

export class ReadingsWriterThread {
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private dead: unknown = null;

  private constructor(
    private readonly worker: Worker,
    private readonly locale: Locale,
  ) {
    worker.on('message', (m: WriterReply) => this.answer(m));
    worker.on('error', (e) => this.die(e));
    worker.on('exit', (code) => this.die(new Error(`the writer thread stopped (exit code ${code})`)));
    // Only a call waiting for its answer keeps the process alive.
    worker.unref();
  }

  /**
   * Starts the thread and opens the writable connection in it. Null when no worker can be started
   * here (the caller writes on its own thread); the connection's own failure is SAL-5052, as on
   * the main thread.
   */
  static async open(path: string, locale: Locale): Promise<ReadingsWriterThread | null> {
    let worker: Worker;
    try {
      worker = startWorker(MODULE, BUNDLED_NAME, { workerData: { path, locale } });
    } catch {
      return null;
    }
    const first = await new Promise<WriterReply | null>((resolve) => {
      worker.once('message', (m: WriterReply) => resolve(m));
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
    if (!first) {
      await worker.terminate().catch(() => undefined);
      return null;
    }
    if (!first.ok) {
      await worker.terminate().catch(() => undefined);
      throw new ProblemError(first.problem ?? problem('SAL-5052', locale, { detail: first.error ?? 'the writer thread did not start' }));
    }
    return new ReadingsWriterThread(worker, locale);
  }

  import(rows: AcceptedReading[]): Promise<ImportReadingResult[]> {
    if (this.dead) return Promise.reject(this.lost(this.dead));
    const id = this.next++;
    return new Promise<ImportReadingResult[]>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(<WriterRequest>{ id, rows });
    });
  }

  private answer(m: WriterReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.worker.unref();
    if (m.ok) p.resolve(m.results);
    else p.reject(new ProblemError(m.problem ?? problem('SAL-5051', this.locale, { detail: m.error ?? 'no reason given' })));
  }

  /** A thread that died takes its batch's transaction with it (SQLite rolls it back). */
  private lost(e: unknown): ProblemError {
    return new ProblemError(problem('SAL-5051', this.locale, { detail: (e as Error)?.message ?? String(e) }));
  }

  private die(e: unknown): void {
    if (this.dead) return;
    this.dead = e;
    for (const p of this.pending.values()) p.reject(this.lost(e));
    this.pending.clear();
  }

  async close(): Promise<void> {
    if (this.dead) return;
    this.dead = new Error('closed');
    this.worker.ref();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage(<WriterRequest>{ id: 0, close: true });
    const timer = setTimeout(() => void this.worker.terminate(), 2000);
    await exited;
    clearTimeout(timer);
  }
}
