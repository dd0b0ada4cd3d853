// Data to WWW on a real demo workspace, through the dispatcher, to the real folder transport:
// preview, send all / changed / selected, validation of the planted defects, the guards,
// keep-on-update fields, cancel and resume, and portal receipts.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobFinished, WwwSendSummary } from '../../shared/ipc/contract';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter } from '../../main/reports/pdf';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let b: Backend;
let acc: Database.Database;

function open() {
  return createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter(), secrets: { keyFile: join(ws.dir, '.key', 'k') } }, emit: () => {}, throttleMs: 0 });
}

async function send(req: Record<string, unknown>, opts: { cancelAfterBatches?: number } = {}): Promise<{ fin: JobFinished; s: WwwSendSummary }> {
  const r = await b.dispatcher.handle('www.send', { period: ws.period, ...req }, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const { jobId } = r.value as { jobId: string };
  if (opts.cancelAfterBatches !== undefined) {
    const target = manifest().length + opts.cancelAfterBatches;
    const timer = setInterval(() => {
      if (manifest().length >= target) {
        b.jobs.cancel(jobId);
        clearInterval(timer);
      }
    }, 1);
    const fin = (await b.jobs.wait(jobId))!;
    clearInterval(timer);
    return { fin, s: fin.result as WwwSendSummary };
  }
  const fin = (await b.jobs.wait(jobId))!;
  return { fin, s: fin.result as WwwSendSummary };
}

function manifest(): Array<{ batchId: string; category: string; file: string; records: number }> {
  const f = join(ws.dir, 'portal', 'outbox', 'manifest.jsonl');
  if (!existsSync(f)) return [];
  return readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** Every record the folder portal received, per category: key → last status. */
function received(category: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of manifest().filter((x) => x.category === category)) {
    const body = JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', m.file), 'utf8'));
    for (const r of body.records) out.set(r.key, r.status);
  }
  return out;
}

const wwwAccounts = () =>
  new Set((acc.prepare(`SELECT account_no FROM premises WHERE www = 1 AND account_no IS NOT NULL AND account_no <> ''`).pluck().all() as string[]));

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 400, months: 2, seed: 'www' });
  acc = new Database(join(ws.dir, 'accounting.sqlite'));
  const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
  cfg.www = { batchSize: 50 };
  writeFileSync(ws.configFile, JSON.stringify(cfg));
  b = open();
});
afterAll(async () => {
  await b?.close();
  acc?.close();
  ws?.cleanup();
});

