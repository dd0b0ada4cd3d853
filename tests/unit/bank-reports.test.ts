// The three bank reports (statement summary, unmatched payments, booked payments per premises kind)
// rendered to HTML from hand-made statements and items: the right rows in the right sections, the
// check results worded apart, and totals that are exact sums of the printed amounts.

import { describe, expect, it } from 'vitest';
import type { Problem, RunRecord } from '../../shared/domain/types';
import type { BankItemView, StatementView } from '../../shared/ipc/contract-bank';
import { renderReportHtml } from '../../main/reports/html';
import type { ReportDoc } from '../../main/reports/model';
import { REPORT_KINDS } from '../../main/reports/registry';
import { buildStatementSummary } from '../../main/bank/reports/statements';
import { buildUnmatchedReport } from '../../main/bank/reports/unmatched';
import { buildBookedReport } from '../../main/bank/reports/booked';
import type { BankReportContext, BankReportData } from '../../main/bank/reports/common';

const NB = '\u00a0';

const run: RunRecord = {
  id: 77,
  started: '2026-11-03T08:15:00.000Z',
  finished: '2026-11-03T08:15:04.000Z',
  operator: 'k.wisniewska',
  kind: 'bank-import',
  period: null,
  mode: null,
  status: 'completed',
  counts: {},
  durationMs: 4000,
  totals: {},
  problems: [
    {
      code: 'SAL-3020',
      severity: 'error',
      message: 'Saldo się nie zgadza',
      hint: 'Pobierz wyciąg ponownie z banku.',
      file: 'camt-pazdziernik.xml',
      line: 14,
    },
    // a file that is no statement at all
    { code: 'SAL-3001', severity: 'error', message: 'Nie rozpoznano formatu pliku', hint: 'Sprawdź, czy to wyciąg.', file: 'faktura.pdf' },
    // a payment's reason belongs to the unmatched report, not to the files' problems
    { code: 'SAL-3057', severity: 'review', message: 'Nie rozpoznano lokalu dla płatności 12,34', hint: 'Wyszukaj lokal.', key: 'PKO1', file: 'wyciag-pko.sta', line: 7 },
  ],
};

function statement(over: Partial<StatementView>): StatementView {
  return {
    key: '1',
    file: 'wyciag-pko.sta',
    format: 'mt940',
    encoding: 'windows-1250',
    id: 'ST-1',
    account: 'PL61109010140000071219812874',
    currency: 'PLN',
    computedClosing: '0.00',
    check: 'pass',
    entries: 0,
    credit: '0.00',
    debit: '0.00',
    ...over,
  };
}

const statements: StatementView[] = [
  statement({ key: '1', number: '123/1', opening: '10000.00', closing: '10750.30', computedClosing: '10750.30', check: 'pass', entries: 3, credit: '1000.30', debit: '250.00' }),
  statement({ key: '2', number: '124/1', opening: '0.00', computedClosing: '500.00', check: 'unavailable', entries: 1, credit: '500.00', debit: '0.00' }),
  statement({
    key: '3',
    file: 'camt-pazdziernik.xml',
    format: 'camt.053',
    encoding: 'utf-8',
    id: 'CAMT-2026-10',
    account: '27114020040000300201355387',
    opening: '100.00',
    closing: '200.00',
    computedClosing: '199.99',
    check: 'mismatch',
    entries: 2,
    credit: '99.99',
    debit: '0.00',
  }),
];

let seq = 0;
function item(over: Partial<BankItemView>): BankItemView {
  seq++;
  return {
    key: String(seq),
    runId: 77,
    statementKey: '1',
    seq,
    valueDate: '2026-10-05',
    amount: '0.00',
    currency: 'PLN',
    title: 'Czynsz',
    status: 'matched',
    problems: [],
    ...over,
  };
}

const reason: Problem = { code: 'SAL-3061', severity: 'review', message: 'Rachunek wirtualny ma złą sumę kontrolną', hint: 'Przypisz ręcznie.' };

const items: BankItemView[] = [
  item({ amount: '0.10', accountNo: '01/0001', premisesKind: 'residential', address: 'ul. Lipowa 1/1', payerName: 'Jan Kowalski', method: 'virtual-account' }),
  item({ amount: '0.20', accountNo: '01/0002', premisesKind: 'residential', address: 'ul. Lipowa 1/2', payerName: 'Anna Nowak', method: 'title', bookingDate: '2026-10-02' }),
  item({ amount: '1234567.89', accountNo: '01/0003', premisesKind: 'residential', address: 'ul. Lipowa 1/3', payerName: 'Zofia Żółć', method: 'operator', assignedBy: 'a.nowak' }),
  item({ amount: '999.99', accountNo: '02/0001', premisesKind: 'commercial', address: 'ul. Lipowa 1 lok. U1', payerName: 'Sklep „Pod Lipą” sp. z o.o.', method: 'virtual-account' }),
  item({ amount: '0.01', accountNo: '02/0002', premisesKind: 'commercial', address: 'ul. Lipowa 1 lok. U2', payerName: 'Kwiaciarnia', method: 'payer-history' }),
  item({ status: 'unmatched', amount: '12.34', payerName: 'Piotr Wiśniewski', payerAccount: '61109010140000071219812874', title: 'wpłata <b>za</b> czynsz', problems: [reason], valueDate: '2026-10-09' }),
  item({ status: 'unmatched', amount: '100.00', payerName: 'Ewa Zając', title: 'opłata', valueDate: '2026-10-01' }),
  item({ status: 'suggested', amount: '50.00', payerName: 'Marek Lis', title: 'czynsz X', suggestion: { accountNo: '01/0009', reason: 'ten płatnik płacił wcześniej za 01/0009' } }),
  item({ status: 'outgoing', amount: '-250.00', title: 'Faktura za wodę' }),
  item({ status: 'fee', amount: '-5.00', title: 'Opłata za prowadzenie rachunku' }),
];

