// The bank tab's store: the only bank code that talks to `window.saldo`. Every call answers a Result;
// a failure becomes `error` (shown in the tab), never a thrown exception. It follows the window's
// store for the language and the operator, and forgets everything when the operator changes.

import { EarlyJobEvents } from '../jobs/early-events';
import { create } from 'zustand';
import type { JobProgress, Locale, Problem, Result, RunRecord, RunStatus } from '../../../shared/domain/types';
import { problem } from '../../../shared/errors/problem';
import type { JobFinished, ReportFile, SaldoApi } from '../../../shared/ipc/contract';
import type {
  BankImportSummary,
  BankItemView,
  BankWriteResult,
  PremisesHit,
  StatementView,
} from '../../../shared/ipc/contract-bank';
import { hasPermission, useSaldo } from '../store';
import { readStatementFile, MAX_FILES, MAX_FILE_BYTES, type Encoding, type Format, type PendingFile } from './files';

export type { Encoding, Format } from './files';

/** The lists of payments the tab shows, each one query of bank.items. */
export const SEGMENTS = ['residential', 'commercial', 'suggested', 'unmatched', 'outgoing', 'fee'] as const;
export type Segment = (typeof SEGMENTS)[number];
const SEGMENT_QUERY: Record<Segment, { status: BankItemView['status']; kind?: 'residential' | 'commercial' }> = {
  residential: { status: 'matched', kind: 'residential' },
  commercial: { status: 'matched', kind: 'commercial' },
  suggested: { status: 'suggested' },
  unmatched: { status: 'unmatched' },
  outgoing: { status: 'outgoing' },
  fee: { status: 'fee' },
};

export const BANK_REPORTS = ['bank-statements', 'bank-unmatched', 'bank-booked'] as const;
export type BankReportKind = (typeof BANK_REPORTS)[number];

/** Rows asked of main at a time as the operator scrolls. */
export const ITEMS_PAGE = 200;

export interface BankJob {
  /** null between asking main to start the import and receiving its id. */
  jobId: string | null;
  progress: JobProgress | null;
  cancelling: boolean;
}

export interface ImportOutcome {
  status: RunStatus;
  summary: BankImportSummary | null;
  error: Problem | null;
  progress: JobProgress | null;
}

export interface ItemList {
  runId: number | null;
  segment: Segment;
  search: string;
  /** Bumped by every new query: answers to an older one are dropped. */
  gen: number;
  total: number | null;
  pages: Record<number, BankItemView[]>;
  loading: boolean;
}

export interface ReportOutcome {
  runId: number;
  kind: BankReportKind;
  action: 'pdf' | 'print';
  file?: string;
  printed?: boolean;
}

/** Why files were not taken (too many, too large, unreadable), for the drop zone to say. */
export type FileRefusal = { reason: 'tooMany' } | { reason: 'tooLarge' | 'unreadable' | 'fileEmpty'; name: string };

export interface BankState {
  pending: PendingFile[];
  reading: boolean;
  refusal: FileRefusal | null;
  encoding: Encoding | '';
  format: Format | '';

  job: BankJob | null;
  lastImport: ImportOutcome | null;

  /** Earlier completed imports (bank-import runs of the journal), newest first. */
  runs: RunRecord[];
  runId: number | null;
  statements: StatementView[] | null;
  counts: Partial<Record<Segment, number>>;
  list: ItemList;

  writeBusy: boolean;
  written: { runId: number; result: BankWriteResult } | null;
  reportBusy: boolean;
  report: ReportOutcome | null;

  error: Problem | null;

  addFiles(files: File[]): Promise<void>;
  removeFile(name: string): void;
  clearFiles(): void;
  setEncoding(e: Encoding | ''): void;
  setFormat(f: Format | ''): void;
  startImport(): Promise<void>;
  cancelImport(): Promise<void>;
  jobProgressed(e: JobProgress): void;
  jobFinished(e: JobFinished): void;

  /** Loads the earlier imports and shows the chosen (or newest) one. */
  loadRuns(): Promise<void>;
  selectRun(runId: number | null): Promise<void>;
  /** Statements, counts and the current list of the shown run, asked again. */
  refresh(): Promise<void>;
  setSegment(segment: Segment): Promise<void>;
  setSearch(search: string): Promise<void>;
  ensureRows(first: number, last: number): Promise<void>;

