// Portal accounts with activation letters (issue 7 point 1): a journaled run (kind portal-accounts).
//
// Order, and why:
//   1. choose the premises (select.ts) and refuse too large a run before anything happens;
//   2. generate the codes and hash them; build the letters and render the PDF IN MEMORY — a missing
//      browser or a broken template fails here, before any code is live (SAL-4110, nothing sent);
//   3. send the hashes to the portal in batches; record each accepted batch (status 'sent');
//   4. only then write the PDF (atomically, owner-only): the letters of the accounts the portal
//      accepted — re-rendered when it refused some, or stopped half-way;
//   5. mark the codes 'issued'.
// The code exists in plain text only in memory and in that PDF: not in the store, the journal, the
// audit log, the logs or any answer (which names only the file). The choice this forces: if the
// PDF cannot be written after the portal accepted the hashes, those codes are lost for good. The
// run then fails with SAL-4107, the codes are recorded as 'letter_failed' (never live), and the
// remedy is a re-issue — which the next run without --reissue does by itself, since a code whose
// letter failed is not live. Keeping the codes anywhere to retry the letter would defeat the point.
// The same holds for a process that dies between 3 and 5: its codes stay 'sent', not live.
//
// A portal that fails half-way (or Cancel) stops the sending; the letters of what it accepted are
// still written (those codes are live on the portal), then the run fails (SAL-4112) or is cancelled.
// A re-run with the same choice issues the rest: accounts with a live code are left alone.

import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Operator } from '../../../shared/domain/permissions';
import type { Locale, Problem } from '../../../shared/domain/types';
import { fail, problem, ProblemError } from '../../../shared/errors/problem';
import type { AccountsCreateRequest, PortalAccountsSummary } from '../../../shared/ipc/contract-accounts';
import { runJournaled } from '../../cycle/run-job';
import type { RunScope } from '../../cycle/run-scope';
import { writeFileAtomically } from '../../engine/atomic-file';
import { requirePermission } from '../../engine/authorize';
import { isAbort, type JobContext } from '../../engine/jobs';
import type { Ports } from '../../engine/ports';
import type { Workspace } from '../../engine/workspace';
import type { PortalGateway } from '../../portal/port';
import type { PortalAccount } from '../../portal/portal-accounts';
import { renderReportPdf } from '../../reports/render';
import type { RecordOutcome } from '../../store/journal';
import { lettersTimeZone } from '../settings';
import { CODE_ALPHABET, generateCode } from './code';
import { activationExpiry } from './expiry';
import { hashCodes } from './hash';
import { buildLetters, type LetterInput } from './letters';
import { selectPremises, type Chosen } from './select';
import { ActivationStore, type NewActivation } from './store';

export interface CreateAccountsOptions {
  now?: () => Date;
  /** Accounts per portal request (default 500; the API takes up to 10 000). */
  batchSize?: number;
}

const CATEGORY = 'portal-accounts';

/** A code id: 10 characters of the code alphabet (never derived from the code). */
function newCodeId(store: ActivationStore): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!store.codeIdTaken(s)) return s;
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function detailOf(e: unknown): string {
  return e instanceof ProblemError ? `${e.problem.code}: ${e.problem.message}` : e instanceof Error ? e.message : String(e);
}

interface Issue {
  chosen: Chosen;
  letter: LetterInput;
  payload: PortalAccount;
  record: NewActivation;
}

