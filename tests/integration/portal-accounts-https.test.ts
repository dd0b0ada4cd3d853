// Portal accounts over HTTPS to the loopback test portal (every request checked against
// docs/portal-api.json): the portal holds hashes that verify the printed codes, an account it
// refuses gets no letter, a retried request is applied once, and a portal that dies half-way leaves
// letters for exactly what it accepted — a re-run issues the rest.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsCreateRequest, PortalAccountsSummary } from '../../shared/ipc/contract-accounts';
import { verifyCode, type ActivationHash } from '../../main/accounts/activation/hash';
import { createPortalAccounts, type CreateAccountsOptions } from '../../main/accounts/activation/service';
import { createBackend, type Backend } from '../../main/engine/backend';
import type { JobContext } from '../../main/engine/jobs';
import { openPortal } from '../../main/portal/open';
import type { PortalAccount } from '../../main/portal/portal-accounts';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { readLetters } from '../support/letters';
import { startPortalServer, type PortalServer } from '../support/portal-server';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let portal: PortalServer;
let acc: Database.Database;
const printer = new ChromiumPdfPrinter();

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {} });
const create = (req: AccountsCreateRequest, opts: CreateAccountsOptions = {}): Promise<PortalAccountsSummary> =>
  createPortalAccounts(b.ws, b.ws.operators.find('admin')!, req, ctx(), () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()), { pdf: printer }, opts);

/** What the portal holds: the newest code per account. */
const held = () => {
  const out = new Map<string, PortalAccount>();
  for (const a of portal.portalAccounts as unknown as PortalAccount[]) out.set(a.account_no, a);
  return out;
};

