// 1CClientBankExchange files written after the format description ("Клиент банка" ↔ 1С,
// версия 1.02): Windows (CP1251) and DOS (CP866; CP1125 where Ukrainian ґ/і are needed).

import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseStatementFile } from '../../../main/bank/parse/index';
import { codes, entries, errors, fixture, parseFixture, parseText } from './fixtures';

describe('1C exchange — Кодировка=Windows (CP1251), two accounts', () => {
  const f = parseFixture('1c-windows-1251.txt');
  const [main, fees] = f.statements;

  it('reads both account sections with their balances and totals; both checks pass', () => {
    expect(f.format).toBe('1c');
    expect(f.encoding).toBe('windows-1251');
    expect(f.problems).toEqual([]);
    expect(main).toMatchObject({ account: 'UA213223130000026007233566001', currency: 'UAH' });
    expect(main.opening).toEqual({ amount: 1000000, date: '2026-01-01', currency: 'UAH' });
    expect(main.closing).toEqual({ amount: 1115050, date: '2026-01-31', currency: 'UAH' });
    expect(main.totals).toEqual({ credit: 235050, debit: 120000 });
    expect(main.check).toEqual({ result: 'pass' });
    expect(fees.check).toEqual({ result: 'pass' });
  });

  it('sorts documents by the account they touch: paid to it is money in, paid from it money out', () => {
    expect(main.entries.map((e) => e.amount)).toEqual([185050, 50000, -120000]);
    expect(fees.entries.map((e) => e.amount)).toEqual([-1500]);
  });

  it('keeps Ukrainian letters (ґ, є, і, ї) in names and purposes; the name without its tax-number prefix', () => {
    const e = main.entries[0];
    expect(e.counterparty).toEqual({ name: 'Ґалаґан Євгенія Іванівна', account: 'UA413052990000026208765432101', taxId: '3012345678' });
    expect(e.title).toBe('Внесок на утримання будинку, кв. 17, січень 2026; особовий рахунок 0017');
    expect(e).toMatchObject({ valueDate: '2026-01-05', customerReference: '101', typeCode: 'Платежное поручение', mark: 'C' });
    expect(main.entries[2].counterparty).toMatchObject({ name: 'ТОВ "Єврокомунсервіс"', taxId: '39876543' });
  });

  it('takes the receipt date (ДатаПоступило) for money in and the debit date for money out', () => {
    expect(main.entries[1].valueDate).toBe('2026-01-12'); // document of 11.01, received 12.01
    expect(main.entries[2].valueDate).toBe('2026-01-20');
  });

  it('a bank charge (memorial order "Комісія за …")', () => {
    expect(fees.entries[0]).toMatchObject({ fee: true, typeCode: 'Банковский ордер' });
    expect(main.entries.some((e) => e.fee)).toBe(false);
  });
});

describe('1C exchange — Кодировка=DOS', () => {
  it('CP866: Cyrillic, Ё, Є and Ї survive', () => {
    const f = parseFixture('1c-cp866.txt');
    expect(f.encoding).toBe('cp866');
    const e = entries(f)[0];
    expect(e.counterparty.name).toBe('Євдокимова Їлона Петровна');
    expect(e.title).toBe('Взнос за содержание дома, кв. 31, февраль');
    expect(f.statements[0].check.result).toBe('pass');
  });

  it('CP1125 (Ukrainian DOS, which has ґ and і that CP866 lacks) is told apart from CP866', () => {
    const f = parseFixture('1c-cp1125.txt');
    expect(f.encoding).toBe('cp1125');
    const e = entries(f)[0];
    expect(e.counterparty.name).toBe('Ґонта Ївга Євгенівна');
    expect(e.title).toBe('Внесок за утримання будинку, кв. 9, лютий; ґанок і подвір\'я');
    expect(f.statements[0].check.result).toBe('pass');
  });
});

describe('1C exchange — a UTF-8 file that still says Кодировка=Windows', () => {
  it('is read as UTF-8: CP1251 Cyrillic is never valid UTF-8', () => {
    const text = fixture('1c-windows-1251.txt');
    const utf8 = Buffer.from(iconv.decode(text, 'windows-1251'), 'utf8');
    const f = parseStatementFile(utf8, { locale: 'en' });
    expect(f.encoding).toBe('utf-8');
    expect(f.statements[0].entries[0].counterparty.name).toBe('Ґалаґан Євгенія Іванівна');
  });
});

const head = '1CClientBankExchange\r\nВерсияФормата=1.02\r\nКодировка=Windows\r\n';
const section = (close = '1100.00', credit = '100.00') =>
  `СекцияРасчСчет\r\nДатаНачала=01.01.2026\r\nДатаКонца=31.01.2026\r\nРасчСчет=UA213223130000026007233566001\r\nНачальныйОстаток=1000.00\r\nВсегоПоступило=${credit}\r\nВсегоСписано=0.00\r\nКонечныйОстаток=${close}\r\nКонецРасчСчет\r\n`;
const doc = (payee = 'UA213223130000026007233566001') =>
  `СекцияДокумент=Платежное поручение\r\nНомер=1\r\nДата=02.01.2026\r\nСумма=100.00\r\nПлательщикСчет=UA413052990000026208765432101\r\nПлательщик1=Іван\r\nПолучательСчет=${payee}\r\nНазначениеПлатежа=Внесок\r\nКонецДокумента\r\n`;

describe('1C exchange — checks and damaged files', () => {
  it('totals (ВсегоПоступило) that disagree with the documents are a mismatch', () => {
    const f = parseText(head + section('1100.00', '150.00') + doc() + 'КонецФайла\r\n', {}, 'windows-1251');
    expect(f.statements[0].check).toEqual({ result: 'mismatch', expected: 15000, computed: 10000, what: 'credit' });
    expect(codes(f)).toEqual(['SAL-3005']);
  });

  it('a closing balance that does not add up is a mismatch', () => {
    const f = parseText(head + section('1200.00') + doc() + 'КонецФайла\r\n', {}, 'windows-1251');
    expect(f.statements[0].check).toMatchObject({ result: 'mismatch', what: 'closing' });
  });

  it('a file cut inside a document: the section start line is reported', () => {
    const f = parseText(head + section() + 'СекцияДокумент=Платежное поручение\r\nНомер=1\r\nСумма=10', {}, 'windows-1251');
    const p = f.problems.find((x) => x.code === 'SAL-3014');
    expect(p).toMatchObject({ severity: 'error', line: 13 });
  });

  it('a file without КонецФайла is truncated', () => {
    const f = parseText(head + section() + doc(), {}, 'windows-1251');
    expect(codes(f)).toContain('SAL-3007');
  });

  it('a document touching no account of the file is an error', () => {
    const f = parseText(head + section('1000.00', '0.00') + doc('UA963808050000026009998887776') + 'КонецФайла\r\n', {}, 'windows-1251');
    expect(errors(f).map((p) => p.code)).toEqual(['SAL-3015']);
    expect(errors(f)[0].line).toBe(13);
  });
});