class CreateRun {
  readonly summary: PortalAccountsSummary;
  private readonly store: ActivationStore;
  private readonly locale: Locale;
  private readonly records: RecordOutcome[] = [];
  portal: PortalGateway | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly actor: Operator,
    private readonly req: AccountsCreateRequest,
    private readonly scope: RunScope,
    private readonly ctx: JobContext,
    private readonly ports: Ports,
    private readonly openPortal: () => Promise<PortalGateway>,
    private readonly opts: CreateAccountsOptions,
    language: Locale,
  ) {
    this.store = new ActivationStore(ws.db);
    this.locale = ws.locale();
    this.summary = { runId: scope.runId, status: 'running', selected: 0, issued: 0, reissued: 0, skipped: { registered: 0, live: 0, notEligible: 0 }, rejected: 0, file: null, language, errors: [] };
  }

  private problem(p: Problem): void {
    this.scope.problem(p, CATEGORY);
    if (this.summary.errors.length < 500) this.summary.errors.push(p);
  }

  private record(key: string, outcome: string, detail: string | null = null): void {
    this.records.push({ category: CATEGORY, key, outcome, detail });
    if (this.records.length >= 1000) this.flushRecords();
  }

  flushRecords(): void {
    if (this.records.length) this.ws.journal.addRecords(this.scope.runId, this.records.splice(0));
  }

  private render(issues: readonly Issue[], now: Date): Promise<Uint8Array> {
    const settings = this.ws.cfg.config.accounts;
    const doc = buildLetters(
      issues.map((i) => i.letter),
      {
        organisation: this.ws.cfg.config.organisation,
        locale: this.summary.language,
        timeZone: lettersTimeZone(settings, this.ws.cfg.config.locale),
        portalUrl: settings.portalUrl,
        operator: this.actor.displayName,
        printedAt: now,
      },
    );
    return renderReportPdf(doc, this.ports.pdf);
  }

  async run(): Promise<void> {
    const { signal } = this.ctx;
    const now = this.opts.now?.() ?? new Date();
    const settings = this.ws.cfg.config.accounts;
    const gw = await this.ws.accounting();

    this.ctx.progress('select', 0, 1);
    const sel = await selectPremises(gw, this.store, this.req, now, this.locale, signal);
    this.summary.selected = sel.selected;
    this.summary.skipped = sel.skipped;
    for (const p of sel.problems) this.problem(p);
    for (const o of sel.outcomes) this.record(o.key, o.outcome);
    this.scope.count('portalAccounts.selected', sel.selected);
    if (sel.skipped.registered) this.scope.count('portalAccounts.skippedRegistered', sel.skipped.registered);
    if (sel.skipped.live) this.scope.count('portalAccounts.skippedLive', sel.skipped.live);
    if (sel.skipped.notEligible) this.scope.count('portalAccounts.notEligible', sel.skipped.notEligible);
    if (sel.toIssue.length > settings.maxLetters) fail('SAL-4108', this.locale, { count: sel.toIssue.length, max: settings.maxLetters });
    if (sel.toIssue.length === 0) {
      this.problem(problem('SAL-4109', this.locale, { selected: sel.selected }));
      return;
    }

    // 2. Codes, hashes and the letters, all in memory.
    const zone = lettersTimeZone(settings, this.ws.cfg.config.locale);
    const { expiresAt, lastDay } = activationExpiry(now, settings.activationValidDays, zone);
    const codes = sel.toIssue.map(() => generateCode());
    this.ctx.progress('hash', 0, codes.length);
    const hashes = await hashCodes(codes, signal, (n) => this.ctx.progress('hash', n, codes.length));
    const issues: Issue[] = sel.toIssue.map((chosen, i) => {
      const codeId = newCodeId(this.store);
      const version = (chosen.previous?.version ?? 0) + 1;
      // The portal is told which code goes; the letter mentions it only if the resident got a letter with it.
      const replaces = chosen.previous && chosen.previous.status !== 'replaced' ? chosen.previous.code_id : null;
      const printedBefore = chosen.previous?.status === 'issued' ? chosen.previous.code_id : null;
      return {
        chosen,
        letter: { premises: chosen.row, code: codes[i], codeId, version, replaces: printedBefore, issuedAt: now, expiresAt, lastDay },
        payload: { account_no: chosen.row.account_no, portal_group: chosen.row.portal_group, codeId, replaces, activation: hashes[i], expiresAt: expiresAt.toISOString() },
        record: { account_no: chosen.row.account_no, code_id: codeId, version, replaces, batch_id: '', language: this.summary.language, issued_at: now.toISOString(), expires_at: expiresAt.toISOString() },
      };
    });
    this.ctx.progress('letters', 0, 1);
    let prepared: Uint8Array;
    try {
      prepared = await this.render(issues, now);
    } catch (e) {
      if (signal.aborted) throw e;
      fail('SAL-4110', this.locale, { detail: detailOf(e) });
    }

    // 3. The hashes to the portal, batch by batch.
    this.portal = await this.openPortal();
    const size = this.opts.batchSize ?? 500;
    const tag = randomBytes(3).toString('hex');
    const accepted: Issue[] = [];
    let stopped: unknown = null;
    for (let i = 0, seq = 1; i < issues.length; i += size, seq++) {
      const batch = issues.slice(i, i + size);
      const batchId = `pa-${this.scope.runId}-${seq}-${tag}`;
      this.ctx.progress('send', i, issues.length);
      let rejected: Map<string, { code: string; message: string }>;
      try {
        if (signal.aborted) throw signal.reason;
        const res = await this.portal.putPortalAccounts({ batchId, accounts: batch.map((x) => x.payload) }, signal);
        rejected = new Map(res.rejected.map((r) => [r.key, { code: r.code, message: r.message }]));
      } catch (e) {
        stopped = e;
        break;
      }
      const ok = batch.filter((x) => !rejected.has(x.payload.account_no));
      // These codes are live on the portal now: whatever happens next, their letters get written.
      accepted.push(...ok);
      try {
        this.store.recordSent(
          this.scope.runId,
          this.actor.name,
          ok.map((x) => ({ ...x.record, batch_id: batchId })),
        );
      } catch (e) {
        // Not recorded (e.g. another run issued a code for the same premises meanwhile): the
        // letters are still printed, and the premises counts as without a live code afterwards.
        stopped = e;
      }
      for (const x of batch) {
        const r = rejected.get(x.payload.account_no);
        if (!r) continue;
        this.summary.rejected++;
        this.record(x.payload.account_no, 'rejected', r.code);
        this.problem(problem('SAL-4106', this.locale, { account: x.payload.account_no, detail: `${r.code}: ${r.message}` }, { key: x.payload.account_no }));
      }
      if (stopped) break;
    }
    this.ctx.progress('send', accepted.length + this.summary.rejected, issues.length);
    if (stopped) for (const x of issues.slice(accepted.length + this.summary.rejected)) this.record(x.payload.account_no, 'not-sent');

    // 4. The letters of what the portal accepted — whatever happened after.
    if (accepted.length) await this.writeLetters(accepted, accepted.length === issues.length ? prepared : null, now);
    if (this.summary.rejected) this.scope.count('portalAccounts.rejected', this.summary.rejected);

    if (stopped) {
      if (isAbort(stopped) || signal.aborted) throw stopped;
      fail('SAL-4112', this.locale, { sent: accepted.length, total: issues.length, detail: detailOf(stopped) });
    }
  }

  private async writeLetters(accepted: Issue[], prepared: Uint8Array | null, now: Date): Promise<void> {
    const ids = accepted.map((x) => x.payload.codeId);
    const file = join(this.ws.paths.reports, `activation-letters-run-${this.scope.runId}-${stamp(now)}.pdf`);
    this.ctx.progress('write', 0, 1);
    try {
      const bytes = prepared ?? (await this.render(accepted, now));
      // Owner-only: the file holds live codes until it is printed and deleted.
      await writeFileAtomically(file, bytes, { mode: 0o600 });
    } catch (e) {
      this.store.markLetters(ids, 'letter_failed');
      for (const x of accepted) this.record(x.payload.account_no, 'lost', x.payload.codeId);
      this.scope.count('portalAccounts.lost', accepted.length);
      fail('SAL-4107', this.locale, { count: accepted.length, detail: detailOf(e) });
    }
    this.store.markLetters(ids, 'issued');
    this.summary.file = file;
    this.summary.issued = accepted.length;
    this.summary.reissued = accepted.filter((x) => x.letter.replaces !== null).length;
    for (const x of accepted) this.record(x.payload.account_no, x.letter.replaces ? 'reissued' : 'issued', x.payload.codeId);
    this.scope.count('portalAccounts.issued', this.summary.issued);
    if (this.summary.reissued) this.scope.count('portalAccounts.reissued', this.summary.reissued);
    this.ctx.progress('write', 1, 1);
  }
}

