// The renderer's one store. State changes only through the actions below; the actions are the only
// code that talks to `window.saldo` (the preload's API). Every call answers a Result value: a
// failure becomes `error` (the Problem shown in the banner), never a thrown exception.
// Passwords pass through the sign-in, set-up and operator actions as arguments and are never kept
// in the state.

import { EarlyJobEvents } from './jobs/early-events';
import { create } from 'zustand';
import type { Permission } from '../../shared/domain/permissions';
import { lastDayOfPeriod } from '../../shared/domain/period';
import type { JobProgress, Locale, Problem, Result, RunRecord, RunStatus } from '../../shared/domain/types';
import { problem } from '../../shared/errors/problem';
import type {
  AppStatus,
  CallResponses,
  JobChannel,
  JobFinished,
  JobStarted,
  PremisesRow,
  ReportFile,
  Request,
  SaldoApi,
  SessionStatus,
  SourceCheckResult,
  WwwSendSummary,
} from '../../shared/ipc/contract';
import type { AuditEntryView, ConnectionTest, OperatorView, ProfileView } from '../../shared/ipc/views';

export const TABS = ['www', 'readings', 'bank', 'journal', 'audit', 'settings'] as const;
export type TabId = (typeof TABS)[number];

/** Tabs a role may not use are not shown at all (main refuses their calls too). */
const TAB_PERMISSION: Partial<Record<TabId, Permission>> = {
  readings: 'readings.process',
  bank: 'bank.process',
  journal: 'journal.read',
  audit: 'audit.read',
};

export function visibleTabs(permissions: readonly Permission[] | undefined): TabId[] {
  return TABS.filter((id) => {
    const need = TAB_PERMISSION[id];
    return !need || !!permissions?.includes(need);
  });
}

export type OperatorChange = Request<'operators.save'>;

export interface ProfileTestState {
  busy: boolean;
  result: ConnectionTest | null;
  error: Problem | null;
}

export interface CurrentJob {
  /** null between asking main to start the job and receiving its id. */
  jobId: string | null;
  channel: JobChannel;
  period: string;
  /** What a send asked for (kept to show it and, after a stop, to repeat it confirmed). */
  request?: WwwSendRequest;
  progress: JobProgress | null;
  /** The phases the job went through, in order (the last one is under way). */
  phases: string[];
  cancelling: boolean;
}

/** The categories sent to the portal, in the exchange's order (the contract's list). */
export const SENT_CATEGORIES = ['accounts', 'services', 'providers', 'residents', 'beneficiaries', 'balances', 'charges', 'meters'] as const;
export type SentCategory = (typeof SENT_CATEGORIES)[number];
export type SendMode = Request<'www.send'>['mode'];
export type WwwSendRequest = Request<'www.send'>;
export type NoticeRequest = Request<'www.notice'>;
export type NoticeAnswer = CallResponses['www.notice'];

export interface SendOutcome {
  request: WwwSendRequest;
  status: RunStatus;
  result: WwwSendSummary | null;
  error: Problem | null;
  progress: JobProgress | null;
  phases: string[];
}

/** The premises grid's filter, as the form holds it ('' = any). */
export interface PremisesFilter {
  building: string;
  group: '' | 'member' | 'other';
  portal: '' | 'yes' | 'no';
  changedOnly: boolean;
  search: string;
}
export const NO_PREMISES_FILTER: PremisesFilter = { building: '', group: '', portal: '', changedOnly: false, search: '' };
/** Rows asked of main at a time as the operator scrolls. */
export const PREMISES_PAGE = 500;
/** Rows asked at a time when ticking everything the filter shows (main's upper limit). */
const PREMISES_BULK = 5000;

export interface PremisesState {
  /** The period the list belongs to (null: not loaded). */
  period: string | null;
  filter: PremisesFilter;
  /** Bumped by every new query: answers to an older one are dropped. */
  gen: number;
  /** Rows matching the filter (null until the first page arrives). */
  total: number | null;
  /** Loaded pages of PREMISES_PAGE rows, by page number. */
  pages: Record<number, PremisesRow[]>;
  buildings: string[];
  loading: boolean;
}

