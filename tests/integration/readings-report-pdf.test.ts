// The printed readings reports as PDF, read back with poppler's pdftotext: on a real demo
// workspace (the portal's readings imported through the dispatcher, a held reading accepted on
// review, the reports saved with report.pdf as the window does) and on a long run that spans
// several pages, each with its running head, page footer and repeated column headings.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../shared/ipc/contract';
import type { ReadingsImportSummary, ReadingsPage, ReadingView } from '../../shared/ipc/contract-readings';
import { createBackend, type Backend } from '../../main/engine/backend';
import { ChromiumPdfPrinter, writePdfAtomically } from '../../main/reports/pdf';
import { renderReportPdf } from '../../main/reports/render';
import { buildReadingsReport } from '../../main/readings/reports/build';
import { formatDecimal, sumDecimals } from '../../main/readings/reports/decimal';
import { manyReadings, READINGS_ORG, readingsRun } from '../support/readings-views';
import { makeDemoWorkspace } from '../support/workspace';

function pdftotext(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

function pageCount(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  if (!m) throw new Error('pdfinfo gave no page count');
  return Number(m[1]);
}

/** pdftotext may turn NBSP into a space and break lines anywhere: compare with whitespace collapsed. */
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('readings reports on a demo workspace, as PDF', () => {
  let ws: Awaited<ReturnType<typeof makeDemoWorkspace>>;
  let b: Backend;
  let summary: ReadingsImportSummary;
  let rows: ReadingView[];
  let decided: ReadingView;

  async function call<T>(channel: string, req: unknown): Promise<T> {
    const r = await b.dispatcher.handle(channel, req, { session: { actor: b.ws.operators.find('admin') }, trustedSender: true });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  }

  beforeAll(async () => {
    ws = await makeDemoWorkspace({ premises: 200, months: 3, seed: 'readings-report' });
    b = createBackend(ws.configFile, { ports: { pdf: new ChromiumPdfPrinter() }, emit: () => {}, throttleMs: 0 });
    const { jobId } = await call<{ jobId: string }>('readings.import', { source: 'portal' });
    summary = (await b.jobs.wait(jobId))!.result as ReadingsImportSummary;
    expect(summary.status).toBe('completed');
    expect(summary.held).toBeGreaterThan(1);
    const held = (await call<ReadingsPage>('readings.list', { runId: summary.runId, outcome: 'held', limit: 10 })).rows;
    await call('readings.review', { keys: [held[0].key], decision: 'accept', note: 'Sprawdzone na miejscu — wyciek naprawiony' });
    rows = (await call<ReadingsPage>('readings.list', { runId: summary.runId, limit: 5000 })).rows;
    decided = rows.find((r) => r.key === held[0].key)!;
    expect(decided.outcome).toBe('accepted');
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    ws?.cleanup();
  });

  async function pdf(kind: string): Promise<{ file: string; text: string }> {
    const saved = await call<ReportFile>('report.pdf', { kind, runId: summary.runId });
    expect(saved.file).toContain(kind);
    return { file: saved.file, text: norm(pdftotext(saved.file)) };
  }

  /** Exact consumption per medium of the readings a report lists, as it prints it (pl). */
  function consumptionOf(list: ReadingView[], medium: string): string {
    return formatDecimal(sumDecimals(list.filter((r) => r.medium === medium && r.consumption).map((r) => r.consumption!)), 'pl');
  }

  it('prints the accepted readings by building, with the consumption totals and the review decision', async () => {
    const { file, text } = await pdf('readings-accepted');
    const accepted = rows.filter((r) => r.outcome === 'accepted');
    expect(text).toContain(`Odczyty liczników przyjęte — przebieg nr ${summary.runId}`);
    expect(text).toContain(`Przyjęte ${accepted.length}`);
    const buildings = [...new Set(accepted.map((r) => r.building!))].sort();
    for (const bld of buildings.slice(0, 3)) expect(text).toContain(`Budynek ${bld}`);
    expect(text).toContain('Podsumowanie według mediów');
    const cold = consumptionOf(accepted, 'cold_water');
    expect(text).toMatch(new RegExp(`zimna woda m³ ${accepted.filter((r) => r.medium === 'cold_water').length} ${cold.replace(/[\s\u00a0]/g, ' ')}`));
    // the reading accepted on review says who accepted it and why
    expect(text).toContain('Sprawdzone na miejscu — wyciek naprawiony');
    expect(text).toMatch(new RegExp(`Strona 1 z ${pageCount(file)}`));
  });

  it('prints the rejected readings with the reason and what to do', async () => {
    const { text } = await pdf('readings-rejected');
    const rejected = rows.filter((r) => r.outcome === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(text).toContain(`Odczyty liczników odrzucone — przebieg nr ${summary.runId}`);
    expect(text).toContain('Powód');
    expect(text).toContain('Co zrobić');
    for (const r of rejected) {
      const error = r.problems.find((p) => p.severity === 'error')!;
      expect(text, r.key).toContain(error.code);
      // the first words of what to do (a long hint wraps inside its column)
      expect(text, r.key).toContain(error.hint.split(' ').slice(0, 2).join(' '));
    }
  });

  it('prints the held readings with the decision made on one and the others awaiting it', async () => {
    const { text } = await pdf('readings-held');
    expect(text).toContain(`Odczyty liczników wstrzymane do weryfikacji — przebieg nr ${summary.runId}`);
    expect(text).toContain('przyjęty przez:');
    expect(text).toContain('czeka na decyzję');
    expect(text).toContain(`W tym raporcie ${summary.held}`);
  });
});

describe('a long readings report', () => {
  let dir: string;
  let printer: ChromiumPdfPrinter;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'saldo-readings-pdf-'));
    printer = new ChromiumPdfPrinter();
  });
  afterAll(async () => {
    await printer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('spreads over several A4 pages, each with its head, footer and the column headings', async () => {
    const doc = buildReadingsReport('readings-accepted', readingsRun(), manyReadings(400, 7), {
      organisation: READINGS_ORG,
      locale: 'pl',
      printedAt: new Date('2026-11-03T10:00:00Z'),
      operator: 'Katarzyna Wiśniewska',
      timeZone: 'Europe/Warsaw',
    });
    const file = join(dir, 'przyjete.pdf');
    await writePdfAtomically(file, await renderReportPdf(doc, printer));
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(5);
    for (let p = 1; p <= pages; p++) {
      const text = norm(pdftotext(file, p));
      expect(text, `page ${p}`).toContain(`Strona ${p} z ${pages}`);
      expect(text, `page ${p}`).toContain('Spółdzielnia Mieszkaniowa „Zielone Wzgórze”');
      expect(text, `page ${p}`).toContain('Wydrukowano: 03.11.2026, 11:00 (UTC+01:00)');
      expect(text, `page ${p}`).toMatch(/Lokal Licznik Data Poprzedni Odczyt Zużycie Uwagi|Medium Jednostka Odczyty Zużycie/);
    }
    const all = norm(pdftotext(file));
    // 360 accepted readings of 1.001 m³, summed exactly
    expect(all).toContain('zimna woda m³ 360 360,360');
  });
});
