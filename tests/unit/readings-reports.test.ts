// The three printed readings reports as HTML: what each lists, grouped by building in natural
// order, the exact consumption totals per building and medium, reasons and hints, review
// decisions, languages; and the exact decimal arithmetic they print with.

import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/domain/types';
import { renderReportHtml } from '../../main/reports/html';
import { REPORT_KINDS } from '../../main/reports/registry';
import { buildReadingsReport, readingsOfReport, type ReadingsReportKind } from '../../main/readings/reports/build';
import { formatDecimal, sumDecimals } from '../../main/readings/reports/decimal';
import { problem } from '../../shared/errors/problem';
import { manyReadings, READINGS_ORG, readingsRun, sampleReadings } from '../support/readings-views';

/** "CODE message" as a reason cell prints a finding (with the values as people write them). */
const reason = (x: { code: string; message: string }) => `${x.code} ${x.message}`;
const pl = (code: Parameters<typeof problem>[0], params: Parameters<typeof problem>[2]) => problem(code, 'pl', params);

const NBSP = '\u00a0';

function html(kind: ReadingsReportKind, locale: Locale = 'pl', rows = sampleReadings()): string {
  const doc = buildReadingsReport(kind, readingsRun(), rows, {
    organisation: READINGS_ORG,
    locale,
    printedAt: new Date('2026-11-03T10:00:00Z'),
    operator: 'Katarzyna Wiśniewska',
    timeZone: 'Europe/Warsaw',
  });
  return renderReportHtml(doc);
}

/** The text of the page, tags dropped and entities of the renderer decoded, whitespace collapsed. */
function text(h: string): string {
  return h
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0]+/g, ' ');
}