/** Premises that a send can include: an account number and the "WWW" parameter. */
export function tickable(row: PremisesRow): boolean {
  return row.account !== '' && row.portalEnabled;
}

export interface CheckOutcome {
  period: string;
  status: RunStatus;
  result: SourceCheckResult | null;
  error: Problem | null;
  /** The last progress seen, so the bar shows where the job ended. */
  progress: JobProgress | null;
}

export type ReportKind = 'run-summary' | 'www-errors';

export interface ReportOutcome {
  runId: number;
  kind: ReportKind;
  action: 'pdf' | 'print';
  file?: string;
  bytes?: number;
  printed?: boolean;
}

export interface SaldoState {
  /** loading → setup (first start) | signIn → ready; failed when main cannot be reached. */
  phase: 'loading' | 'setup' | 'signIn' | 'ready' | 'failed';
  session: SessionStatus | null;
  status: AppStatus | null;
  locale: Locale;
  /** A language chosen before sign-in: main saves it (setLocale) right after sign-in. */
  localeChosen: boolean;
  /** The organisation's name once known, for the sign-in screen after a sign-out. */
  organisationName: string | null;
  tab: TabId;
  /** The last problem, shown in the banner until dismissed or replaced. */
  error: Problem | null;
  /** The last sign-in or set-up problem, shown in the form. */
  authError: Problem | null;
  authBusy: boolean;

  period: string | null;
  job: CurrentJob | null;
  lastCheck: CheckOutcome | null;
  lastSend: SendOutcome | null;

  /** Data to WWW: the send mode, the as-of date (null: the period's last day), the premises grid and its ticks. */
  wwwMode: SendMode;
  asOf: string | null;
  /** The operator typed something that is not a date: nothing is sent until it is corrected. */
  asOfInvalid: boolean;
  premises: PremisesState;
  ticked: ReadonlySet<string>;
  tickBusy: boolean;

  runs: RunRecord[];
  runsState: 'idle' | 'loading' | 'loaded';
  selectedRunId: number | null;
  selectedRun: RunRecord | null;
  reportBusy: boolean;
  report: ReportOutcome | null;

  audit: AuditEntryView[];
  auditState: 'idle' | 'loading' | 'loaded';
  auditPdfBusy: boolean;
  auditPdf: ReportFile | null;

  profiles: ProfileView[];
  profilesState: 'idle' | 'loading' | 'loaded';
  profileTests: Record<string, ProfileTestState>;
  operators: OperatorView[];
  operatorsState: 'idle' | 'loading' | 'loaded';

