// MT940/MT942 statements written by hand after the SWIFT MT940 field specification and the Polish
// banks' MT940 descriptions (PKO BP iPKO biznes, Millennium, Raiffeisen, BNP BiznesPl@net,
// Nordea/inordbusiness, mBank CompanyNet), each in the code page its bank uses.

import { describe, expect, it } from 'vitest';
import { codes, entries, errors, parseFixture, parseText } from './fixtures';

describe('MT940 — PKO BP dialect (~), Windows-1250, two statements with SWIFT blocks', () => {
  const f = parseFixture('pko-windows-1250.sta');
  const [s1, s2] = f.statements;

  it('detects the format and the code page by content and reads both statements', () => {
    expect(f.format).toBe('mt940');
    expect(f.encoding).toBe('windows-1250');
    expect(f.problems).toEqual([]);
    expect(f.statements.map((s) => s.id)).toEqual(['MT940/20251231/1', 'MT940/20260102/2']);
    expect(s1.account).toBe('PL88102028920000123456780001');
    expect(s1.number).toBe('00123/001');
    expect(s1.opening).toEqual({ amount: 1250000, date: '2025-12-30', currency: 'PLN' });
    expect(s1.closing).toEqual({ amount: 1427499, date: '2025-12-31', currency: 'PLN' });
    expect(s1.entries).toHaveLength(6);
    expect(s2.entries).toHaveLength(2);
    expect(s1.check).toEqual({ result: 'pass' });
    expect(s2.check).toEqual({ result: 'pass' });
  });

  it('reads a booking date across the year end: value 2025-12-31, booked 0102 → 2026-01-02', () => {
    const e = s1.entries[0];
    expect(e.valueDate).toBe('2025-12-31');
    expect(e.bookingDate).toBe('2026-01-02');
    expect(e.amount).toBe(35000);
    expect(e.mark).toBe('C');
    expect(e.bankReference).toBe('PKO251231000001');
    expect(e.customerReference).toBeUndefined(); // NONREF
    expect(e.typeCode).toBe('NTRF');
    expect(e.line).toBe(6);
  });

  it('joins titles and names cut into 27-character pieces without adding or losing spaces', () => {
    // "Czynsz za styczeń 2026, lok" (27, cut mid-word) + "al nr 12/3 ul. Źródlana 5"
    expect(s1.entries[0].title).toBe('Czynsz za styczeń 2026, lokal nr 12/3 ul. Źródlana 5');
    expect(s1.entries[0].counterparty).toMatchObject({ name: 'Józef Żółtowski-Gęślarz i Małgorzata Wąs', account: 'PL65105014451000002212345678' });
    // a piece ended early (23 chars): the next one starts a new word
    expect(s1.entries[1].title).toBe('Zaliczka eksploatacyjna lokal U1 – luty 2026');
    expect(s1.entries[1].counterparty.name).toBe('Spółdzielnia Handlowa „Zorza”');
    // a full piece followed by one starting with a space keeps exactly one space
    expect(s1.entries[2].title).toBe('Zwrot wpłaty – zły odbiorca (błędny rachunek)');
    expect(s2.entries[1].counterparty.name).toBe('Firma Sprzątająca „Błysk” Sp. z o.o.');
  });

  it('gives reversals their real direction: RC (reversal of a credit) takes money out, RD brings it in', () => {
    expect(s1.entries[2]).toMatchObject({ mark: 'RC', reversal: true, amount: -35000 });
    expect(s1.entries[3]).toMatchObject({ mark: 'RD', reversal: true, amount: 8999, title: 'Storno opłaty za kartę' });
    expect(s1.entries[0].reversal).toBe(false);
  });

  it('recognises a bank fee by the SWIFT type code NCHG and the operation description', () => {
    expect(s1.entries[4]).toMatchObject({ amount: -1500, typeCode: 'NCHG', fee: true });
    expect(s1.entries[4].details?.['~00']).toBe('PROWIZJA ZA PRZELEW NATYCHMIASTOWY');
    expect(s1.entries.filter((e) => e.fee)).toHaveLength(1);
  });

  it('merges an entry whose :86: comes twice into one entry', () => {
    expect(s1.entries).toHaveLength(6);
    const e = s1.entries[5];
    expect(e.amount).toBe(50000);
    expect(e.title).toBe('Wpłata na fundusz remontowy lokal 7, IV kwartał 2025');
    expect(e.counterparty).toMatchObject({ name: 'Anna Ścisłowska', account: 'PL49249010440000420012341234' });
  });

  it('keeps a statement-level :86: (after :62F:) as the statement information, not as an entry', () => {
    expect(s1.info).toBe('Wyciąg nr 123 za 31.12.2025');
  });

  it('finds a virtual account written in the title across a piece boundary (same bank, valid NRB)', () => {
    const e = s2.entries[0];
    expect(e.title).toBe('Czynsz luty, rach. 83 1020 2892 9900 0000 0000 0012');
    expect(e.virtualAccount).toBe('83102028929900000000000012');
    expect(e.counterparty.account).toBe('PL69116022020000000133445566');
  });

  it('reads the optional second :61: line as supplementary details', () => {
    expect(s2.entries[1].details?.supplementary).toBe('KOSZTY ADMINISTRACYJNE');
    expect(s2.entries[1].amount).toBe(-100000);
  });

  it('sums to the cent: 12 500,00 + 350 + 1 200 − 350 + 89,99 − 15 + 500 = 14 274,99', () => {
    expect(s1.entries.reduce((a, e) => a + e.amount, 0)).toBe(177499);
  });
});

