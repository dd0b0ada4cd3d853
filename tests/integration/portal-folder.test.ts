// The folder portal transport: atomic batch files, a checksummed manifest, idempotent re-sends,
// receipts read once and bad receipts set aside. Files are checked against docs/portal-api.json.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FolderPortalGateway } from '../../main/portal/folder/gateway';
import { parseManifest } from '../../main/portal/folder/manifest';
import type { Batch, PortalRecord } from '../../main/portal/port';
import type { Problem } from '../../shared/domain/types';
import { ProblemError } from '../../shared/errors/problem';
import { OpenApiDoc } from '../support/portal-server';

const api = new OpenApiDoc();
const dirs: string[] = [];
let dir: string;

function filesUnder(d: string): string[] {
  if (!existsSync(d)) return [];
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const account = (no: string, pad = 0): PortalRecord => ({
  key: no,
  status: 'active',
  data: {
    account_no: no,
    premises_kind: 'residential',
    building: 'B001',
    address: 'вул. Шевченка 5, Київ',
    unit: '7',
    area_m2: '61.30',
    residents_count: 3,
    owner_name: 'Олена Коваленко',
    portal_group: 'other',
    virtual_account: 'UA213223130000026007233566001',
    info1: pad ? 'x'.repeat(pad) : null,
    info2: null,
    info3: null,
    info4: null,
    status: 'active',
  },
});

function batch(id: string, records: PortalRecord[], over: Partial<Batch> = {}): Batch {
  return { batchId: id, period: '2025-04', category: 'accounts', mode: 'full', seq: 1, last: true, records, ...over };
}

function manifest(): ReturnType<typeof parseManifest> {
  const f = join(dir, 'outbox', 'manifest.jsonl');
  return existsSync(f) ? parseManifest(readFileSync(f, 'utf8')) : [];
}

async function rejection(p: Promise<unknown>): Promise<ProblemError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ProblemError);
  return e as ProblemError;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'saldo-portal-'));
  dirs.push(dir);
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// A reader in another thread that polls the outbox as fast as it can while batches are written:
// every *.json file it finds must be complete JSON, and every manifest line must name a file whose
// checksum matches. It runs until told to stop, then reports what it saw.
const READER = `
const { workerData, parentPort } = require('node:worker_threads');
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { createHash } = require('node:crypto');
const stop = new Int32Array(workerData.stop);
const outbox = workerData.outbox;
let reads = 0, manifestLines = 0; const bad = [];
function walk(d) {
  let names = [];
  try { names = readdirSync(d); } catch { return; }
  for (const n of names) {
    const p = join(d, n);
    let st; try { st = statSync(p); } catch { continue; }
    if (st.isDirectory()) { walk(p); continue; }
    if (n.startsWith('.') || !n.endsWith('.json')) continue;
    let text; try { text = readFileSync(p, 'utf8'); } catch { continue; }
    reads++;
    try { const b = JSON.parse(text); if (!Array.isArray(b.records) || b.records.length !== workerData.records) bad.push(p + ': ' + (b.records && b.records.length)); }
    catch (e) { bad.push(p + ': partial (' + text.length + ' chars)'); }
  }
}
while (Atomics.load(stop, 0) === 0) {
  walk(outbox);
  let text = '';
  try { text = readFileSync(join(outbox, 'manifest.jsonl'), 'utf8'); } catch {}
  const lines = text.split('\\n'); lines.pop();
  for (const line of lines) {
    manifestLines++;
    let e; try { e = JSON.parse(line); } catch { bad.push('manifest line not JSON'); continue; }
    let bytes; try { bytes = readFileSync(join(outbox, e.file)); } catch { bad.push('manifest names a missing file ' + e.file); continue; }
    if (createHash('sha256').update(bytes).digest('hex') !== e.sha256) bad.push('checksum mismatch ' + e.file);
  }
}
parentPort.postMessage({ reads, manifestLines, bad: bad.slice(0, 20), badCount: bad.length });
`;