function eligible(limit: number, offset: number): string[] {
  return acc
    .prepare(
      `SELECT account_no FROM premises p WHERE www = 1 AND status = 'active' AND account_no IS NOT NULL AND account_no <> ''
         AND (SELECT COUNT(*) FROM premises q WHERE q.account_no = p.account_no) = 1
       ORDER BY premises_id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(limit, offset) as string[];
}

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 200, months: 2, locale: 'uk', seed: 'portal-accounts-https' });
  acc = new Database(join(demo.dir, 'accounting.sqlite'), { readonly: true });
  portal = await startPortalServer();
  const cfg = JSON.parse(readFileSync(demo.configFile, 'utf8'));
  cfg.portal = { transport: 'https', baseUrl: portal.url, tokenSecret: 'portal-token', retries: 2, batchTimeoutMs: 5000 };
  writeFileSync(demo.configFile, JSON.stringify(cfg));
  b = createBackend(demo.configFile, { ports: { pdf: printer, secrets: { keyFile: join(demo.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
  await b.secrets.set('portal-token', portal.token);
});
afterAll(async () => {
  await b?.close();
  await printer.close();
  await portal?.close();
  acc?.close();
  demo?.cleanup();
});

describe('portal accounts over HTTPS', () => {
  it('the portal holds hashes that verify the printed (Ukrainian) codes; a refused account gets no letter; a 5xx is retried and applied once', async () => {
    const accounts = eligible(4, 0);
    portal.rejectKeys([accounts[2]]).fail5xx(1);
    const s = await create({ accounts });
    portal.reset();
    expect(s).toMatchObject({ status: 'completed', issued: 3, rejected: 1, language: 'uk' });
    expect(s.errors.map((e) => [e.code, e.key])).toEqual([['SAL-4106', accounts[2]]]);
    expect(s.errors[0].message).toContain('already_registered');
    const letters = readLetters(s.file!);
    expect(letters.map((l) => l.account)).toEqual([accounts[0], accounts[1], accounts[3]]);
    for (const l of letters) {
      expect(l.text).toContain('Як зареєструватися');
      expect(await verifyCode(l.code, held().get(l.account)!.activation as ActivationHash)).toBe(true);
    }
    const puts = portal.requests.filter((r) => r.path === '/v1/portal-accounts');
    expect(puts).toHaveLength(2); // the 503, then the retry with the same key
    expect(new Set(puts.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(portal.applied.get(puts[0].idempotencyKey!)).toBe(1);
    // The refused account holds no code in the store: the next run tries it again.
    expect(b.ws.db.prepare(`SELECT COUNT(*) FROM portal_activations WHERE account_no = ?`).pluck().get(accounts[2])).toBe(0);
    expect(portal.violations).toEqual([]);
    rmSync(s.file!);
  });

  it('a portal that dies half-way: letters for exactly what it accepted, the run fails (SAL-4112); a re-run issues the rest', async () => {
    const accounts = eligible(7, 10);
    // Answers two more requests of three accounts, then cuts every connection (its count is of all answered batches).
    const answered = portal.requests.filter((r) => r.path === '/v1/portal-accounts' && r.status === 200).length;
    portal.dieAfter(answered + 2);
    const broken = await create({ accounts }, { batchSize: 3 });
    portal.revive();
    expect(broken.status).toBe('failed');
    expect(broken.errors.at(-1)).toMatchObject({ code: 'SAL-4112' });
    expect(broken.errors.at(-1)!.message).toMatch(/6\D+7/);
    expect(broken.issued).toBe(6);
    const first = readLetters(broken.file!);
    expect(first.map((l) => l.account)).toEqual(accounts.slice(0, 6));
    expect(b.ws.journal.records(broken.runId).filter((r) => r.outcome === 'not-sent').map((r) => r.key)).toEqual([accounts[6]]);

    const rest = await create({ accounts }, { batchSize: 3 });
    expect(rest).toMatchObject({ status: 'completed', issued: 1, skipped: { live: 6 } });
    const second = readLetters(rest.file!);
    expect(second.map((l) => l.account)).toEqual([accounts[6]]);
    for (const l of [...first, ...second]) expect(await verifyCode(l.code, held().get(l.account)!.activation as ActivationHash)).toBe(true);
    expect(portal.violations).toEqual([]);
    rmSync(broken.file!);
    rmSync(rest.file!);
  });

  it('Cancel between batches: the letters of what the portal accepted are still written, the rest get no code', async () => {
    const accounts = eligible(6, 40);
    const ac = new AbortController();
    // Cancel the moment the run moves on to its second batch: the first has been answered and
    // taken by the client (Cancel on the server's log of a 200 could come before the client read it).
    const progress = (phase: string, done: number) => {
      if (phase === 'send' && done > 0 && !ac.signal.aborted) ac.abort(new DOMException('cancelled by the operator', 'AbortError'));
    };
    const s = await createPortalAccounts(b.ws, b.ws.operators.find('admin')!, { accounts }, { signal: ac.signal, progress }, () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()), { pdf: printer }, { batchSize: 2 });
    portal.reset();
    expect(s.status).toBe('cancelled');
    // Whatever the portal answered before Cancel has its letter; nothing else is live anywhere.
    const letters = readLetters(s.file!);
    expect(letters.length).toBe(s.issued);
    expect(s.issued).toBe(2);
    expect(letters.map((l) => l.account)).toEqual(accounts.slice(0, s.issued));
    for (const l of letters) expect(await verifyCode(l.code, held().get(l.account)!.activation as ActivationHash)).toBe(true);
    const live = b.ws.db.prepare(`SELECT account_no FROM portal_activations WHERE run_id = ? AND status = 'issued' ORDER BY id`).pluck().all(s.runId);
    expect(live).toEqual(accounts.slice(0, s.issued));
    expect(b.ws.journal.get(s.runId)?.status).toBe('cancelled');
    rmSync(s.file!);
  });

  it('a token the portal refuses sends nothing and prints nothing', async () => {
    portal.reject4xx(401, { times: 1 });
    const s = await create({ accounts: eligible(2, 30) });
    portal.reset();
    expect(s.status).toBe('failed');
    expect(s.file).toBeNull();
    expect(s.errors.at(-1)).toMatchObject({ code: 'SAL-4112' });
    expect(s.errors.at(-1)!.message).toContain('SAL-4003');
  });
});