describe('MT940 — other Polish dialects and code pages', () => {
  it('Millennium (<), CP852, without SWIFT blocks: titles, names, and an account built from <30 + <31', () => {
    const f = parseFixture('millennium-cp852.sta');
    expect(f.encoding).toBe('cp852');
    expect(f.problems).toEqual([]);
    const [a, b] = entries(f);
    expect(a).toMatchObject({ amount: 25000, title: 'Opłata za garaż nr 14 - styczeń', typeCode: 'N240' });
    expect(a.counterparty).toEqual({ name: 'Zbigniew Kręgielski', account: 'PL65105014451000002212345678' });
    expect(b).toMatchObject({ amount: -10000, title: 'Zakup materiałów biurowych' });
    // no <38: the NRB is the check digits computed over routing number 11602202 + account 0000000133445566
    expect(b.counterparty).toEqual({ name: 'Papiernik Łódź', account: '69116022020000000133445566' });
    expect(b.details?.['<00']).toBe('Przelew z rachunku');
    expect(f.statements[0].check.result).toBe('pass');
  });

  it('Raiffeisen (>), ISO-8859-2', () => {
    const f = parseFixture('raiffeisen-iso-8859-2.sta');
    expect(f.encoding).toBe('iso-8859-2');
    expect(entries(f)[0]).toMatchObject({ amount: 7525, title: 'Opłata za śmieci - styczeń', counterparty: { name: 'Łucja Źdźbło-Wąż' } });
    expect(f.statements[0].check.result).toBe('pass');
  });

  it('BNP Paribas (^) with the 3-digit operation code, ^10 operation number and a funds-code letter in :61:', () => {
    const f = parseFixture('bnp-windows-1250.sta');
    expect(f.problems).toEqual([]);
    const [fee, rent] = entries(f);
    expect(fee).toMatchObject({ amount: -581, mark: 'D', typeCode: 'N511', fee: true, title: 'Prowizja za przelew do ZUS' });
    expect(fee.details).toMatchObject({ code: '225', '^10': '1024755', fundsCode: 'N' });
    expect(rent).toMatchObject({ amount: 250000, title: 'Najem lokalu użytkowego nr U3 za styczeń 2026' });
    expect(rent.counterparty.name).toBe('Kwiaciarnia „Róża” Sp. z o.o.');
    expect(f.statements[0].closing?.amount).toBe(121426565);
    expect(f.statements[0].check.result).toBe('pass');
  });

  it('Nordea (+), UTF-8 with BOM: "+10%" in a title is text, not a subfield', () => {
    const f = parseFixture('nordea-utf-8.sta');
    expect(f.encoding).toBe('utf-8');
    const e = entries(f)[0];
    expect(e.title).toBe('Kara +10% za zwłokę, lokal 3');
    expect(e.counterparty.name).toBe('Ewa Żak');
    expect(f.statements[0].currency).toBe('EUR');
    expect(f.statements[0].check.result).toBe('pass');
  });

  it('mBank labelled text: the ID IPH virtual account, the sender and the title', () => {
    const f = parseFixture('mbank-windows-1250.sta');
    expect(f.problems).toEqual([]);
    const [a, b] = entries(f);
    expect(a.virtualAccount).toBe('28114020049876500000001234');
    expect(a.title).toBe('Czynsz 01/2026 lokal 44');
    expect(a.counterparty.name).toBe('Krzysztof Wójcik ul. Leśna 4/2 Kraków');
    expect(a.details?.dialect).toBe('mbank');
    // a short IPH identifier is kept as given (the matcher compares it with the end of virtual accounts)
    expect(b.virtualAccount).toBe('000123');
    expect(b.title).toBe('zaliczka woda');
    expect(f.statements[0].check.result).toBe('pass');
  });

  it('free text :86: lines continued without a tag: a full 65-char line runs on, a shorter one ends a word', () => {
    const f = parseFixture('no-closing.sta');
    const [a, b] = entries(f);
    expect(a.title).toBe('Wpłata gotówkowa we wpłatomacie nr 1234 ul. Świętokrzyska 11 Warszawa, czynsz lokal 9');
    expect(b.title).toBe('Przelew wychodzący do ZUS: składka zdrowotna za grudzień 2025 (deklaracja DRA), płatnik Spółdzielnia');
    expect(f.encoding).toBe('utf-8');
  });
});

