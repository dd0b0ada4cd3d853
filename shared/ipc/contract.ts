// The one IPC contract (GitHub Desktop style): every channel's request schema, the permission it
// needs, and its response type, in one place used by main, preload and renderer. Main validates
// every request against these schemas in the dispatcher; the renderer only uses the types.

import { z } from 'zod';
import type { Operator, Permission } from '../domain/permissions';
import type { JobProgress, Locale, Problem, Result, RunRecord, RunStatus } from '../domain/types';
import { LOCALES } from '../domain/types';
import { PERMISSIONS } from '../domain/permissions';
import type { AuditEntryView, ConnectionTest, OperatorView, ProfileView } from './views';

import { accountNo, displayName, isoDate, operatorName, password, period, profileName, reportKind, role, runId, secretName, SENT } from './atoms';
import { READINGS_API_METHODS, READINGS_CALLS, READINGS_JOBS, type ReadingsCallResponses, type ReadingsJobResults } from './contract-readings';
import { BANK_API_METHODS, BANK_CALLS, BANK_JOBS, type BankCallResponses, type BankJobResults } from './contract-bank';
import { ACCOUNTS_API_METHODS, ACCOUNTS_CALLS, ACCOUNTS_JOBS, type AccountsCallResponses, type AccountsJobResults } from './contract-accounts';

/**
 * Channels that answer at once. `permission: null` needs a signed-in operator but no particular
 * right; `public: true` channels (the session's own) need no operator at all.
 */
