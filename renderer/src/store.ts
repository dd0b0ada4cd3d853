// The renderer's one store. State changes only through the actions below; the actions are the only
// code that talks to `window.saldo` (the preload's API). Every call answers a Result value: a
// failure becomes `error` (the Problem shown in the banner), never a thrown exception.

import { create } from 'zustand';
import type { Permission } from '../../shared/domain/permissions';
import type { JobProgress, Locale, Problem, Result, RunRecord, RunStatus } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';
import type { AppStatus, JobFinished, ReportFile, SaldoApi, SourceCheckResult } from '../../shared/ipc/contract';

export const TABS = ['www', 'readings', 'bank', 'journal', 'settings'] as const;
export type TabId = (typeof TABS)[number];

export interface CurrentJob {
  /** null between asking main to start the job and receiving its id. */
  jobId: string | null;
  period: string;
  progress: JobProgress | null;
  cancelling: boolean;
}

export interface CheckOutcome {
  period: string;
  status: RunStatus;
  result: SourceCheckResult | null;
  error: Problem | null;
  /** The last progress seen, so the bar shows where the job ended. */
  progress: JobProgress | null;
}

export interface ReportOutcome {
  runId: number;
  action: 'pdf' | 'print';
  file?: string;
  bytes?: number;
  printed?: boolean;
}

export interface SaldoState {
  phase: 'loading' | 'ready' | 'failed';
  status: AppStatus | null;
  locale: Locale;
  tab: TabId;
  /** The last problem, shown in the banner until dismissed or replaced. */
  error: Problem | null;

  period: string | null;
  job: CurrentJob | null;
  lastCheck: CheckOutcome | null;

  runs: RunRecord[];
  runsState: 'idle' | 'loading' | 'loaded';
  selectedRunId: number | null;
  selectedRun: RunRecord | null;
  reportBusy: boolean;
  report: ReportOutcome | null;

