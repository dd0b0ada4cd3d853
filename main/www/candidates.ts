// The source records of a send, checked and fingerprinted, before anything is compared or sent.
// Records are not built here: "send changed" builds only those whose fingerprint differs from what
// was delivered (about 1% on a usual day), so a candidate carries its source rows, and the
// fingerprint is computed from them (records.ts).
//
// The accounts are read once when they can be: the pass that builds the account index (needed
// before anything is sent, for duplicates and the guards) also fingerprints every account and
// keeps the rows that will be sent — the changed ones, or the selected ones — up to KEEP_MAX.
// A full send, or more changes than that (a first send), reads the accounts again instead, so
// memory stays bounded.

import type { AccountRow, BalanceRow, ChargeRow, ExportParams, ExportProcedure, ExportRows, MeterRow } from '../../shared/domain/accounting';
import type { Locale, Problem } from '../../shared/domain/types';
import type { AccountingGateway } from '../accounting/port';
import { Breather, yieldToLoop } from '../engine/jobs';
import { NOT_IN_BILLING, type DeliveredFingerprints } from './delivered';
import {
  AccountIndex,
  DATA,
  RecordFingerprints,
  accountRecord,
  accountWarnings,
  balanceProblem,
  chargeProblem,
  isPerAccount,
  meterWarning,
  receives,
  type AccountInfo,
  type PerAccountCategory,
} from './records';
import type { SentCategory, WwwSettings } from './settings';

export const PROC: Record<SentCategory, ExportProcedure> = {
  accounts: 'export_accounts',
  services: 'export_services',
  providers: 'export_providers',
  residents: 'export_residents',
  beneficiaries: 'export_beneficiaries',
  balances: 'export_balances',
  charges: 'export_charges',
  meters: 'export_meters',
};

/** Account rows the account pass keeps at most (about 1 KiB each); more are read again. */
export const KEEP_MAX = 20_000;

export interface Candidate {
  key: string;
  /** Fingerprint of the fields an update sends. */
  hash: number;
  /** The fingerprint delivered before (NOT_IN_BILLING, or undefined when never delivered). */
  before: number | undefined;
  /** The record's source rows; null when the account pass did not keep them (its fingerprint was unchanged). */
  rows: readonly object[] | null;
}

/** The record a candidate sends, built from its rows. */
export function recordOf(c: SentCategory, rows: readonly object[], asOf: string): unknown {
  if (isPerAccount(c)) return accountRecord(c, rows, asOf);
  return (DATA[c] as (r: object) => unknown)(rows[0]);
}

/**
 * Rides along the pass over export_accounts: fingerprints each portal-enabled account and keeps the
 * rows `wanted` says will be sent. `overflow` once more than `keepMax` were wanted: then none are
 * kept, and the accounts category reads its rows again.
 */
export class AccountPass {
  /** Fingerprints by account id. */
  readonly hashes: number[] = [];
  private kept: Map<string, AccountRow> | null = new Map();
  readonly warnings = new Map<string, Problem[]>();
  private readonly fingerprints: RecordFingerprints;

  constructor(
    fields: readonly string[],
    private readonly wanted: (key: string, hash: number) => boolean,
    private readonly locale: Locale,
    private readonly keepMax = KEEP_MAX,
  ) {
    this.fingerprints = new RecordFingerprints(fields);
  }

  get overflow(): boolean {
    return this.kept === null;
  }

  /** A row of the pass, with the account AccountIndex.add answered for it. */
  offer(row: AccountRow, info: AccountInfo | null): void {
    if (!info) return;
    const key = row.account_no!.trim();
    const hash = this.fingerprints.ofRow(row);
    this.hashes[info.id] = hash;
    const w = accountWarnings(row, this.locale);
    if (w.length) this.warnings.set(key, w);
    if (this.kept && this.wanted(key, hash)) {
      this.kept.set(key, row);
      if (this.kept.size > this.keepMax) this.kept = null;
    }
  }