const data: BankReportData = { run, statements, items };
const ctx: BankReportContext = {
  organisation: { name: 'Spółdzielnia Mieszkaniowa „Lipowa”', address: 'ul. Lipowa 1, Kraków' },
  locale: 'pl',
  printedAt: new Date('2026-11-03T09:00:00Z'),
  operator: 'Katarzyna Wiśniewska',
  timeZone: 'Europe/Warsaw',
};

/** The sections of a rendered report: heading → rows of cell texts (tags stripped, entities decoded). */
function sectionsOf(html: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<section class="section">([\s\S]*?)<\/section>/g)) {
    const heading = decode(/<h2>([\s\S]*?)<\/h2>/.exec(m[1])![1]);
    const rows = [...m[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(c[1])));
    out.set(heading, rows);
  }
  return out;
}

function html(doc: ReportDoc): string {
  return renderReportHtml(doc);
}

describe('bank report kinds', () => {
  it('are registered for saldo report and report.pdf', () => {
    expect(REPORT_KINDS).toEqual(expect.arrayContaining(['bank-statements', 'bank-unmatched', 'bank-booked']));
  });
});

describe('statement summary', () => {
  const doc = buildStatementSummary(data, ctx);
  const page = html(doc);
  const sections = sectionsOf(page);

  it('lists the files read with their format and encoding', () => {
    const files = sections.get('Odczytane pliki')!;
    expect(files[0]).toEqual(['Plik', 'Format', 'Kodowanie', 'Wyciągi', 'Operacje']);
    expect(files[1]).toEqual(['wyciag-pko.sta', 'MT940', 'windows-1250', '2', '4']);
    expect(files[2]).toEqual(['camt-pazdziernik.xml', 'camt.053', 'utf-8', '1', '2']);
    expect(files[3]).toEqual(['faktura.pdf', '—', '—', '0', '0']);
    expect(files[4]).toEqual(['Ogółem', '', '', '3', '6']);
  });

  it('prints each statement with its balances and a check that reads differently for pass, unavailable and mismatch', () => {
    const rows = sections.get('Wyciągi i salda')!.slice(1);
    expect(rows[0]).toEqual([
      'PL61 1090 1014 0000 0712 1981 2874\nwyciąg 123/1\noperacje: 3',
      `10${NB}000,00`,
      `1${NB}000,30`,
      '250,00',
      `10${NB}750,30`,
      `10${NB}750,30`,
      '✓ zgodne',
    ]);
    // no closing balance: an empty cell, never a pass
    expect(rows[1][4]).toBe('');
    expect(rows[1][6]).toBe('○ brak salda końcowego — nie sprawdzono');
    // a Polish NRB without the country prints with its check digits first
    expect(rows[2][0].split('\n')[0]).toBe('27 1140 2004 0000 3002 0135 5387');
    expect(rows[2][6]).toBe('✗ NIEZGODNE\nróżnica 0,01');
    // the turnover adds up; balances of different accounts are not summed
    expect(rows[3]).toEqual(['Ogółem', '', `1${NB}600,29`, '250,00', '', '', '']);
  });

  it('sums up the checks and lists the problems of the files with their line', () => {
    expect(doc.summary).toContainEqual({ label: 'Kontrola sald', value: 'zgodne: 1 · nie do sprawdzenia: 1 · niezgodne: 1' });
    expect(doc.summary).toContainEqual({ label: 'Import nr', value: '77' });
    const problems = sections.get('Problemy znalezione w plikach')!;
    expect(problems[1]).toEqual(['SAL-3020', 'błąd', 'camt-pazdziernik.xml:14', 'Saldo się nie zgadza', 'Pobierz wyciąg ponownie z banku.']);
    expect(problems[2]).toEqual(['SAL-3001', 'błąd', 'faktura.pdf', 'Nie rozpoznano formatu pliku', 'Sprawdź, czy to wyciąg.']);
    expect(problems).toHaveLength(3);
    expect(doc.summary).toContainEqual({ label: 'Pliki', value: '3' });
  });

  it('keeps the currencies apart when a run has several', () => {
    const eur = statement({ key: '9', currency: 'EUR', opening: '1.00', closing: '2.00', computedClosing: '2.00', credit: '1.00', entries: 1 });
    const d = buildStatementSummary({ ...data, statements: [...statements, eur] }, ctx);
    expect(d.sections.map((s) => s.heading)).toEqual(['Odczytane pliki', 'Wyciągi i salda — PLN', 'Wyciągi i salda — EUR', 'Problemy znalezione w plikach']);
    // a sum of PLN and EUR is no sum: each table adds up its own currency
    expect(sectionsOf(html(d)).get('Wyciągi i salda — EUR')!.slice(1)).toHaveLength(1);
  });
});

