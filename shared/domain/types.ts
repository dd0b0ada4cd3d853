// Domain types shared by main, preload and renderer. No runtime dependency on node or electron.

export const LOCALES = ['pl', 'uk', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** DESIGN.md §5: the one run status list. */
export const RUN_STATUSES = ['running', 'completed', 'stopped', 'cancelled', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** CLI exit codes by final run status (DESIGN.md §5). 2 is bad usage. */
export const EXIT_CODES = { completed: 0, failed: 1, usage: 2, stopped: 3, cancelled: 4 } as const;

/** DESIGN.md §4 category keys (CLI --categories, JSON, IPC). */
export const CATEGORY_KEYS = [
  'accounts',
  'services',
  'providers',
  'residents',
  'beneficiaries',
  'balances',
  'charges',
  'meters',
  'notices',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

export const ROLES = ['administrator', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type Severity = 'error' | 'review' | 'warning';

/** The one error shape everywhere (IPC, CLI JSON, journal, reports). DESIGN.md §5. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  hint: string;
  key?: string;
  file?: string;
  line?: number;
}

/** Result of any call that can fail: errors travel as values, never as thrown strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem };

export interface RunCounts {
  [name: string]: number;
}

/** One row of the run journal. Money totals are decimal strings, never floats. */
export interface RunRecord {
  id: number;
  started: string; // ISO 8601 with offset (UTC, 'Z')
  finished: string | null;
  operator: string;
  kind: string;
  period: string | null;
  mode: string | null;
  status: RunStatus;
  counts: RunCounts;
  durationMs: number | null;
  totals: Record<string, string>;
  problems: Problem[];
}

export interface JobProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number;
  errors: number;
}
