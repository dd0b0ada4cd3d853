// Encodings: the same Polish and Ukrainian text written in each code page banks use, told apart
// by what the file says or by letter frequencies; overrides; broken bytes.

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, normaliseEncoding } from '../../../main/bank/parse/decode';
import { codes, parseText } from './fixtures';

const POLISH = ':86:~20Zażółć gęślą jaźń – Łódź, ŻÓŁW, Świętokrzyska 5\r\n~32Małgorzata Wąs-Źdźbło\r\n';
const UKRAINIAN = 'Призначення: внесок за утримання будинку, ґанок і подвір’я; Їжачок, Євгенія Іванівна\r\n';

describe('encoding detection', () => {
  it.each(['windows-1250', 'iso-8859-2', 'cp852'])('Polish text in %s', (enc) => {
    const d = decodeBytes(iconv.encode(POLISH.replace('–', '-'), enc));
    expect(d.encoding).toBe(enc);
    expect(d.text).toBe(POLISH.replace('–', '-'));
    expect(d.source).toBe('guessed');
  });

  it.each(['windows-1251'])('Ukrainian text in %s', (enc) => {
    const d = decodeBytes(iconv.encode(UKRAINIAN, enc));
    expect(d).toMatchObject({ encoding: enc, text: UKRAINIAN });
  });

  it('Ukrainian text in CP1125 (ґ, і) and Russian-Ukrainian text in CP866', () => {
    const uk = UKRAINIAN.replace('’', "'");
    expect(decodeBytes(iconv.encode(uk, 'cp1125'))).toMatchObject({ encoding: 'cp1125', text: uk });
    const ru = 'Взнос за содержание дома, кв. 31; Ёлочка, Євдокимова Їлона\r\n';
    expect(decodeBytes(iconv.encode(ru, 'cp866'))).toMatchObject({ encoding: 'cp866', text: ru });
  });

  it('valid UTF-8, a BOM, plain ASCII', () => {
    expect(decodeBytes(Buffer.from(POLISH, 'utf8'))).toMatchObject({ encoding: 'utf-8', source: 'utf-8', text: POLISH });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UKRAINIAN)]))).toMatchObject({ encoding: 'utf-8', source: 'bom', text: UKRAINIAN });
    expect(decodeBytes(Buffer.from(':20:ABC\r\n'))).toMatchObject({ encoding: 'utf-8', source: 'ascii' });
  });

  it('what the file declares: an XML declaration, the 1C Кодировка line', () => {
    const xml = iconv.encode('<?xml version="1.0" encoding="ISO-8859-2"?><a>Żółw</a>', 'iso-8859-2');
    expect(decodeBytes(xml)).toMatchObject({ encoding: 'iso-8859-2', source: 'declared', text: '<?xml version="1.0" encoding="ISO-8859-2"?><a>Żółw</a>' });
    const onec = iconv.encode('1CClientBankExchange\r\nВерсияФормата=1.02\r\nКодировка=Windows\r\nОтправитель=Їжак\r\n', 'windows-1251');
    expect(decodeBytes(onec)).toMatchObject({ encoding: 'windows-1251', source: 'declared' });
  });

  it('an override is used as given, and broken bytes are counted with their line', () => {
    const d = decodeBytes(iconv.encode('abc\r\nŻółw\r\n', 'windows-1250'), 'utf-8');
    expect(d.replacements).toBeGreaterThan(0);
    expect(d.firstBadLine).toBe(2);
  });

  it('names: aliases are accepted, unknown names are refused with an error', () => {
    expect(normaliseEncoding('CP1250')).toBe('windows-1250');
    expect(normaliseEncoding('latin2')).toBe('iso-8859-2');
    expect(normaliseEncoding('IBM852')).toBe('cp852');
    expect(normaliseEncoding('koi8-r')).toBeUndefined();
    expect(codes(parseText(':20:X\n', { encoding: 'koi8-r' }))).toEqual(['SAL-3003']);
  });
});