describe('Data to WWW', () => {
  let first: WwwSendSummary;

  it('previews a first send: everything new, nothing written', async () => {
    const { fin, s } = await send({ mode: 'all', dryRun: true });
    expect(fin.status).toBe('completed');
    expect(s.dryRun).toBe(true);
    expect(s.categories.accounts!.new).toBeGreaterThan(200);
    expect(s.categories.accounts!.unchanged).toBe(0);
    expect(manifest()).toHaveLength(0);
  });

  it('sends all: only WWW premises, every planted defect found and skipped, the rest delivered', async () => {
    const { fin, s } = await send({ mode: 'all' });
    first = s;
    expect(fin.status).toBe('completed');
    const codes = Object.values(s.categories).flatMap((c) => c!.errors.map((e) => e.code));
    for (const code of ['SAL-1001', 'SAL-1002', 'SAL-1003', 'SAL-1009']) expect(codes, code).toContain(code);
    const got = received('accounts');
    const www = wwwAccounts();
    for (const k of got.keys()) expect(www.has(k), k).toBe(true); // never a premises without "WWW"
    const defects = ws.generated.defects;
    const dup = defects.find((d) => d.kind === 'duplicate_account_no')!.key;
    const badIban = defects.find((d) => d.kind === 'bad_virtual_account_checksum')!.key;
    expect(got.has(dup)).toBe(false);
    expect(got.has(badIban)).toBe(false);
    expect(received('charges').has(dup)).toBe(false);
    expect(s.categories.accounts!.sent).toBe(got.size);
    expect(s.categories.accounts!.skipped).toBeGreaterThan(0);
    expect(s.categories.services!.sent).toBeGreaterThan(0);
    // The journal says what was delivered.
    const run = b.ws.journal.get(s.runId)!;
    expect(run).toMatchObject({ kind: 'www-send', mode: 'all', status: 'completed' });
    expect(run.counts['accounts.sent']).toBe(got.size);
  });

  it('send changed right after sends nothing', async () => {
    const { fin, s } = await send({ mode: 'changed' });
    expect(fin.status).toBe('completed');
    for (const [c, r] of Object.entries(s.categories)) {
      expect(r!.sent, c).toBe(0);
      expect(r!.unchanged, c).toBe(first.categories[c as keyof typeof first.categories]!.sent);
    }
  });

  it('send changed sends exactly the records that changed', async () => {
    const [a1, a2] = [...received('accounts').keys()].slice(0, 2);
    acc.prepare(`UPDATE premises SET owner_name = owner_name || ' (zm.)' WHERE account_no = ?`).run(a1);
    acc.prepare(`UPDATE charges SET recalculation = recalculation + 1000 WHERE period = ? AND premises_id = (SELECT premises_id FROM premises WHERE account_no = ?) AND service_id = (SELECT MIN(service_id) FROM services)`).run(ws.period, a2);
    const before = manifest().length;
    const { s } = await send({ mode: 'changed' });
    expect(s.categories.accounts).toMatchObject({ sent: 1, changed: 1 });
    expect(s.categories.charges).toMatchObject({ sent: 1, changed: 1 });
    expect(s.categories.residents!.sent).toBe(0);
    const batches = manifest().slice(before);
    const keys = batches.flatMap((m) => JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', m.file), 'utf8')).records.map((r: { key: string }) => `${m.category}:${r.key}`));
    expect(keys.sort()).toEqual([`accounts:${a1}`, `charges:${a2}`].sort());
  });

  it('send changed compares only what is sent: a meter’s radio id is not sent, its serial is', async () => {
    const delivered = new Set(received('meters').keys());
    const meters = acc
      .prepare(
        `SELECT p.account_no, m.meter_id FROM meters m JOIN premises p ON p.premises_id = m.premises_id
         WHERE m.removed_on IS NULL AND p.www = 1 ORDER BY m.meter_id`,
      )
      .raw()
      .all() as Array<[string, number]>;
    const [k, meterId] = meters.find(([a]) => delivered.has(a))!;
    acc.prepare(`UPDATE meters SET radio_id = 'RADIO-NEW-1' WHERE meter_id = ?`).run(meterId);
    const quiet = await send({ mode: 'changed' });
    expect(quiet.s.categories.meters).toMatchObject({ sent: 0, changed: 0 });
    acc.prepare(`UPDATE meters SET serial = serial || '-B' WHERE meter_id = ?`).run(meterId);
    const before = manifest().length;
    const { s } = await send({ mode: 'changed' });
    expect(s.categories.meters).toMatchObject({ sent: 1, changed: 1 });
    const keys = manifest()
      .slice(before)
      .flatMap((m) => JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', m.file), 'utf8')).records.map((r: { key: string }) => `${m.category}:${r.key}`));
    expect(keys).toEqual([`meters:${k}`]);
  });

  it('sends selected accounts only, with their per-account categories and no dictionaries', async () => {
    const chosen = [...received('accounts').keys()].slice(5, 8);
    const before = manifest().length;
    const { fin, s } = await send({ mode: 'selected', accounts: [...chosen, 'NO-SUCH-ACCOUNT'] });
    expect(fin.status).toBe('completed');
    expect(s.categories.accounts!.sent).toBe(3);
    expect(s.categories.services!.sent).toBe(0);
    expect(s.categories.accounts!.errors.map((e) => e.code)).toEqual(['SAL-1024']); // not the other premises' problems
    expect(Object.values(s.categories).every((c) => c!.skipped === 0)).toBe(true);
    const keys = new Set(manifest().slice(before).flatMap((m) => JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', m.file), 'utf8')).records.map((r: { key: string }) => r.key)));
    expect([...keys].sort()).toEqual([...chosen].sort());
  });

  it('stops a full send that would drop more than 5% of accounts, sending nothing; goes on when confirmed', async () => {
    const delivered = [...received('accounts').keys()];
    const drop = delivered.slice(0, Math.ceil(delivered.length * 0.08));
    const upd = acc.prepare(`UPDATE premises SET www = 0 WHERE account_no = ?`);
    for (const k of drop) upd.run(k);
    const before = manifest().length;
    const stopped = await send({ mode: 'all' });
    expect(stopped.fin.status).toBe('stopped');
    expect(stopped.s.errors[0].code).toBe('SAL-1020');
    expect(manifest().length).toBe(before);
    expect(b.ws.journal.get(stopped.s.runId)!.status).toBe('stopped');
    const confirmed = await send({ mode: 'all', confirmDrop: true });
    expect(confirmed.fin.status).toBe('completed');
    expect(confirmed.s.categories.accounts!.notInBilling).toBe(drop.length);
    const statuses = received('accounts');
    for (const k of drop) expect(statuses.get(k)).toBe('not_in_billing');
    for (const k of drop) upd.run(k); // (still dropped for the rest of the file)
  });

  it('stops when a category that had records comes back empty', async () => {
    const saved = acc.prepare(`SELECT * FROM beneficiaries`).all();
    acc.prepare(`DELETE FROM beneficiaries`).run();
    const r = await send({ mode: 'changed' });
    expect(r.fin.status).toBe('stopped');
    expect(r.s.errors[0]).toMatchObject({ code: 'SAL-1021' });
    expect(r.s.errors[0].message).toContain('beneficiaries');
    const ins = acc.prepare(`INSERT INTO beneficiaries VALUES (${Object.keys(saved[0] as object).map(() => '?').join(', ')})`);
    for (const row of saved) ins.run(...Object.values(row as object));
  });

  it('is cancelled between batches; the journal says what was delivered and send changed delivers exactly the rest', async () => {
    acc.prepare(`UPDATE premises SET info4 = 'Zebranie wspólnoty 12 grudnia' WHERE www = 1`).run();
    const before = manifest().length;
    const cancelled = await send({ mode: 'changed', categories: ['accounts'] }, { cancelAfterBatches: 2 });
    expect(cancelled.fin.status).toBe('cancelled');
    const firstPart = manifest().slice(before);
    const deliveredNow = firstPart.reduce((a, m) => a + m.records, 0);
    expect(deliveredNow).toBeGreaterThan(0);
    const run = b.ws.journal.get(cancelled.s.runId)!;
    expect(run.status).toBe('cancelled');
    expect(run.counts['accounts.sent']).toBe(deliveredNow);
    const rest = await send({ mode: 'changed', categories: ['accounts'] });
    expect(rest.fin.status).toBe('completed');
    const secondPart = manifest().slice(before + firstPart.length);
    const keys1 = firstPart.flatMap((m) => JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', m.file), 'utf8')).records.map((r: { key: string }) => r.key));
    const keys2 = secondPart.flatMap((m) => JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', m.file), 'utf8')).records.map((r: { key: string }) => r.key));
    expect(keys1.filter((k: string) => keys2.includes(k))).toEqual([]); // nothing twice
    const again = await send({ mode: 'changed', categories: ['accounts'] });
    expect(again.s.categories.accounts!.sent).toBe(0); // and nothing left
  });

  it('resends a record the portal rejected in a receipt', async () => {
    const last = manifest().filter((m) => m.category === 'accounts').at(-1)!;
    const body = JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', last.file), 'utf8'));
    const key = body.records[0].key;
    mkdirSync(join(ws.dir, 'portal', 'inbox', 'acks'), { recursive: true });
    writeFileSync(join(ws.dir, 'portal', 'inbox', 'acks', `${last.batchId}.json`), JSON.stringify({ batchId: last.batchId, rejected: [{ key, code: 'P-17', message: 'address too long' }] }));
    const { s } = await send({ mode: 'changed', categories: ['accounts'] });
    expect(s.categories.accounts!.sent).toBe(1);
    expect(s.categories.accounts!.errors.find((e) => e.code === 'SAL-1022')?.key).toBe(key);
    expect(readdirSync(join(ws.dir, 'portal', 'inbox', 'acks')).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('leaves the fields an update may not overwrite alone, and does not compare them', async () => {
    await b.close();
    const cfg = JSON.parse(readFileSync(ws.configFile, 'utf8'));
    cfg.www.keepOnUpdate = { accounts: ['owner_name'] };
    writeFileSync(ws.configFile, JSON.stringify(cfg));
    b = open();
    await send({ mode: 'all', confirmDrop: true, categories: ['accounts'] }); // hashes now without owner_name
    const k = [...received('accounts').entries()].find(([, st]) => st === 'active')![0];
    acc.prepare(`UPDATE premises SET owner_name = 'Ktoś Inny' WHERE account_no = ?`).run(k);
    const { s } = await send({ mode: 'changed', categories: ['accounts'] });
    expect(s.categories.accounts!.sent).toBe(0);
    const before = manifest().length;
    await send({ mode: 'all', categories: ['accounts'], confirmDrop: true });
    const rec = manifest()
      .slice(before)
      .flatMap((m) => JSON.parse(readFileSync(join(ws.dir, 'portal', 'outbox', m.file), 'utf8')).records)
      .find((r: { key: string }) => r.key === k);
    expect(rec.data).not.toHaveProperty('owner_name');
  });

  it('prints the error report with each code, account and what to do', async () => {
    const r = await b.dispatcher.handle('report.pdf', { kind: 'www-errors', runId: first.runId }, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
    expect(r.ok).toBe(true);
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', ['-layout', (r as { ok: true; value: { file: string } }).value.file, '-'], { encoding: 'utf8' });
    for (const code of ['SAL-1001', 'SAL-1002', 'SAL-1003']) expect(text).toContain(code);
    expect(text).toContain(ws.generated.defects.find((d) => d.kind === 'duplicate_account_no')!.key);
  });
});