  init(): Promise<void>;
  checkSession(): Promise<void>;
  signIn(name: string, password: string): Promise<boolean>;
  setupAdmin(req: { name: string; displayName: string; password: string }): Promise<boolean>;
  signOut(): Promise<void>;
  loadStatus(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  setTab(tab: TabId): void;
  dismissError(): void;
  choosePeriod(period: string): void;
  startSourceCheck(): Promise<void>;
  setWwwMode(mode: SendMode): void;
  setAsOf(date: string | null, invalid?: boolean): void;
  /** Asks main again for the premises of the chosen period under the current filter. */
  loadPremises(): Promise<void>;
  setPremisesFilter(change: Partial<PremisesFilter>): Promise<void>;
  /** Loads the pages holding rows first..last that are not loaded yet. */
  ensurePremisesRows(first: number, last: number): Promise<void>;
  toggleTick(account: string): void;
  clearTicks(): void;
  /** Ticks every premises the filter shows that a send can include (all pages, not only those loaded). */
  tickAllShown(): Promise<void>;
  /** Sends (or, with dryRun, previews) the chosen categories — all when none — in the chosen mode. */
  startWwwSend(opts?: { categories?: SentCategory[]; dryRun?: boolean }): Promise<void>;
  /** Repeats a send stopped by a guard, confirmed (confirmDrop). */
  confirmStoppedSend(): Promise<void>;
  sendNotice(req: NoticeRequest): Promise<Result<NoticeAnswer>>;
  cancelJob(): Promise<void>;
  jobProgressed(e: JobProgress): void;
  jobFinished(e: JobFinished): void;
  loadJournal(): Promise<void>;
  selectRun(runId: number | null): Promise<void>;
  openRunInJournal(runId: number): Promise<void>;
  printReport(runId: number, kind?: ReportKind): Promise<void>;
  savePdf(runId: number, kind?: ReportKind): Promise<void>;
  loadAudit(): Promise<void>;
  saveAuditPdf(): Promise<void>;
  loadProfiles(): Promise<void>;
  testProfile(name: string): Promise<void>;
  /** Stores a connection secret (encrypted by main); answers the problem, if any. The value is not kept. */
  saveSecret(name: string, value: string): Promise<Problem | null>;
  loadOperators(): Promise<void>;
  /** Saves an operator; answers the problem to show in the form, or null when saved. */
  saveOperator(change: OperatorChange): Promise<Problem | null>;
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
const early = new EarlyJobEvents();
let subscribed = false;
/** Premises pages asked for and not answered yet, as "gen:page". */
const pagesInFlight = new Set<string>();
/** The premises query counter (never reset, so a sign-out cannot make an old answer look current). */
let premisesGen = 0;

const EMPTY_PREMISES: PremisesState = { period: null, filter: NO_PREMISES_FILTER, gen: 0, total: null, pages: {}, buildings: [], loading: false };

/** The www.premises request for a filter (offset and limit added by the caller). */
function premisesQuery(period: string, f: PremisesFilter): Request<'www.premises'> {
  const search = f.search.trim();
  return {
    period,
    ...(f.building ? { building: f.building } : {}),
    ...(f.group ? { group: f.group } : {}),
    ...(f.portal ? { portalEnabled: f.portal === 'yes' } : {}),
    ...(f.changedOnly ? { changedOnly: true } : {}),
    ...(search ? { search: search.slice(0, 200) } : {}),
  };
}

export function hasPermission(status: AppStatus | null, p: Permission): boolean {
  return !!status?.operator.permissions.includes(p);
}

export const AUDIT_LIMIT = 5000;

/** Everything that belongs to a signed-in operator; a sign-out puts all of it back. */
const SIGNED_OUT = {
  session: null,
  status: null,
  tab: 'www' as TabId,
  error: null,
  period: null,
  job: null,
  lastCheck: null,
  lastSend: null,
  wwwMode: 'all' as SendMode,
  asOf: null,
  asOfInvalid: false,
  premises: EMPTY_PREMISES,
  ticked: new Set<string>(),
  tickBusy: false,
  runs: [],
  runsState: 'idle' as const,
  selectedRunId: null,
  selectedRun: null,
  reportBusy: false,
  report: null,
  audit: [],
  auditState: 'idle' as const,
  auditPdfBusy: false,
  auditPdf: null,
  profiles: [],
  profilesState: 'idle' as const,
  profileTests: {},
  operators: [],
  operatorsState: 'idle' as const,
} satisfies Partial<SaldoState>;

export const useSaldo = create<SaldoState>()((set, get) => {
  /** Where a session answer leads: the set-up, the sign-in form, or the console. */
  const applySession = async (session: SessionStatus) => {
    const locale = get().localeChosen ? get().locale : session.locale;
    if (!session.signedIn || !session.operator) {
      set({ ...SIGNED_OUT, phase: session.needsSetup ? 'setup' : 'signIn', locale, organisationName: session.organisation });
      return;
    }
    set({ session, locale, authError: null });
    if (get().localeChosen) {
      set({ localeChosen: false });
      if (locale !== session.locale) {
        const r = await call(locale, (a) => a.setLocale({ locale }));
        if (!r.ok) set({ error: r.error, locale: session.locale });
      }
    }
    await get().loadStatus();
  };

  /** A call refused because nobody is signed in (the session ended in main): back to sign-in. */
  const failed = (p: Problem) => {
    if (p.code === 'SAL-6004' && get().phase === 'ready') void get().checkSession();
    set({ error: p });
  };

  /**
   * The start of a list load: none while one is under way; a refusal marks the list loaded (keeping
   * what it held) and goes to `failed`. The caller stores the value and marks it loaded in one set.
   */
  const loadList = async <T>(state: 'auditState' | 'profilesState' | 'operatorsState', fetch: (a: SaldoApi) => Promise<Result<T>>): Promise<T | null> => {
    if (get()[state] === 'loading') return null;
    set({ [state]: 'loading' } as Partial<SaldoState>);
    const r = await call(get().locale, fetch);
    if (!r.ok) {
      set({ [state]: 'loaded' } as Partial<SaldoState>);
      failed(r.error);
      return null;
    }
    return r.value;
  };

  /** Starts a long job: the window shows its progress until job.finished arrives. */
  const startJob = async (channel: JobChannel, period: string, request: WwwSendRequest | undefined, start: (a: SaldoApi) => Promise<Result<JobStarted>>) => {
    early.clear();
    set({
      job: { jobId: null, channel, period, request, progress: null, phases: [], cancelling: false },
      lastCheck: null,
      lastSend: null,
      report: null,
      error: null,
    });
    const r = await call(get().locale, start);
    if (!r.ok) {
      set({ job: null });
      failed(r.error);
      return;
    }
    const jobId = r.value.jobId;
    set((s) => (s.job ? { job: { ...s.job, jobId } } : {}));
    early.started(jobId, { progress: (e) => get().jobProgressed(e), finished: (e) => get().jobFinished(e) });
  };

  /** One page of premises for the current query; dropped if the query changed meanwhile. */
  const fetchPremisesPage = async (page: number) => {
    const { premises, period } = get();
    if (!period || premises.period !== period) return;
    const gen = premises.gen;
    const key = `${gen}:${page}`;
    if (pagesInFlight.has(key) || premises.pages[page]) return;
    pagesInFlight.add(key);
    set((s) => ({ premises: { ...s.premises, loading: true } }));
    const r = await call(get().locale, (a) => a.wwwPremises({ ...premisesQuery(period, premises.filter), offset: page * PREMISES_PAGE, limit: PREMISES_PAGE }));
    pagesInFlight.delete(key);
    const now = get().premises;
    if (now.gen !== gen) return;
    const stillLoading = [...pagesInFlight].some((k) => k.startsWith(`${gen}:`));
    if (!r.ok) {
      set({ premises: { ...now, loading: stillLoading, total: now.total ?? 0 } });
      failed(r.error);
      return;
    }
    set({ premises: { ...now, loading: stillLoading, total: r.value.total, buildings: r.value.buildings, pages: { ...now.pages, [page]: r.value.rows } } });
  };

  return {
    phase: 'loading',
    session: null,
    status: null,
    locale: 'pl',
    localeChosen: false,
    organisationName: null,
    tab: 'www',
    error: null,
    authError: null,
    authBusy: false,
    period: null,
    job: null,
    lastCheck: null,
    lastSend: null,
    wwwMode: 'all',
    asOf: null,
    asOfInvalid: false,
    premises: EMPTY_PREMISES,
    ticked: new Set<string>(),
    tickBusy: false,
    runs: [],
    runsState: 'idle',
    selectedRunId: null,
    selectedRun: null,
    reportBusy: false,
    report: null,
    audit: [],
    auditState: 'idle',
    auditPdfBusy: false,
    auditPdf: null,
    profiles: [],
    profilesState: 'idle',
    profileTests: {},
    operators: [],
    operatorsState: 'idle',

    async init() {
      const a = api();
      if (a && !subscribed) {
        subscribed = true;
        a.onJobProgress((e) => get().jobProgressed(e));
        a.onJobFinished((e) => get().jobFinished(e));
      }
      await get().checkSession();
    },

    async checkSession() {
      const r = await call(get().locale, (a) => a.sessionStatus({}));
      if (!r.ok) {
        set({ error: r.error, phase: 'failed' });
        return;
      }
      await applySession(r.value);
    },

    async signIn(name, password) {
      if (get().authBusy) return false;
      set({ authBusy: true, authError: null });
      const r = await call(get().locale, (a) => a.signIn({ name, password }));
      set({ authBusy: false });
      if (!r.ok) {
        set({ authError: r.error });
        return false;
      }
      await applySession(r.value);
      return true;
    },

    async setupAdmin(req) {
      if (get().authBusy) return false;
      set({ authBusy: true, authError: null });
      const r = await call(get().locale, (a) => a.setupAdmin({ name: req.name, displayName: req.displayName, password: req.password }));
      set({ authBusy: false });
      if (!r.ok) {
        set({ authError: r.error });
        return false;
      }
      await applySession(r.value);
      return true;
    },

    async signOut() {
      early.clear();
      const r = await call(get().locale, (a) => a.signOut({}));
      // Whatever main answered, nothing of this operator stays on screen.
      set({ ...SIGNED_OUT, authError: null, localeChosen: false, phase: 'signIn' });
      if (!r.ok) {
        set({ error: r.error });
        await get().checkSession();
        return;
      }
      await applySession(r.value);
    },

    async loadStatus() {
      const r = await call(get().locale, (a) => a.appStatus({}));
      if (!r.ok) {
        if (r.error.code === 'SAL-6004') {
          await get().checkSession();
          return;
        }
        set({ error: r.error, phase: get().status ? 'ready' : 'failed' });
        return;
      }
      const status = r.value;
      const period = get().period && status.periods.includes(get().period!) ? get().period : (status.periods[0] ?? null);
      const tabs = visibleTabs(status.operator.permissions);
      set({ status, locale: status.locale, period, phase: 'ready', organisationName: status.organisation.name, tab: tabs.includes(get().tab) ? get().tab : 'www' });
      if (hasPermission(status, 'journal.read') && get().runsState === 'idle') void get().loadJournal();
    },

    async setLocale(locale) {
      if (locale === get().locale) return;
      if (get().phase !== 'ready') {
        // Nobody is signed in yet, and main saves the language only for an operator: keep it here.
        set({ locale, localeChosen: true });
        return;
      }
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
      const st = get().status;
      if (tab === 'journal' && hasPermission(st, 'journal.read')) void get().loadJournal();
      if (tab === 'audit' && hasPermission(st, 'audit.read')) void get().loadAudit();
      if (tab === 'settings') {
        if (hasPermission(st, 'settings.manage')) void get().loadProfiles();
        if (hasPermission(st, 'operators.manage')) void get().loadOperators();
      }
    },

    dismissError() {
      set({ error: null });
    },

    choosePeriod(period) {
      if (period === get().period) return;
      // Ticks and the as-of date belong to the month they were chosen for.
      set((s) => ({ period, asOf: null, asOfInvalid: false, ticked: new Set<string>(), premises: { ...EMPTY_PREMISES, filter: s.premises.filter, gen: ++premisesGen } }));
    },

    async startSourceCheck() {
      const { period, job } = get();
      if (!period || job) return;
      await startJob('source.check', period, undefined, (a) => a.sourceCheck({ period }));
    },

    setWwwMode(mode) {
      set({ wwwMode: mode });
    },

    setAsOf(date, invalid = false) {
      set({ asOf: date, asOfInvalid: invalid });
    },

    async loadPremises() {
      const period = get().period;
      if (!period) return;
      set((s) => ({ premises: { ...s.premises, period, gen: ++premisesGen, total: null, pages: {}, loading: true } }));
      await fetchPremisesPage(0);
    },

    async setPremisesFilter(change) {
      set((s) => ({ premises: { ...s.premises, filter: { ...s.premises.filter, ...change } } }));
      await get().loadPremises();
    },

    async ensurePremisesRows(first, last) {
      const { total, pages } = get().premises;
      if (total === null || total === 0) return;
      const from = Math.max(0, Math.floor(first / PREMISES_PAGE));
      const to = Math.min(Math.floor((total - 1) / PREMISES_PAGE), Math.floor(last / PREMISES_PAGE));
      const wanted: Promise<void>[] = [];
      for (let p = from; p <= to; p++) if (!pages[p]) wanted.push(fetchPremisesPage(p));
      await Promise.all(wanted);
    },

    toggleTick(account) {
      if (!account) return;
      set((s) => {
        const next = new Set(s.ticked);
        if (next.has(account)) next.delete(account);
        else next.add(account);
        return { ticked: next };
      });
    },

    clearTicks() {
      set({ ticked: new Set<string>() });
    },

    async tickAllShown() {
      const { premises, period, tickBusy } = get();
      if (!period || premises.period !== period || premises.total === null || tickBusy) return;
      const gen = premises.gen;
      const total = premises.total;
      const found: string[] = [];
      const loaded = Object.values(premises.pages).reduce((n, rows) => n + rows.length, 0);
      if (loaded >= total) {
        for (const rows of Object.values(premises.pages)) for (const row of rows) if (tickable(row)) found.push(row.account);
      } else {
        set({ tickBusy: true });
        for (let offset = 0; offset < total; offset += PREMISES_BULK) {
          const r = await call(get().locale, (a) => a.wwwPremises({ ...premisesQuery(period, premises.filter), offset, limit: PREMISES_BULK }));
          if (get().premises.gen !== gen) {
            set({ tickBusy: false });
            return;
          }
          if (!r.ok) {
            set({ tickBusy: false });
            failed(r.error);
            return;
          }
          for (const row of r.value.rows) if (tickable(row)) found.push(row.account);
          if (r.value.rows.length < PREMISES_BULK) break;
        }
      }
      set((s) => ({ tickBusy: false, ticked: new Set([...s.ticked, ...found]) }));
    },

    async startWwwSend(opts = {}) {
      const { period, job, wwwMode, ticked, asOf, asOfInvalid, status } = get();
      if (!period || job || asOfInvalid) return;
      if (!opts.dryRun && !hasPermission(status, 'exchange.run')) return;
      if (wwwMode === 'selected' && ticked.size === 0) return;
      const request: WwwSendRequest = {
        period,
        mode: wwwMode,
        asOf: asOf ?? lastDayOfPeriod(period),
        ...(opts.categories?.length ? { categories: [...opts.categories] } : {}),
        ...(wwwMode === 'selected' ? { accounts: [...ticked] } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
      };
      await startJob('www.send', period, request, (a) => a.wwwSend(request));
    },

    async confirmStoppedSend() {
      const { lastSend, job, status } = get();
      if (!lastSend || lastSend.status !== 'stopped' || job) return;
      if (!lastSend.request.dryRun && !hasPermission(status, 'exchange.run')) return;
      const request: WwwSendRequest = { ...lastSend.request, confirmDrop: true };
      await startJob('www.send', request.period, request, (a) => a.wwwSend(request));
    },

    async sendNotice(req) {
      const r = await call(get().locale, (a) => a.wwwNotice(req));
      if (!r.ok && r.error.code === 'SAL-6004') failed(r.error);
      if (hasPermission(get().status, 'journal.read')) void get().loadJournal();
      return r;
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
      if (!job || !early.owns(job, e, 'progress')) return;
      const phases = job.phases[job.phases.length - 1] === e.phase ? job.phases : [...job.phases, e.phase];
      set({ job: { ...job, progress: e, phases } });
    },

    jobFinished(e) {
      const job = get().job;
      if (!job || !early.owns(job, e, 'finished')) return;
      if (e.channel === 'www.send' && job.request) {
        const result = e.result ? (e.result as WwwSendSummary) : null;
        // A problem of the whole send is shown in its summary, not in the banner as well.
        set({ job: null, lastSend: { request: job.request, status: e.status, result, error: e.error ?? null, progress: job.progress, phases: job.phases } });
        // What was delivered changes the grid's "changed" marks.
        if (!job.request.dryRun && get().premises.period === job.period) void get().loadPremises();
      } else {
        const result = e.channel === 'source.check' && e.result ? (e.result as SourceCheckResult) : null;
        set({
          job: null,
          lastCheck: { period: job.period, status: e.status, result, error: e.error ?? null, progress: job.progress },
          error: e.error ?? get().error,
        });
      }
      if (hasPermission(get().status, 'journal.read')) void get().loadJournal();
    },

    async loadJournal() {
      set({ runsState: 'loading' });
      const r = await call(get().locale, (a) => a.journalList({ limit: 500 }));
      if (!r.ok) {
        set({ runsState: 'loaded' });
        failed(r.error);
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

    async printReport(runId, kind = 'run-summary') {
      if (get().reportBusy) return;
      set({ reportBusy: true, report: null });
      const r = await call(get().locale, (a) => a.reportPrint({ kind, runId }));
      if (!r.ok) set({ reportBusy: false, error: r.error });
      else set({ reportBusy: false, report: { runId, kind, action: 'print', printed: r.value.printed, file: r.value.file } });
    },

    async savePdf(runId, kind = 'run-summary') {
      if (get().reportBusy) return;
      set({ reportBusy: true, report: null });
      const r = await call(get().locale, (a) => a.reportPdf({ kind, runId }));
      if (!r.ok) set({ reportBusy: false, error: r.error });
      else {
        const f: ReportFile = r.value;
        set({ reportBusy: false, report: { runId, kind, action: 'pdf', file: f.file, bytes: f.bytes } });
      }
    },

    async loadAudit() {
      const audit = await loadList('auditState', (a) => a.auditList({ limit: AUDIT_LIMIT }));
      if (audit) set({ audit: [...audit].sort((x, y) => (x.at === y.at ? y.id - x.id : x.at < y.at ? 1 : -1)), auditState: 'loaded' });
    },

    async saveAuditPdf() {
      if (get().auditPdfBusy) return;
      set({ auditPdfBusy: true, auditPdf: null });
      const r = await call(get().locale, (a) => a.auditPdf({ limit: AUDIT_LIMIT }));
      if (!r.ok) {
        set({ auditPdfBusy: false });
        failed(r.error);
        return;
      }
      set({ auditPdfBusy: false, auditPdf: r.value });
      // saving is itself audited: show the new entry
      void get().loadAudit();
    },

    async loadProfiles() {
      const profiles = await loadList('profilesState', (a) => a.profilesList({}));
      if (profiles) set({ profiles, profilesState: 'loaded' });
    },

    async testProfile(name) {
      if (get().profileTests[name]?.busy) return;
      set((s) => ({ profileTests: { ...s.profileTests, [name]: { busy: true, result: null, error: null } } }));
      const r = await call(get().locale, (a) => a.profilesTest({ name }));
      set((s) => ({
        profileTests: { ...s.profileTests, [name]: r.ok ? { busy: false, result: r.value, error: null } : { busy: false, result: null, error: r.error } },
      }));
      if (!r.ok && r.error.code === 'SAL-6004') failed(r.error);
    },

    async saveSecret(name, value) {
      const r = await call(get().locale, (a) => a.secretsSet({ name, value }));
      if (!r.ok) {
        if (r.error.code === 'SAL-6004') failed(r.error);
        return r.error;
      }
      await get().loadProfiles();
      return null;
    },

    async loadOperators() {
      const operators = await loadList('operatorsState', (a) => a.operatorsList({}));
      if (operators) set({ operators, operatorsState: 'loaded' });
    },

    async saveOperator(change) {
      const r = await call(get().locale, (a) => a.operatorsSave(change));
      if (!r.ok) {
        if (r.error.code === 'SAL-6004') failed(r.error);
        return r.error;
      }
      const saved = r.value;
      set((s) => ({
        operators: s.operators.some((o) => o.name === saved.name)
          ? s.operators.map((o) => (o.name === saved.name ? saved : o))
          : [...s.operators, saved].sort((a, b) => a.name.localeCompare(b.name)),
      }));
      // Changing oneself (a name, a role) changes what this window may show.
      if (saved.name === get().session?.operator?.name) await get().checkSession();
      return null;
    },
  };
});
