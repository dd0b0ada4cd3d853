// Portal accounts with activation letters on a real demo workspace, to the real folder transport,
// with the letters printed by real Chromium and read back with pdftotext: the hash the portal gets
// verifies the printed code; the code is nowhere else (store, WAL, logs, journal, audit, stdout
// JSON, outbox); re-issue invalidates the old code; registered premises and live codes are left
// alone; letters that cannot be written lose their codes and the next run re-issues them; letters
// that cannot be prepared stop the run before anything is sent.
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsCreateRequest, PortalAccountsSummary } from '../../shared/ipc/contract-accounts';
import { verifyCode, type ActivationHash } from '../../main/accounts/activation/hash';
import { createPortalAccounts } from '../../main/accounts/activation/service';
import { createBackend, type Backend } from '../../main/engine/backend';
import type { JobContext } from '../../main/engine/jobs';
import { ChromiumPdfPrinter, type PdfPrinter } from '../../main/reports/pdf';
import type { PortalAccount } from '../../main/portal/portal-accounts';
import { outboxAccounts, readLetters, type Letter } from '../support/letters';
import { openPortal } from '../../main/portal/open';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let acc: Database.Database;
const printer = new ChromiumPdfPrinter();

/** What the portal holds per account after applying the files in order: the newest code wins. */
function portalState(dir: string): Map<string, PortalAccount> {
  const out = new Map<string, PortalAccount>();
  for (const a of outboxAccounts(dir)) out.set(a.account_no, a);
  return out;
}

const ctx = (): JobContext => ({ signal: new AbortController().signal, progress: () => {} });
const admin = () => b.ws.operators.find('admin')!;

async function create(req: AccountsCreateRequest, pdf: PdfPrinter = printer): Promise<PortalAccountsSummary> {
  return createPortalAccounts(b.ws, admin(), req, ctx(), () => openPortal(b.ws.cfg, b.secrets, b.ws.locale()), { pdf });
}

