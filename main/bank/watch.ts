// `saldo bank watch IN_DIR --out OUT_DIR` (issue 6 point 4, seed 002 "automatically in the
// background"): each new statement file is imported as its own run as soon as it is complete, its
// results delivered (deliver.ts: the output files in OUT_DIR, or — saldo.json bank.deliver =
// accounting — the matched payments booked in accounting and the unmatched file in OUT_DIR), and
// the file moved to IN_DIR/processed/ or IN_DIR/failed/ with a report beside it. fs.watch wakes it
// at once; a periodic scan covers what fs.watch misses
// (network shares, events lost while busy). It survives a restart: the state is the folders plus
// the store — a file still in IN_DIR at start is processed, and one booked before (same content or
// same statements) is recognised and moved without booking twice. Logs go to logs/bank-watch.log.

import { watch, type FSWatcher } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Operator } from '../../shared/domain/permissions';
import type { BankImportSummary } from '../../shared/ipc/contract-bank';
import { ProblemError, fail, problem } from '../../shared/errors/problem';
import { requirePermission } from '../engine/authorize';
import { isAbort, type JobContext } from '../engine/jobs';
import type { ModuleLog } from '../engine/log';
import type { Workspace } from '../engine/workspace';
import { FAILED, PROCESSED, candidates, readComplete, settle, stableNames } from './folder';
import { MAX_STATEMENT_BYTES, emptyFileSummary, emptySummary, importStatements, type ImportOptions } from './service';

export interface WatchOptions extends Omit<ImportOptions, 'outDir'> {
  inDir: string;
  outDir: string;
  /** Default: saldo.json bank.watch. */
  scanMs?: number;
  stableMs?: number;
  /** Each file's outcome (the CLI prints a line). */
  onFile?: (name: string, movedTo: string, summary: BankImportSummary) => void;
}

export class StatementWatcher {
  private readonly log: ModuleLog;
  private readonly inDir: string;
  private readonly outDir: string;
  private readonly stop$ = new AbortController();
  private fsWatcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** Files that could not be read or settled: tried again on the next scan, logged once. */
  private readonly complained = new Set<string>();
  processed = 0;

  constructor(
    private readonly ws: Workspace,
    private readonly actor: Operator,
    private readonly opts: WatchOptions,
  ) {
    this.log = ws.log('bank-watch');
    this.inDir = resolve(opts.inDir);
    this.outDir = resolve(opts.outDir);
  }

  async start(): Promise<void> {
    const locale = this.ws.locale();
    requirePermission(this.actor, 'bank.process', locale);
    try {
      await mkdir(join(this.inDir, PROCESSED), { recursive: true });
      await mkdir(join(this.inDir, FAILED), { recursive: true });
      await mkdir(this.outDir, { recursive: true });
      this.fsWatcher = watch(this.inDir, { persistent: true }, () => this.poke());
      this.fsWatcher.on('error', (e) => this.log.warn('fs.watch failed; the periodic scan goes on', e));
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      fail('SAL-3069', locale, { dir: this.inDir, detail: (e as Error).message });
    }
    const scanMs = this.opts.scanMs ?? this.ws.cfg.config.bank.watch.scanMs;
    this.timer = setInterval(() => this.poke(), scanMs);
    this.log.info(`watching ${this.inDir} → ${this.outDir} as ${this.actor.name} (scan every ${scanMs} ms)`);
    this.poke(); // what is already there at start
  }

  /** A scan now, or right after the one running. */
  poke(): void {
    if (this.stop$.signal.aborted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.scanLoop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no scan is running (tests wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async scanLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.scan();
      } catch (e) {
        if (this.stop$.signal.aborted) return;
        this.log.error('scan failed', e);
      }
    } while (this.again && !this.stop$.signal.aborted);
  }

