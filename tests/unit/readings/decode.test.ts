import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeReadingFile, firstInvalidUtf8 } from '../../../main/readings/decode';

const PL = 'Licznik;Właściciel;Stan\nS1;Łukasz Żółć;12,5\n';
const UK = 'Лічильник;Власник;Показник\nS1;Ґанна Їжакевич;12,5\n';

describe('decodeReadingFile', () => {
  it('reads UTF-8 with and without a BOM, and says which', () => {
    const plain = decodeReadingFile(Buffer.from(PL, 'utf8'));
    expect(plain).toMatchObject({ ok: true, text: PL, encoding: 'utf-8', bom: false, detected: true });
    const withBom = decodeReadingFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PL, 'utf8')]));
    expect(withBom).toMatchObject({ ok: true, text: PL, encoding: 'utf-8', bom: true });
  });

  it('falls back to Windows-1250 for Polish bytes that are not UTF-8', () => {
    const bytes = iconv.encode(PL, 'win1250');
    expect(firstInvalidUtf8(bytes)).toBeGreaterThan(0);
    expect(decodeReadingFile(bytes, { locale: 'pl' })).toMatchObject({ ok: true, text: PL, encoding: 'windows-1250', detected: true });
  });

  it('falls back to Windows-1251 in a Ukrainian workspace, or when told', () => {
    const bytes = iconv.encode(UK, 'win1251');
    expect(decodeReadingFile(bytes, { locale: 'uk' })).toMatchObject({ ok: true, text: UK, encoding: 'windows-1251' });
    expect(decodeReadingFile(bytes, { locale: 'pl', fallback: 'windows-1251' })).toMatchObject({ ok: true, text: UK });
    expect(decodeReadingFile(bytes, { encoding: 'windows-1251' })).toMatchObject({ ok: true, text: UK, detected: false });
  });

  it('honours an explicit single-byte encoding even for bytes that happen to be valid UTF-8', () => {
    // "Å‚" in cp1250 is the UTF-8 of "ł" — the operator's choice decides.
    const d = decodeReadingFile(Buffer.from('ł', 'utf8'), { encoding: 'windows-1250' });
    expect(d).toMatchObject({ ok: true, encoding: 'windows-1250' });
    if (d.ok) expect(d.text).not.toBe('ł');
  });

  it('refuses bytes that are not UTF-8 when UTF-8 is asked for, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from('a;b\nc;d\n', 'utf8'), iconv.encode('ł;x\n', 'win1250')]);
    const d = decodeReadingFile(bytes, { encoding: 'utf-8', fileName: 'r.csv', locale: 'en' });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problem).toMatchObject({ code: 'SAL-2032', line: 3, file: 'r.csv' });
  });

  it('refuses binary garbage with the line it starts on', () => {
    const bytes = Buffer.concat([Buffer.from('id;value\n1;2\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])]);
    const d = decodeReadingFile(bytes, { locale: 'pl' });
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.problem).toMatchObject({ code: 'SAL-2031', line: 3, severity: 'error' });
      expect(d.problem.message).toContain('3');
    }
  });

  it('refuses UTF-16 (Excel’s "Unicode text")', () => {
    const d = decodeReadingFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b\n', 'utf16le')]));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problem.code).toBe('SAL-2032');
  });

  it('rejects overlong and surrogate UTF-8 sequences', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0xe2, 0x82]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('zażółć €𝄞', 'utf8'))).toBe(-1);
  });
});
