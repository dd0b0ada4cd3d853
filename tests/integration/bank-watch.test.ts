// The unattended folder (issue 6 point 4) on a real folder: a file still being written is read only
// once complete, temporary names are skipped, each file ends in processed/ or failed/ with a report
// beside it, and a restart in the middle loses nothing and books nothing twice.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountRow } from '../../shared/domain/accounting';
import { makeNrb } from '../../shared/domain/iban';
import type { Operator } from '../../shared/domain/permissions';
import { StatementWatcher } from '../../main/bank/watch';
import type { FileReport } from '../../main/bank/folder';
import { openWorkspace, type Workspace } from '../../main/engine/workspace';
import { makeDemoWorkspace } from '../support/workspace';
import { demoAccounts, payerNrb, pkoMt940 } from '../support/bank';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let ws: Workspace;
let rows: AccountRow[];
let root: string;

const admin = () => ws.operators.find('admin') as Operator;
const items = () => (ws.db.prepare('SELECT COUNT(*) AS n FROM bank_items').get() as { n: number }).n;
const runs = () => (ws.db.prepare(`SELECT COUNT(*) AS n FROM runs WHERE kind = 'bank-import'`).get() as { n: number }).n;

function statement(n: number, entries = 3, closing?: number): Uint8Array {
  const res = rows.filter((r) => r.account_no && r.premises_kind === 'residential' && r.status === 'active');
  return pkoMt940([
    {
      account: makeNrb('10901014', String(8_000_000_000 + n).padStart(16, '0')),
      number: `${String(n).padStart(5, '0')}/001`,
      opening: 10_000,
      openDate: '2026-11-10',
      closeDate: '2026-11-11',
      closing,
      entries: Array.from({ length: entries }, (_, i) => ({ amount: 1_000 * (i + 1), date: '2026-11-11', title: `CZYNSZ LOKAL ${res[(n * 7 + i) % res.length].account_no}`, payerAccount: payerNrb(n * 100 + i), ref: `W${n}-${i}` })),
    },
  ]);
}

async function until(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function folders(name: string) {
  const inDir = join(root, name, 'in');
  const outDir = join(root, name, 'out');
  return { inDir, outDir, processed: join(inDir, 'processed'), failed: join(inDir, 'failed') };
}

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 80, months: 2, seed: 'bank-watch' });
  rows = await demoAccounts(demo.dir, demo.period);
  ws = openWorkspace(demo.configFile);
  root = mkdtempSync(join(tmpdir(), 'saldo-watch-'));
});
afterAll(async () => {
  await ws?.close();
  demo?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a file still being written', () => {
  it('is read only once complete (written in two halves with a pause), and only once', async () => {
    const f = folders('half');
    const w = new StatementWatcher(ws, admin(), { inDir: f.inDir, outDir: f.outDir, stableMs: 1200, scanMs: 400 });
    await w.start();
    const [runs0, items0] = [runs(), items()];
    try {
      const bytes = statement(1, 6);
      const half = Math.floor(bytes.length / 2);
      writeFileSync(join(f.inDir, 'bank.sta'), bytes.subarray(0, half));
      // fs.watch has fired and scans have looked at the half file by now; none may have read it.
      await new Promise((r) => setTimeout(r, 700));
      expect(runs()).toBe(runs0);
      appendFileSync(join(f.inDir, 'bank.sta'), bytes.subarray(half));
      await until(() => w.processed === 1);
      await new Promise((r) => setTimeout(r, 1500)); // a later scan must not take it again
    } finally {
      await w.stop();
    }
    expect(runs()).toBe(runs0 + 1);
    expect(items()).toBe(items0 + 6);
    expect(readdirSync(f.inDir).sort()).toEqual(['failed', 'processed']);
    expect(readdirSync(f.failed)).toEqual([]);
    const processed = readdirSync(f.processed).sort();
    expect(processed[0]).toBe('bank.sta');
    expect(processed[1]).toMatch(/^bank\.sta\.run-\d+\.json$/);
    const report = JSON.parse(readFileSync(join(f.processed, processed[1]), 'utf8')) as FileReport;
    expect(report.status).toBe('completed');
    expect(report.file).toMatchObject({ file: 'bank.sta', booked: true, entries: 6, balanceCheck: 'ok' });
    expect(report.outputs.map((o) => o.slice(f.outDir.length + 1))).toEqual([`bank-${report.runId}-residential.csv`, `bank-${report.runId}-commercial.csv`, `bank-${report.runId}-unmatched.csv`]);
    for (const o of report.outputs) expect(existsSync(o)).toBe(true);
  });

  it('skips temporary names (.part, .tmp, dot-files) until the writer renames the file', async () => {
    const f = folders('temp');
    const w = new StatementWatcher(ws, admin(), { inDir: f.inDir, outDir: f.outDir, stableMs: 200, scanMs: 200 });
    await w.start();
    const runs0 = runs();
    try {
      writeFileSync(join(f.inDir, 'b.sta.part'), statement(2));
      writeFileSync(join(f.inDir, '.b2.sta'), statement(3));
      writeFileSync(join(f.inDir, 'b3.sta.tmp'), statement(4));
      await new Promise((r) => setTimeout(r, 900));
      expect(runs()).toBe(runs0);
      renameSync(join(f.inDir, 'b.sta.part'), join(f.inDir, 'b.sta'));
      await until(() => w.processed === 1);
    } finally {
      await w.stop();
    }
    expect(readdirSync(f.inDir).sort()).toEqual(['.b2.sta', 'b3.sta.tmp', 'failed', 'processed']);
  });
});

