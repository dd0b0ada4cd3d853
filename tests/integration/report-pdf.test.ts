// Run summary → HTML → PDF through the system Chromium (playwright-core), then read back with
// poppler's pdftotext/pdfinfo. No skipping: a missing browser or poppler fails with a clear message.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, Problem, RunRecord, Severity } from '../../shared/domain/types';
import { buildReport } from '../../main/reports/registry';
import { renderReportPdf } from '../../main/reports/render';
import { ChromiumPdfPrinter, findBrowser, writePdfAtomically } from '../../main/reports/pdf';
import { ProblemError } from '../../shared/errors/problem';

const ORG = {
  name: 'Spółdzielnia Mieszkaniowa „Zielone Wzgórze”',
  address: 'ul. Źródlana 12, 31-555 Kraków',
  taxId: '676-123-45-67',
};

const SAMPLE_PROBLEMS: Array<Omit<Problem, 'key'> & { key: string }> = [
  { code: 'SAL-1003', severity: 'error', key: '01/12/0004', message: 'Lokal nie ma rachunku wirtualnego (NRB)', hint: 'Uzupełnij rachunek wirtualny w systemie czynszowym.' },
  { code: 'SAL-1007', severity: 'warning', key: '02/03/0117', message: 'Saldo końcowe różni się od sumy obrotów o 0,01 zł', hint: 'Sprawdź zaokrąglenia naliczeń za okres.' },
  { code: 'SAL-2004', severity: 'review', key: 'WM-448812', message: 'Zużycie 14,2 m³ przekracza normę dla 2 osób (10,8 m³)', hint: 'Zaakceptuj lub odrzuć odczyt w zakładce Odczyty.' },
];

function makeRun(problemCount: number): RunRecord {
  const problems: Problem[] = [];
  for (let i = 0; i < problemCount; i++) {
    const p = SAMPLE_PROBLEMS[i % SAMPLE_PROBLEMS.length];
    problems.push({ ...p, severity: p.severity as Severity, key: `${p.key.slice(0, -2)}${String(i % 100).padStart(2, '0')}` });
  }
  return {
    id: 1287,
    started: '2026-11-22T12:58:41.000Z',
    finished: '2026-11-22T13:01:05.412Z',
    operator: 'k.wisniewska',
    kind: 'cycle',
    period: '2026-10',
    mode: 'full',
    status: 'completed',
    counts: {
      accounts: 1842,
      services: 37,
      providers: 9,
      residents: 4311,
      beneficiaries: 212,
      balances: 12894,
      charges: 22104,
      meters: 3680,
      meter_readings: 3512,
      ignored_custom_counter: 3,
    },
    durationMs: 144_412,
    totals: {
      charges_total: '1234567.89',
      closing_balance_total: '-48211.05',
      payments_total: '1186356.84',
      custom_total: '0.50',
    },
    problems,
  };
}