describe('MT940 — checks and damaged files', () => {
  it('a closing balance that does not add up is a mismatch with an error (nothing from the file may be booked)', () => {
    const f = parseFixture('broken-balance.sta');
    const st = f.statements[0];
    expect(st.check).toEqual({ result: 'mismatch', expected: 125000, computed: 123000, what: 'closing' });
    expect(codes(f)).toEqual(['SAL-3004']);
    expect(errors(f)[0].message).toContain('1230.00');
    expect(errors(f)[0].message).toContain('1250.00');
    expect(errors(f)[0]).toMatchObject({ key: 'MT940/20260105/1', file: 'broken-balance.sta' });
  });

  it('a file cut off in the middle of an entry: a truncation error on the line of the cut entry, check unavailable', () => {
    const f = parseFixture('truncated.sta');
    const cut = f.problems.find((p) => p.code === 'SAL-3007');
    expect(cut).toMatchObject({ severity: 'error', line: 9 });
    expect(cut?.message).toContain('line 9');
    expect(f.statements[0].check).toEqual({ result: 'unavailable' });
  });

  it('an export that ends without :62F: is unavailable, never a pass, with a warning', () => {
    const f = parseFixture('no-closing.sta');
    expect(f.statements[0].check).toEqual({ result: 'unavailable' });
    expect(codes(f)).toEqual(['SAL-3006']);
    expect(errors(f)).toEqual([]);
  });

  it('MT942 interim report: totals :90D:/:90C: are checked, the check stays unavailable without a closing balance', () => {
    const f = parseFixture('mt942-windows-1250.sta');
    expect(f.format).toBe('mt942');
    const st = f.statements[0];
    expect(st.format).toBe('mt942');
    expect(st.totals).toEqual({ count: 2, debit: 4000, credit: 10000 });
    expect(st.check).toEqual({ result: 'unavailable' });
    expect(entries(f).map((e) => e.amount)).toEqual([10000, -4000]);
  });

  it('MT942 totals that disagree with the entries are a mismatch', () => {
    const f = parseText(
      ':20:X\r\n:25:/PL88102028920000123456780001\r\n:28C:1\r\n:34F:PLN0,\r\n:13D:2601201015+0100\r\n:61:260120C100,00NTRFNONREF\r\n:86:~20a\r\n:90D:0PLN0,\r\n:90C:1PLN150,00\r\n',
    );
    expect(f.statements[0].check).toEqual({ result: 'mismatch', expected: 15000, computed: 10000, what: 'credit' });
    expect(codes(f)).toContain('SAL-3005');
  });

  it('an unreadable :61: is an error with its line number', () => {
    const f = parseText(':20:X\n:25:/PL88102028920000123456780001\n:28C:1\n:60F:C260101PLN0,00\n:61:2601X1C10,00NTRF\n:62F:C260101PLN10,00\n');
    const p = f.problems.find((x) => x.code === 'SAL-3009');
    expect(p).toMatchObject({ severity: 'error', line: 5 });
  });

  it('several statements separated by "-" lines, and fields on the same line as {4:', () => {
    const f = parseText(
      '{1:F01X}{2:I940X}{4::20:A\n:25:/PL88102028920000123456780001\n:28C:1\n:60F:D260101PLN5,00\n:61:260101C5,NTRFNONREF\n:62F:C260101PLN0,00\n-}\n:20:B\n:25:/PL88102028920000123456780001\n:28C:2\n:60F:C260102PLN0,00\n:62F:C260102PLN0,00\n-\n',
    );
    expect(f.statements.map((s) => [s.id, s.check.result])).toEqual([
      ['A', 'pass'],
      ['B', 'pass'],
    ]);
    expect(f.statements[0].opening?.amount).toBe(-500); // D balance: overdrawn
    expect(entries(f)[0].amount).toBe(500); // "5," — decimal comma with no decimals
  });

  it('a forced wrong encoding (UTF-8 on a Windows-1250 file) is a clear error, not garbled text', () => {
    const f = parseFixture('pko-windows-1250.sta', { encoding: 'utf-8' });
    expect(codes(f)).toEqual(['SAL-3002']);
    expect(f.problems[0].line).toBe(7); // "PRZYCHODZĄCY" on line 7 is the first non-ASCII byte
    expect(f.statements).toEqual([]);
  });

  it('an encoding override wins over detection', () => {
    const f = parseFixture('millennium-cp852.sta', { encoding: 'CP852' });
    expect(f.encoding).toBe('cp852');
    expect(entries(f)[0].counterparty.name).toBe('Zbigniew Kręgielski');
  });
});