  init(): Promise<void>;
  loadStatus(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  setTab(tab: TabId): void;
  dismissError(): void;
  choosePeriod(period: string): void;
  startSourceCheck(): Promise<void>;
  cancelJob(): Promise<void>;
  jobProgressed(e: JobProgress): void;
  jobFinished(e: JobFinished): void;
  loadJournal(): Promise<void>;
  selectRun(runId: number | null): Promise<void>;
  openRunInJournal(runId: number): Promise<void>;
  printReport(runId: number): Promise<void>;
  savePdf(runId: number): Promise<void>;
}

function api(): SaldoApi | undefined {
  return (globalThis as { saldo?: SaldoApi }).saldo;
}

/** Runs one call and turns any failure (an error value, a missing bridge, a throw) into a Problem. */
async function call<T>(locale: Locale, fn: (a: SaldoApi) => Promise<Result<T>>): Promise<Result<T>> {
  const a = api();
  if (!a) return { ok: false, error: problem('SAL-9001', locale, { detail: 'window.saldo is not available' }) };
  try {
    return await fn(a);
  } catch (e) {
    return { ok: false, error: problem('SAL-9001', locale, { detail: e instanceof Error ? e.message : String(e) }) };
  }
}

/** Events that arrive before main's answer gives us the job id (kept until the id is known). */
const early = new Map<string, { progress?: JobProgress; finished?: JobFinished }>();
let subscribed = false;

export function hasPermission(status: AppStatus | null, p: Permission): boolean {
  return !!status?.operator.permissions.includes(p);
}

export const useSaldo = create<SaldoState>()((set, get) => ({
  phase: 'loading',
  status: null,
  locale: 'pl',
  tab: 'www',
  error: null,
  period: null,
  job: null,
  lastCheck: null,
  runs: [],
  runsState: 'idle',
  selectedRunId: null,
  selectedRun: null,
  reportBusy: false,
  report: null,

  async init() {
    const a = api();
    if (a && !subscribed) {
      subscribed = true;
      a.onJobProgress((e) => get().jobProgressed(e));
      a.onJobFinished((e) => get().jobFinished(e));
    }
    await get().loadStatus();
  },

  async loadStatus() {
    const r = await call(get().locale, (a) => a.appStatus({}));
    if (!r.ok) {
      set({ error: r.error, phase: get().status ? 'ready' : 'failed' });
      return;
    }
    const status = r.value;
    const period = get().period && status.periods.includes(get().period!) ? get().period : (status.periods[0] ?? null);
    set({ status, locale: status.locale, period, phase: 'ready' });
    if (hasPermission(status, 'journal.read') && get().runsState === 'idle') void get().loadJournal();
  },

  async setLocale(locale) {
    if (locale === get().locale) return;
    const r = await call(get().locale, (a) => a.setLocale({ locale }));
    if (!r.ok) {
      set({ error: r.error });
      return;
    }
    set({ locale: r.value.locale, error: null });
    // main words connection problems in the operator's language: read them again in the new one
    await get().loadStatus();
  },

  setTab(tab) {
    set({ tab });
    if (tab === 'journal' && hasPermission(get().status, 'journal.read')) void get().loadJournal();
  },

  dismissError() {
    set({ error: null });
  },

  choosePeriod(period) {
    set({ period });
  },

  async startSourceCheck() {
    const { period, job } = get();
    if (!period || job) return;
    early.clear();
    set({ job: { jobId: null, period, progress: null, cancelling: false }, lastCheck: null, error: null });
    const r = await call(get().locale, (a) => a.sourceCheck({ period }));
    if (!r.ok) {
      set({ job: null, error: r.error });
      return;
    }
    const jobId = r.value.jobId;
    set((s) => (s.job ? { job: { ...s.job, jobId } } : {}));
    const buffered = early.get(jobId);
    early.clear();
    if (buffered?.progress) get().jobProgressed(buffered.progress);
    if (buffered?.finished) get().jobFinished(buffered.finished);
  },

  async cancelJob() {
    const job = get().job;
    if (!job?.jobId || job.cancelling) return;
    set({ job: { ...job, cancelling: true } });
    const r = await call(get().locale, (a) => a.jobCancel({ jobId: job.jobId! }));
    if (!r.ok) {
      set((s) => ({ error: r.error, job: s.job ? { ...s.job, cancelling: false } : null }));
    }
  },

  jobProgressed(e) {
    const job = get().job;
    if (!job) return;
    if (job.jobId === null) {
      early.set(e.jobId, { ...early.get(e.jobId), progress: e });
      return;
    }
    if (job.jobId !== e.jobId) return;
    set({ job: { ...job, progress: e } });
  },

  jobFinished(e) {
    const job = get().job;
    if (!job) return;
    if (job.jobId === null) {
      early.set(e.jobId, { ...early.get(e.jobId), finished: e });
      return;
    }
    if (job.jobId !== e.jobId) return;
    const result = e.channel === 'source.check' && e.result ? (e.result as SourceCheckResult) : null;
    set({
      job: null,
      lastCheck: { period: job.period, status: e.status, result, error: e.error ?? null, progress: job.progress },
      error: e.error ?? get().error,
    });
    if (hasPermission(get().status, 'journal.read')) void get().loadJournal();
  },

  async loadJournal() {
    set({ runsState: 'loading' });
    const r = await call(get().locale, (a) => a.journalList({ limit: 500 }));
    if (!r.ok) {
      set({ error: r.error, runsState: 'loaded' });
      return;
    }
    const runs = [...r.value].sort((x, y) => y.id - x.id);
    set({ runs, runsState: 'loaded' });
    const sel = get().selectedRunId;
    if (sel !== null) {
      const row = runs.find((x) => x.id === sel);
      if (row && get().selectedRun?.status !== row.status) void get().selectRun(sel);
    }
  },

  async selectRun(runId) {
    if (runId === null) {
      set({ selectedRunId: null, selectedRun: null, report: null });
      return;
    }
    const fromList = get().runs.find((x) => x.id === runId) ?? null;
    set((s) => ({
      selectedRunId: runId,
      selectedRun: fromList ?? (s.selectedRun?.id === runId ? s.selectedRun : null),
      report: s.report?.runId === runId ? s.report : null,
    }));
    const r = await call(get().locale, (a) => a.journalGet({ runId }));
    if (get().selectedRunId !== runId) return;
    if (!r.ok) {
      set({ error: r.error });
      return;
    }
    set({ selectedRun: r.value });
  },

  async openRunInJournal(runId) {
    get().setTab('journal');
    await get().selectRun(runId);
  },

  async printReport(runId) {
    if (get().reportBusy) return;
    set({ reportBusy: true, report: null });
    const r = await call(get().locale, (a) => a.reportPrint({ kind: 'run-summary', runId }));
    if (!r.ok) set({ reportBusy: false, error: r.error });
    else set({ reportBusy: false, report: { runId, action: 'print', printed: r.value.printed, file: r.value.file } });
  },

  async savePdf(runId) {
    if (get().reportBusy) return;
    set({ reportBusy: true, report: null });
    const r = await call(get().locale, (a) => a.reportPdf({ kind: 'run-summary', runId }));
    if (!r.ok) set({ reportBusy: false, error: r.error });
    else {
      const f: ReportFile = r.value;
      set({ reportBusy: false, report: { runId, action: 'pdf', file: f.file, bytes: f.bytes } });
    }
  },
}));
