// Importing bank statement files (issue 6 points 2–3) as one journaled run (kind bank-import):
// each file is parsed, checked, matched and stored in ONE transaction, so a cancel or a failure
// leaves whole files booked or not at all. A file books nothing when it has an error problem or a
// statement that does not add up; a file already processed (same content, or the same statements
// by id + account + number, or entries by bank reference) is recognised and not booked twice.

import { createHash } from 'node:crypto';
import type { Operator } from '../../shared/domain/permissions';
import type { Locale, Problem } from '../../shared/domain/types';
import type { BankFileSummary, BankImportSummary, CountAmount, StatementFormatName } from '../../shared/ipc/contract-bank';
import { toDecimalString } from '../../shared/domain/money';
import { ProblemError, problem } from '../../shared/errors/problem';
import type { RunScope } from '../cycle/run-scope';
import { runJournaled } from '../cycle/run-job';
import { requirePermission } from '../engine/authorize';
import { Breather, yieldToLoop, type JobContext } from '../engine/jobs';
import type { Workspace } from '../engine/workspace';
import { resolveCsvMapping } from './csv-mapping';
import { MemoryPayerHistory, makeMatcher, type PayerHistory } from './match';
import { parseStatementFile } from './parse';
import { accountKey, loadPremises, type PremisesIndex } from './premises';
import { BankStore, type NewItem } from './store';
import type { MatchedItem, ParsedFile, Statement, StatementEntry } from './types';
import { bookedAudit, deliverRun, emptyBooking } from './deliver';

export const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  encoding?: string;
  format?: StatementFormatName;
  /** A CSV mapping by name (preset or saldo.json bank.csvMappings). */
  csvMapping?: string;
  /** Write the run's output files here after the import (CLI --out, watch mode, cycle). */
  outDir?: string;
}

const zero = (): CountAmount => ({ count: 0, amount: '0.00' });

/** Counts and minor-unit sums while a file is processed; turned into the summary's decimal strings at the end. */
class Tally {
  private readonly m = new Map<string, { count: number; minor: number }>();
  add(key: string, minor: number): void {
    const t = this.m.get(key) ?? { count: 0, minor: 0 };
    t.count++;
    t.minor += minor;
    if (!Number.isSafeInteger(t.minor)) throw new RangeError(`total ${key} out of exact range`);
    this.m.set(key, t);
  }
  get(key: string): CountAmount {
    const t = this.m.get(key);
    return t ? { count: t.count, amount: toDecimalString(t.minor) } : zero();
  }
  minor(key: string): number {
    return this.m.get(key)?.minor ?? 0;
  }
  count(key: string): number {
    return this.m.get(key)?.count ?? 0;
  }
}

export function emptyFileSummary(name: string): BankFileSummary {
  return {
    file: name,
    format: null,
    encoding: null,
    statements: 0,
    entries: 0,
    balanceCheck: 'unavailable',
    moneyIn: zero(),
    moneyOut: zero(),
    matched: { residential: zero(), commercial: zero() },
    suggested: zero(),
    unmatched: zero(),
    duplicate: false,
    booked: false,
    errors: [],
  };
}

export function emptySummary(runId = 0): BankImportSummary {
  return {
    runId,
    status: 'running',
    files: [],
    statements: 0,
    entries: 0,
    matched: 0,
    suggested: 0,
    unmatched: 0,
    outgoing: 0,
    fees: 0,
    duplicates: 0,
    totals: { matched: '0.00', suggested: '0.00', unmatched: '0.00', outgoing: '0.00', fees: '0.00' },
    outputs: [],
    booked: emptyBooking(),
    errors: [],
  };
}

/** The statement's identity for "processed twice": account | :20: | :28C:, or its balances and dates when it has no number. */
export function statementKey(s: Statement): string {
  const acc = accountKey(s.account);
  if (s.number) return [acc, s.id, s.number].join('|');
  return [acc, s.id, s.opening?.date ?? '', s.opening?.amount ?? '', s.closing?.date ?? '', s.closing?.amount ?? '', s.entries.length].join('|');
}

/** An entry's identity across statements (an intraday MT942 and the day's MT940 list the same one). */
export function entryRefKey(account: string, e: StatementEntry): string | null {
  const ref = e.bankReference?.trim();
  if (!ref || ref.length < 4 || /^NONREF$/i.test(ref)) return null;
  return [accountKey(account), ref, e.amount, e.valueDate].join('|');
}

function sums(s: Statement): { computed: number; credit: number; debit: number } {
  let credit = 0;
  let debit = 0;
  for (const e of s.entries) {
    if (e.amount >= 0) credit += e.amount;
    else debit -= e.amount;
  }
  return { computed: (s.opening?.amount ?? 0) + credit - debit, credit, debit };
}

