import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { ColumnMappingSchema, importReadingsFile, type ColumnMapping } from '../../../main/readings/import';
import { parseCsv } from '../../../main/readings/import/csv-parse';

const dir = mkdtempSync(join(tmpdir(), 'saldo-readings-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the text in the encoding to a real file and imports the file's bytes. */
function importFile(name: string, text: string, mapping: ColumnMapping, opts: { encoding?: string; bom?: boolean; locale?: 'pl' | 'uk' | 'en' } = {}) {
  const path = join(dir, name);
  const body = opts.encoding ? iconv.encode(text, opts.encoding) : Buffer.from(text, 'utf8');
  writeFileSync(path, opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return importReadingsFile({ bytes: readFileSync(path), fileName: name, format: 'csv', mapping, locale: opts.locale ?? 'pl' });
}

const BY_HEADER: ColumnMapping = {
  name: 'Radio PL',
  header: true,
  columns: { serial: 'Numer licznika', date: 'Data odczytu', value: 'Stan', accountNo: 'Konto', alarms: 'Alarmy' },
};

describe('CSV import with a saved column mapping', () => {
  it('reads a Windows-1250 file with Polish headers and names, semicolons and decimal commas', () => {
    const text = 'Konto;Lokator;Numer licznika;Data odczytu;Stan;Alarmy\r\n00-0001;Łucja Wąsowicz;ZW-001;31.03.2024;123,456;\r\n00-0002;Zdzisław Żółć;ZW-002;31.03.2024;7,5;WYCIEK\r\n';
    const r = importFile('radio-1250.csv', text, BY_HEADER, { encoding: 'win1250' });
    expect(r).toMatchObject({ ok: true, encoding: 'windows-1250', lines: 2 });
    expect(r.readings).toEqual([
      { sourceId: `${r.fileHash}:2`, source: 'radio', serial: 'ZW-001', accountNo: '00-0001', readingDate: '2024-03-31', value: '123,456', file: 'radio-1250.csv', line: 2 },
      { sourceId: `${r.fileHash}:3`, source: 'radio', serial: 'ZW-002', accountNo: '00-0002', readingDate: '2024-03-31', value: '7,5', file: 'radio-1250.csv', line: 3, alarms: ['WYCIEK'] },
    ]);
  });

  it('reads a Windows-1251 file with Ukrainian headers in a Ukrainian workspace', () => {
    const text = 'Рахунок;Лічильник;Дата;Показник\n01-0001;ХВ-77;2024-03-31;15,25\n';
    const mapping: ColumnMapping = { name: 'Радіо', header: true, columns: { accountNo: 'Рахунок', serial: 'лічильник', date: 'Дата', value: 'Показник' } };
    const r = importFile('radio-1251.csv', text, mapping, { encoding: 'win1251', locale: 'uk' });
    expect(r).toMatchObject({ ok: true, encoding: 'windows-1251' });
    expect(r.readings[0]).toMatchObject({ serial: 'ХВ-77', accountNo: '01-0001', value: '15,25' });
  });

  it('reads UTF-8 with and without a BOM (the BOM is not part of the first header)', () => {
    const text = 'Numer licznika;Data odczytu;Stan\nS1;2024-03-31;1\n';
    const mapping: ColumnMapping = { name: 'x', header: true, columns: { serial: 'Numer licznika', date: 'Data odczytu', value: 'Stan' } };
    expect(importFile('bom.csv', text, mapping, { bom: true })).toMatchObject({ ok: true, encoding: 'utf-8', readings: [{ serial: 'S1' }] });
    expect(importFile('nobom.csv', text, mapping)).toMatchObject({ ok: true, encoding: 'utf-8', readings: [{ serial: 'S1' }] });
  });

  it('reads columns by position in a file without a header, comma-separated, with quoted fields', () => {
    const text = '"R-1","2024/03/31 is not used",2024-03-31,"12.5"\n"R,2",x,2024-03-30,"1 234.5"\n';
    const mapping: ColumnMapping = { name: 'pos', header: false, columns: { radioId: 1, date: 3, value: 4 } };
    const r = importFile('pos.csv', text, mapping);
    expect(r.ok).toBe(true);
    expect(r.readings.map((x) => [x.radioId, x.readingDate, x.value])).toEqual([
      ['R-1', '2024-03-31', '12.5'],
      ['R,2', '2024-03-30', '1 234.5'],
    ]);
  });

  it('detects a tab delimiter and honours Excel’s sep= line', () => {
    const tab = importFile('tab.csv', 'm\td\tv\nM1\t2024-03-31\t5\n', { name: 't', header: true, columns: { meterId: 'm', date: 'd', value: 'v' } });
    expect(tab.readings[0]).toMatchObject({ meterId: 'M1', value: '5', line: 2 });
    const sep = importFile('sep.csv', 'sep=,\nm,d,v\nM1,2024-03-31,"5,5"\n', { name: 's', header: true, columns: { meterId: 'm', date: 'd', value: 'v' } });
    expect(sep.readings[0]).toMatchObject({ meterId: 'M1', value: '5,5', line: 3 });
  });

  it('keeps a quoted field over several lines, counting lines as the editor shows them', () => {
    const text = 'm;note;d;v\nM1;"two\nlines";2024-03-31;5\nM2;"";2024-03-31;6\n';
    const r = importFile('multi.csv', text, { name: 'q', header: true, columns: { meterId: 'm', date: 'd', value: 'v' } });
    expect(r.readings.map((x) => [x.meterId, x.line])).toEqual([
      ['M1', 2],
      ['M2', 4],
    ]);
  });

  it('reads the date formats, with a time, and converts a time with a zone to the premises’ day', () => {
    const text = 'm;d;v\nM1;31.03.2024;1\nM2;31/03/2024 10:15;2\nM3;2024-03-31T23:30:00Z;3\nM4;2024-03-15 23:30+01:00;4\n';
    const mapping: ColumnMapping = { name: 'd', header: true, columns: { meterId: 'm', date: 'd', value: 'v' } };
    const r = importFile('dates.csv', text, mapping);
    expect(r.readings.map((x) => x.readingDate)).toEqual(['2024-03-31', '2024-03-31', '2024-04-01', '2024-03-15']);
    // 23:30 UTC+1 on the night summer time starts (31 March) is already 1 April in Warsaw.
    expect(importFile('dst.csv', 'm;d;v\nM1;2024-03-31 23:30+01:00;1\n', mapping).readings[0].readingDate).toBe('2024-04-01');
    const kyiv = importFile('dates-kyiv.csv', 'm;d;v\nM1;2024-03-31T21:30:00Z;1\n', { ...mapping, timeZone: 'Europe/Kyiv' });
    expect(kyiv.readings[0].readingDate).toBe('2024-04-01');
  });

  it('gives one reading per zone from per-zone value columns', () => {
    const text = 'serial;date;T1;T2\nE-1;2024-03-31;1200,5;600,25\nE-2;2024-03-31;99;\n';
    const mapping: ColumnMapping = { name: 'z', header: true, columns: { serial: 'serial', date: 'date', zoneValues: ['T1', 'T2'] } };
    const r = importFile('zones.csv', text, mapping);
    expect(r.readings.map((x) => [x.serial, x.zone, x.zonesGiven, x.value, x.sourceId.split(':').slice(1).join(':')])).toEqual([
      ['E-1', 1, 2, '1200,5', '2:1'],
      ['E-1', 2, 2, '600,25', '2:2'],
      ['E-2', 1, 1, '99', '3:1'],
    ]);
  });

  it('reads a zone column (1, T2, II) with one value column', () => {
    const text = 's;d;z;v\nE;2024-03-31;1;5\nE;2024-03-31;T2;6\nE;2024-03-31;II;7\n';
    const r = importFile('zonecol.csv', text, { name: 'zc', header: true, columns: { serial: 's', date: 'd', zone: 'z', value: 'v' } });
    expect(r.readings.map((x) => x.zone)).toEqual([1, 2, 2]);
  });

  it('honours the mapping’s decimal mark: the other mark in a value is a thousands separator', () => {
    const text = 'm;d;v\nM1;2024-03-31;1.234,5\nM2;2024-03-31;12,5\nM3;2024-03-31;1.2.3,4\n';
    const r = importFile('mark.csv', text, { name: 'k', header: true, decimalMark: ',', columns: { meterId: 'm', date: 'd', value: 'v' } });
    expect(r.readings.map((x) => x.value)).toEqual(['1234,5', '12,5', '1.2.3,4']);
    const dot = importFile('mark-dot.csv', 'm,d,v\nM1,2024-03-31,"1,234.5"\n', { name: 'k', header: true, decimalMark: '.', columns: { meterId: 'm', date: 'd', value: 'v' } });
    expect(dot.readings[0].value).toBe('1234.5');
  });

  it('passes a value that is not a number on as a reading (the rules reject it), not as a file error', () => {
    const r = importFile('nan.csv', 'm;d;v\nM1;2024-03-31;abc\nM2;2024-03-31;\n', { name: 'n', header: true, columns: { meterId: 'm', date: 'd', value: 'v' } });
    expect(r.ok).toBe(true);
    expect(r.readings.map((x) => x.value)).toEqual(['abc', '']);
  });
});

describe('a malformed CSV file imports nothing, and says where', () => {
  const mapping: ColumnMapping = { name: 'm', header: true, columns: { meterId: 'm', date: 'd', value: 'v' } };

  it('a row with the wrong number of columns', () => {
    const r = importFile('cols.csv', 'm;d;v\nM1;2024-03-31;1\nM2;2024-03-31;2;extra\nM3;2024-03-31;3\n', mapping, { locale: 'en' });
    expect(r.ok).toBe(false);
    expect(r.readings).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'SAL-2033', severity: 'error', file: 'cols.csv', line: 3 })]);
    expect(r.problems[0].message).toBe('Line 3 has 4 columns, 3 expected');
  });

  it('an unparseable date', () => {
    const r = importFile('date.csv', 'm;d;v\nM1;2024-03-31;1\nM2;31-03-2024;2\n', mapping);
    expect(r).toMatchObject({ ok: false, readings: [] });
    expect(r.problems[0]).toMatchObject({ code: 'SAL-2035', line: 3 });
    expect(r.problems[0].message).toContain('31-03-2024');
    expect(importFile('date2.csv', 'm;d;v\nM1;2024-02-30;1\n', mapping).problems[0]).toMatchObject({ code: 'SAL-2035', line: 2 });
    expect(importFile('date3.csv', 'm;d;v\nM1;2024-02-03 25:00;1\n', mapping).problems[0]).toMatchObject({ code: 'SAL-2035', line: 2 });
  });

  it('a quote that never closes', () => {
    const r = importFile('quote.csv', 'm;d;v\nM1;2024-03-31;1\nM2;"2024-03-31;2\nM3;2024-03-31;3\n', mapping);
    expect(r).toMatchObject({ ok: false, readings: [] });
    expect(r.problems[0]).toMatchObject({ code: 'SAL-2034', line: 3 });
  });

  it('an empty file, and a header without data', () => {
    expect(importFile('empty.csv', '', mapping).problems[0]).toMatchObject({ code: 'SAL-2030' });
    expect(importFile('blank.csv', '\r\n  \n', mapping).problems[0]).toMatchObject({ code: 'SAL-2030' });
    const headerOnly = importFile('header.csv', 'm;d;v\n', mapping);
    expect(headerOnly).toMatchObject({ ok: false, readings: [] });
    expect(headerOnly.problems[0]).toMatchObject({ code: 'SAL-2030', line: 2 });
  });

  it('a mapped column the header does not have', () => {
    const r = importFile('nocol.csv', 'meter;date;value\nM1;2024-03-31;1\n', mapping);
    expect(r).toMatchObject({ ok: false, readings: [] });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['SAL-2038', 1],
      ['SAL-2038', 1],
      ['SAL-2038', 1],
    ]);
  });

  it('an unreadable zone', () => {
    const r = importFile('zone.csv', 's;d;z;v\nE;2024-03-31;night;5\n', { name: 'z', header: true, columns: { serial: 's', date: 'd', zone: 'z', value: 'v' } });
    expect(r.problems[0]).toMatchObject({ code: 'SAL-2040', line: 2 });
  });

  it('binary garbage', () => {
    const path = join(dir, 'garbage.csv');
    writeFileSync(path, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]));
    const r = importReadingsFile({ bytes: readFileSync(path), fileName: 'garbage.csv', format: 'csv', mapping, locale: 'pl' });
    expect(r).toMatchObject({ ok: false, readings: [] });
    expect(r.problems[0]).toMatchObject({ code: 'SAL-2031', line: 1 });
  });

  it('an invalid mapping (refused before the file is read)', () => {
    const r = importReadingsFile({ bytes: Buffer.from('a'), fileName: 'x.csv', format: 'csv', mapping: { name: 'bad', header: true, columns: { date: 'd', value: 'v' } }, locale: 'en' });
    expect(r).toMatchObject({ ok: false, readings: [] });
    expect(r.problems[0].code).toBe('SAL-2039');
    expect(r.problems[0].message).toContain('meter id, the serial or the radio id');
  });
});

