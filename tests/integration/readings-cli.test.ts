// `saldo readings …` and the cycle's portal-readings step through the CLI (runCli, what
// bin/saldo.js runs): the --json summary has exactly the shape, human output is translated,
// and the exit codes follow the run status (0 completed, 1 failed, 2 bad usage).
import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { makeDemoWorkspace } from '../support/workspace';

let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;

async function saldo(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['--config', ws.configFile, ...args], { out: (x) => void (stdout += x), err: (x) => void (stderr += x), isTTY: false });
  return { status, stdout, stderr };
}
const json = async (...args: string[]) => {
  const r = await saldo('--json', ...args);
  return { ...r, body: JSON.parse(r.stdout) };
};
const radioFile = () => {
  const dir = join(ws.dir, 'readings');
  return join(dir, readdirSync(dir).find((f) => f.startsWith('radio-'))!);
};
const SUMMARY_KEYS = ['runId', 'status', 'read', 'accepted', 'held', 'rejected', 'duplicates', 'superseded', 'byCode', 'errors'];

beforeAll(async () => {
  ws = await makeDemoWorkspace({ premises: 150, months: 3, seed: 'readings-cli' });
});
afterAll(() => ws?.cleanup());

describe('saldo readings import', () => {
  it('--json prints exactly the summary shape; exit 0 when completed', async () => {
    const r = await json('readings', 'import', '--source', 'file', '--file', radioFile(), '--format', 'csv', '--mapping', 'radio-demo');
    expect(r.status).toBe(0);
    expect(Object.keys(r.body)).toEqual(SUMMARY_KEYS);
    expect(r.body.status).toBe('completed');
    expect(r.body.accepted).toBeGreaterThan(0);
    expect(Object.keys(r.body.byCode).every((c: string) => /^SAL-2\d{3}$/.test(c))).toBe(true);
    for (const p of r.body.errors) expect(Object.keys(p).every((k) => ['code', 'severity', 'message', 'hint', 'key', 'file', 'line'].includes(k))).toBe(true);
    const portal = await json('readings', 'import', '--source', 'portal');
    expect(portal.status).toBe(0);
    expect(Object.keys(portal.body)).toEqual(SUMMARY_KEYS);
    expect(portal.body.held).toBeGreaterThan(0);
  });

  it('a malformed file fails (exit 1) with the line number, and imports nothing', async () => {
    const bad = join(ws.dir, 'broken.csv');
    writeFileSync(bad, 'Nr radiowy;Data odczytu;Wskazanie licznika;Alarmy\r\n1001;01.11.2026;12,5;\r\n1002;01.11.2026;13,5\r\n');
    const acc = new Database(join(ws.dir, 'accounting.sqlite'), { readonly: true });
    const before = acc.prepare(`SELECT COUNT(*) FROM meter_readings`).pluck().get();
    const r = await json('readings', 'import', '--source', 'file', '--file', bad, '--format', 'csv', '--mapping', 'radio-demo');
    expect(r.status).toBe(1);
    expect(r.body).toMatchObject({ status: 'failed', read: 0, accepted: 0 });
    expect(r.body.errors.at(-1)).toMatchObject({ code: 'SAL-2033', line: 3, file: 'broken.csv' });
    expect(acc.prepare(`SELECT COUNT(*) FROM meter_readings`).pluck().get()).toBe(before);
    acc.close();
  });

  it('bad usage exits 2; a missing file or mapping is a coded failure (exit 1)', async () => {
    expect((await saldo('readings', 'import', '--source', 'file')).status).toBe(2);
    expect((await saldo('readings', 'import', '--source', 'ftp')).status).toBe(2);
    expect((await saldo('readings', 'import', '--source', 'file', '--file', radioFile(), '--format', 'xml')).status).toBe(2);
    const missing = await json('readings', 'import', '--source', 'file', '--file', join(ws.dir, 'nope.csv'), '--format', 'csv');
    expect(missing.status).toBe(1);
    expect(missing.body.errors[0].code).toBe('SAL-2061');
    const noMapping = await json('readings', 'import', '--source', 'file', '--file', radioFile(), '--format', 'csv', '--mapping', 'nie-ma-takiego');
    expect(noMapping.status).toBe(1);
    expect(noMapping.body.errors.at(-1).code).toBe('SAL-2052');
  });

  it('prints a translated summary for people', async () => {
    const r = await saldo('--lang', 'pl', 'readings', 'import', '--source', 'portal');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Odczytano 0');
    const uk = await saldo('--lang', 'uk', 'readings', 'import', '--source', 'portal');
    expect(uk.stdout).toContain('Прочитано 0');
  });
});

describe('saldo readings review', () => {
  it('rejects and accepts held readings of a run by key or "all", with a note', async () => {
    const runs = (await json('journal', '--limit', '50')).body as Array<{ id: number; kind: string; mode: string }>;
    // The first portal import (the later ones read nothing new); the journal lists newest first.
    const portalRun = runs.filter((r) => r.kind === 'readings-import' && r.mode === 'portal').at(-1)!;
    const held = (await json('readings', 'list', '--run', String(portalRun.id), '--outcome', 'held')).body.rows as Array<{ key: string }>;
    expect(held.length).toBeGreaterThan(1);
    const one = await json('readings', 'review', '--run', String(portalRun.id), '--reject', held[0].key, '--note', 'Pomyłka mieszkańca');
    expect(one.status).toBe(0);
    expect(one.body).toMatchObject({ status: 'completed', accepted: 0, rejected: 1, errors: [] });
    const rest = await json('readings', 'review', '--run', String(portalRun.id), '--accept', 'all', '--note', 'Sprawdzone');
    expect(rest.status).toBe(0);
    expect(rest.body.accepted).toBe(held.length - 1);
    // Nothing is held any more; a key that is not held is refused.
    expect((await saldo('readings', 'review', '--run', String(portalRun.id), '--accept', 'all', '--note', 'x')).status).toBe(1);
    expect((await saldo('readings', 'review', '--run', String(portalRun.id), '--accept', held[0].key, '--note', 'x')).status).toBe(1);
    expect((await saldo('readings', 'review', '--run', String(portalRun.id), '--accept', '1', '--reject', '2', '--note', 'x')).status).toBe(2);
  });
});

describe('saldo cycle with the portal-readings step', () => {
  it('imports the portal readings as part of the cycle run and counts them in its summary', async () => {
    const fresh = await makeDemoWorkspace({ premises: 120, months: 3, seed: 'readings-cycle' });
    try {
      let stdout = '';
      const status = await runCli(['--config', fresh.configFile, '--json', 'cycle', '--period', fresh.period], { out: (x) => void (stdout += x), err: () => {}, isTTY: false });
      const body = JSON.parse(stdout);
      expect(status).toBe(0);
      expect(body.status).toBe('completed');
      expect(body.counts['readings.read']).toBeGreaterThan(50);
      expect(body.counts['readings.accepted']).toBeGreaterThan(0);
      expect(body.counts['readings.rejected']).toBeGreaterThan(0);
      expect(body.counts['readings.held']).toBeGreaterThan(0);
      let list = '';
      await runCli(['--config', fresh.configFile, '--json', 'readings', 'list', '--run', String(body.runId)], { out: (x) => void (list += x), err: () => {}, isTTY: false });
      expect(JSON.parse(list).total).toBe(body.counts['readings.read']);
      const acks = readdirSync(join(fresh.dir, 'portal', 'outbox', 'acks', 'readings'));
      expect(acks.length).toBeGreaterThan(0);
    } finally {
      fresh.cleanup();
    }
  });
});