/** The import of a set of files into a run that is already open (bank-import, or the cycle's bank step). */
export class StatementImport {
  readonly summary: BankImportSummary;
  private readonly store: BankStore;
  private readonly locale: Locale;
  private premises: PremisesIndex | null = null;
  private history: PayerHistory | null = null;
  private readonly breather = new Breather();
  private readonly run = new Tally();

  constructor(
    private readonly ws: Workspace,
    private readonly scope: RunScope,
    private readonly ctx: JobContext,
  ) {
    this.store = new BankStore(ws.db);
    this.locale = ws.locale();
    this.summary = emptySummary(scope.runId);
  }

  async importAll(files: readonly ImportFile[], opts: ImportOptions): Promise<void> {
    const csvMapping = opts.csvMapping ? resolveCsvMapping(this.ws, opts.csvMapping) : undefined;
    for (let i = 0; i < files.length; i++) {
      this.ctx.signal.throwIfAborted();
      this.ctx.progress('bank.import', i, files.length, this.summary.files.filter((f) => !f.booked && !f.duplicate).length);
      await this.importFile(files[i], { ...opts, csvMapping });
    }
    this.ctx.progress('bank.import', files.length, files.length, this.summary.files.filter((f) => !f.booked && !f.duplicate).length);
  }

  private async matcher(file: string) {
    this.premises ??= await loadPremises(this.ws, this.ctx.signal);
    this.history ??= new MemoryPayerHistory((k) => this.store.history(k));
    return makeMatcher(this.premises, this.history, { titlePattern: this.ws.cfg.config.bank.titlePattern, locale: this.locale, file });
  }

  private fileSummary(name: string): BankFileSummary {
    return emptyFileSummary(name);
  }