describe('ColumnMappingSchema', () => {
  const base = { name: 'x', header: true, columns: { serial: 's', date: 'd', value: 'v' } };
  it('accepts the agreed shape (the IPC contract’s mapping) and refuses what cannot work', () => {
    expect(ColumnMappingSchema.safeParse(base).success).toBe(true);
    expect(ColumnMappingSchema.safeParse({ ...base, delimiter: '\t', decimalMark: ',', dateFormats: ['DD.MM.YYYY'], timeZone: 'Europe/Kyiv' }).success).toBe(true);
    expect(ColumnMappingSchema.safeParse({ ...base, columns: { date: 'd', value: 'v' } }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ ...base, columns: { serial: 's', date: 'd' } }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ ...base, columns: { serial: 's', date: 'd', value: 'v', zoneValues: ['a'] } }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ ...base, header: false }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(ColumnMappingSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });
});

describe('parseCsv (RFC 4180)', () => {
  it('handles doubled quotes, CRLF, a trailing delimiter and no final newline', () => {
    const p = parseCsv('a;"b ""c""";d;\r\n1;2;3;4', ';');
    expect(p).toEqual({ ok: true, records: [{ line: 1, fields: ['a', 'b "c"', 'd', ''] }, { line: 2, fields: ['1', '2', '3', '4'] }] });
  });
  it('refuses text after a closing quote', () => {
    expect(parseCsv('a;"b"x;c\n', ';')).toEqual({ ok: false, line: 1, reason: 'stray-quote' });
  });
});