/** Portal-enabled, active premises with a number of their own, in premises order. */
function eligible(limit: number, offset = 0): string[] {
  return acc
    .prepare(
      `SELECT account_no FROM premises p WHERE www = 1 AND status = 'active' AND account_no IS NOT NULL AND account_no <> ''
         AND (SELECT COUNT(*) FROM premises q WHERE q.account_no = p.account_no) = 1
       ORDER BY premises_id LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(limit, offset) as string[];
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 200, months: 2, seed: 'portal-accounts' });
  const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
  cfg.accounts = { portalUrl: 'https://portal.example.pl/mieszkancy' };
  writeFileSync(ws.configFile, JSON.stringify(cfg));
  acc = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
  b = createBackend(ws.configFile, { ports: { pdf: printer, secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
});
afterAll(async () => {
  await b?.close();
  await printer.close();
  acc?.close();
  ws?.cleanup();
});

describe('portal accounts and activation letters (folder transport)', () => {
  const building = () =>
    acc
      .prepare(
        `SELECT b.code FROM buildings b JOIN premises p ON p.building_id = b.building_id
         WHERE p.www = 1 AND p.status = 'active' GROUP BY b.code HAVING COUNT(*) >= 3 ORDER BY COUNT(*), b.code LIMIT 1`,
      )
      .pluck()
      .get() as string;
  let first: { letters: Letter[]; summary: PortalAccountsSummary; stdout: string; out: string };

  it('a whole building through the CLI: one letter per eligible premises, and the hash the portal got verifies each printed code', async () => {
    const code = building();
    const expected = acc
      .prepare(
        `SELECT p.account_no FROM premises p JOIN buildings b ON b.building_id = p.building_id
         WHERE b.code = ? AND p.www = 1 AND p.status = 'active' AND p.account_no IS NOT NULL AND p.account_no <> ''
           AND (SELECT COUNT(*) FROM premises q WHERE q.account_no = p.account_no) = 1 ORDER BY p.premises_id`,
      )
      .pluck()
      .all(code) as string[];
    const out = join(ws.dir, '..', 'letters-building.pdf');
    const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/saldo.js'), '--config', ws.configFile, '--json', 'portal', 'accounts', 'create', '--building', code, '--letters', out], {
      encoding: 'utf8',
      env: { ...process.env, SALDO_LANG: '' },
      timeout: 180_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as PortalAccountsSummary;
    expect(summary).toMatchObject({ status: 'completed', issued: expected.length, reissued: 0, rejected: 0, file: out, language: 'pl' });
    expect(Object.keys(summary).sort(), r.stdout).toEqual(['errors', 'file', 'issued', 'language', 'reissued', 'rejected', 'runId', 'selected', 'skipped', 'status']);
    // The file was moved out of the reports folder: one copy of the codes, readable by its owner only.
    expect(readdirSync(join(ws.dir, 'reports')).filter((f) => f.startsWith('activation-letters'))).toEqual([]);
    expect(statSync(out).mode & 0o077).toBe(0);

    const letters = readLetters(out);
    expect(letters.map((l) => l.account)).toEqual(expected);
    const portal = portalState(ws.dir);
    for (const l of letters) {
      const held = portal.get(l.account)!;
      expect(held.codeId).toBe(l.codeId);
      expect(held.replaces).toBeNull();
      expect(held.activation).toMatchObject({ algorithm: 'scrypt' });
      expect(await verifyCode(l.code, held.activation as ActivationHash)).toBe(true);
      expect(Date.parse(held.expiresAt)).toBeGreaterThan(Date.now() + 59 * 86_400_000);
      // The letter: Polish, the portal's address, the steps, the account.
      expect(l.text).toContain('Jak się zarejestrować');
      expect(l.text).toContain('https://portal.example.pl/mieszkancy');
      expect(l.text).toContain(l.account);
    }
    expect(new Set(letters.map((l) => l.code)).size).toBe(letters.length);
    first = { letters, summary, stdout: r.stdout, out };
  });

  it('the code exists only in the letters: not in the store (nor its WAL), logs, journal, audit, stdout JSON or the outbox', () => {
    // Close nothing: the WAL is read as it is, with whatever the runs left in it.
    const places = filesUnder(ws.dir).filter((f) => f !== first.out);
    expect(places.some((f) => f.endsWith('store.sqlite'))).toBe(true);
    expect(places.some((f) => f.includes(`${join('portal', 'outbox')}`))).toBe(true);
    expect(places.some((f) => f.includes(join(ws.dir, 'logs')))).toBe(true);
    const haystacks = [...places.map((f) => ({ f, text: readFileSync(f).toString('latin1') + readFileSync(f).toString('utf8') })), { f: 'stdout', text: first.stdout }];
    const runs = JSON.stringify(b.ws.journal.list(100)) + JSON.stringify(b.ws.journal.records(first.summary.runId)) + JSON.stringify(b.ws.audit.list(1000));
    haystacks.push({ f: 'journal+audit', text: runs });
    for (const l of first.letters) {
      const grouped = l.code.match(/.{1,4}/g)!.join('-');
      for (const h of haystacks) {
        expect(h.text.includes(l.code), `${l.code} in ${h.f}`).toBe(false);
        expect(h.text.includes(grouped), `${grouped} in ${h.f}`).toBe(false);
      }
    }
    // What the store keeps instead: metadata only.
    const rows = b.ws.db.prepare(`SELECT * FROM portal_activations WHERE run_id = ?`).all(first.summary.runId) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(first.letters.length);
    expect(Object.keys(rows[0]).sort()).toEqual(['account_no', 'batch_id', 'code_id', 'expires_at', 'id', 'issued_at', 'issued_by', 'language', 'replaces', 'run_id', 'status', 'version']);
    expect(rows.every((r) => r.status === 'issued' && r.issued_by === 'admin' && r.version === 1)).toBe(true);
  });

  it('a second run leaves live codes alone; --reissue replaces one, and the old code no longer verifies', async () => {
    const [a, c] = [first.letters[0].account, first.letters[1].account];
    const again = await create({ accounts: [a, c] });
    expect(again).toMatchObject({ status: 'completed', issued: 0, file: null, skipped: { live: 2 } });
    expect(again.errors.map((e) => e.code).sort()).toEqual(['SAL-4103', 'SAL-4103', 'SAL-4109']);
    expect(again.errors.find((e) => e.key === a)?.message).toContain(first.letters[0].codeId);

    const re = await create({ accounts: [a], reissue: true });
    expect(re).toMatchObject({ status: 'completed', issued: 1, reissued: 1 });
    const [letter] = readLetters(re.file!);
    expect(letter.account).toBe(a);
    expect(letter.text).toContain(first.letters[0].codeId); // "replaces the code … sent earlier"
    const held = portalState(ws.dir).get(a)!;
    expect(held).toMatchObject({ codeId: letter.codeId, replaces: first.letters[0].codeId });
    expect(await verifyCode(letter.code, held.activation as ActivationHash)).toBe(true);
    expect(await verifyCode(first.letters[0].code, held.activation as ActivationHash)).toBe(false);
    const versions = b.ws.db.prepare(`SELECT version, status FROM portal_activations WHERE account_no = ? ORDER BY version`).all(a);
    expect(versions).toEqual([
      { version: 1, status: 'replaced' },
      { version: 2, status: 'issued' },
    ]);
    rmSync(re.file!);
  });

  it('premises registered on the portal, not portal-enabled or unknown get no code, each with its reason', async () => {
    const [r1, fresh] = eligible(2, 40);
    const gw = await b.ws.accounting();
    await gw.applyRegistrations([{ event: 'registered', account_no: r1, at: new Date().toISOString(), portal_login: 'x@example.pl' }]);
    const noWww = acc.prepare(`SELECT account_no FROM premises WHERE www = 0 AND account_no <> '' ORDER BY premises_id LIMIT 1`).pluck().get() as string;
    const s = await create({ accounts: [r1, fresh, noWww, 'NO-SUCH-ACCOUNT'], language: 'en' });
    expect(s, JSON.stringify(s)).toMatchObject({ status: 'completed', issued: 1, language: 'en', skipped: { registered: 1, notEligible: 1 } });
    expect(s.errors.map((e) => [e.code, e.key]).sort()).toEqual([
      ['SAL-4101', noWww],
      ['SAL-4102', r1],
      ['SAL-4104', 'NO-SUCH-ACCOUNT'],
    ]);
    const letters = readLetters(s.file!);
    expect(letters.map((l) => l.account)).toEqual([fresh]);
    expect(letters[0].text).toContain('How to register');
    rmSync(s.file!);
  });

  it('letters that cannot be written after the portal accepted: the codes are lost (SAL-4107), and the next run re-issues them by itself', async () => {
    const accounts = eligible(2, 50);
    const reports = join(ws.dir, 'reports');
    // The printer works, but the reports folder is gone by the time the letters are written.
    const sabotage: PdfPrinter = {
      toPdf: async (html, o) => {
        const bytes = await printer.toPdf(html, o);
        rmSync(reports, { recursive: true, force: true });
        writeFileSync(reports, 'not a folder');
        return bytes;
      },
      close: async () => {},
    };
    const lost = await create({ accounts }, sabotage);
    rmSync(reports, { force: true });
    execFileSync('mkdir', ['-p', reports]);
    expect(lost.status).toBe('failed');
    expect(lost.file).toBeNull();
    const p = lost.errors.at(-1)!;
    expect(p.code).toBe('SAL-4107');
    expect(p.hint).toContain('--reissue');
    // The portal has them; the store says they are lost, not live.
    const held = portalState(ws.dir);
    for (const a of accounts) expect(held.has(a)).toBe(true);
    expect(b.ws.db.prepare(`SELECT DISTINCT status FROM portal_activations WHERE run_id = ?`).pluck().all(lost.runId)).toEqual(['letter_failed']);
    expect(b.ws.journal.records(lost.runId).filter((r) => r.outcome === 'lost').map((r) => r.key).sort()).toEqual([...accounts].sort());

    const redo = await create({ accounts });
    expect(redo).toMatchObject({ status: 'completed', issued: 2 });
    const letters = readLetters(redo.file!);
    const now = portalState(ws.dir);
    for (const l of letters) {
      expect(now.get(l.account)!.replaces).not.toBeNull(); // tells the portal which lost code goes
      expect(await verifyCode(l.code, now.get(l.account)!.activation as ActivationHash)).toBe(true);
      expect(l.text).not.toMatch(/zastępuje/); // the resident never had the lost one
    }
    rmSync(redo.file!);
  });

  it('letters that cannot be prepared stop the run before anything is sent (SAL-4110)', async () => {
    const accounts = eligible(2, 60);
    const before = outboxAccounts(ws.dir).length;
    const broken: PdfPrinter = { toPdf: async () => Promise.reject(new Error('no browser here')), close: async () => {} };
    const s = await create({ accounts }, broken);
    expect(s.status).toBe('failed');
    expect(s.errors.at(-1)).toMatchObject({ code: 'SAL-4110' });
    expect(s.errors.at(-1)!.message).toContain('no browser here');
    expect(outboxAccounts(ws.dir).length).toBe(before);
    expect(b.ws.db.prepare(`SELECT COUNT(*) FROM portal_activations WHERE run_id = ?`).pluck().get(s.runId)).toBe(0);
  });

  it('refuses too many letters at once before anything happens (SAL-4108)', async () => {
    const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
    cfg.accounts = { ...cfg.accounts, maxLetters: 3 };
    writeFileSync(ws.configFile, JSON.stringify(cfg));
    const small = createBackend(ws.configFile, { ports: { pdf: printer, secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
    try {
      const before = outboxAccounts(ws.dir).length;
      const s = await createPortalAccounts(small.ws, small.ws.operators.find('admin')!, { accounts: eligible(4, 70) }, ctx(), () => openPortal(small.ws.cfg, small.secrets, small.ws.locale()), { pdf: printer });
      expect(s.status).toBe('failed');
      expect(s.errors.at(-1)).toMatchObject({ code: 'SAL-4108' });
      expect(outboxAccounts(ws.dir).length).toBe(before);
    } finally {
      await small.close().catch(() => undefined);
      cfg.accounts.maxLetters = 5000;
      writeFileSync(ws.configFile, JSON.stringify(cfg));
    }
  });

  it('an operator without the exchange right cannot create accounts (SAL-6003), through the dispatcher', async () => {
    b.ws.operators.add({ name: 'ola', displayName: 'Ola', role: 'operator' });
    const r = await b.dispatcher.handle('accounts.create', { accounts: eligible(1, 80) }, { session: { actor: b.ws.operators.find('ola')! }, trustedSender: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('SAL-6003');
  });
});