  private async importFile(f: ImportFile, opts: Omit<ImportOptions, 'csvMapping'> & { csvMapping?: ReturnType<typeof resolveCsvMapping> }): Promise<void> {
    const { locale, scope } = this;
    const fs = this.fileSummary(f.name);
    this.summary.files.push(fs);
    scope.count('bank_files');
    const fileProblem = (p: Problem) => {
      fs.errors.push(p);
      scope.problem(p, 'bank-file');
    };
    if (f.bytes.length > MAX_STATEMENT_BYTES) {
      fileProblem(problem('SAL-3067', locale, { file: f.name, max: MAX_STATEMENT_BYTES / 1024 / 1024 }, { file: f.name }));
      return;
    }
    const sha256 = createHash('sha256').update(f.bytes).digest('hex');
    let parsed: ParsedFile;
    try {
      parsed = parseStatementFile(f.bytes, { fileName: f.name, encoding: opts.encoding, format: opts.format, csvMapping: opts.csvMapping, locale });
    } catch (e) {
      // A parser bug must not stop the other files; the file is reported and nothing of it booked.
      const p = e instanceof ProblemError ? e.problem : problem('SAL-9001', locale, { detail: (e as Error).message }, { file: f.name });
      fileProblem({ ...p, file: p.file ?? f.name });
      this.store.insertFile({ runId: scope.runId, name: f.name, sha256, size: f.bytes.length, format: null, encoding: null, booked: false, duplicate: false, problems: fs.errors });
      return;
    }
    fs.format = parsed.format;
    fs.encoding = parsed.encoding;
    fs.statements = parsed.statements.length;
    for (const p of parsed.problems) fileProblem({ ...p, file: p.file ?? f.name });

    const tally = new Tally();
    let mismatch = false;
    let unavailable = parsed.statements.length === 0;
    for (const s of parsed.statements) {
      fs.entries += s.entries.length;
      for (const e of s.entries) tally.add(e.amount >= 0 ? 'in' : 'out', Math.abs(e.amount));
      if (s.check.result === 'mismatch') mismatch = true;
      if (s.check.result === 'unavailable') unavailable = true;
    }
    fs.balanceCheck = mismatch ? 'mismatch' : unavailable ? 'unavailable' : 'ok';
    fs.moneyIn = tally.get('in');
    fs.moneyOut = tally.get('out');
    this.summary.statements += fs.statements;
    this.summary.entries += fs.entries;
    scope.count('bank_statements', fs.statements);
    scope.count('bank_entries', fs.entries);

    const hasError = parsed.problems.some((p) => p.severity === 'error');
    const stmtRows = parsed.statements.map((s, i) => ({ s, i, key: statementKey(s), ...sums(s) }));
    const insertStatements = (fileId: number, booked: (i: number) => boolean, duplicate: (i: number) => boolean) =>
      stmtRows.map((r) =>
        this.store.insertStatement({
          file_id: fileId,
          run_id: scope.runId,
          seq: r.i + 1,
          stmt_key: r.key,
          format: r.s.format,
          statement_id: r.s.id,
          number: r.s.number ?? null,
          account: r.s.account,
          currency: r.s.currency,
          opening: r.s.opening?.amount ?? null,
          opening_date: r.s.opening?.date ?? null,
          closing: r.s.closing?.amount ?? null,
          closing_date: r.s.closing?.date ?? null,
          computed: r.computed,
          credit: r.credit,
          debit: r.debit,
          entries: r.s.entries.length,
          check_result: r.s.check.result,
          booked: booked(r.i) ? 1 : 0,
          duplicate: duplicate(r.i) ? 1 : 0,
        }),
      );

    // Nothing of a file with an error or a statement that does not add up is booked.
    if (hasError || mismatch || parsed.statements.length === 0) {
      const reason = mismatch ? 'mismatch' : parsed.statements.length === 0 && !hasError ? 'empty' : 'errors';
      fileProblem(problem('SAL-3053', locale, { file: f.name, reason: REASONS[reason][locale] }, { file: f.name }));
      this.ws.db.transaction(() => {
        const id = this.store.insertFile({ runId: scope.runId, name: f.name, sha256, size: f.bytes.length, format: parsed.format, encoding: parsed.encoding, booked: false, duplicate: false, problems: fs.errors });
        insertStatements(id, () => false, () => false);
      })();
      scope.count('bank_not_booked');
      return;
    }

    // Processed before: the same bytes, or the same statements.
    const sameFile = this.store.bookedFile(sha256);
    const seen = new Set<string>();
    const dup = stmtRows.map((r) => {
      const before = sameFile ?? this.store.bookedStatement(r.key);
      const again = seen.has(r.key);
      seen.add(r.key);
      return before ? before.run_id : again ? scope.runId : null;
    });
    if (sameFile) fileProblem(problem('SAL-3050', locale, { file: f.name, run: sameFile.run_id }, { file: f.name }));
    else
      stmtRows.forEach((r, i) => {
        if (dup[i] !== null) fileProblem(problem('SAL-3051', locale, { statement: r.s.number ?? r.s.id, account: r.s.account, run: dup[i]! }, { file: f.name, line: r.s.line }));
      });

    // Match the entries of the statements not seen before, yielding to the event loop by time.
    // The premises are read only when there is something to match (a duplicate needs no database).
    const matcher = dup.some((d) => d === null) ? await this.matcher(f.name) : null;
    const matched: Array<{ stmt: number; item: MatchedItem; refKey: string | null }> = [];
    for (const r of stmtRows) {
      if (dup[r.i] !== null) continue;
      for (const e of r.s.entries) {
        const refKey = entryRefKey(r.s.account, e);
        const before = refKey ? this.store.bookedEntry(refKey) : undefined;
        if (before) {
          fileProblem(problem('SAL-3052', locale, { reference: e.bankReference ?? '', amount: toDecimalString(e.amount), run: before.run_id }, { file: f.name, line: e.line, key: e.bankReference }));
          continue;
        }
        matched.push({ stmt: r.i, item: matcher!.match(e, r.s.id), refKey });
        if (this.breather.due()) {
          // A 100,000-entry file takes a moment: its entries move the bar too.
          this.ctx.progress('bank.match', matched.length, fs.entries);
          await yieldToLoop();
          this.ctx.signal.throwIfAborted();
          this.breather.reset();
        }
      }
    }
    this.ctx.signal.throwIfAborted();

    const bookedStmt = (i: number) => dup[i] === null;
    fs.duplicate = stmtRows.every((r) => dup[r.i] !== null);
    fs.booked = !fs.duplicate;
    if (fs.duplicate) {
      this.summary.duplicates++;
      scope.count('bank_duplicates');
    }

    // One transaction: the file, its statements, its items and the payer history.
    this.ws.db.transaction(() => {
      const fileId = this.store.insertFile({ runId: scope.runId, name: f.name, sha256, size: f.bytes.length, format: parsed.format, encoding: parsed.encoding, booked: fs.booked, duplicate: fs.duplicate, problems: fs.errors });
      const stmtIds = insertStatements(fileId, bookedStmt, (i) => dup[i] !== null);
      const insert = this.store.itemInserter();
      for (const { stmt, item, refKey } of matched) insert(toNewItem(scope.runId, stmtIds[stmt], item, refKey));
      for (const { item } of matched) {
        const payer = item.entry.counterparty.account;
        if (item.status === 'matched' && item.accountNo && payer && item.entry.amount > 0) this.store.addHistory(accountKey(payer), item.accountNo, item.entry.valueDate, 1);
      }
    })();

    for (const { item } of matched) {
      const a = item.entry.amount;
      if (item.status === 'matched') tally.add(`matched.${item.premisesKind}`, a);
      else tally.add(item.status, a);
      this.run.add(item.status, a);
      const key = `bank_${item.status === 'fee' ? 'fees' : item.status}`;
      scope.count(key);
      scope.addMoney(key, a);
      for (const p of item.problems) scope.problem(p, 'bank-item');
    }
    fs.matched = { residential: tally.get('matched.residential'), commercial: tally.get('matched.commercial') };
    fs.suggested = tally.get('suggested');
    fs.unmatched = tally.get('unmatched');
    const s = this.summary;
    s.matched = this.run.count('matched');
    s.suggested = this.run.count('suggested');
    s.unmatched = this.run.count('unmatched');
    s.outgoing = this.run.count('outgoing');
    s.fees = this.run.count('fee');
    s.totals = {
      matched: this.run.get('matched').amount,
      suggested: this.run.get('suggested').amount,
      unmatched: this.run.get('unmatched').amount,
      outgoing: this.run.get('outgoing').amount,
      fees: this.run.get('fee').amount,
    };
  }
}

