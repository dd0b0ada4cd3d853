// The bank feature's IPC channels, merged into the one contract (shared/ipc/contract.ts): request
// schemas with the permission each needs, response types, and the preload's function names.
// The shapes are the ones agreed in the bank API brief; the per-file summary also carries the
// fields of the issue's `saldo bank import --json` shape, so the window and scripts read one thing.

import { z } from 'zod';
import type { Permission } from '../domain/permissions';
import type { Problem, RunStatus } from '../domain/types';
import { accountNo, runId } from './atoms';

export const STATEMENT_FORMATS = ['mt940', 'mt942', 'camt.052', 'camt.053', 'camt.054', '1c', 'csv'] as const;
export type StatementFormatName = (typeof STATEMENT_FORMATS)[number];

/** The encodings the parsers decode (overriding detection). */
export const STATEMENT_ENCODINGS = ['utf-8', 'iso-8859-2', 'windows-1250', 'cp852', 'windows-1251', 'cp866'] as const;

export const BANK_ITEM_STATUSES = ['matched', 'suggested', 'unmatched', 'outgoing', 'fee'] as const;
export type BankItemStatus = (typeof BANK_ITEM_STATUSES)[number];
export const PREMISES_KINDS = ['residential', 'commercial'] as const;
export type BankPremisesKind = (typeof PREMISES_KINDS)[number];

/** 64 MiB of bytes is at most this many base64 characters (4 per 3 bytes, padded). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4;

const fileName = z
  .string()
  .min(1)
  .max(255)
  // A name only, never a path: the renderer has no paths, and a name ends up in reports and folders.
  .regex(/^[^\\/\p{Cc}:*?"<>|]+$/u, 'a file name without a path')
  .refine((s) => s !== '.' && s !== '..', 'a file name without a path');
const base64 = z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const itemKey = z.string().min(1).max(64).regex(/^\d+$/, 'an item key');
const note = z.string().trim().max(500).regex(/^[^\p{Cc}]*$/u, 'no control characters');
export const csvPresetName = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'a CSV mapping name');

export const BANK_CALLS = {
  'bank.statements': { request: z.object({ runId }).strict(), permission: 'bank.process' },
  'bank.items': {
    request: z
      .object({
        runId: runId.optional(),
        status: z.enum(BANK_ITEM_STATUSES).optional(),
        kind: z.enum(PREMISES_KINDS).optional(),
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    permission: 'bank.process',
  },
  /** Assign an unmatched item to a premises, or confirm a suggestion (accountNo = the suggested one). */
  'bank.assign': { request: z.object({ itemKey, accountNo, note: note.optional() }).strict(), permission: 'bank.process' },
  'bank.premises': {
    request: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).optional() }).strict(),
    permission: 'bank.process',
  },
  /** Write the output files (residential, commercial, unmatched) of the run's items. */
  'bank.write': { request: z.object({ runId }).strict(), permission: 'bank.process' },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** Channels that start a long job (answer {jobId}, then job.progress and job.finished events). */
export const BANK_JOBS = {
  'bank.import': {
    request: z
      .object({
        files: z.array(z.object({ fileName, content: base64 }).strict()).min(1).max(50),
        encoding: z.enum(STATEMENT_ENCODINGS).optional(),
        format: z.enum(STATEMENT_FORMATS).optional(),
        /** A CSV mapping by name: a preset or one saved in the settings (`bank.csvMappings`). */
        csvMapping: csvPresetName.optional(),
      })
      .strict(),
    permission: 'bank.process',
  },
} as const satisfies Record<string, { request: z.ZodType; permission: Permission | null }>;

/** A count of items and their sum (decimal string, e.g. "1234.56"). */
export interface CountAmount {
  count: number;
  amount: string;
}

/** One imported file in the import summary (`saldo bank import --json` files[]). */
export interface BankFileSummary {
  file: string;
  /** null when the format could not be told. */
  format: StatementFormatName | null;
  encoding: string | null;
  statements: number;
  entries: number;
  /** ok: every statement checked; mismatch: one did not add up (nothing booked); unavailable: no closing balance to check. */
  balanceCheck: 'ok' | 'mismatch' | 'unavailable';
  moneyIn: CountAmount;
  moneyOut: CountAmount;
  matched: Record<BankPremisesKind, CountAmount>;
  suggested: CountAmount;
  unmatched: CountAmount;
  /** Already processed (same content, or the same statements by bank references / id + account + number): nothing booked. */
  duplicate: boolean;
  /** Whether its items were stored (no error, no mismatch, not a duplicate). */
  booked: boolean;
  /** Every problem of the file, in the one error shape (errors, reviews and warnings). */
  errors: Problem[];
}