  row(key: string): AccountRow | null {
    return this.kept?.get(key) ?? null;
  }
}

/** "Send changed" wants the rows whose fingerprint differs from the one delivered. */
export function changedSince(prev: DeliveredFingerprints): (key: string, hash: number) => boolean {
  return (key, hash) => {
    const before = prev.get(key);
    return before === undefined || before === NOT_IN_BILLING || before !== hash;
  };
}

/** Decides whether a source record goes (and counts it as new, changed or unchanged). */
export type Decide = (key: string, hash: number, before: number | undefined) => boolean;

export interface SourceContext {
  gw: AccountingGateway;
  params: Required<Pick<ExportParams, 'period' | 'asOf'>>;
  signal: AbortSignal;
  locale: Locale;
  settings: WwwSettings;
  index: AccountIndex;
  chosen: (key: string) => boolean;
  /** Source rows read (progress): one, or `rows`. */
  tick: (c: SentCategory, rows?: number) => void;
  problem: (c: SentCategory, p: Problem) => void;
  skipped: (c: SentCategory, n: number) => void;
}

/**
 * The records of a category that go: every checked source record is offered to `decide` with the
 * fingerprint delivered before (`prev`), and only those it accepts are yielded (on a usual "send
 * changed", about 1 in 100). `fields` are those the fingerprint covers.
 */
export function candidates(
  x: SourceContext,
  c: SentCategory,
  fields: readonly string[],
  prev: DeliveredFingerprints,
  pass: AccountPass | null,
  decide: Decide,
): AsyncGenerator<Candidate> {
  if (c === 'accounts') return pass && !pass.overflow ? accountsFromPass(x, pass, prev, decide) : accountsRead(x, fields, prev, decide);
  if (isPerAccount(c)) return perAccount(x, c, fields, prev, decide);
  return dictionary(x, c, fields, prev, decide);
}

async function* accountsFromPass(x: SourceContext, pass: AccountPass, prev: DeliveredFingerprints, decide: Decide): AsyncGenerator<Candidate> {
  const sent = receives('accounts', x.settings);
  const breathe = new Breather();
  const { byId, keysById } = x.index;
  for (let id = 0; id < byId.length; id++) {
    if (breathe.due()) {
      await yieldToLoop();
      x.signal.throwIfAborted();
      breathe.reset();
    }
    const key = keysById[id];
    const info = byId[id];
    if (!x.chosen(key)) continue;
    if (!sent(info)) {
      if (info.error) x.skipped('accounts', info.rows);
      continue;
    }
    for (const w of pass.warnings.get(key) ?? []) x.problem('accounts', w);
    const hash = pass.hashes[info.id];
    const before = prev.get(key);
    if (!decide(key, hash, before)) continue;
    const row = pass.row(key);
    yield { key, hash, before, rows: row ? [row] : null };
  }
}

async function* accountsRead(x: SourceContext, fields: readonly string[], prev: DeliveredFingerprints, decide: Decide): AsyncGenerator<Candidate> {
  const fp = new RecordFingerprints(fields);
  const sent = receives('accounts', x.settings);
  for await (const r of x.gw.export('export_accounts', x.params, x.signal)) {
    x.tick('accounts');
    const key = r.account_no?.trim();
    if (!key || !r.portal_enabled || !x.chosen(key)) continue;
    const info = x.index.accounts.get(key);
    if (!info || !sent(info)) {
      if (info?.error) x.skipped('accounts', 1);
      continue;
    }
    for (const w of accountWarnings(r, x.locale)) x.problem('accounts', w);
    const hash = fp.ofRow(r);
    const before = prev.get(key);
    if (decide(key, hash, before)) yield { key, hash, before, rows: [r] };
  }
}

