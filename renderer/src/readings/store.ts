// The readings tab's store: the only readings code that talks to `window.saldo`. Every call
// answers a Result; a failure becomes a Problem shown where the operator acted (errors are values,
// never thrown). The tab's grids are paged from main (PAGE rows at a time) and keyed by a query
// counter, so an answer to an older filter or run never lands in the current grid.

import { EarlyJobEvents } from '../jobs/early-events';
import { create } from 'zustand';
import type { JobProgress, Locale, Problem, Result, RunRecord, RunStatus } from '../../../shared/domain/types';
import { problem } from '../../../shared/errors/problem';
import type { JobFinished, JobStarted, SaldoApi } from '../../../shared/ipc/contract';
import type {
  ColumnMappingInput,
  ColumnMappingView,
  ReadingEncoding,
  ReadingFormat,
  ReadingsImportRequest,
  ReadingsImportSummary,
  ReadingsReviewResult,
  ReadingView,
} from '../../../shared/ipc/contract-readings';
import { hasPermission, useSaldo } from '../store';
import { MAX_FILE_BYTES } from './limits';

export const GRIDS = ['accepted', 'held', 'rejected'] as const;
export type GridKind = (typeof GRIDS)[number];
export type ReadingsReportKind = `readings-${GridKind}`;
/** Rows asked of main at a time as the operator scrolls. */
export const PAGE = 500;
/** Keys asked at a time when ticking every held reading the filter shows (main's upper limit). */
const BULK = 5000;
/** The review call takes at most this many keys. */
export const REVIEW_MAX = 10_000;

export type JobChannel = 'readings.import' | 'readings.recheck';

export interface ReadingsJob {
  /** null between asking main to start the job and receiving its id. */
  jobId: string | null;
  channel: JobChannel;
  progress: JobProgress | null;
  /** The phases the job went through, in order (the last one is under way). */
  phases: string[];
  cancelling: boolean;
}

export interface ReadingsOutcome {
  channel: JobChannel;
  status: RunStatus;
  result: ReadingsImportSummary | null;
  error: Problem | null;
  progress: JobProgress | null;
  /** What was imported (the file's name, or the portal). */
  what: string | null;
}

export interface ChosenFile {
  name: string;
  size: number;
  /** The bytes, base64 (the sandboxed window has no paths: main gets the bytes). */
  base64: string;
}

export interface GridFilter {
  building: string;
  medium: string;
  search: string;
}
export const NO_FILTER: GridFilter = { building: '', medium: '', search: '' };

export interface GridState {
  /** Rows matching the filter (null until the first page arrives). */
  total: number | null;
  pages: Record<number, ReadingView[]>;
  loading: boolean;
}
const EMPTY_GRID: GridState = { total: null, pages: {}, loading: false };

export type HistoryQuery = { meterId: string } | { accountNo: string };

export interface HistoryState {
  query: HistoryQuery;
  /** The reading the operator clicked (offers the other query: its premises or its meter). */
  from: ReadingView;
  rows: ReadingView[] | null;
  error: Problem | null;
}

export interface ReportOutcome {
  runId: number;
  kind: ReadingsReportKind;
  action: 'pdf' | 'print';
  file?: string;
  printed?: boolean;
}

export interface ReadingsState {
  // ---- the import form ----
  source: 'portal' | 'file';
  /** '' lets main take the period of the readings' dates. */
  period: string;
  file: ChosenFile | null;
  /** Why the chosen file cannot be sent (too large, unreadable). */
  fileProblem: 'tooLarge' | 'unreadable' | 'empty' | null;
  format: ReadingFormat;
  encoding: ReadingEncoding;
  /** The saved mapping to read a CSV with ('' none chosen). */
  mappingName: string;
  mappings: ColumnMappingView[];
  mappingsState: 'idle' | 'loading' | 'loaded';
  /** Problem of the last action in the import panel (a refused start, a failed mapping load). */
  importError: Problem | null;

