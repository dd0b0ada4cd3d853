// Judging a large import in chunks (so the window never freezes and Cancel is seen) gives exactly
// the verdicts of one call over everything — including duplicates and superseded readings of a
// meter named differently (serial, radio id) in different parts of the input.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../main/engine/workspace';
import { loadFacts, type Facts } from '../../main/readings/facts';
import { importReadingsFile } from '../../main/readings/import';
import { judgeInChunks } from '../../main/readings/judge';
import { rawFromFeed } from '../../main/readings/service';
import { readingRules } from '../../main/readings/settings';
import type { RawReading } from '../../main/readings/types';
import { validateReadings } from '../../main/readings/validate';
import { makeDemoWorkspace } from '../support/workspace';

let demo: Awaited<ReturnType<typeof makeDemoWorkspace>>;
let ws: Workspace;
let facts: Facts;
let raws: RawReading[];

beforeAll(async () => {
  demo = await makeDemoWorkspace({ premises: 200, months: 3, seed: 'readings-judge' });
  ws = openWorkspace(demo.configFile);
  facts = await loadFacts(await ws.accounting(), '2026-11', new AbortController().signal, () => {});
  const feedDir = join(demo.dir, 'portal', 'inbox', 'readings');
  const items = JSON.parse(readFileSync(join(feedDir, readdirSync(feedDir).find((f) => f.endsWith('.json'))!), 'utf8')).items;
  const radioDir = join(demo.dir, 'readings');
  const radioFile = readdirSync(radioDir).find((f) => f.startsWith('radio-'))!;
  const radio = importReadingsFile({
    bytes: readFileSync(join(radioDir, radioFile)),
    fileName: radioFile,
    format: 'csv',
    mapping: { name: 'm', header: true, delimiter: ';', decimalMark: ',', dateFormats: ['DD.MM.YYYY'], columns: { radioId: 1, date: 2, value: 3, alarms: 4 } },
    locale: 'pl',
  });
  expect(radio.ok).toBe(true);
  // The same radio meter again, named by its serial, at the far end of the input: a duplicate of
  // the radio reading (same day, same value) and a later reading that supersedes it.
  const r0 = radio.readings.find((r) => facts.lookup.find(r).candidates.length === 1 && /^\d/.test(r.value))!;
  const meter = facts.lookup.find(r0).candidates[0].meter;
  const bySerial: RawReading[] = [
    { ...r0, sourceId: 'x:1', radioId: undefined, serial: meter.serial, line: 9001 },
    { ...r0, sourceId: 'x:2', radioId: undefined, serial: meter.serial, readingDate: r0.readingDate.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Number(d) + 5).padStart(2, '0')}`), line: 9002 },
  ];
  raws = [...radio.readings, ...items.map(rawFromFeed), ...bySerial];
});
afterAll(async () => {
  await ws?.close();
  demo?.cleanup();
});

describe('judging in chunks', () => {
  it('gives exactly the verdicts of one call over everything', async () => {
    const rules = readingRules(ws);
    const now = new Date('2026-11-22T12:00:00Z');
    const whole = validateReadings(raws, facts.lookup, rules, now, 'pl');
    const progress: number[] = [];
    const chunked = await judgeInChunks(raws, facts.lookup, rules, now, 'pl', new AbortController().signal, (d) => progress.push(d), 7);
    expect(chunked).toEqual(whole);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(raws.length);
    // The reading named by serial far from its radio twin was still recognised as its duplicate.
    expect(chunked.find((d) => d.raw.sourceId === 'x:1')!.outcome).toBe('duplicate');
    expect(whole.filter((d) => d.outcome === 'superseded').length).toBeGreaterThan(0);
  });

  it('stops between chunks when cancelled', async () => {
    const controller = new AbortController();
    let chunks = 0;
    await expect(
      judgeInChunks(raws, facts.lookup, readingRules(ws), new Date(), 'pl', controller.signal, () => {
        if (++chunks === 3) controller.abort(new DOMException('cancelled by the operator', 'AbortError'));
      }, 7),
    ).rejects.toThrow(/cancelled/);
    expect(chunks).toBe(3);
  });
});