  private async scan(): Promise<void> {
    const stableMs = this.opts.stableMs ?? this.ws.cfg.config.bank.watch.stableMs;
    const names = await candidates(this.inDir);
    if (!names.length) return;
    const ready = await stableNames(this.inDir, names, stableMs, this.stop$.signal);
    // Something still being written: look again once it may have settled.
    if (ready.length < names.length) setTimeout(() => this.poke(), stableMs).unref();
    for (const name of ready) {
      if (this.stop$.signal.aborted) return;
      await this.processOne(name);
    }
  }

  private async processOne(name: string): Promise<void> {
    const file = join(this.inDir, name);
    const read = await readComplete(file);
    if (!read.ok) {
      if (read.reason === 'too-large') {
        // Not a statement: straight to failed/ with a report, so it does not come back every scan.
        const p = problem('SAL-3067', this.ws.locale(), { file: name, max: MAX_STATEMENT_BYTES / 1024 / 1024 }, { file: name });
        await this.finish(name, await this.importBytes(name, new Uint8Array(0), p));
      } else if (read.reason !== 'gone') {
        if (!this.complained.has(name)) this.log.info(`${name}: not ready (${read.reason}); trying again later`);
        this.complained.add(name);
        setTimeout(() => this.poke(), this.opts.stableMs ?? this.ws.cfg.config.bank.watch.stableMs).unref();
      }
      return;
    }
    const summary = await this.importBytes(name, read.bytes);
    if (summary.status === 'cancelled') {
      this.log.info(`${name}: stopped before it was booked; it stays for the next start`);
      return;
    }
    await this.finish(name, summary);
  }

  private async importBytes(name: string, bytes: Uint8Array, tooLarge?: ReturnType<typeof problem>): Promise<BankImportSummary> {
    const ctx: JobContext = { signal: this.stop$.signal, progress: () => undefined };
    if (tooLarge) {
      // Nothing was imported: a summary without a run, so the file goes to failed/ with the reason.
      const summary = emptySummary(0);
      summary.status = 'completed';
      summary.files.push({ ...emptyFileSummary(name), errors: [tooLarge] });
      return summary;
    }
    const { inDir: _i, outDir: _o, scanMs: _s, stableMs: _t, onFile: _f, ...importOpts } = this.opts;
    return importStatements(this.ws, this.actor, [{ name, bytes }], { ...importOpts, outDir: this.outDir }, ctx);
  }

  private async finish(name: string, summary: BankImportSummary): Promise<void> {
    const f = summary.files[0];
    if (!f) {
      // The run failed before it saw the file (e.g. the accounting database is down): leave it for the next scan.
      if (!this.complained.has(name)) this.log.error(`${name}: run ${summary.runId} ${summary.status}`, summary.errors);
      this.complained.add(name);
      return;
    }
    try {
      const moved = await settle(this.inDir, name, { runId: summary.runId, status: summary.status, processedAt: new Date().toISOString(), file: f, outputs: summary.outputs });
      this.processed++;
      this.complained.delete(name);
      this.log.info(`${name}: run ${summary.runId} ${summary.status}; ${f.booked ? 'booked' : f.duplicate ? 'processed before' : 'not booked'} → ${moved}`, {
        entries: f.entries,
        matched: f.matched,
        unmatched: f.unmatched,
        problems: f.errors.map((p) => p.code),
        outputs: summary.outputs,
        ...(this.ws.cfg.config.bank.deliver === 'accounting' ? { booked: { written: summary.booked.written, already: summary.booked.already, refused: summary.booked.refused } } : {}),
      });
      this.opts.onFile?.(name, moved, summary);
    } catch (e) {
      if (isAbort(e)) return;
      if (!this.complained.has(name)) this.log.error(`${name}: could not be moved`, e);
      this.complained.add(name);
    }
  }

  /** Stops watching; a file being imported is cancelled (its transaction never commits) and stays for the next start. */
  async stop(): Promise<void> {
    this.stop$.abort(new DOMException('watch stopped', 'AbortError'));
    this.fsWatcher?.close();
    if (this.timer) clearInterval(this.timer);
    await this.idle();
    this.log.info(`stopped watching ${this.inDir} (${this.processed} file(s) processed)`);
  }
}