  // ---- jobs ----
  job: ReadingsJob | null;
  last: ReadingsOutcome | null;

  // ---- the run the grids show ----
  runs: RunRecord[];
  /** null: the readings of every run. */
  runId: number | null;
  view: GridKind;
  filter: GridFilter;
  gen: number;
  grids: Record<GridKind, GridState>;
  buildings: string[];
  media: string[];
  gridError: Problem | null;

  // ---- review ----
  ticked: ReadonlySet<string>;
  tickBusy: boolean;
  reviewBusy: boolean;
  review: (ReadingsReviewResult & { decision: 'accept' | 'reject' }) | null;
  reviewError: Problem | null;

  history: HistoryState | null;

  reportBusy: boolean;
  report: ReportOutcome | null;
  reportError: Problem | null;

  // ---- actions ----
  /** The first visit of the tab: the operator's mappings, the readings runs, the newest run's grids. */
  init(): Promise<void>;
  setSource(source: 'portal' | 'file'): void;
  setPeriod(period: string): void;
  setFormat(format: ReadingFormat): void;
  setEncoding(encoding: ReadingEncoding): void;
  setMapping(name: string): void;
  /** Reads a chosen or dropped file's bytes; a file over the limit is refused before reading. */
  chooseFile(file: File): Promise<void>;
  clearFile(): void;
  loadMappings(): Promise<void>;
  /** Saves a column mapping of the acting operator; answers the problem to show, or null. */
  saveMapping(mapping: ColumnMappingInput): Promise<Problem | null>;
  startImport(): Promise<void>;
  startRecheck(): Promise<void>;
  cancelJob(): Promise<void>;
  jobProgressed(e: JobProgress): void;
  jobFinished(e: JobFinished): void;
  loadRuns(): Promise<void>;
  selectRun(runId: number | null): Promise<void>;
  setView(view: GridKind): void;
  setFilter(change: Partial<GridFilter>): Promise<void>;
  /** Asks main again for the first page of each grid under the run and filter. */
  refresh(): Promise<void>;
  ensureRows(kind: GridKind, first: number, last: number): Promise<void>;
  toggleTick(key: string): void;
  clearTicks(): void;
  tickAllShown(): Promise<void>;
  reviewTicked(decision: 'accept' | 'reject', note: string): Promise<boolean>;
  showHistory(query: HistoryQuery, from: ReadingView): Promise<void>;
  closeHistory(): void;
  printReport(kind: ReadingsReportKind): Promise<void>;
  savePdf(kind: ReadingsReportKind): Promise<void>;
  /** Everything back to the start (a sign-out). */
  reset(): void;
}

function api(): SaldoApi | undefined {
  return (globalThis as { saldo?: SaldoApi }).saldo;
}

const locale = (): Locale => useSaldo.getState().locale;

async function call<T>(fn: (a: SaldoApi) => Promise<Result<T>>): Promise<Result<T>> {
  const a = api();
  if (!a) return { ok: false, error: problem('SAL-9001', locale(), { detail: 'window.saldo is not available' }) };
  try {
    return await fn(a);
  } catch (e) {
    return { ok: false, error: problem('SAL-9001', locale(), { detail: e instanceof Error ? e.message : String(e) }) };
  }
}

/** A refusal because the session ended in main sends the window back to the sign-in. */
function sessionCheck(p: Problem): Problem {
  if (p.code === 'SAL-6004') void useSaldo.getState().checkSession();
  return p;
}

/** Reads a File as base64 without building a JS string of its bytes first (FileReader does it natively). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const url = String(r.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    r.onerror = () => reject(r.error ?? new Error('unreadable'));
    r.readAsDataURL(file);
  });
}

/** The format a file's name suggests, if any: wmbusmeters JSON is .json; a CSV stays what was chosen. */
export function formatForName(name: string, current: ReadingFormat): ReadingFormat {
  if (/\.(json|jsonl|ndjson)$/i.test(name)) return 'wmbus-json';
  if (/\.csv$/i.test(name) && current === 'wmbus-json') return 'csv';
  return current;
}