/** Section headings (h2) in order. */
function headings(h: string): string[] {
  return [...h.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
}

/** The body rows of the section whose heading starts with `heading`, as arrays of cell texts. */
function sectionRows(h: string, heading: string): string[][] {
  const start = h.indexOf(`<h2>${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThan(-1);
  const end = h.indexOf('</section>', start);
  const part = h.slice(start, end);
  return [...part.matchAll(/<tr(?: class="[^"]*")?>([\s\S]*?)<\/tr>/g)]
    .map((m) => [...m[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')))
    .filter((cells) => cells.length > 0);
}

describe('readings reports', () => {
  it('registers the three kinds with the report registry', () => {
    expect(REPORT_KINDS).toEqual(expect.arrayContaining(['readings-accepted', 'readings-rejected', 'readings-held']));
  });

  it('selects the readings of each report: held lists those decided since, too', () => {
    const rows = sampleReadings();
    const keys = (k: ReadingsReportKind) => readingsOfReport(k, rows).map((r) => r.meterId ?? r.serial);
    expect(keys('readings-accepted')).toEqual(['WZ-10001', 'WZ-10002', 'WC-20002', 'WZ-10003', 'EE-3001', 'EE-3001']);
    expect(keys('readings-rejected')).toEqual(['WC-21017', 'WZ-10119', '99999999']);
    expect(keys('readings-held')).toEqual(['WZ-10003', 'WZ-10024', 'WC-21017', 'CO-5018']);
  });

  it('prints the accepted readings by building in natural order, with exact consumption totals per building and medium', () => {
    const h = html('readings-accepted');
    const t = text(h);
    expect(t).toContain('Odczyty liczników przyjęte — przebieg nr 57');
    expect(headings(h)).toEqual([
      'Budynek B001 — ul. Lipowa 3, 31-555 Kraków',
      'Budynek B002 — ul. Źródlana 7, 31-555 Kraków',
      'Podsumowanie według budynków i mediów',
      'Podsumowanie według mediów',
    ]);
    // the summary counts every outcome of the run as it stands
    expect(t).toContain('Wczytane 13');
    expect(t).toContain('Przyjęte 6');
    expect(t).toContain('Czekają na decyzję 2');
    expect(t).toContain('Odrzucone 3');
    expect(t).toContain('Duplikaty 1');
    expect(t).toContain('Zastąpione 1');
    expect(t).toContain('Rozstrzygnięte 2');
    expect(t).toContain('W tym raporcie 6');

    const b1 = sectionRows(h, 'Budynek B001');
    expect(b1.map((r) => r[0])).toEqual(['0001/001', '0001/002', '0001/002', '0001/003', 'Razem']);
    // premises, meter + medium, date, previous + its date, reading, consumption, remarks
    expect(b1[0]).toEqual(['0001/001', 'WZ-10001\nzimna woda', '28.10.2026', '120,000\n27.09.2026', '123,125', '3,125 m³', '']);
    expect(b1[1].slice(1, 2)).toEqual(['WC-20002\nciepła woda']);
    expect(b1[1][6]).toBe(reason(pl('SAL-2021', { meter: 'WC-20002', alarms: 'LEAK' })));
    // accepted on review: the finding that held it, then the decision with its date and note (not the decision's own finding again)
    expect(b1[3][6]).toBe(
      `${reason(pl('SAL-2018', { consumption: '18,000', unit: 'm³', limit: '9,6', norm: '2,4', residents: 4, months: 1 }))}\nprzyjęty przez: Katarzyna Wiśniewska, 03.11.2026, 10:40 (UTC+01:00)\nuwaga: Remont łazienki — potwierdzone telefonicznie`,
    );
    expect(b1[3][6]).not.toContain('SAL-2059');
    expect(b1[4].slice(0, 2)).toEqual(['Razem', 'Odczytów: 4']);
    // a two-zone meter names its zone
    const b2 = sectionRows(h, 'Budynek B002');
    expect(b2[0][1]).toBe('EE-3001 (strefa 1)\nenergia elektryczna');
    expect(b2[1][1]).toBe('EE-3001 (strefa 2)\nenergia elektryczna');
    expect(b2[0][3]).toBe(`1${NBSP}402,5\n30.09.2026`);

    // per building and medium: cold water 3.125 + 4.5 + 18 = 25.625 m³ (never added to hot water's m³)
    const byBuilding = sectionRows(h, 'Podsumowanie według budynków i mediów');
    expect(byBuilding).toEqual([
      ['Budynek: B001'],
      ['zimna woda', 'm³', '3', '25,625'],
      ['ciepła woda', 'm³', '1', '1,2'],
      ['Razem: B001', '', '4', ''],
      ['Budynek: B002'],
      ['energia elektryczna', 'kWh', '2', '140,0'],
      ['Razem: B002', '', '2', ''],
      ['Ogółem', '', '6', ''],
    ]);
    expect(sectionRows(h, 'Podsumowanie według mediów')).toEqual([
      ['zimna woda', 'm³', '3', '25,625'],
      ['ciepła woda', 'm³', '1', '1,2'],
      ['energia elektryczna', 'kWh', '2', '140,0'],
      ['Ogółem', '', '6', ''],
    ]);
    // duplicates and superseded readings are not accepted readings
    expect(t).not.toContain('2026-10-20');
    expect(t).not.toContain('20.10.2026');
  });

  it('prints the rejected readings with the reason and what to do; the reading no meter matched comes last', () => {
    const h = html('readings-rejected');
    const t = text(h);
    expect(t).toContain('Odczyty liczników odrzucone — przebieg nr 57');
    expect(headings(h)).toEqual([
      'Budynek B010 — os. Słoneczne 10, 31-560 Kraków',
      'Licznika nie znaleziono w danych księgowych',
      'Podsumowanie według budynków i mediów',
      'Podsumowanie według mediów',
    ]);
    expect(h).toContain('>Powód</th>');
    expect(h).toContain('>Co zrobić</th>');
    expect(h).not.toContain('>Zużycie</th>');
    const b10 = sectionRows(h, 'Budynek B010');
    // premises / meter, date, previous, reading, reason, what to do
    expect(b10[1]).toEqual([
      '0010/019\nWZ-10119\nzimna woda\nwiersz 11',
      '28.10.2026',
      '47,300\n27.09.2026',
      '45,100',
      reason(pl('SAL-2015', { value: '45,100', meter: 'WZ-10119', previous: '47,300', previousDate: '27.09.2026' })),
      problem('SAL-2015', 'pl').hint,
    ]);
    // rejected on review: the decision and the note are the reason
    expect(b10[0][4]).toBe(
      `${reason(pl('SAL-2019', { perMonth: '40,000', unit: 'm³', factor: 3, average: '2,1' }))}\nodrzucony przez: Katarzyna Wiśniewska, 03.11.2026, 10:42 (UTC+01:00)\nuwaga: Błąd wpisu, mieszkaniec poda nowy odczyt`,
    );
    // what to do after a rejection on review: the decision's hint
    expect(b10[0][5]).toBe(problem('SAL-2058', 'pl').hint);
    expect(b10[2][0]).toBe('Odczytów: 2');
    const none = sectionRows(h, 'Licznika nie znaleziono');
    expect(none[0][0]).toBe('99999999\nbrak pasującego licznika\nwiersz 12');
    expect(none[0][1]).toBe('28.10.2026');
    expect(none[0][3]).toBe('12,5'); // not matched to a meter (nothing to normalise to), still printed the locale's way
    // rejected readings are counted per medium, their consumption is not summed
    expect(sectionRows(h, 'Podsumowanie według mediów')).toEqual([
      ['zimna woda', 'm³', '1'],
      ['ciepła woda', 'm³', '1'],
      ['brak pasującego licznika', '', '1'],
      ['Ogółem', '', '3'],
    ]);
  });

  it('prints the held readings with who decided and when, or that they await a decision', () => {
    const h = html('readings-held');
    const t = text(h);
    expect(t).toContain('Odczyty liczników wstrzymane do weryfikacji — przebieg nr 57');
    const b2 = sectionRows(h, 'Budynek B002');
    expect(b2[0][0]).toBe('0002/004\nWZ-10024\nzimna woda\nwiersz 8');
    expect(b2[0][2]).toBe(`99${NBSP}995,100\n27.09.2026`);
    expect(b2[0][4]).toBe('17,200 m³');
    expect(b2[0][5]).toBe(reason(pl('SAL-2016', { value: '12,300', previous: `99${NBSP}995,100`, digits: 5, consumption: '17,200', unit: 'm³' })));
    expect(b2[0][6]).toBe('czeka na decyzję');
    const b1 = sectionRows(h, 'Budynek B001');
    expect(b1[0][6]).toBe('przyjęty przez: Katarzyna Wiśniewska, 03.11.2026, 10:40 (UTC+01:00)\nuwaga: Remont łazienki — potwierdzone telefonicznie');
    const b10 = sectionRows(h, 'Budynek B010');
    expect(b10.map((r) => r[6])).toEqual([
      'odrzucony przez: Katarzyna Wiśniewska, 03.11.2026, 10:42 (UTC+01:00)\nuwaga: Błąd wpisu, mieszkaniec poda nowy odczyt',
      'czeka na decyzję',
      '',
    ]);
    // held consumption is summed per medium: 18 + 17.2 cold water; 40 hot water; 2.5 GJ heat
    expect(sectionRows(h, 'Podsumowanie według mediów')).toEqual([
      ['zimna woda', 'm³', '2', '35,200'],
      ['ciepła woda', 'm³', '1', '40'],
      ['ciepło', 'GJ', '1', '2,5'],
      ['Ogółem', '', '4', ''],
    ]);
  });

  it('prints in English with a decimal point and English dates', () => {
    const h = html('readings-accepted', 'en');
    const t = text(h);
    expect(t).toContain('Accepted meter readings — run no. 57');
    expect(headings(h)[0]).toBe('Building B001 — ul. Lipowa 3, 31-555 Kraków');
    const b2 = sectionRows(h, 'Building B002');
    expect(b2[0]).toEqual(['0002/001', 'EE-3001 (zone 1)\nelectricity', '28 Oct 2026', '1,402.5\n30 Sept 2026', '1,502.5', '100.0 kWh', '']);
    expect(sectionRows(h, 'Totals by medium')[0]).toEqual(['cold water', 'm³', '3', '25.625']);
  });

  it('words the reasons and hints in the report’s language from the catalogue, whatever language they were archived in', () => {
    const h = html('readings-rejected', 'en');
    const b10 = sectionRows(h, 'Building B010');
    const params = { value: '45.100', meter: 'WZ-10119', previous: '47.300', previousDate: '27 Sept 2026' };
    expect(b10[1][4]).toBe(reason(problem('SAL-2015', 'en', params)));
    expect(b10[1][5]).toBe(problem('SAL-2015', 'en').hint);
    expect(b10[0][4]).toContain('rejected by Katarzyna Wiśniewska, 3 Nov 2026, 10:42 (UTC+01:00)');
  });

  it('prints in Ukrainian', () => {
    const t = text(html('readings-rejected', 'uk'));
    expect(t).toContain('Відхилені показники лічильників — запуск № 57');
    expect(t).toContain('Будинок B010');
    expect(t).toContain('Лічильник не знайдено в облікових даних');
    expect(t).toContain('Що зробити');
  });

  it('says so when a report has nothing to list', () => {
    const rows = sampleReadings().filter((r) => r.outcome !== 'held' && !r.decidedBy);
    const t = text(html('readings-held', 'pl', rows));
    expect(t).toContain('W tym przebiegu żaden odczyt nie został wstrzymany do weryfikacji.');
    expect(t).toContain('W tym raporcie 0');
  });

  it('sums a long run exactly: 360 readings of 1.001 m³ are 360.360 m³', () => {
    const h = html('readings-accepted', 'pl', manyReadings(400, 7));
    expect(sectionRows(h, 'Podsumowanie według mediów')).toEqual([
      ['zimna woda', 'm³', '360', '360,360'],
      ['Ogółem', '', '360', ''],
    ]);
    // B001..B007, in order
    expect(headings(h).slice(0, 7).map((x) => x.split(' — ')[0])).toEqual(['B001', 'B002', 'B003', 'B004', 'B005', 'B006', 'B007'].map((b) => `Budynek ${b}`));
  });
});

describe('exact decimals', () => {
  it('adds decimal strings without floating-point error', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['3.125', '4.5', '18'])).toBe('25.625');
    expect(sumDecimals(['99999.999', '0.001'])).toBe('100000.000');
    expect(sumDecimals(['1.5', '-2.25'])).toBe('-0.75');
    expect(sumDecimals(Array.from({ length: 1000 }, () => '0.0001'))).toBe('0.1000');
    expect(sumDecimals([])).toBe('0');
    expect(() => sumDecimals(['1e3'])).toThrow();
  });

  it('prints decimals with the locale’s mark and grouping, garbage as written', () => {
    expect(formatDecimal('1234567.125', 'pl')).toBe(`1${NBSP}234${NBSP}567,125`);
    expect(formatDecimal('1234567.125', 'en')).toBe('1,234,567.125');
    expect(formatDecimal('-0.75', 'uk')).toBe('−0,75');
    expect(formatDecimal('12,5 m3', 'pl')).toBe('12,5 m3');
  });
});