  searchPremises(query: string): Promise<Result<PremisesHit[]>>;
  /** Assigns a payment (or confirms a suggestion); answers the problem to show in the dialog, or null. */
  assign(item: BankItemView, accountNo: string, note?: string): Promise<Problem | null>;
  writeOutputs(): Promise<void>;
  printReport(kind: BankReportKind): Promise<void>;
  saveReportPdf(kind: BankReportKind): Promise<void>;
  dismissError(): void;
}

function api(): SaldoApi | undefined {
  return (globalThis as { saldo?: SaldoApi }).saldo;
}

function locale(): Locale {
  return useSaldo.getState().locale;
}

async function call<T>(fn: (a: SaldoApi) => Promise<Result<T>>): Promise<Result<T>> {
  const a = api();
  if (!a) return { ok: false, error: problem('SAL-9001', locale(), { detail: 'window.saldo is not available' }) };
  try {
    return await fn(a);
  } catch (e) {
    return { ok: false, error: problem('SAL-9001', locale(), { detail: e instanceof Error ? e.message : String(e) }) };
  }
}

/** Events that arrive before main's answer gives us the job id. */
const early = new EarlyJobEvents();
let subscribed = false;
const pagesInFlight = new Set<string>();
let listGen = 0;

const EMPTY_LIST: ItemList = { runId: null, segment: 'unmatched', search: '', gen: 0, total: null, pages: {}, loading: false };

const INITIAL = {
  pending: [] as PendingFile[],
  reading: false,
  refusal: null,
  encoding: '' as const,
  format: '' as const,
  job: null,
  lastImport: null,
  runs: [] as RunRecord[],
  runId: null,
  statements: null,
  counts: {},
  list: EMPTY_LIST,
  writeBusy: false,
  written: null,
  reportBusy: false,
  report: null,
  error: null,
} satisfies Partial<BankState>;

function itemsQuery(list: Pick<ItemList, 'runId' | 'segment' | 'search'>) {
  const q = SEGMENT_QUERY[list.segment];
  const search = list.search.trim().slice(0, 200);
  return { ...(list.runId !== null ? { runId: list.runId } : {}), ...q, ...(search ? { search } : {}) };
}