describe('unmatched payments', () => {
  const doc = buildUnmatchedReport(data, ctx);
  const sections = sectionsOf(html(doc));

  it('lists only the unmatched money in, by date, with payer, account, title and reason, and an exact total', () => {
    const rows = sections.get('Wpłaty nieprzypisane do żadnego lokalu (niezaksięgowane)')!;
    expect(rows[0]).toEqual(['Data', 'Kwota', 'Płatnik', 'Rachunek płatnika', 'Tytuł', 'Przyczyna']);
    expect(rows[1]).toEqual(['01.10.2026', '100,00', 'Ewa Zając', '', 'opłata', 'Brak poprawnego rachunku wirtualnego, brak znanego numeru konta lokalu w tytule, brak historii płatnika.']);
    expect(rows[2]).toEqual([
      '09.10.2026',
      '12,34',
      'Piotr Wiśniewski',
      '61 1090 1014 0000 0712 1981 2874',
      'wpłata <b>za</b> czynsz',
      'Rachunek wirtualny ma złą sumę kontrolną (SAL-3061)',
    ]);
    expect(rows[3]).toEqual(['Ogółem', '112,34', '', '', '', '']);
    expect(rows).toHaveLength(4);
  });

  it('escapes what the bank wrote', () => {
    expect(html(doc)).toContain('wpłata &lt;b&gt;za&lt;/b&gt; czynsz');
  });

  it('shows suggestions apart, with the premises proposed', () => {
    const rows = sections.get('Podpowiedzi z wcześniejszych wpłat płatnika (niezaksięgowane do czasu potwierdzenia)')!;
    expect(rows).toHaveLength(2);
    expect(rows[1][5]).toBe('01/0009\nten płatnik płacił wcześniej za 01/0009');
    expect(doc.summary).toContainEqual({ label: 'Nierozpoznane', value: '2 · 112,34' });
    expect(doc.summary).toContainEqual({ label: 'Podpowiedzi', value: '1 · 50,00' });
  });

  it('says so when everything was matched', () => {
    const d = buildUnmatchedReport({ ...data, items: items.filter((i) => i.status === 'matched') }, ctx);
    expect(html(d)).toContain('Każda wpłata z tego importu została przypisana do lokalu.');
  });
});

describe('booked payments per premises kind', () => {
  const doc = buildBookedReport(data, ctx);
  const sections = sectionsOf(html(doc));

  it('lists residential premises with their total', () => {
    const rows = sections.get('Lokale mieszkalne')!;
    expect(rows[0]).toEqual(['Data', 'Konto lokalu', 'Lokal', 'Płatnik', 'Rozpoznano po', 'Kwota']);
    expect(rows.slice(1, 4).map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['05.10.2026', '01/0001', 'rachunku wirtualnym', '0,10'],
      ['02.10.2026', '01/0002', 'numerze konta w tytule', '0,20'],
      ['05.10.2026', '01/0003', 'przypisał(a) a.nowak', `1${NB}234${NB}567,89`],
    ]);
    // summed in integer grosze (0.10 + 0.20 is not 0.30 in floats)
    expect(rows[4]).toEqual(['Ogółem', '', '', '', '', `1${NB}234${NB}568,19`]);
  });

  it('lists commercial premises apart with their own total', () => {
    const rows = sections.get('Lokale użytkowe')!;
    expect(rows.slice(1).map((r) => r[1])).toEqual(['02/0001', '02/0002', '']);
    expect(rows[3][5]).toBe(`1${NB}000,00`);
    expect(doc.sections[1].note).toBe(`Wpłaty: 2, razem 1${NB}000,00.`);
  });

  it('ends with the totals per kind and the grand total; unmatched, suggested, outgoing and fees are not booked', () => {
    const rows = sections.get('Sumy według rodzaju lokali')!;
    expect(rows.slice(1)).toEqual([
      ['Mieszkalne', '3', `1${NB}234${NB}568,19`],
      ['Użytkowe', '2', `1${NB}000,00`],
      ['Ogółem', '5', `1${NB}235${NB}568,19`],
    ]);
    expect(doc.summary).toContainEqual({ label: 'Mieszkalne', value: `3 · 1${NB}234${NB}568,19` });
  });

  it('prints in English with a decimal point and Ukrainian with a comma', () => {
    const en = sectionsOf(html(buildBookedReport(data, { ...ctx, locale: 'en' })));
    expect(en.get('Totals by premises kind')!.at(-1)).toEqual(['Total', '5', '1,235,568.19']);
    const uk = sectionsOf(html(buildBookedReport(data, { ...ctx, locale: 'uk' })));
    expect(uk.get('Підсумки за видами приміщень')!.at(-1)).toEqual(['Усього', '5', `1${NB}235${NB}568,19`]);
  });
});
