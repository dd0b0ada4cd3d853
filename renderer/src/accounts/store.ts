// The portal accounts section's store (part A: registrations and activation letters): the only code
// of the section that talks to `window.saldo`. Every call answers a Result; a failure becomes a
// Problem shown where the operator acted. The list is asked again after a sync finishes, and a
// query counter keeps an older answer from replacing a newer one.

import { create } from 'zustand';
import type { Locale, Problem, Result } from '../../../shared/domain/types';
import { problem } from '../../../shared/errors/problem';
import type { AccountsCreateRequest, PortalAccountsSummary, RegistrationsPage, RegistrationsSyncSummary } from '../../../shared/ipc/contract-accounts';
import type { JobFinished, SaldoApi } from '../../../shared/ipc/contract';
import { useSaldo } from '../store';

export const PAGE = 200;
export type EventFilter = 'all' | 'registered' | 'unregistered';

interface Job<T> {
  jobId: string | null;
  result: T | null;
  error: Problem | null;
}

export interface AccountsState {
  search: string;
  event: EventFilter;
  page: RegistrationsPage | null;
  loading: boolean;
  listProblem: Problem | null;
  sync: Job<RegistrationsSyncSummary> | null;
  create: Job<PortalAccountsSummary> | null;
  setSearch(v: string): void;
  setEvent(v: EventFilter): void;
  load(): Promise<void>;
  startSync(): Promise<void>;
  startCreate(req: AccountsCreateRequest): Promise<void>;
  jobFinished(e: JobFinished): void;
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

let subscribed = false;
let gen = 0;
/** A job's end that arrived before main's answer gave us its id. */
const early = new Map<string, JobFinished>();

export const useAccounts = create<AccountsState>()((set, get) => {
  const subscribe = () => {
    const a = api();
    if (!a || subscribed) return;
    subscribed = true;
    a.onJobFinished((e) => get().jobFinished(e));
  };

  return {
    search: '',
    event: 'all',
    page: null,
    loading: false,
    listProblem: null,
    sync: null,
    create: null,

    setSearch(v) {
      set({ search: v });
      void get().load();
    },
    setEvent(v) {
      set({ event: v });
      void get().load();
    },

    async load() {
      subscribe();
      const my = ++gen;
      set({ loading: true });
      const { search, event } = get();
      const q = search.trim();
      const r = await call((a) => a.accountsRegistrations({ ...(q ? { search: q.slice(0, 200) } : {}), ...(event !== 'all' ? { event } : {}), limit: PAGE }));
      if (my !== gen) return;
      set(r.ok ? { page: r.value, loading: false, listProblem: null } : { loading: false, listProblem: r.error });
    },

    async startSync() {
      subscribe();
      if (get().sync && !get().sync!.result && !get().sync!.error) return;
      set({ sync: { jobId: null, result: null, error: null } });
      const r = await call((a) => a.accountsRegistrationsSync({}));
      if (!r.ok) return set({ sync: { jobId: null, result: null, error: r.error } });
      set({ sync: { jobId: r.value.jobId, result: null, error: null } });
      const done = early.get(r.value.jobId);
      if (done) get().jobFinished(done);
    },

    async startCreate(req) {
      subscribe();
      if (get().create && !get().create!.result && !get().create!.error) return;
      set({ create: { jobId: null, result: null, error: null } });
      const r = await call((a) => a.accountsCreate(req));
      if (!r.ok) return set({ create: { jobId: null, result: null, error: r.error } });
      set({ create: { jobId: r.value.jobId, result: null, error: null } });
      const done = early.get(r.value.jobId);
      if (done) get().jobFinished(done);
    },

    jobFinished(e) {
      const { sync, create } = get();
      if (e.channel === 'accounts.registrationsSync') {
        if (!sync || (sync.jobId !== null && sync.jobId !== e.jobId)) return;
        if (sync.jobId === null) return void early.set(e.jobId, e);
        const result = (e.result as RegistrationsSyncSummary | undefined) ?? null;
        set({ sync: { jobId: e.jobId, result, error: result ? null : (e.error ?? null) } });
        void get().load();
      } else if (e.channel === 'accounts.create') {
        if (!create || (create.jobId !== null && create.jobId !== e.jobId)) return;
        if (create.jobId === null) return void early.set(e.jobId, e);
        const result = (e.result as PortalAccountsSummary | undefined) ?? null;
        set({ create: { jobId: e.jobId, result, error: result ? null : (e.error ?? null) } });
      }
    },
  };
});