export const useBank = create<BankState>()((set, get) => {
  /** A refusal because nobody is signed in any more sends the window back to the sign-in. */
  const failed = (p: Problem) => {
    if (p.code === 'SAL-6004') void useSaldo.getState().checkSession();
    set({ error: p });
  };

  const subscribe = () => {
    const a = api();
    if (!a || subscribed) return;
    subscribed = true;
    a.onJobProgress((e) => get().jobProgressed(e));
    a.onJobFinished((e) => get().jobFinished(e));
  };

  const fetchPage = async (page: number) => {
    const list = get().list;
    if (list.runId === null) return;
    const key = `${list.gen}:${page}`;
    if (pagesInFlight.has(key) || list.pages[page]) return;
    pagesInFlight.add(key);
    set((s) => ({ list: { ...s.list, loading: true } }));
    const r = await call((a) => a.bankItems({ ...itemsQuery(list), offset: page * ITEMS_PAGE, limit: ITEMS_PAGE }));
    pagesInFlight.delete(key);
    const now = get().list;
    if (now.gen !== list.gen) return;
    const stillLoading = [...pagesInFlight].some((k) => k.startsWith(`${list.gen}:`));
    if (!r.ok) {
      set({ list: { ...now, loading: stillLoading, total: now.total ?? 0 } });
      failed(r.error);
      return;
    }
    set((s) => ({
      list: { ...now, loading: stillLoading, total: r.value.total, pages: { ...now.pages, [page]: r.value.rows } },
      counts: { ...s.counts, [list.segment]: r.value.total },
    }));
  };

  /** A fresh query of the current list from its first page. */
  const reloadList = async (change: Partial<Pick<ItemList, 'runId' | 'segment' | 'search'>> = {}) => {
    const gen = ++listGen;
    set((s) => ({ list: { ...s.list, ...change, gen, total: null, pages: {}, loading: true } }));
    if (get().list.runId === null) {
      set((s) => ({ list: { ...s.list, loading: false } }));
      return;
    }
    await fetchPage(0);
  };

  /** How many payments each list holds (one small query per list). */
  const loadCounts = async (runId: number) => {
    const answers = await Promise.all(SEGMENTS.map((seg) => call((a) => a.bankItems({ runId, ...SEGMENT_QUERY[seg], limit: 1 }))));
    if (get().runId !== runId) return;
    const counts: Partial<Record<Segment, number>> = {};
    SEGMENTS.forEach((seg, i) => {
      const r = answers[i];
      if (r.ok) counts[seg] = r.value.total;
    });
    set({ counts });
    const bad = answers.find((r) => !r.ok);
    if (bad && !bad.ok) failed(bad.error);
  };

  const loadStatements = async (runId: number) => {
    const r = await call((a) => a.bankStatements({ runId }));
    if (get().runId !== runId) return;
    if (!r.ok) {
      set({ statements: [] });
      failed(r.error);
      return;
    }
    set({ statements: r.value });
  };

  const report = async (kind: BankReportKind, action: 'pdf' | 'print') => {
    const runId = get().runId;
    if (runId === null || get().reportBusy) return;
    set({ reportBusy: true, report: null });
    if (action === 'pdf') {
      const r = await call((a) => a.reportPdf({ kind, runId }));
      if (!r.ok) {
        set({ reportBusy: false });
        failed(r.error);
        return;
      }
      const f: ReportFile = r.value;
      set({ reportBusy: false, report: { runId, kind, action, file: f.file } });
    } else {
      const r = await call((a) => a.reportPrint({ kind, runId }));
      if (!r.ok) {
        set({ reportBusy: false });
        failed(r.error);
        return;
      }
      set({ reportBusy: false, report: { runId, kind, action, printed: r.value.printed, file: r.value.file } });
    }
  };

  return {
    ...INITIAL,

    async addFiles(files) {
      if (get().job || files.length === 0) return;
      const room = MAX_FILES - get().pending.length;
      if (files.length > room) {
        set({ refusal: { reason: 'tooMany' } });
        return;
      }
      const tooLarge = files.find((f) => f.size > MAX_FILE_BYTES);
      if (tooLarge) {
        set({ refusal: { reason: 'tooLarge', name: tooLarge.name } });
        return;
      }
      const empty = files.find((f) => f.size === 0);
      if (empty) {
        set({ refusal: { reason: 'fileEmpty', name: empty.name } });
        return;
      }
      set({ reading: true, refusal: null });
      const read: PendingFile[] = [];
      for (const f of files) {
        const r = await readStatementFile(f);
        if (!r) {
          set({ reading: false, refusal: { reason: 'unreadable', name: f.name } });
          return;
        }
        read.push(r);
      }
      // A file chosen again replaces the one of the same name.
      const names = new Set(read.map((f) => f.name));
      set((s) => ({ reading: false, pending: [...s.pending.filter((p) => !names.has(p.name)), ...read] }));
    },

    removeFile(name) {
      set((s) => ({ pending: s.pending.filter((p) => p.name !== name), refusal: null }));
    },

    clearFiles() {
      set({ pending: [], refusal: null });
    },

    setEncoding(encoding) {
      set({ encoding });
    },

    setFormat(format) {
      set({ format });
    },

    async startImport() {
      const { pending, job, encoding, format } = get();
      if (job || pending.length === 0) return;
      subscribe();
      early.clear();
      set({ job: { jobId: null, progress: null, cancelling: false }, lastImport: null, error: null, written: null, report: null });
      const r = await call((a) =>
        a.bankImport({
          files: pending.map((p) => ({ fileName: p.name, content: p.content })),
          ...(encoding ? { encoding } : {}),
          ...(format ? { format } : {}),
        }),
      );
      if (!r.ok) {
        set({ job: null });
        failed(r.error);
        return;
      }
      const jobId = r.value.jobId;
      set((s) => (s.job ? { job: { ...s.job, jobId } } : {}));
      early.started(jobId, { progress: (e) => get().jobProgressed(e), finished: (e) => get().jobFinished(e) });
    },

    async cancelImport() {
      const job = get().job;
      if (!job?.jobId || job.cancelling) return;
      set({ job: { ...job, cancelling: true } });
      const r = await call((a) => a.jobCancel({ jobId: job.jobId! }));
      if (!r.ok) {
        set((s) => ({ job: s.job ? { ...s.job, cancelling: false } : null }));
        failed(r.error);
      }
    },

    jobProgressed(e) {
      const job = get().job;
      if (!job || !early.owns(job, e, 'progress')) return;
      set({ job: { ...job, progress: e } });
    },

    jobFinished(e) {
      const job = get().job;
      if (!job || !early.owns(job, e, 'finished')) return;
      const summary = e.result ? (e.result as BankImportSummary) : null;
      set({ job: null, lastImport: { status: e.status, summary, error: e.error ?? null, progress: job.progress } });
      // Files that were read (booked, duplicate or refused with a reason) are done with; a cancel or a failure keeps them to try again.
      if (e.status === 'completed') set({ pending: [] });
      // A completed import is the one to look at; a cancelled or failed one left nothing to show but its summary.
      if (summary && e.status === 'completed') void get().selectRun(summary.runId);
      void get().loadRuns();
      // The Journal lists the new run too.
      const main = useSaldo.getState();
      if (hasPermission(main.status, 'journal.read')) void main.loadJournal();
    },

    async loadRuns() {
      if (!hasPermission(useSaldo.getState().status, 'journal.read')) return;
      const r = await call((a) => a.journalList({ limit: 500 }));
      if (!r.ok) {
        failed(r.error);
        return;
      }
      // Completed imports only: a cancelled or failed one stored nothing to show.
      const runs = r.value.filter((x) => x.kind === 'bank-import' && x.status === 'completed').sort((x, y) => y.id - x.id);
      set({ runs });
      if (get().runId === null && runs.length > 0 && !get().job) await get().selectRun(runs[0].id);
    },

    async selectRun(runId) {
      if (runId === get().runId) {
        await get().refresh();
        return;
      }
      set((s) => ({
        runId,
        statements: null,
        counts: {},
        written: s.written?.runId === runId ? s.written : null,
        report: s.report?.runId === runId ? s.report : null,
      }));
      await get().refresh();
    },

    async refresh() {
      const runId = get().runId;
      if (runId === null) {
        await reloadList({ runId: null });
        return;
      }
      subscribe();
      await Promise.all([loadStatements(runId), loadCounts(runId), reloadList({ runId })]);
    },

    async setSegment(segment) {
      if (segment === get().list.segment && get().list.runId === get().runId) return;
      await reloadList({ segment, runId: get().runId });
    },

    async setSearch(search) {
      await reloadList({ search, runId: get().runId });
    },

    async ensureRows(first, last) {
      const { total, pages } = get().list;
      if (total === null || total === 0) return;
      const from = Math.max(0, Math.floor(first / ITEMS_PAGE));
      const to = Math.min(Math.floor((total - 1) / ITEMS_PAGE), Math.floor(last / ITEMS_PAGE));
      const wanted: Promise<void>[] = [];
      for (let p = from; p <= to; p++) if (!pages[p]) wanted.push(fetchPage(p));
      await Promise.all(wanted);
    },

    async searchPremises(query) {
      const r = await call((a) => a.bankPremises({ query: query.trim().slice(0, 200), limit: 50 }));
      if (!r.ok && r.error.code === 'SAL-6004') failed(r.error);
      return r;
    },

    async assign(item, accountNo, note) {
      const r = await call((a) => a.bankAssign({ itemKey: item.key, accountNo, ...(note?.trim() ? { note: note.trim() } : {}) }));
      if (!r.ok) {
        if (r.error.code === 'SAL-6004') failed(r.error);
        return r.error;
      }
      // The item moved to another list: counts, the shown page and what was written change.
      set({ written: null });
      const runId = get().runId;
      if (runId !== null) await Promise.all([loadCounts(runId), reloadList()]);
      return null;
    },

    async writeOutputs() {
      const runId = get().runId;
      if (runId === null || get().writeBusy) return;
      set({ writeBusy: true, written: null });
      const r = await call((a) => a.bankWrite({ runId }));
      if (!r.ok) {
        set({ writeBusy: false });
        failed(r.error);
        return;
      }
      set({ writeBusy: false, written: { runId, result: r.value } });
    },

    printReport: (kind) => report(kind, 'print'),
    saveReportPdf: (kind) => report(kind, 'pdf'),

    dismissError() {
      set({ error: null });
    },
  };
});

// Whatever one operator imported, chose or typed is not shown to the next one.
useSaldo.subscribe((s, prev) => {
  const now = s.phase === 'ready' ? (s.session?.operator?.name ?? null) : null;
  const before = prev.phase === 'ready' ? (prev.session?.operator?.name ?? null) : null;
  if (now !== before) {
    early.clear();
    pagesInFlight.clear();
    listGen++;
    useBank.setState({ ...INITIAL, list: { ...EMPTY_LIST, gen: listGen } });
  }
});
