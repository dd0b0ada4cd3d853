import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../shared/domain/types';
import { ProblemError } from '../../shared/errors/problem';
import { REPORT_TEXT } from '../../shared/i18n/reports';
import { esc, formatCell, renderReportHtml, reportHeaderFooter } from '../../main/reports/html';
import { formatCount, formatDuration, formatInstant, formatReportPeriod, type ReportDoc } from '../../main/reports/model';
import { buildReport, REPORT_KINDS } from '../../main/reports/registry';
import { buildRunSummary } from '../../main/reports/run-summary';

const NBSP = '\u00a0';

function doc(over: Partial<ReportDoc> = {}): ReportDoc {
  return {
    kind: 'test',
    title: 'Test report',
    organisation: { name: 'Spółdzielnia Mieszkaniowa „Zielone Wzgórze”', address: 'ul. Źródlana 12, Kraków', taxId: '676-123-45-67' },
    period: '2026-10',
    operator: 'a.nowak',
    printedAt: new Date('2026-11-22T13:03:00Z'),
    locale: 'pl',
    timeZone: 'Europe/Warsaw',
    sections: [
      {
        heading: 'Kwoty',
        table: {
          columns: [
            { key: 'item', label: 'Pozycja' },
            { key: 'amount', label: 'Kwota', kind: 'money' },
          ],
          rows: [
            { item: 'A', amount: 123456 },
            { item: 'B', amount: -5 },
          ],
          totals: { amount: 123451 },
        },
      },
    ],
    ...over,
  };
}

function run(over: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 42,
    started: '2026-11-22T12:58:41Z',
    finished: '2026-11-22T13:01:05Z',
    operator: 'k.wisniewska',
    kind: 'cycle',
    period: '2026-10',
    mode: 'full',
    status: 'completed',
    counts: { accounts: 1842, balances: 12894, weird_counter: 5 },
    durationMs: 144_000,
    totals: { charges_total: '1234567.89', closing_balance_total: '-48211.05', mystery_total: '0.50' },
    problems: [],
    ...over,
  };
}