/** Runs that brought readings: an import, or an exchange cycle whose portal step read some. */
export function isReadingsRun(run: RunRecord): boolean {
  return run.kind === 'readings-import' || (run.kind === 'cycle' && (run.counts['readings.read'] ?? 0) > 0);
}

let subscribed = false;
let initialised = false;
/** Events that arrive before main's answer gives us the job id. */
const early = new EarlyJobEvents();
const inFlight = new Set<string>();
let queryGen = 0;

const INITIAL = {
  source: 'file' as const,
  period: '',
  file: null,
  fileProblem: null,
  format: 'csv' as ReadingFormat,
  encoding: 'auto' as ReadingEncoding,
  mappingName: '',
  mappings: [],
  mappingsState: 'idle' as const,
  importError: null,
  job: null,
  last: null,
  runs: [],
  runId: null,
  view: 'held' as GridKind,
  filter: NO_FILTER,
  gen: 0,
  grids: { accepted: EMPTY_GRID, held: EMPTY_GRID, rejected: EMPTY_GRID },
  buildings: [],
  media: [],
  gridError: null,
  ticked: new Set<string>(),
  tickBusy: false,
  reviewBusy: false,
  review: null,
  reviewError: null,
  history: null,
  reportBusy: false,
  report: null,
  reportError: null,
} satisfies Partial<ReadingsState>;