export async function createPortalAccounts(
  ws: Workspace,
  actor: Operator,
  req: AccountsCreateRequest,
  ctx: JobContext,
  openPortal: () => Promise<PortalGateway>,
  ports: Ports,
  opts: CreateAccountsOptions = {},
): Promise<PortalAccountsSummary> {
  const locale = ws.locale();
  requirePermission(actor, 'exchange.run', locale);
  const language: Locale = req.language ?? ws.cfg.config.locale;
  const mode = req.accounts ? 'portal-accounts:accounts' : req.building !== undefined ? 'portal-accounts:building' : 'portal-accounts:all';
  let run: CreateRun | null = null;
  const outcome = await runJournaled(ws, actor, { kind: 'portal-accounts', mode }, async (scope) => {
    run = new CreateRun(ws, actor, req, scope, ctx, ports, openPortal, opts, language);
    try {
      await run.run();
    } finally {
      run.flushRecords();
      await run.portal?.close();
    }
  });
  const r = run as CreateRun | null;
  const summary: PortalAccountsSummary = r
    ? { ...r.summary, status: outcome.status }
    : { runId: outcome.runId, status: outcome.status, selected: 0, issued: 0, reissued: 0, skipped: { registered: 0, live: 0, notEligible: 0 }, rejected: 0, file: null, language, errors: [] };
  if (outcome.error) summary.errors.push(outcome.error);
  ws.audit.append(actor.name, 'portal.accounts.create', `run:${outcome.runId}`, {
    status: summary.status,
    selection: req.accounts ? { accounts: req.accounts.length } : req.building !== undefined ? { building: req.building } : 'all',
    reissue: req.reissue === true,
    language,
    issued: summary.issued,
    reissued: summary.reissued,
    rejected: summary.rejected,
    file: summary.file,
  });
  return summary;
}