describe('processed or failed, with a report', () => {
  it('a statement that does not add up goes to failed/ with a translated report and books nothing', async () => {
    const f = folders('failed');
    const w = new StatementWatcher(ws, admin(), { inDir: f.inDir, outDir: f.outDir, stableMs: 200, scanMs: 300 });
    await w.start();
    const items0 = items();
    try {
      writeFileSync(join(f.inDir, 'zle.sta'), statement(5, 3, 1));
      await until(() => w.processed === 1);
    } finally {
      await w.stop();
    }
    expect(items()).toBe(items0);
    const names = readdirSync(f.failed).sort();
    expect(names[0]).toBe('zle.sta');
    const report = JSON.parse(readFileSync(join(f.failed, names[1]), 'utf8')) as FileReport;
    expect(report.file).toMatchObject({ booked: false, balanceCheck: 'mismatch' });
    const nothing = report.file.errors.find((p) => p.code === 'SAL-3053')!;
    expect(nothing.message).toMatch(/^Z pliku zle\.sta nic nie zaksięgowano/); // the workspace's language (pl)
    expect(report.outputs).toEqual([]);
    expect(readFileSync(join(demo.dir, 'logs', 'bank-watch.log'), 'utf8')).toContain('zle.sta');
  });
});

describe('a restart in the middle', () => {
  it('stopped after the first of three files, started again: all three booked exactly once', async () => {
    const f = folders('restart');
    const [runs0, items0] = [runs(), items()];
    mkdirSync(f.inDir, { recursive: true });
    for (const n of [11, 12, 13]) writeFileSync(join(f.inDir, `s${n}.sta`), statement(n, 4));
    let first!: StatementWatcher;
    const stopped = new Promise<void>((done) => {
      first = new StatementWatcher(ws, admin(), {
        inDir: f.inDir,
        outDir: f.outDir,
        stableMs: 200,
        scanMs: 300,
        onFile: () => {
          void first.stop().then(done); // the operator stops the service after one file
        },
      });
    });
    await first.start();
    await stopped;
    const afterFirst = items() - items0;
    expect(afterFirst % 4).toBe(0);
    expect(afterFirst).toBeGreaterThanOrEqual(4);
    expect(afterFirst).toBeLessThan(12);
    const left = readdirSync(f.inDir).filter((n) => n.endsWith('.sta'));
    expect(left.length).toBe(3 - afterFirst / 4);

    // A crash after booking but before the move: the booked file is back in the folder.
    const moved = readdirSync(f.processed).find((n) => n.endsWith('.sta'))!;
    cpSync(join(f.processed, moved), join(f.inDir, moved));

    const second = new StatementWatcher(ws, admin(), { inDir: f.inDir, outDir: f.outDir, stableMs: 200, scanMs: 300 });
    await second.start();
    try {
      await until(() => readdirSync(f.inDir).filter((n) => n.endsWith('.sta')).length === 0);
      await second.idle();
    } finally {
      await second.stop();
    }
    expect(items() - items0).toBe(12);
    const reports = readdirSync(f.processed).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(join(f.processed, n), 'utf8')) as FileReport);
    expect(reports.filter((r) => r.file.booked).map((r) => r.file.file).sort()).toEqual(['s11.sta', 's12.sta', 's13.sta']);
    const again = reports.filter((r) => r.file.duplicate);
    expect(again.map((r) => r.file.file)).toEqual([moved]);
    expect(again[0].file.errors.map((p) => p.code)).toEqual(['SAL-3050']);
    // The copy came to processed/ beside the first one under its own name.
    expect(readdirSync(f.processed).filter((n) => n.endsWith('.sta')).length).toBe(4);
    expect(runs() - runs0).toBe(4);
  });
});
