// The portal accounts feature's IPC channels (portal accounts, registrations, portal payments,
// collected funds), merged into the one contract (shared/ipc/contract.ts).
// Part A (portal accounts with activation letters, registrations) and part B (portal payments,
// collected funds) keep their entries in their own blocks.

import { z } from 'zod';
import type { Permission } from '../domain/permissions';
import type { Locale, Problem, RunStatus } from '../domain/types';
import { LOCALES } from '../domain/types';
import { accountNo, period, runId } from './atoms';

// ---- Part A: portal accounts (activation letters) and registrations ----

const noControlA = /^[^\p{Cc}]*$/u;

/** Portal accounts to create: a building, chosen accounts, or (neither) every eligible premises. */
export const accountsCreateRequest = z
  .object({
    building: z.string().trim().min(1).max(32).regex(noControlA, 'no control characters').optional(),
    accounts: z.array(accountNo).min(1).max(10_000).optional(),
    /** Issue a new code although the premises has a live one (the old code stops working). */
    reissue: z.boolean().optional(),
    /** The letters' language (default: the workspace's, the residents' language). */
    language: z.enum(LOCALES).optional(),
  })
  .strict()
  .refine((r) => !(r.building !== undefined && r.accounts !== undefined), 'a building or accounts, not both');
export type AccountsCreateRequest = z.infer<typeof accountsCreateRequest>;

export const REGISTRATION_EVENTS = ['registered', 'unregistered'] as const;
export const REGISTRATION_OUTCOMES = ['inserted', 'already', 'deleted', 'absent', 'rejected'] as const;
export type RegistrationOutcome = (typeof REGISTRATION_OUTCOMES)[number];

