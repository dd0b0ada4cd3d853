// The parsers' one entry point: format detection by content (not by file name), problems in the
// operator's language, and the one error shape.

import { describe, expect, it } from 'vitest';
import { parseStatementFile } from '../../../main/bank/parse/index';
import { codes, fixture, parseText } from './fixtures';

describe('parseStatementFile', () => {
  it.each([
    ['pko-windows-1250.sta', 'mt940'],
    ['mt942-windows-1250.sta', 'mt942'],
    ['camt053-v02.xml', 'camt.053'],
    ['camt052-v04.xml', 'camt.052'],
    ['camt054-v04.xml', 'camt.054'],
    ['1c-windows-1251.txt', '1c'],
    ['mbank-windows-1250.csv', 'csv'],
  ])('detects %s as %s whatever the file is called', (name, format) => {
    const f = parseStatementFile(fixture(name), { locale: 'en', fileName: 'statement.dat' });
    expect(f.format).toBe(format);
  });

  it('an unknown format is an error, and so is an empty file', () => {
    expect(codes(parseText('Hello, this is not a bank statement.\n'))).toEqual(['SAL-3001']);
    expect(codes(parseStatementFile(new Uint8Array(0), { locale: 'en' }))).toEqual(['SAL-3001']);
  });

  it('a file with the MT940 shape but no statement inside', () => {
    expect(codes(parseText('{1:F01X}{2:I940X}{4:\r\n-}\r\n'))).toEqual(['SAL-3013']);
  });

  it('speaks the operator’s language in the one error shape', () => {
    for (const locale of ['pl', 'uk', 'en'] as const) {
      const f = parseStatementFile(fixture('broken-balance.sta'), { locale, fileName: 'b.sta' });
      const p = f.problems[0];
      expect(Object.keys(p).sort()).toEqual(['code', 'file', 'hint', 'key', 'line', 'message', 'severity']);
      expect(p).toMatchObject({ code: 'SAL-3004', severity: 'error', file: 'b.sta', line: 1 });
      expect(p.message).not.toMatch(/\{\w+\}/);
    }
    expect(parseStatementFile(fixture('broken-balance.sta'), { locale: 'pl' }).problems[0].message).toContain('nie sumuje się');
    expect(parseStatementFile(fixture('broken-balance.sta'), { locale: 'uk' }).problems[0].message).toContain('не сходиться');
  });
});