export const useReadings = create<ReadingsState>()((set, get) => {
  const subscribe = () => {
    const a = api();
    if (!a || subscribed) return;
    subscribed = true;
    a.onJobProgress((e) => get().jobProgressed(e));
    a.onJobFinished((e) => get().jobFinished(e));
  };

  const listQuery = (kind: GridKind, offset: number, limit: number) => {
    const { runId, filter } = get();
    const search = filter.search.trim();
    return {
      outcome: kind,
      ...(runId !== null ? { runId } : {}),
      ...(filter.building ? { building: filter.building } : {}),
      ...(filter.medium ? { medium: filter.medium as ReadingView['medium'] & string } : {}),
      ...(search ? { search: search.slice(0, 200) } : {}),
      offset,
      limit,
    };
  };

  const fetchPage = async (kind: GridKind, page: number) => {
    const gen = get().gen;
    const key = `${gen}:${kind}:${page}`;
    if (inFlight.has(key) || get().grids[kind].pages[page]) return;
    inFlight.add(key);
    set((s) => ({ grids: { ...s.grids, [kind]: { ...s.grids[kind], loading: true } } }));
    const r = await call((a) => a.readingsList(listQuery(kind, page * PAGE, PAGE)));
    inFlight.delete(key);
    if (get().gen !== gen) return;
    const still = [...inFlight].some((k) => k.startsWith(`${gen}:${kind}:`));
    if (!r.ok) {
      set((s) => ({ gridError: sessionCheck(r.error), grids: { ...s.grids, [kind]: { ...s.grids[kind], loading: still, total: s.grids[kind].total ?? 0 } } }));
      return;
    }
    const v = r.value;
    set((s) => ({
      // The filter lists: the union of what the three grids found (a building may have only held readings).
      buildings: [...new Set([...s.buildings, ...v.buildings])].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })),
      media: [...new Set([...s.media, ...v.media])],
      grids: { ...s.grids, [kind]: { loading: still, total: v.total, pages: { ...s.grids[kind].pages, [page]: v.rows } } },
    }));
  };

  const startJob = async (channel: JobChannel, what: string | null, start: (a: SaldoApi) => Promise<Result<JobStarted>>) => {
    subscribe();
    early.clear();
    set({ job: { jobId: null, channel, progress: null, phases: [], cancelling: false }, last: null, importError: null, review: null, reviewError: null, report: null });
    pendingWhat = what;
    const r = await call(start);
    if (!r.ok) {
      set({ job: null, importError: sessionCheck(r.error) });
      return;
    }
    const jobId = r.value.jobId;
    set((s) => (s.job ? { job: { ...s.job, jobId } } : {}));
    early.started(jobId, { progress: (e) => get().jobProgressed(e), finished: (e) => get().jobFinished(e) });
  };
  let pendingWhat: string | null = null;

  const report = async (kind: ReadingsReportKind, action: 'pdf' | 'print') => {
    const runId = get().runId;
    if (runId === null || get().reportBusy) return;
    set({ reportBusy: true, report: null, reportError: null });
    if (action === 'pdf') {
      const r = await call((a) => a.reportPdf({ kind, runId }));
      if (!r.ok) set({ reportBusy: false, reportError: sessionCheck(r.error) });
      else set({ reportBusy: false, report: { runId, kind, action, file: r.value.file } });
    } else {
      const r = await call((a) => a.reportPrint({ kind, runId }));
      if (!r.ok) set({ reportBusy: false, reportError: sessionCheck(r.error) });
      else set({ reportBusy: false, report: { runId, kind, action, printed: r.value.printed, file: r.value.file } });
    }
  };

  return {
    ...INITIAL,

    async init() {
      if (initialised) return;
      initialised = true;
      subscribe();
      void get().loadMappings();
      await get().loadRuns();
      await get().selectRun(get().runs[0]?.id ?? null);
    },

    setSource(source) {
      set({ source, importError: null });
    },
    setPeriod(period) {
      set({ period });
    },
    setFormat(format) {
      set({ format });
    },
    setEncoding(encoding) {
      set({ encoding });
    },
    setMapping(mappingName) {
      set({ mappingName });
    },

    async chooseFile(file) {
      set({ file: null, fileProblem: null, importError: null, format: formatForName(file.name, get().format) });
      if (file.size === 0) {
        set({ fileProblem: 'empty' });
        return;
      }
      if (file.size > MAX_FILE_BYTES) {
        set({ fileProblem: 'tooLarge' });
        return;
      }
      try {
        const base64 = await readBase64(file);
        set({ file: { name: file.name, size: file.size, base64 } });
      } catch {
        set({ fileProblem: 'unreadable' });
      }
    },

    clearFile() {
      set({ file: null, fileProblem: null });
    },

    async loadMappings() {
      if (get().mappingsState === 'loading') return;
      set({ mappingsState: 'loading' });
      const r = await call((a) => a.readingsMappings({}));
      if (!r.ok) {
        set({ mappingsState: 'loaded', importError: sessionCheck(r.error) });
        return;
      }
      const mappings = [...r.value].sort((x, y) => x.name.localeCompare(y.name));
      const current = get().mappingName;
      set({
        mappings,
        mappingsState: 'loaded',
        // The one saved mapping is the obvious choice; a chosen one stays chosen while it exists.
        mappingName: mappings.some((m) => m.name === current) ? current : (mappings[0]?.name ?? ''),
      });
    },

    async saveMapping(mapping) {
      const r = await call((a) => a.readingsSaveMapping({ mapping }));
      if (!r.ok) return sessionCheck(r.error);
      const saved = r.value;
      set((s) => ({
        mappings: [...s.mappings.filter((m) => m.name.toLowerCase() !== saved.name.toLowerCase()), saved].sort((x, y) => x.name.localeCompare(y.name)),
        mappingName: saved.name,
      }));
      return null;
    },

    async startImport() {
      const s = get();
      if (s.job) return;
      const period = s.period || undefined;
      let req: ReadingsImportRequest;
      if (s.source === 'portal') {
        if (!hasPermission(useSaldo.getState().status, 'exchange.run')) return;
        req = { source: 'portal', ...(period ? { period } : {}) };
      } else {
        if (!s.file) return;
        req = {
          source: 'file',
          fileName: s.file.name,
          content: s.file.base64,
          format: s.format,
          ...(s.format === 'csv' && s.mappingName ? { mapping: s.mappingName } : {}),
          ...(s.encoding !== 'auto' ? { encoding: s.encoding } : {}),
          ...(period ? { period } : {}),
        };
      }
      await startJob('readings.import', s.source === 'file' ? s.file!.name : null, (a) => a.readingsImport(req));
    },

    async startRecheck() {
      const { runId, job } = get();
      if (runId === null || job) return;
      await startJob('readings.recheck', null, (a) => a.readingsRecheck({ runId }));
    },

    async cancelJob() {
      const job = get().job;
      if (!job?.jobId || job.cancelling) return;
      set({ job: { ...job, cancelling: true } });
      const r = await call((a) => a.jobCancel({ jobId: job.jobId! }));
      if (!r.ok) set((s) => ({ importError: sessionCheck(r.error), job: s.job ? { ...s.job, cancelling: false } : null }));
    },

    jobProgressed(e) {
      const job = get().job;
      if (!job || !early.owns(job, e, 'progress')) return;
      const phases = job.phases[job.phases.length - 1] === e.phase ? job.phases : [...job.phases, e.phase];
      set({ job: { ...job, progress: e, phases } });
    },

    jobFinished(e) {
      const job = get().job;
      if (!job || !early.owns(job, e, 'finished')) return;
      const result = e.result ? (e.result as ReadingsImportSummary) : null;
      set({ job: null, last: { channel: job.channel, status: e.status, result, error: e.error ?? null, progress: job.progress, what: pendingWhat } });
      const main = useSaldo.getState();
      if (hasPermission(main.status, 'journal.read')) void main.loadJournal();
      // An import shows its own readings; a re-check changes those of the run on screen.
      if (job.channel === 'readings.import' && result && result.read > 0) {
        void get()
          .loadRuns()
          .then(() => get().selectRun(result.runId));
        set({ view: result.held > 0 ? 'held' : result.rejected > 0 && result.accepted === 0 ? 'rejected' : get().view });
      } else {
        void get().loadRuns();
        void get().refresh();
      }
    },

    async loadRuns() {
      if (!hasPermission(useSaldo.getState().status, 'journal.read')) return;
      const r = await call((a) => a.journalList({ limit: 500 }));
      if (!r.ok) {
        set({ gridError: sessionCheck(r.error) });
        return;
      }
      const runs = r.value.filter(isReadingsRun).sort((x, y) => y.id - x.id);
      set({ runs });
    },

    async selectRun(runId) {
      set({ runId, ticked: new Set<string>(), review: null, reviewError: null, report: null, reportError: null, history: null });
      await get().refresh();
    },

    setView(view) {
      set({ view });
    },

    async setFilter(change) {
      set((s) => ({ filter: { ...s.filter, ...change } }));
      await get().refresh();
    },

    async refresh() {
      const gen = ++queryGen;
      set({ gen, grids: { accepted: { ...EMPTY_GRID, loading: true }, held: { ...EMPTY_GRID, loading: true }, rejected: { ...EMPTY_GRID, loading: true } }, gridError: null });
      // Buildings and media come from the answers; start them afresh unless the filter keeps one.
      const { filter } = get();
      set({ buildings: filter.building ? [filter.building] : [], media: filter.medium ? [filter.medium] : [] });
      await Promise.all(GRIDS.map((k) => fetchPage(k, 0)));
      // Ticks belong to the held readings on screen: drop those no longer held under this query.
      if (get().gen === gen && get().ticked.size > 0) {
        const held = get().grids.held;
        const loaded = Object.values(held.pages).flat();
        if (held.total !== null && loaded.length >= held.total) {
          const keys = new Set(loaded.map((r) => r.key));
          set((s) => ({ ticked: new Set([...s.ticked].filter((k) => keys.has(k))) }));
        }
      }
    },

    async ensureRows(kind, first, last) {
      const { total, pages } = get().grids[kind];
      if (!total) return;
      const from = Math.max(0, Math.floor(first / PAGE));
      const to = Math.min(Math.floor((total - 1) / PAGE), Math.floor(last / PAGE));
      const wanted: Promise<void>[] = [];
      for (let p = from; p <= to; p++) if (!pages[p]) wanted.push(fetchPage(kind, p));
      await Promise.all(wanted);
    },

    toggleTick(key) {
      set((s) => {
        const next = new Set(s.ticked);
        if (next.has(key)) next.delete(key);
        else if (next.size < REVIEW_MAX) next.add(key);
        return { ticked: next };
      });
    },

    clearTicks() {
      set({ ticked: new Set<string>() });
    },

    async tickAllShown() {
      const { grids, gen, tickBusy } = get();
      const held = grids.held;
      if (tickBusy || !held.total) return;
      const loaded = Object.values(held.pages).flat();
      if (loaded.length >= held.total) {
        set((s) => ({ ticked: new Set([...s.ticked, ...loaded.map((r) => r.key)].slice(0, REVIEW_MAX)) }));
        return;
      }
      set({ tickBusy: true });
      const found: string[] = [];
      for (let offset = 0; offset < Math.min(held.total, REVIEW_MAX); offset += BULK) {
        const r = await call((a) => a.readingsList(listQuery('held', offset, BULK)));
        if (get().gen !== gen) {
          set({ tickBusy: false });
          return;
        }
        if (!r.ok) {
          set({ tickBusy: false, reviewError: sessionCheck(r.error) });
          return;
        }
        found.push(...r.value.rows.map((x) => x.key));
        if (r.value.rows.length < BULK) break;
      }
      set((s) => ({ tickBusy: false, ticked: new Set([...s.ticked, ...found].slice(0, REVIEW_MAX)) }));
    },

    async reviewTicked(decision, note) {
      const { ticked, reviewBusy } = get();
      const text = note.trim();
      if (reviewBusy || ticked.size === 0 || !text) return false;
      set({ reviewBusy: true, review: null, reviewError: null });
      const keys = [...ticked].slice(0, REVIEW_MAX);
      const r = await call((a) => a.readingsReview({ keys, decision, note: text.slice(0, 500) }));
      if (!r.ok) {
        set({ reviewBusy: false, reviewError: sessionCheck(r.error) });
        return false;
      }
      set({ reviewBusy: false, review: { ...r.value, decision }, ticked: new Set<string>() });
      // The decided readings move to the accepted or rejected grid.
      await get().refresh();
      const h = get().history;
      if (h) void get().showHistory(h.query, h.from);
      return true;
    },

    async showHistory(query, from) {
      set({ history: { query, from, rows: null, error: null } });
      const r = await call((a) => a.readingsHistory(query));
      const h = get().history;
      if (!h || JSON.stringify(h.query) !== JSON.stringify(query)) return;
      if (!r.ok) set({ history: { ...h, error: sessionCheck(r.error), rows: [] } });
      else set({ history: { ...h, rows: r.value } });
    },

    closeHistory() {
      set({ history: null });
    },

    printReport: (kind) => report(kind, 'print'),
    savePdf: (kind) => report(kind, 'pdf'),

    reset() {
      initialised = false;
      early.clear();
      inFlight.clear();
      queryGen++;
      set({ ...INITIAL, gen: queryGen, ticked: new Set<string>() });
    },
  };
});

// Nothing of one operator's readings work stays on screen for the next one (a sign-out, another operator).
useSaldo.subscribe((now, before) => {
  if (now.session?.operator?.name !== before.session?.operator?.name) useReadings.getState().reset();
});