const REASONS: Record<'mismatch' | 'errors' | 'empty', Record<Locale, string>> = {
  mismatch: { pl: 'saldo wyciągu się nie zgadza', uk: 'сальдо виписки не сходиться', en: 'a statement’s balances do not add up' },
  errors: { pl: 'plik ma błędy', uk: 'файл містить помилки', en: 'the file has errors' },
  empty: { pl: 'plik nie zawiera wyciągu', uk: 'файл не містить виписки', en: 'the file holds no statement' },
};

function toNewItem(runId: number, statementId: number, m: MatchedItem, refKey: string | null): NewItem {
  const e = m.entry;
  return {
    run_id: runId,
    statement_id: statementId,
    seq: e.seq,
    booking_date: e.bookingDate ?? null,
    value_date: e.valueDate,
    amount: e.amount,
    currency: e.currency,
    title: e.title,
    payer_name: e.counterparty.name ?? null,
    payer_account: e.counterparty.account ?? null,
    virtual_account: e.virtualAccount ?? null,
    bank_reference: e.bankReference ?? null,
    ref_key: refKey,
    type_code: e.typeCode ?? null,
    line: e.line ?? null,
    status: m.status,
    account_no: m.accountNo ?? null,
    premises_kind: m.premisesKind ?? null,
    address: m.address ?? null,
    method: m.method ?? null,
    suggestion_account: m.suggestion?.accountNo ?? null,
    suggestion_reason: m.suggestion ? (m.problems.find((p) => p.code === 'SAL-3058')?.message ?? null) : null,
    problems: m.problems,
  };
}

/**
 * `bank.import` and `saldo bank import`: a journaled run of kind bank-import. Answers the summary
 * even when the run is cancelled or fails (with the files done until then).
 */
export async function importStatements(ws: Workspace, actor: Operator, files: readonly ImportFile[], opts: ImportOptions, ctx: JobContext): Promise<BankImportSummary> {
  requirePermission(actor, 'bank.process', ws.locale());
  let imp: StatementImport | null = null;
  const run = await runJournaled(ws, actor, { kind: 'bank-import' }, async (scope) => {
    imp = new StatementImport(ws, scope, ctx);
    await imp.importAll(files, opts);
    if (opts.outDir && imp.summary.files.some((f) => f.booked)) {
      // deliver.ts: the files, or the matched payments to accounting and the unmatched file.
      const out = await deliverRun(ws, actor, scope.runId, opts.outDir, { signal: ctx.signal, progress: ctx.progress, scope });
      imp.summary.outputs = out.files.map((o) => o.file);
      if (out.booked) imp.summary.booked = out.booked;
    }
    ws.audit.append(actor.name, 'bank.import', `run:${scope.runId}`, {
      files: imp.summary.files.map((f) => ({ file: f.file, booked: f.booked, duplicate: f.duplicate })),
      matched: imp.summary.matched,
      unmatched: imp.summary.unmatched,
      ...(opts.outDir && ws.cfg.config.bank.deliver === 'accounting' ? { booked: bookedAudit(imp.summary.booked) } : {}),
    });
  });
  const summary = (imp as StatementImport | null)?.summary ?? emptySummary(run.runId);
  summary.runId = run.runId;
  summary.status = run.status;
  if (run.error) summary.errors.push(run.error);
  return summary;
}