describe('folder portal transport', () => {
  it('a concurrent reader never sees half a file, and the manifest only names complete files', async () => {
    const g = new FolderPortalGateway(dir);
    const outbox = join(dir, 'outbox');
    mkdirSync(outbox);
    const stop = new SharedArrayBuffer(4);
    const RECORDS = 40;
    const worker = new Worker(READER, { eval: true, workerData: { outbox, stop, records: RECORDS } });
    const report = new Promise<{ reads: number; manifestLines: number; bad: string[]; badCount: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const records = Array.from({ length: RECORDS }, (_, i) => account(`20-${String(i).padStart(4, '0')}`, 1500));
    for (let i = 1; i <= 200; i++) {
      const period = i % 2 ? '2025-04' : '2025-05';
      const r = await g.putBatch(batch(`send-1-accounts-${i}`, records, { period, seq: i, last: i === 200 }));
      expect(r).toEqual({ accepted: RECORDS, rejected: [] });
    }
    Atomics.store(new Int32Array(stop), 0, 1);
    const seen = await report;
    await worker.terminate();
    expect(seen.bad).toEqual([]);
    expect(seen.reads).toBeGreaterThan(50);
    expect(seen.manifestLines).toBeGreaterThan(0);
    expect(manifest()).toHaveLength(200);
    // No temporary files left behind.
    expect(filesUnder(outbox).filter((f) => f.split(/[\\/]/).pop()!.startsWith('.'))).toEqual([]);
  });

  it('writes the HTTPS body as the file, and a manifest whose checksums match the files', async () => {
    const g = new FolderPortalGateway(dir, { now: () => new Date('2025-04-30T10:00:00Z') });
    const b1 = batch('send-2-accounts-1', [account('21-0001'), { key: '21-0002', status: 'not_in_billing' }], { seq: 1, last: false });
    const b2 = batch('send-2-accounts-2', [account('21-0003')], { seq: 2, last: true });
    const c = batch('send-2-charges-1', [{ key: '21-0001', status: 'active', data: { rows: [{ service_code: 'UTR', debt_brought_forward: '0.00', quantity: '61.3000', tariff: '8.5200', amount: '522.28', recalculation: '0.00', total: '522.28' }] } }], { category: 'charges', mode: 'partial' });
    for (const b of [b1, b2, c]) await g.putBatch(b);
    await g.putNotice({ noticeId: 'notice-7', period: null, audience: { kind: 'accounts', accounts: ['21-0001'] }, title: 'Лічильники', body: 'Прохання передати показники до 25 числа.' });

    const entries = manifest();
    expect(entries.map((e) => e.file)).toEqual(['2025-04/accounts/send-2-accounts-1.json', '2025-04/accounts/send-2-accounts-2.json', '2025-04/charges/send-2-charges-1.json', 'notices/notice-7.json']);
    expect(entries[0]).toEqual({ batchId: b1.batchId, period: '2025-04', category: 'accounts', mode: 'full', seq: 1, last: false, file: entries[0].file, records: 2, sha256: entries[0].sha256, writtenAt: '2025-04-30T10:00:00.000Z' });
    for (const e of entries) {
      expect(api.validate(e, api.schema('ManifestEntry'), 'manifest')).toBeNull();
      const bytes = readFileSync(join(dir, 'outbox', e.file));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.sha256);
    }
    const body = JSON.parse(readFileSync(join(dir, 'outbox', entries[0].file), 'utf8'));
    expect(body).toEqual({ batchId: b1.batchId, mode: 'full', seq: 1, last: false, records: b1.records });
    expect(api.validate(body, api.schema('BatchRequest'))).toBeNull();
    expect(api.validate(body.records[0].data, api.schema('AccountData'))).toBeNull();
    const charges = JSON.parse(readFileSync(join(dir, 'outbox', entries[2].file), 'utf8'));
    expect(api.validate(charges.records[0].data, api.schema('ChargesData'))).toBeNull();
    expect(api.validate(JSON.parse(readFileSync(join(dir, 'outbox', entries[3].file), 'utf8')), api.schema('Notice'))).toBeNull();
  });

  it('an abort before writing throws AbortError and leaves nothing', async () => {
    const g = new FolderPortalGateway(dir);
    const ac = new AbortController();
    ac.abort();
    const e = await g.putBatch(batch('send-3-accounts-1', [account('22-0001')]), ac.signal).catch((x: unknown) => x);
    expect((e as Error).name).toBe('AbortError');
    const e2 = await g.putNotice({ noticeId: 'n-1', period: null, audience: { kind: 'all' }, title: 't', body: 'b' }, ac.signal).catch((x: unknown) => x);
    expect((e2 as Error).name).toBe('AbortError');
    expect(filesUnder(dir)).toEqual([]);
  });

  it('re-sending a batch already in the manifest is a no-op; other content under the same id is refused', async () => {
    const g = new FolderPortalGateway(dir);
    const b = batch('send-4-accounts-1', [account('23-0001'), account('23-0002')]);
    expect(await g.putBatch(b)).toEqual({ accepted: 2, rejected: [] });
    const file = join(dir, 'outbox', '2025-04', 'accounts', 'send-4-accounts-1.json');
    const before = statSync(file).mtimeMs;
    expect(await g.putBatch(structuredClone(b))).toEqual({ accepted: 2, rejected: [] });
    // A second gateway (another process) knows it too, from the manifest.
    expect(await new FolderPortalGateway(dir).putBatch(structuredClone(b))).toEqual({ accepted: 2, rejected: [] });
    expect(manifest()).toHaveLength(1);
    expect(statSync(file).mtimeMs).toBe(before);

    const changed = batch('send-4-accounts-1', [account('23-0001')]);
    const e = await rejection(g.putBatch(changed));
    expect(e.problem.code).toBe('SAL-4012');
    expect(JSON.parse(readFileSync(file, 'utf8')).records).toHaveLength(2);
    expect(manifest()).toHaveLength(1);
  });

  it('a torn last manifest line is ignored and does not spoil the next entry', async () => {
    const g = new FolderPortalGateway(dir);
    await g.putBatch(batch('send-5-accounts-1', [account('24-0001')]));
    appendFileSync(join(dir, 'outbox', 'manifest.jsonl'), '{"batchId":"send-5-accounts-2","peri');
    expect(manifest().map((e) => e.batchId)).toEqual(['send-5-accounts-1']);
    await new FolderPortalGateway(dir).putBatch(batch('send-5-accounts-3', [account('24-0003')]));
    expect(manifest().map((e) => e.batchId)).toEqual(['send-5-accounts-1', 'send-5-accounts-3']);
  });

  it('refuses to write when the exchange folder is missing, and never counts that as delivered', async () => {
    const g = new FolderPortalGateway(join(dir, 'not-mounted'));
    const e = await rejection(g.putBatch(batch('send-6-accounts-1', [account('25-0001')])));
    expect(e.problem.code).toBe('SAL-4010');
    expect(existsSync(join(dir, 'not-mounted'))).toBe(false);
    expect((await rejection(g.putBatch(batch('../evil', [account('25-0001')])))).problem.code).toBe('SAL-4014');
  });

  it('reads each receipt once, and moves it to read/', async () => {
    const g = new FolderPortalGateway(dir);
    expect(await g.takeReceipts()).toEqual([]); // no inbox yet
    const acks = join(dir, 'inbox', 'acks');
    mkdirSync(acks, { recursive: true });
    const receipt = { batchId: 'send-7-accounts-1', rejected: [{ key: '26-0002', code: 'PORTAL-17', message: 'Brak budynku B001 w portalu' }] };
    expect(api.validate(receipt, api.schema('Receipt'))).toBeNull();
    writeFileSync(join(acks, 'send-7-accounts-1.json'), JSON.stringify(receipt));
    writeFileSync(join(acks, '.send-7-accounts-2.json.tmp'), '{"batchId":'); // being written by the portal: not ours yet
    writeFileSync(join(acks, 'send-7-accounts-3.json'), `\uFEFF${JSON.stringify({ batchId: 'send-7-accounts-3', rejected: [], importedAt: '2025-04-30T12:00:00Z' })}`);
    expect(await g.takeReceipts()).toEqual([receipt, { batchId: 'send-7-accounts-3', rejected: [] }]);
    expect(g.receiptProblems).toEqual([]);
    expect(await g.takeReceipts()).toEqual([]);
    expect(readdirSync(join(acks, 'read')).sort()).toEqual(['send-7-accounts-1.json', 'send-7-accounts-3.json']);
    expect(existsSync(join(acks, '.send-7-accounts-2.json.tmp'))).toBe(true);
    // The same name again later does not overwrite the first one in read/.
    writeFileSync(join(acks, 'send-7-accounts-1.json'), JSON.stringify(receipt));
    expect(await g.takeReceipts()).toEqual([receipt]);
    expect(readdirSync(join(acks, 'read'))).toHaveLength(3);
  });

  it('a malformed receipt is moved to failed/ and reported, never crashing, and the good ones still arrive', async () => {
    const reported: Problem[] = [];
    const g = new FolderPortalGateway(dir, { maxReceiptBytes: 4096, receiptSettleMs: 0, onProblem: (p) => reported.push(p), locale: 'pl' });
    const acks = join(dir, 'inbox', 'acks');
    mkdirSync(acks, { recursive: true });
    const good = { batchId: 'send-8-accounts-1', rejected: [] };
    writeFileSync(join(acks, 'a-good.json'), JSON.stringify(good));
    writeFileSync(join(acks, 'b-torn.json'), '{"batchId":"send-8-accounts-2","rejected":[{"key":');
    writeFileSync(join(acks, 'c-shape.json'), JSON.stringify({ batchId: 'send-8-accounts-3', rejected: [{ key: 'x' }] }));
    writeFileSync(join(acks, 'd-huge.json'), JSON.stringify({ batchId: 'send-8-accounts-4', rejected: [], pad: 'x'.repeat(5000) }));
    writeFileSync(join(acks, 'e-binary.json'), Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    writeFileSync(join(acks, 'f-array.json'), '[]');
    mkdirSync(join(acks, 'g-folder.json'));
    expect(await g.takeReceipts()).toEqual([good]);
    expect(reported.map((p) => p.code)).toEqual(['SAL-4011', 'SAL-4011', 'SAL-4011', 'SAL-4011', 'SAL-4011']);
    expect(g.receiptProblems).toEqual(reported);
    expect(reported.every((p) => p.file?.includes(join('acks', 'failed')))).toBe(true);
    expect(reported[2].message).toMatch(/8192|4096/);
    expect(readdirSync(join(acks, 'failed')).sort()).toEqual(['b-torn.json', 'c-shape.json', 'd-huge.json', 'e-binary.json', 'f-array.json']);
    expect(await g.takeReceipts()).toEqual([]);
    expect(g.receiptProblems).toEqual([]);
  });

  it('leaves a fresh unreadable receipt for next time: the portal may still be writing it', async () => {
    const now = Date.now();
    const g = new FolderPortalGateway(dir, { receiptSettleMs: 2000, now: () => new Date(now) });
    const acks = join(dir, 'inbox', 'acks');
    mkdirSync(acks, { recursive: true });
    const f = join(acks, 'send-9-accounts-1.json');
    writeFileSync(f, '{"batchId":"send-9-accounts-1","rej');
    expect(await g.takeReceipts()).toEqual([]);
    expect(g.receiptProblems).toEqual([]);
    expect(existsSync(f)).toBe(true);
    const old = new Date(now - 10_000);
    utimesSync(f, old, old);
    expect(await g.takeReceipts()).toEqual([]);
    expect(g.receiptProblems.map((p) => p.code)).toEqual(['SAL-4011']);
    expect(relative(acks, g.receiptProblems[0].file!)).toBe(join('failed', 'send-9-accounts-1.json'));
  });
});
