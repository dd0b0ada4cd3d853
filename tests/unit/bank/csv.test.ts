// CSV exports through column mappings: the mBank "Lista operacji" layout (preamble, #-headers,
// "-1 234,50 PLN" amounts, a balance after each operation) and the iBank 2 UA business statement
// of Ukrainian banks (separate Дебет/Кредит columns), plus mappings an operator saves.

import { describe, expect, it } from 'vitest';
import { CSV_PRESETS, CsvMappingSchema } from '../../../main/bank/parse/csv';
import { codes, entries, errors, parseFixture, parseText } from './fixtures';

describe('mBank CSV preset (Windows-1250)', () => {
  const f = parseFixture('mbank-windows-1250.csv');
  const st = f.statements[0];

  it('is recognised by its header without a mapping, skipping the preamble and the #-summary lines', () => {
    expect(f.format).toBe('csv');
    expect(f.encoding).toBe('windows-1250');
    expect(f.problems).toEqual([]);
    expect(st.entries).toHaveLength(4);
    expect(st.account).toBe('27114020040000300201355387'); // from "#Numer rachunku" in the preamble
  });

  it('reads signed amounts with grouping and currency, dates and the operation description', () => {
    expect(st.entries.map((e) => e.amount)).toEqual([65000, -1200, -178800, 300000]);
    expect(st.entries[0]).toMatchObject({ valueDate: '2026-01-20', currency: 'PLN', title: 'PRZELEW PRZYCHODZĄCY ŻANETA KŁOSIŃSKA CZYNSZ STYCZEŃ LOKAL 8' });
    expect(st.entries[1].fee).toBe(true); // OPŁATA ZA PROWADZENIE RACHUNKU
  });

  it('checks every entry against the balance after it (newest first) and derives the balances', () => {
    expect(st.opening).toMatchObject({ amount: 0, date: '2026-01-05' });
    expect(st.closing).toMatchObject({ amount: 185000, date: '2026-01-20' });
    expect(st.check).toEqual({ result: 'pass' });
  });

  it('a balance that does not follow from the previous one is a mismatch on that line', () => {
    const text = '#Data operacji;#Opis operacji;#Rachunek;#Kategoria;#Kwota;#Saldo po operacji;\r\n2026-01-03;"C";"";"";-10,00 PLN;80,00 PLN;\r\n2026-01-02;"B";"";"";50,00 PLN;100,00 PLN;\r\n2026-01-01;"A";"";"";50,00 PLN;50,00 PLN;\r\n';
    const f2 = parseText(text, {}, 'windows-1250');
    expect(f2.statements[0].check.result).toBe('mismatch');
    expect(errors(f2)[0]).toMatchObject({ code: 'SAL-3023', line: 2 });
  });
});