describe('renderReportHtml', () => {
  it('escapes every interpolated value', () => {
    const evil = '<script>alert("x")</script>';
    const html = renderReportHtml(
      doc({
        title: evil,
        operator: evil,
        period: evil,
        organisation: { name: evil, address: evil, taxId: evil },
        summary: [{ label: evil, value: evil }],
        sections: [
          {
            heading: evil,
            note: evil,
            table: {
              columns: [{ key: 'a', label: evil, width: '10%"><script>' }],
              rows: [{ a: evil }],
              totals: { a: evil },
            },
          },
          { heading: 'empty', table: { columns: [{ key: 'a', label: 'a' }], rows: [], emptyText: evil } },
        ],
      }),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const { headerTemplate, footerTemplate } = reportHeaderFooter(doc({ title: evil, organisation: { name: evil }, operator: evil }));
    expect(headerTemplate + footerTemplate).not.toMatch(/<script/i);
    expect(esc(`a&b<'"`)).toBe('a&amp;b&lt;&#39;&quot;');
  });

  it('is a standalone A4 document with print CSS and nothing external', () => {
    const html = renderReportHtml(doc());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="pl">');
    expect(html).toMatch(/@page \{ size: A4 portrait; margin: [^}]+\}/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).toMatch(/tr \{ break-inside: avoid;/);
    expect(html).toMatch(/"DejaVu Sans", "Liberation Sans", Arial/);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('prints the header block: organisation, title, period, operator, time with its zone', () => {
    const html = renderReportHtml(doc());
    expect(html).toContain('Spółdzielnia Mieszkaniowa „Zielone Wzgórze”');
    expect(html).toContain('NIP: 676-123-45-67');
    expect(html).toContain('październik 2026 (2026-10)');
    expect(html).toContain('a.nowak');
    expect(html).toContain('22.11.2026, 14:03 (UTC+01:00)');
  });

  it('formats money per locale (pl NBSP grouping and decimal comma, en commas and point)', () => {
    const pl = renderReportHtml(doc());
    expect(pl).toContain(`1${NBSP}234,56`);
    expect(pl).toContain('−0,05');
    const en = renderReportHtml(doc({ locale: 'en' }));
    expect(en).toContain('1,234.56');
    expect(en).toContain('−0.05');
    expect(formatCell('1234.56', { kind: 'money' }, 'pl')).toBe(`1${NBSP}234,56`);
    expect(formatCell(1234567, { kind: 'count' }, 'uk')).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatCell(1234567, { kind: 'count' }, 'en')).toBe('1,234,567');
    expect(formatCell('2026-11-05', { kind: 'date' }, 'pl')).toBe('05.11.2026');
    expect(formatCell('2026-11-05', { kind: 'date' }, 'en')).toBe('5 Nov 2026');
  });

  it('prints a totals row with the localised label', () => {
    const html = renderReportHtml(doc());
    expect(html).toMatch(/<tr class="total"><td class="a-left label">Ogółem<\/td><td class="a-right num">1\u00a0234,51<\/td><\/tr>/);
    expect(renderReportHtml(doc({ locale: 'en' }))).toContain('>Total</td>');
    expect(renderReportHtml(doc({ locale: 'uk' }))).toContain('>Усього</td>');
  });

  it('groups rows with subtotals per group, in order of first appearance', () => {
    const html = renderReportHtml(
      doc({
        locale: 'en',
        sections: [
          {
            heading: 'By building',
            table: {
              columns: [
                { key: 'building', label: 'Building' },
                { key: 'account', label: 'Account' },
                { key: 'n', label: 'Readings', kind: 'count' },
                { key: 'amount', label: 'Amount', kind: 'money' },
              ],
              rows: [
                { building: 'B-2', account: '02/01', n: 1, amount: 100000 },
                { building: 'A-1', account: '01/01', n: 2, amount: 250 },
                { building: 'B-2', account: '02/02', n: 3, amount: 50 },
              ],
              groupBy: 'building',
              totals: { n: 6, amount: 100300 },
            },
          },
        ],
      }),
    );
    const b = html.indexOf('Building: B-2');
    const a = html.indexOf('Building: A-1');
    expect(b).toBeGreaterThan(0);
    expect(a).toBeGreaterThan(b);
    expect(html).toMatch(/<tr class="subtotal"><td class="a-left label">Subtotal: B-2<\/td><td class="a-right num">4<\/td><td class="a-right num">1,000.50<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="subtotal"><td class="a-left label">Subtotal: A-1<\/td><td class="a-right num">2<\/td><td class="a-right num">2.50<\/td><\/tr>/);
    expect(html).toContain('<td class="a-right num">1,003.00</td>');
    // the group column is printed in the group heading, not repeated on each row
    expect(html).not.toContain('<td class="a-left">B-2</td>');
  });

  it('prints the empty text instead of an empty table', () => {
    const html = renderReportHtml(doc({ sections: [{ heading: 'x', table: { columns: [{ key: 'a', label: 'A' }], rows: [] } }] }));
    expect(html).toContain('<p class="empty">Brak danych.</p>');
    expect(html).not.toContain('<table class="grid');
  });
});

describe('reportHeaderFooter', () => {
  it('gives page X of Y and the print time, localised, with an explicit font size', () => {
    const pl = reportHeaderFooter(doc());
    expect(pl.footerTemplate).toContain('Strona <span class="pageNumber"></span> z <span class="totalPages"></span>');
    expect(pl.footerTemplate).toContain('Wydrukowano: 22.11.2026, 14:03 (UTC+01:00)');
    expect(pl.headerTemplate).toContain('Spółdzielnia Mieszkaniowa „Zielone Wzgórze”');
    expect(pl.headerTemplate).toContain('Test report · październik 2026 (2026-10)');
    for (const t of [pl.headerTemplate, pl.footerTemplate]) expect(t).toMatch(/font-size: \d+(\.\d+)?px/);
    expect(reportHeaderFooter(doc({ locale: 'en' })).footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(reportHeaderFooter(doc({ locale: 'uk' })).footerTemplate).toContain('Сторінка <span class="pageNumber"></span> з');
  });
});

describe('formatting helpers', () => {
  it('names the time zone explicitly', () => {
    const at = new Date('2026-07-01T10:00:00Z');
    expect(formatInstant(at, 'pl', 'Europe/Warsaw')).toBe('01.07.2026, 12:00 (UTC+02:00)');
    expect(formatInstant(at, 'uk', 'Europe/Kyiv')).toBe('01.07.2026, 13:00 (UTC+03:00)');
    expect(formatInstant(at, 'en', 'UTC')).toBe('1 Jul 2026, 10:00 (UTC+00:00)');
    expect(formatInstant('2026-01-15T23:30:00Z', 'en', 'America/New_York')).toBe('15 Jan 2026, 18:30 (UTC-05:00)');
  });

  it('formats counts, durations and periods', () => {
    expect(formatCount(48604, 'pl')).toBe(`48${NBSP}604`);
    expect(formatCount(999, 'en')).toBe('999');
    expect(formatDuration(144_412, 'pl')).toBe(`2${NBSP}min 24${NBSP}s`);
    expect(formatDuration(3_725_000, 'uk')).toBe(`1${NBSP}год 2${NBSP}хв 5${NBSP}с`);
    expect(formatReportPeriod('2026-10', 'en')).toBe('October 2026 (2026-10)');
    expect(formatReportPeriod('Q4 2026', 'en')).toBe('Q4 2026');
  });

  it('has every report string in every language, none empty', () => {
    const keys = Object.keys(REPORT_TEXT.en).sort();
    for (const locale of ['pl', 'uk'] as const) expect(Object.keys(REPORT_TEXT[locale]).sort()).toEqual(keys);
    for (const locale of ['pl', 'uk', 'en'] as const) {
      for (const [k, v] of Object.entries(REPORT_TEXT[locale])) expect(v.trim(), `${locale}.${k}`).not.toBe('');
    }
  });
});

describe('run summary and the registry', () => {
  const ctx = {
    organisation: { name: 'SM „Zielone Wzgórze”' },
    locale: 'pl' as const,
    printedAt: new Date('2026-11-22T13:03:00Z'),
    operator: 'a.nowak',
    timeZone: 'Europe/Warsaw',
  };

  it('localises known count and total keys and still prints unknown ones', () => {
    const d = buildRunSummary(run(), ctx);
    expect(d.title).toBe('Podsumowanie przebiegu nr 42');
    const html = renderReportHtml(d);
    expect(html).toContain('Konta lokali');
    expect(html).toContain('Salda');
    expect(html).toContain('weird_counter');
    expect(html).toContain('Naliczenia za okres');
    expect(html).toContain('Saldo końcowe');
    expect(html).toContain('mystery_total');
    expect(html).toContain(`1${NBSP}234${NBSP}567,89`);
    expect(html).toContain(`−48${NBSP}211,05`);
    expect(html).toContain(`14${NBSP}741`); // counts total row
    expect(html).toContain('Zakończony');
    expect(html).toContain('Nie odnotowano żadnych problemów.');
    expect(html).toContain('22.11.2026, 13:58 (UTC+01:00)');
  });

  it('lists problems with code, severity, record and hint', () => {
    const d = buildRunSummary(
      run({
        status: 'failed',
        finished: null,
        durationMs: null,
        problems: [{ code: 'SAL-5003', severity: 'error', message: 'Brak danych', hint: 'Wybierz inny okres', key: '01/02', file: 'a.csv', line: 7 }],
      }),
      { ...ctx, locale: 'en' },
    );
    const html = renderReportHtml(d);
    expect(html).toContain('Failed');
    expect(html).toContain('not finished');
    expect(html).toContain('SAL-5003');
    expect(html).toContain('>error<');
    expect(html).toContain('01/02\na.csv:7');
    expect(html).toContain('Wybierz inny okres');
    expect(html).toContain('1 problem(s): 1 error(s), 0 held for review, 0 warning(s).');
  });

  it('builds known kinds and names an unknown kind as SAL-6009', () => {
    expect(REPORT_KINDS).toContain('run-summary');
    const d = buildReport('run-summary', { run: run(), ...ctx });
    expect(d.kind).toBe('run-summary');
    let err: unknown;
    try {
      buildReport('bank-statement', { run: run(), ...ctx });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProblemError);
    const p = (err as ProblemError).problem;
    expect(p.code).toBe('SAL-6009');
    expect(p.message).toBe('Nieznany rodzaj raportu bank-statement');
    expect(p.hint).toContain('run-summary');
  });
});