async function* dictionary(x: SourceContext, c: 'services' | 'providers', fields: readonly string[], prev: DeliveredFingerprints, decide: Decide): AsyncGenerator<Candidate> {
  const fp = new RecordFingerprints(fields);
  const rows = x.gw.export(PROC[c], x.params, x.signal) as AsyncIterable<ExportRows['export_services'] & ExportRows['export_providers']>;
  for await (const r of rows) {
    x.tick(c);
    const key = c === 'services' ? r.code : r.provider_code;
    const hash = fp.ofRow(r);
    const before = prev.get(key);
    if (decide(key, hash, before)) yield { key, hash, before, rows: [r] };
  }
}

async function serviceCodes(x: SourceContext): Promise<Set<string>> {
  const codes = new Set<string>();
  for await (const s of x.gw.export('export_services', x.params, x.signal)) codes.add(s.code);
  return codes;
}

/**
 * Per-account categories: one record per account with its rows (they come ordered by premises);
 * an account that has none now gets an empty record (its residents moved out, say), never silence.
 * Each account is looked up once (its AccountInfo), and what was delivered is found by its id.
 */
async function* perAccount(x: SourceContext, c: PerAccountCategory, fields: readonly string[], prev: DeliveredFingerprints, decide: Decide): AsyncGenerator<Candidate> {
  const fp = new RecordFingerprints(fields);
  const sent = receives(c, x.settings);
  const services = c === 'charges' ? await serviceCodes(x) : null;
  const periodStart = `${x.params.period}-01`;
  const asOf = c === 'balances' ? x.params.asOf : undefined;
  const emitted = new Uint8Array(x.index.accounts.size);
  const accounts = x.index.cursor();

  /** An account's rows, checked and decided: its candidate, or null when it does not go. */
  const record = (key: string, rows: object[]): Candidate | null => {
    if (!x.chosen(key)) return null;
    const info = accounts.find(key);
    if (!info || !sent(info)) {
      if (info?.error) x.skipped(c, 1);
      return null;
    }
    emitted[info.id] = 1;
    let bad: Problem | null = null;
    if (services) for (const r of rows) bad ??= chargeProblem(r as ChargeRow, services, x.locale);
    else if (c === 'balances') bad = balanceProblem(key, rows as BalanceRow[], x.locale);
    else if (c === 'meters') {
      for (const r of rows) {
        const w = meterWarning(r as MeterRow, periodStart, x.locale);
        if (w) x.problem(c, w);
      }
    }
    if (bad) {
      x.problem(c, bad);
      x.skipped(c, 1);
      return null;
    }
    const hash = fp.ofRows(rows, asOf);
    const before = prev.ofAccount(info);
    return decide(key, hash, before) ? { key, hash, before, rows } : null;
  };

  let key: string | null = null;
  let rows: object[] = [];
  const source = x.gw.export(PROC[c], x.params, x.signal) as AsyncIterable<{ account_no: string }>;
  for await (const r of source) {
    if (r.account_no !== key) {
      x.tick(c, rows.length);
      const done = key === null ? null : record(key, rows);
      key = r.account_no;
      // The array goes with a record that goes; otherwise it is reused (most records do not go).
      if (done) {
        rows = [];
        yield done;
      } else rows.length = 0;
    }
    rows.push(r);
  }
  if (key !== null) {
    x.tick(c, rows.length);
    const done = record(key, rows);
    if (done) yield done;
  }

  const breathe = new Breather();
  const none = fp.ofRows([], asOf);
  const { byId, keysById } = x.index;
  for (let id = 0; id < byId.length; id++) {
    if (breathe.due()) {
      await yieldToLoop();
      x.signal.throwIfAborted();
      breathe.reset();
    }
    const info = byId[id];
    if (emitted[id] || !sent(info) || !x.chosen(keysById[id])) continue;
    const before = prev.ofAccount(info);
    if (decide(keysById[id], none, before)) yield { key: keysById[id], hash: none, before, rows: [] };
  }
}