describe('Ukrainian debit/credit CSV preset (iBank 2 UA, Windows-1251)', () => {
  it('is recognised by its header; Дебет is money out, Кредит money in; names and accounts kept', () => {
    const f = parseFixture('ua-aval-windows-1251.csv');
    expect(f.encoding).toBe('windows-1251');
    const e = entries(f);
    expect(e.map((x) => x.amount)).toEqual([185050, 50000, -120000]);
    expect(e[0]).toMatchObject({ valueDate: '2026-01-05', currency: 'UAH', customerReference: '101', title: 'Внесок на утримання будинку, кв. 17, січень' });
    expect(e[0].counterparty).toEqual({ name: 'Ґалаґан Євгенія Іванівна', account: 'UA413052990000026208765432101', taxId: '3012345678' });
    expect(e[1].title).toBe('Внесок за лютий; кв. 4'); // a quoted field holding the delimiter
    expect(e[2].counterparty.name).toBe('ТОВ "Єврокомунсервіс"');
    expect(f.statements[0].account).toBe('UA213223130000026007233566001');
  });

  it('has no balances: unavailable, unless the operator gives opening and closing', () => {
    const plain = parseFixture('ua-aval-windows-1251.csv');
    expect(plain.statements[0].check).toEqual({ result: 'unavailable' });
    const mapped = parseFixture('ua-aval-windows-1251.csv', { csvMapping: { ...CSV_PRESETS['ua-debit-credit'], openingBalance: '10000.00', closingBalance: '11150.50' } });
    expect(mapped.statements[0].check).toEqual({ result: 'pass' });
    const wrong = parseFixture('ua-aval-windows-1251.csv', { csvMapping: { ...CSV_PRESETS['ua-debit-credit'], openingBalance: '10000.00', closingBalance: '11150.00' } });
    expect(wrong.statements[0].check).toMatchObject({ result: 'mismatch' });
  });

  it('a line with both Дебет and Кредit filled is an error with its line number', () => {
    const text = 'Дата операції;Дебет;Кредит;Призначення платежу\r\n01.02.2026;10.00;;a\r\n02.02.2026;5.00;7.00;b\r\n';
    const f = parseText(text, { csvMapping: CsvMappingSchema.parse({ decimalMark: '.', dateFormat: 'DD.MM.YYYY', columns: { date: 'Дата операції', debit: 'Дебет', credit: 'Кредит', title: 'Призначення платежу' } }) }, 'windows-1251');
    expect(errors(f)).toMatchObject([{ code: 'SAL-3025', line: 3 }]);
  });
});

describe('CSV mappings an operator saves', () => {
  const mapping = CsvMappingSchema.parse({
    delimiter: ',',
    header: false,
    decimalMark: '.',
    dateFormat: 'DD/MM/YYYY',
    currency: 'EUR',
    account: 'PL34144011010000000011112222',
    columns: { date: 0, amount: 2, title: [3, 4], payerName: 1 },
  });

  it('columns by position, several columns joined into the title', () => {
    const f = parseText('31/01/2026,Ewa Żak,"1,234.50",Czynsz,"luty, lokal 3"\n01/02/2026,Bank,-2.00,Opłata,\n', { csvMapping: mapping });
    expect(f.problems.map((p) => p.code)).toEqual(['SAL-3006']);
    expect(entries(f).map((e) => [e.valueDate, e.amount, e.title, e.counterparty.name])).toEqual([
      ['2026-01-31', 123450, 'Czynsz luty, lokal 3', 'Ewa Żak'],
      ['2026-02-01', -200, 'Opłata', 'Bank'],
    ]);
    expect(f.statements[0]).toMatchObject({ account: 'PL34144011010000000011112222', currency: 'EUR' });
  });

  it('a bad date or amount is an error with its line; a missing column names the column', () => {
    expect(errors(parseText('32/01/2026,x,1.00,t,\n', { csvMapping: mapping }))).toMatchObject([{ code: 'SAL-3019', line: 1 }]);
    expect(errors(parseText('01/01/2026,x,1.0.0,t,\n', { csvMapping: mapping }))).toMatchObject([{ code: 'SAL-3024', line: 1 }]);
    const named = CsvMappingSchema.parse({ columns: { date: 'Data', amount: 'Kwota' } });
    expect(errors(parseText('Data;Suma\n2026-01-01;1,00\n', { csvMapping: named }))).toMatchObject([{ code: 'SAL-3018' }]);
  });

  it('the mapping needs an amount or both debit and credit columns', () => {
    expect(CsvMappingSchema.safeParse({ columns: { date: 0, debit: 1 } }).success).toBe(false);
    expect(CsvMappingSchema.safeParse({ columns: { date: 0, debit: 1, credit: 2 } }).success).toBe(true);
  });

  it('a CSV without a mapping nor a known header is not read', () => {
    expect(codes(parseText('a;b;c\n1;2;3\n'))).toEqual(['SAL-3001']);
    expect(codes(parseText('a;b;c\n1;2;3\n', { format: 'csv' }))).toEqual(['SAL-3016']);
  });
});