const PART_A_CALLS = {
  /** The registration events Saldo processed, newest first: who registered when (email masked). */
  'accounts.registrations': {
    request: z
      .object({
        search: z.string().max(200).regex(noControlA, 'no control characters').optional(),
        event: z.enum(REGISTRATION_EVENTS).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    permission: 'source.read',
  },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

const PART_A_JOBS = {
  /** Generates activation codes, sends their hashes to the portal, writes the letters PDF. */
  'accounts.create': { request: accountsCreateRequest, permission: 'exchange.run' },
  /** Fetches the registrations feed and keeps accounting's registered_accounts in step. */
  'accounts.registrationsSync': { request: z.object({}).strict(), permission: 'exchange.run' },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** `saldo portal accounts create --json` and the window's result: counts and the file, never a code. */
export interface PortalAccountsSummary {
  runId: number;
  status: RunStatus;
  /** Premises the selection named (or every portal-enabled one). */
  selected: number;
  /** Codes the portal accepted and the letters PDF holds. */
  issued: number;
  /** Of `issued`, codes that replace a live earlier one (--reissue). */
  reissued: number;
  /** Premises left out: already registered, a live code (without reissue), not portal-enabled, closed or unknown. */
  skipped: { registered: number; live: number; notEligible: number };
  /** Accounts the portal refused (no code for them was printed). */
  rejected: number;
  /** The letters PDF (absolute path), or null when none was written. */
  file: string | null;
  language: Locale;
  errors: Problem[];
}

/** `saldo portal registrations sync --json` and the window's result. */
export interface RegistrationsSyncSummary {
  runId: number;
  status: RunStatus;
  /** Feed items read (new ones; items processed before are counted in `repeated`). */
  read: number;
  repeated: number;
  inserted: number;
  already: number;
  deleted: number;
  absent: number;
  rejected: number;
  acknowledged: number;
  /** Acknowledgements still owed to the portal (sent by the next sync). */
  pendingAcks: number;
  errors: Problem[];
}

/** One registration event as the window lists it. */
export interface RegistrationView {
  id: number;
  /** When the resident did it on the portal (ISO 8601, UTC). */
  at: string;
  event: (typeof REGISTRATION_EVENTS)[number];
  accountNo: string;
  person: string;
  /** Masked: "j•••@example.pl". */
  email: string;
  outcome: RegistrationOutcome;
  code: string | null;
  runId: number;
  processedAt: string;
}

export interface RegistrationsPage {
  rows: RegistrationView[];
  total: number;
  /** Accounts registered now, as far as Saldo's processed events tell (registered and not unregistered since). */
  registeredNow: number;
}

interface PartACallResponses {
  'accounts.registrations': RegistrationsPage;
}

interface PartAJobResults {
  'accounts.create': PortalAccountsSummary;
  'accounts.registrationsSync': RegistrationsSyncSummary;
}

const PART_A_API_METHODS = {
  accountsCreate: 'accounts.create',
  accountsRegistrationsSync: 'accounts.registrationsSync',
  accountsRegistrations: 'accounts.registrations',
} as const;

// ---- Part B: portal payments and collected funds ----

/** booked: in accounting (written now or found booked); rejected: not booked, with its code; duplicate: its id came again. */
export const PAYMENT_OUTCOMES = ['booked', 'rejected', 'duplicate'] as const;
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];

const noControlB = /^[^\p{Cc}]*$/u;

const PART_B_CALLS = {
  /** Portal payments Saldo processed, newest first; by default all, or those of one outcome or run. */
  'accounts.payments': {
    request: z
      .object({
        outcome: z.enum(PAYMENT_OUTCOMES).optional(),
        runId: runId.optional(),
        search: z.string().max(200).regex(noControlB, 'no control characters').optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    permission: 'source.read',
  },
  /** The CSV export of a collected-funds run, saved in the workspace's reports folder. */
  'accounts.fundsCsv': { request: z.object({ runId }).strict(), permission: 'reports.print' },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

const PART_B_JOBS = {
  /** Fetches the payments feed, books the payments in accounting, acknowledges each to the portal. */
  'accounts.paymentsImport': { request: z.object({}).strict(), permission: 'exchange.run' },
  /** Collected funds by provider for a month: a journaled run (kind funds) the report prints from. */
  'accounts.funds': { request: z.object({ period }).strict(), permission: 'source.read' },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** One portal payment as Saldo processed it (amounts as decimal strings, "123.45"). */
export interface PortalPaymentView {
  id: string;
  accountNo: string;
  amount: string;
  currency: string;
  /** As the portal sent it (ISO 8601 with offset). */
  paidAt: string;
  /** The local calendar day (the premises' time zone) and its month. */
  paidOn: string;
  period: string;
  reference: string;
  outcome: PaymentOutcome;
  /** When booked: accounting's answer (written now, or already booked by an earlier attempt). */
  written: 'written' | 'already' | null;
  code: string | null;
  problem: Problem | null;
  runId: number;
  processedAt: string;
  /** Whether the portal has its acknowledgement (repeats: the first payment's). */
  ack: 'pending' | 'sent';
}

export interface PortalPaymentsPage {
  rows: PortalPaymentView[];
  total: number;
}

/** `saldo portal payments import --json` and the window's result. */
export interface PaymentsImportSummary {
  runId: number;
  status: RunStatus;
  currency: string;
  /** Feed items read in this run (repeats included). */
  read: number;
  /** Booked in accounting: written now, or found already booked (a retried page). */
  booked: number;
  written: number;
  already: number;
  rejected: number;
  /** Payment ids that came again (never booked twice). */
  duplicates: number;
  /** The sum of the payments booked in this run (decimal string). */
  bookedAmount: string;
  acknowledged: number;
  /** Acknowledgements still owed to the portal (sent by the next import). */
  pendingAcks: number;
  /** The payments of this run that could not be booked, with their code (at most 1,000; see notBookedTotal). */
  notBooked: PortalPaymentView[];
  notBookedTotal: number;
  errors: Problem[];
}

/** One line of the collected-funds report: a provider, or the overpayments line (amounts decimal strings). */
export interface FundsLine {
  kind: 'provider' | 'overpayment';
  providerCode: string | null;
  name: string | null;
  /** EDRPOU/OKPO or NIP. */
  taxCode: string | null;
  /** MFO or bank routing number. */
  bank: string | null;
  account: string | null;
  collected: string;
  /** Of `collected`: towards debts brought forward, and towards the month's charges. */
  debtPart: string;
  currentPart: string;
  /** The month's charges of the provider's services (all premises). */
  charged: string;
  /** Share of the collected total, percent with two decimals ("12.34"); the lines add up to "100.00". */
  shareOfTotal: string;
  /** Collected as a percentage of charged ("98.76"); null when nothing was charged. */
  shareOfCharges: string | null;
}

/** `saldo report funds --json` and the window's result. */
export interface FundsSummary {
  runId: number;
  status: RunStatus;
  period: string;
  /** The billed month the money was allocated to (the period, or the last billed month before it). */
  basis: string | null;
  currency: string;
  collected: string;
  portal: string;
  bank: string;
  overpayment: string;
  charged: string;
  premises: number;
  payments: number;
  lines: FundsLine[];
  errors: Problem[];
}

interface PartBCallResponses {
  'accounts.payments': PortalPaymentsPage;
  'accounts.fundsCsv': { file: string; bytes: number };
}

interface PartBJobResults {
  'accounts.paymentsImport': PaymentsImportSummary;
  'accounts.funds': FundsSummary;
}

const PART_B_API_METHODS = {
  accountsPaymentsImport: 'accounts.paymentsImport',
  accountsPayments: 'accounts.payments',
  accountsFunds: 'accounts.funds',
  accountsFundsCsv: 'accounts.fundsCsv',
} as const;

// ---- merged ----

export const ACCOUNTS_CALLS = { ...PART_A_CALLS, ...PART_B_CALLS } as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** Channels that start a long job (answer {jobId}, then job.progress and job.finished events). */
export const ACCOUNTS_JOBS = { ...PART_A_JOBS, ...PART_B_JOBS } as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

export interface AccountsCallResponses extends PartACallResponses, PartBCallResponses {}

export interface AccountsJobResults extends PartAJobResults, PartBJobResults {}

/** Preload function name → channel; preload/index.ts writes each out by hand. */
export const ACCOUNTS_API_METHODS = { ...PART_A_API_METHODS, ...PART_B_API_METHODS } as const;