export const CALLS = {
  'session.status': { request: z.object({}).strict(), permission: null, public: true },
  'session.signIn': { request: z.object({ name: z.string().min(1).max(64), password }).strict(), permission: null, public: true },
  'session.signOut': { request: z.object({}).strict(), permission: null, public: true },
  /** First start: create the first administrator, or give the demo's administrator a password. */
  'session.setupAdmin': { request: z.object({ name: operatorName, displayName, password }).strict(), permission: null, public: true },
  'app.status': { request: z.object({}).strict(), permission: null },
  'operators.list': { request: z.object({}).strict(), permission: 'operators.manage' },
  'operators.save': {
    request: z
      .object({ name: operatorName, displayName, role, grants: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length), password: password.optional(), disabled: z.boolean().optional() })
      .strict(),
    permission: 'operators.manage',
  },
  'audit.list': { request: z.object({ limit: z.number().int().min(1).max(100_000).optional() }).strict(), permission: 'audit.read' },
  'audit.pdf': { request: z.object({ limit: z.number().int().min(1).max(100_000).optional() }).strict(), permission: 'audit.read' },
  'profiles.list': { request: z.object({}).strict(), permission: 'settings.manage' },
  'profiles.test': { request: z.object({ name: profileName }).strict(), permission: 'settings.manage' },
  'links.open': { request: z.object({ url: z.string().min(1).max(2048) }).strict(), permission: null },
  'www.notice': {
    request: z
      .object({
        audience: z.discriminatedUnion('kind', [
          z.object({ kind: z.enum(['members', 'others', 'all']) }).strict(),
          z.object({ kind: z.literal('accounts'), accounts: z.array(accountNo).min(1).max(200_000) }).strict(),
        ]),
        title: z.string().trim().min(1).max(200),
        body: z.string().trim().min(1).max(20_000),
        period: period.optional(),
      })
      .strict(),
    permission: 'exchange.run',
  },
  'www.premises': {
    request: z
      .object({
        period,
        building: z.string().max(32).optional(),
        group: z.enum(['member', 'other']).optional(),
        portalEnabled: z.boolean().optional(),
        changedOnly: z.boolean().optional(),
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    permission: 'source.read',
  },
  'secrets.list': { request: z.object({}).strict(), permission: 'settings.manage' },
  'secrets.set': { request: z.object({ name: secretName, value: z.string().min(1).max(4096) }).strict(), permission: 'settings.manage' },
  'secrets.delete': { request: z.object({ name: secretName }).strict(), permission: 'settings.manage' },
  'settings.setLocale': { request: z.object({ locale: z.enum(LOCALES) }).strict(), permission: null },
  'journal.list': { request: z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(), permission: 'journal.read' },
  'journal.get': { request: z.object({ runId }).strict(), permission: 'journal.read' },
  'report.pdf': { request: z.object({ kind: reportKind, runId }).strict(), permission: 'reports.print' },
  'report.print': { request: z.object({ kind: reportKind, runId }).strict(), permission: 'reports.print' },
  'job.cancel': { request: z.object({ jobId: z.string().regex(/^job-\d+$/) }).strict(), permission: null },
  ...READINGS_CALLS,
  ...BANK_CALLS,
  ...ACCOUNTS_CALLS,
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null; public?: boolean }>;

/** Channels that start a long job: they answer {jobId} at once, then send job.progress and job.finished events. */
export const JOBS = {
  'source.check': { request: z.object({ period }).strict(), permission: 'source.read' },
  'cycle.run': { request: z.object({ period }).strict(), permission: 'source.read' },
  /** A dry run (preview) needs source.read; a real send checks exchange.run in the service. */
  'www.send': {
    request: z
      .object({
        period,
        mode: z.enum(['all', 'selected', 'changed']),
        categories: z.array(z.enum(SENT)).min(1).max(SENT.length).optional(),
        accounts: z.array(accountNo).max(200_000).optional(),
        asOf: isoDate.optional(),
        dryRun: z.boolean().optional(),
        confirmDrop: z.boolean().optional(),
      })
      .strict(),
    permission: 'source.read',
  },
  ...READINGS_JOBS,
  ...BANK_JOBS,
  ...ACCOUNTS_JOBS,
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

export type CallChannel = keyof typeof CALLS;
export type JobChannel = keyof typeof JOBS;
export type Channel = CallChannel | JobChannel;

export interface AppStatus {
  version: string;
  locale: Locale;
  organisation: { name: string; address?: string; taxId?: string };
  operator: Operator & { permissions: Permission[] };
  accounting: {
    kind: 'sqlite' | 'mssql';
    label: string;
    connected: boolean;
    problem?: Problem;
    /** The start-up least-privilege check: rights the login has that the exchange does not need. */
    warnings?: Problem[];
  };
  portal: { transport: 'folder' | 'https'; label: string; connected: boolean; problem?: Problem };
  /** Periods the accounting source has data for, newest first. */
  periods: string[];
}

export interface ReportFile {
  file: string;
  bytes: number;
}

export interface SessionStatus {
  /** Shown on the sign-in screen: the organisation is not a secret, the rest of the status is. */
  organisation: string;
  signedIn: boolean;
  /** No operator can sign in yet: the window shows the administrator set-up. */
  needsSetup: boolean;
  operator?: Operator & { permissions: Permission[] };
  locale: Locale;
}

export interface CallResponses extends ReadingsCallResponses, BankCallResponses, AccountsCallResponses {
  'session.status': SessionStatus;
  'session.signIn': SessionStatus;
  'session.signOut': SessionStatus;
  'session.setupAdmin': SessionStatus;
  'app.status': AppStatus;
  'operators.list': OperatorView[];
  'operators.save': OperatorView;
  'audit.list': AuditEntryView[];
  'audit.pdf': ReportFile;
  'profiles.list': ProfileView[];
  'profiles.test': ConnectionTest;
  'links.open': { opened: boolean };
  'www.notice': { runId: number; status: RunStatus; recipients: number };
  'www.premises': PremisesPage;
  'secrets.list': Array<{ name: string; source: 'env' | 'store' }>;
  'secrets.set': { name: string };
  'secrets.delete': { deleted: boolean };
  'settings.setLocale': { locale: Locale };
  'journal.list': RunRecord[];
  'journal.get': RunRecord;
  'report.pdf': ReportFile;
  'report.print': { printed: boolean; file?: string };
  'job.cancel': { cancelled: boolean };
}

export interface SourceCheckResult {
  runId: number;
  status: RunStatus;
  counts: Record<string, number>;
  totals: Record<string, string>;
  problems: number;
}

export interface JobResults extends ReadingsJobResults, BankJobResults, AccountsJobResults {
  'source.check': SourceCheckResult;
  'cycle.run': SourceCheckResult;
  'www.send': WwwSendSummary;
}

export interface WwwCategoryResult {
  sent: number;
  new: number;
  changed: number;
  unchanged: number;
  skipped: number;
  notInBilling: number;
  rejected: number;
  errors: Problem[];
}

/** The stable --json shape of `saldo www send` (and the window's result). */
export interface WwwSendSummary {
  runId: number;
  status: RunStatus;
  period: string;
  mode: 'all' | 'selected' | 'changed';
  dryRun: boolean;
  categories: Partial<Record<(typeof SENT)[number], WwwCategoryResult>>;
  errors: Problem[];
}

export interface PremisesRow {
  account: string;
  building: string;
  address: string;
  unit: string | null;
  kind: 'residential' | 'commercial';
  group: 'member' | 'other';
  portalEnabled: boolean;
  status: 'active' | 'closed';
  /** Its account record differs from what was last delivered for the period (or was never delivered). */
  changed: boolean;
  /** The code of the error that keeps it from being sent, if any. */
  error: string | null;
}

export interface PremisesPage {
  total: number;
  offset: number;
  rows: PremisesRow[];
  buildings: string[];
}

export interface JobStarted {
  jobId: string;
}

export interface JobFinished {
  jobId: string;
  channel: JobChannel;
  status: RunStatus;
  result?: unknown;
  error?: Problem;
}

export interface Events {
  'job.progress': JobProgress;
  'job.finished': JobFinished;
}
export type EventName = keyof Events;

export type Request<C extends Channel> = C extends CallChannel
  ? z.input<(typeof CALLS)[C]['request']>
  : C extends JobChannel
    ? z.input<(typeof JOBS)[C]['request']>
    : never;

export type Response<C extends Channel> = C extends CallChannel ? CallResponses[C] : JobStarted;

export type Answer<C extends Channel> = Result<Response<C>>;

/**
 * The preload's API: one named function per channel (never a generic invoke), plus event
 * subscriptions. `API_METHODS` maps each function to its channel; preload/index.ts writes each
 * function out by hand and a test checks it matches this map.
 */
export const API_METHODS = {
  sessionStatus: 'session.status',
  signIn: 'session.signIn',
  signOut: 'session.signOut',
  setupAdmin: 'session.setupAdmin',
  appStatus: 'app.status',
  operatorsList: 'operators.list',
  operatorsSave: 'operators.save',
  auditList: 'audit.list',
  auditPdf: 'audit.pdf',
  profilesList: 'profiles.list',
  profilesTest: 'profiles.test',
  openLink: 'links.open',
  secretsList: 'secrets.list',
  secretsSet: 'secrets.set',
  secretsDelete: 'secrets.delete',
  setLocale: 'settings.setLocale',
  journalList: 'journal.list',
  journalGet: 'journal.get',
  reportPdf: 'report.pdf',
  reportPrint: 'report.print',
  jobCancel: 'job.cancel',
  sourceCheck: 'source.check',
  cycleRun: 'cycle.run',
  wwwSend: 'www.send',
  wwwNotice: 'www.notice',
  wwwPremises: 'www.premises',
  ...READINGS_API_METHODS,
  ...BANK_API_METHODS,
  ...ACCOUNTS_API_METHODS,
} as const satisfies Record<string, Channel>;

export type SaldoApi = {
  [M in keyof typeof API_METHODS]: (req: Request<(typeof API_METHODS)[M]>) => Promise<Answer<(typeof API_METHODS)[M]>>;
} & {
  onJobProgress(cb: (e: JobProgress) => void): () => void;
  onJobFinished(cb: (e: JobFinished) => void): () => void;
};

export const EVENT_CHANNELS: EventName[] = ['job.progress', 'job.finished'];