/**
 * Matched payments booked through the accounting exchange (saldo.json bank.deliver = accounting).
 * written: booked now; already: in accounting before (booked by an earlier delivery of the run, or
 * answered `already` by the exchange) — never booked twice; refused: not booked, one error each
 * (key = the bank reference, or statement#position) — the run's next delivery sends them again.
 */
export interface BankBooking {
  written: CountAmount;
  already: CountAmount;
  refused: CountAmount;
  errors: Problem[];
}

/** `bank.import`'s result and `saldo bank import --json`. Counts are items; amounts decimal strings. */
export interface BankImportSummary {
  runId: number;
  status: RunStatus;
  files: BankFileSummary[];
  statements: number;
  entries: number;
  matched: number;
  suggested: number;
  unmatched: number;
  outgoing: number;
  fees: number;
  duplicates: number;
  totals: { matched: string; suggested: string; unmatched: string; outgoing: string; fees: string };
  /** Output files written (CLI --out, watch mode, cycle); empty from the window until bank.write. */
  outputs: string[];
  /** Booked through the accounting exchange along with the outputs (bank.deliver = accounting); zeros otherwise. */
  booked: BankBooking;
  /** Run-level problems (a failure, a cancel). */
  errors: Problem[];
}

export interface StatementView {
  /** The store's key of the statement (a decimal id). */
  key: string;
  file: string;
  format: StatementFormatName;
  encoding: string;
  /** :20: / camt Stmt Id / 1C number. */
  id: string;
  number?: string;
  account: string;
  currency: string;
  opening?: string;
  closing?: string;
  /** opening + Σ entries (decimal string); the opening alone counts as 0 when missing. */
  computedClosing: string;
  check: 'pass' | 'unavailable' | 'mismatch';
  entries: number;
  /** Σ of money in and Σ of money out (positive decimal strings). */
  credit: string;
  debit: string;
}

export interface BankItemView {
  key: string;
  runId: number;
  statementKey: string;
  seq: number;
  bookingDate?: string;
  valueDate: string;
  /** Signed decimal string: + money in, − money out. */
  amount: string;
  currency: string;
  title: string;
  payerName?: string;
  payerAccount?: string;
  virtualAccount?: string;
  bankReference?: string;
  status: BankItemStatus;
  accountNo?: string;
  premisesKind?: BankPremisesKind;
  address?: string;
  method?: 'virtual-account' | 'title' | 'payer-history' | 'operator';
  suggestion?: { accountNo: string; reason: string };
  problems: Problem[];
  assignedBy?: string;
  note?: string;
  /** saldo.json bank.deliver = accounting: accounting's answer to the item's last delivery (absent: never sent). */
  booking?: { status: 'written' | 'already' | 'refused'; at: string; message?: string };
}

export interface BankItemsPage {
  rows: BankItemView[];
  total: number;
}

export interface PremisesHit {
  accountNo: string;
  address: string;
  owner: string;
  kind: BankPremisesKind;
}

export interface BankOutputFile {
  kind: 'residential' | 'commercial' | 'unmatched';
  /** Absolute path of the written file. */
  file: string;
  rows: number;
  /** Σ of the file's amounts, decimal string. */
  total: string;
}

export interface BankWriteResult {
  files: BankOutputFile[];
  /** Present when bank.deliver is `accounting`: the matched payments went to accounting, only the unmatched file was written. */
  booked?: BankBooking;
}

export interface BankCallResponses {
  'bank.statements': StatementView[];
  'bank.items': BankItemsPage;
  'bank.assign': BankItemView;
  'bank.premises': PremisesHit[];
  'bank.write': BankWriteResult;
}

export interface BankJobResults {
  'bank.import': BankImportSummary;
}

/** Preload function name → channel; preload/index.ts writes each out by hand. */
export const BANK_API_METHODS = {
  bankImport: 'bank.import',
  bankStatements: 'bank.statements',
  bankItems: 'bank.items',
  bankAssign: 'bank.assign',
  bankPremises: 'bank.premises',
  bankWrite: 'bank.write',
} as const;