function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count:\n${info}`);
  return Number(m[1]);
}

/** pdftotext may turn NBSP into a space and break lines anywhere: compare with whitespace collapsed. */
function norm(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, ' ');
}

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

describe('run summary PDF through Chromium', () => {
  let dir: string;
  let printer: ChromiumPdfPrinter;

  beforeAll(() => {
    const browser = findBrowser();
    if (!browser) {
      throw new Error(
        'No Chromium-family browser found (SALDO_BROWSER, /usr/bin/chromium, …). Install it: apt-get install -y chromium poppler-utils',
      );
    }
    for (const tool of ['pdftotext', 'pdfinfo']) {
      try {
        execFileSync(tool, ['-v'], { stdio: 'pipe' });
      } catch {
        throw new Error(`${tool} (poppler-utils) is missing: apt-get install -y poppler-utils`);
      }
    }
    dir = mkdtempSync(join(tmpdir(), 'saldo-report-pdf-'));
    printer = new ChromiumPdfPrinter({ executablePath: browser });
  });

  afterAll(async () => {
    await printer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const printedAt = new Date('2026-11-22T13:03:00Z');

  async function render(locale: Locale, problems: number, name: string): Promise<string> {
    const doc = buildReport('run-summary', {
      run: makeRun(problems),
      organisation: ORG,
      locale,
      printedAt,
      operator: 'a.nowak',
      timeZone: 'Europe/Warsaw',
    });
    const bytes = await renderReportPdf(doc, printer);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const file = join(dir, name);
    await writePdfAtomically(file, bytes);
    return file;
  }

  it('prints a Polish run summary with diacritics, period, formatted totals and page footer', async () => {
    const file = await render('pl', 3, 'podsumowanie-pl.pdf');
    const text = norm(pdftotext(file));
    expect(pageCount(file)).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Spółdzielnia Mieszkaniowa „Zielone Wzgórze”');
    expect(text).toContain('ul. Źródlana 12, 31-555 Kraków');
    expect(text).toContain('NIP: 676-123-45-67');
    expect(text).toContain('Podsumowanie przebiegu nr 1287');
    expect(text).toContain('październik 2026 (2026-10)');
    expect(text).toContain('1 234 567,89');
    expect(text).toContain('−48 211,05');
    expect(text).toContain('1 186 356,84');
    expect(text).toContain('Naliczenia za okres');
    expect(text).toContain('Saldo końcowe');
    expect(text).toContain('custom_total');
    expect(text).toContain('ignored_custom_counter');
    expect(text).toContain('Zakończony');
    expect(text).toContain('22.11.2026, 14:03 (UTC+01:00)');
    expect(text).toContain('22.11.2026, 13:58 (UTC+01:00)'); // started, local time
    expect(text).toContain('2 min 24 s');
    expect(text).toContain('Ogółem 48 604'); // the counts total row
    expect(text).toContain('Strona 1 z 1');
  });

  it('prints an English run summary', async () => {
    const file = await render('en', 3, 'summary-en.pdf');
    const text = norm(pdftotext(file));
    expect(pageCount(file)).toBe(1);
    expect(text).toContain('Spółdzielnia Mieszkaniowa „Zielone Wzgórze”');
    expect(text).toContain('Run summary no. 1287');
    expect(text).toContain('October 2026 (2026-10)');
    expect(text).toContain('1,234,567.89');
    expect(text).toContain('Charges for the period');
    expect(text).toContain('Closing balance');
    expect(text).toContain('Completed');
    expect(text).toContain('22 Nov 2026, 14:03 (UTC+01:00)');
    expect(text).toContain('Page 1 of 1');
  });

  it('spreads 300 problems over several pages, each with its page footer and repeated column headings', async () => {
    const file = await render('pl', 300, 'problemy-300.pdf');
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(3);
    for (let p = 1; p <= pages; p++) {
      const text = norm(pageText(file, p));
      expect(text, `page ${p}`).toContain(`Strona ${p} z ${pages}`);
      expect(text, `page ${p}`).toContain('Wydrukowano: 22.11.2026, 14:03 (UTC+01:00)');
      if (p > 1) expect(text, `page ${p} repeats the table head`).toMatch(/# Kod Waga Rekord Opis Co zrobić/);
    }
    const all = norm(pdftotext(file));
    expect(all).toContain('Problemów: 300, w tym błędów: 100, do weryfikacji: 100, ostrzeżeń: 100.');
  });

  it('keeps the report page off the network', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body><p>offline</p><img src="https://example.invalid/a.png"></body></html>`;
    const bytes = await printer.toPdf(html, { headerTemplate: '<span></span>', footerTemplate: '<span></span>' });
    expect(bytes.byteLength).toBeGreaterThan(500);
  });

  it('writePdfAtomically leaves no temp file and reports an unwritable path as SAL-6013', async () => {
    const file = join(dir, 'atomic.pdf');
    await writePdfAtomically(file, new Uint8Array([37, 80, 68, 70]));
    expect(readFileSync(file, 'latin1')).toBe('%PDF');
    expect(execFileSync('ls', ['-a', dir], { encoding: 'utf8' })).not.toMatch(/\.tmp/);
    const bad = join(dir, 'no-such-folder', 'x.pdf');
    const err = await writePdfAtomically(bad, new Uint8Array([1]), 'pl').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).problem.code).toBe('SAL-6013');
    expect((err as ProblemError).problem.message).toContain(bad);
    expect(existsSync(bad)).toBe(false);
  });

  it('names SAL-6010 when no browser can be found', async () => {
    expect(findBrowser({ SALDO_BROWSER: '/nope/chromium' }, 'linux', () => false)).toBeNull();
    expect(findBrowser({}, 'win32', (f) => f.endsWith('Edge\\Application\\msedge.exe'))).toMatch(/msedge\.exe$/);
    const p = new ChromiumPdfPrinter({ locale: 'pl' });
    const saved = process.env.SALDO_BROWSER;
    process.env.SALDO_BROWSER = join(dir, 'no-browser-here');
    try {
      const err = await p.toPdf('<p>x</p>', { headerTemplate: '', footerTemplate: '' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProblemError);
      expect((err as ProblemError).problem.code).toBe('SAL-6010');
    } finally {
      if (saved === undefined) delete process.env.SALDO_BROWSER;
      else process.env.SALDO_BROWSER = saved;
      await p.close();
    }
  });
});
