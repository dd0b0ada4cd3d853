// The :86: dialects one by one, from the layouts the banks publish (subfield numbers, separators,
// 27-character pieces), and the piece-joining rule on its own.

import { describe, expect, it } from 'vitest';
import { parseInfo } from '../../../main/bank/parse/mt940-86';
import { joinPieces } from '../../../main/bank/parse/pieces';

const OWN = 'PL88102028920000123456780001'; // routing number 10202892

describe('joinPieces (27-character pieces)', () => {
  it('joins a mechanical cut directly and starts a new word after a short piece', () => {
    expect(joinPieces(['Czynsz za styczeń 2026, lok', 'al 5'], 27)).toBe('Czynsz za styczeń 2026, lokal 5');
    expect(joinPieces(['Czynsz za styczeń 2026', 'lokal 5'], 27)).toBe('Czynsz za styczeń 2026 lokal 5');
  });
  it('keeps one space when the cut falls on a space, whichever piece holds it', () => {
    expect(joinPieces(['Czynsz za styczeń 2026 lok ', 'al 5'], 27)).toBe('Czynsz za styczeń 2026 lok al 5');
    expect(joinPieces(['Czynsz za styczeń 2026 loka', ' 5'], 27)).toBe('Czynsz za styczeń 2026 loka 5');
    expect(joinPieces(['Czynsz za styczeń 2026 lok ', ' 5'], 27)).toBe('Czynsz za styczeń 2026 lok 5');
  });
  it('skips empty pieces and squeezes stray white space', () => {
    expect(joinPieces(['', 'Opłata  za', '', 'gaz'], 27)).toBe('Opłata za gaz');
    expect(joinPieces([], 27)).toBe('');
  });
});

describe('parseInfo — structured dialects', () => {
  const layouts: Array<[string, string]> = [
    ['~', 'pko'],
    ['<', 'millennium'],
    ['>', 'raiffeisen'],
    ['^', 'bnp'],
    ['+', 'nordea'],
  ];
  it.each(layouts)('separator %s (%s): title 20–25, name 32–33, account 38, description 00', (sep, dialect) => {
    const raw = `020${sep}00PRZELEW PRZYCHODZĄCY${sep}20Zaliczka na fundusz remonto\n${sep}21wy, lokal 4${sep}32Bartłomiej Ćwikliński-Więce\n${sep}33k${sep}38PL65105014451000002212345678`;
    const info = parseInfo([raw], OWN);
    expect(info.dialect).toBe(dialect);
    expect(info.title).toBe('Zaliczka na fundusz remontowy, lokal 4');
    expect(info.counterparty).toEqual({ name: 'Bartłomiej Ćwikliński-Więcek', account: 'PL65105014451000002212345678' });
    expect(info.details[`${sep}00`]).toBe('PRZELEW PRZYCHODZĄCY');
    expect(info.details.code).toBe('020');
    expect(info.details[':86:']).toBe(raw);
    expect(info.fee).toBe(false);
  });

  it('ING-style name in 27–28 and address in 29; account from 30 (routing) + 31 (16 digits)', () => {
    const info = parseInfo(['~00VE02PRZELEW~20Opłata~27Jan Kowalski~29ul. Długa 5, 00-950 Warszawa~3010501445~311000002212345678'], OWN);
    expect(info.counterparty).toEqual({ name: 'Jan Kowalski', address: 'ul. Długa 5, 00-950 Warszawa', account: '65105014451000002212345678' });
  });

  it('subfields 60–63 continue a title that filled 20–25, and are the address otherwise', () => {
    const full = ['~20', '~21', '~22', '~23', '~24', '~25'].map((k, i) => `${k}${'abcdefghijklmnopqrstuvwxyz'[i].repeat(27)}`).join('');
    const cont = parseInfo([`${full}~60koniec tytułu`], OWN);
    expect(cont.title.endsWith('ffffkoniec tytułu')).toBe(true);
    const addr = parseInfo(['~20Czynsz~62ul. Polna 1~6300-001 Kraków'], OWN);
    expect(addr.title).toBe('Czynsz');
    expect(addr.counterparty.address).toBe('ul. Polna 1 00-001 Kraków');
  });

  it('a separator inside text followed by digits lower than the last subfield stays text', () => {
    const info = parseInfo(['+20Kara +10% za zwłokę+32Ewa'], OWN);
    expect(info.title).toBe('Kara +10% za zwłokę');
    expect(info.counterparty.name).toBe('Ewa');
  });

  it('a fee by the operation description, never by a payer title starting with "Opłata za"', () => {
    expect(parseInfo(['~00PROWIZJA ZA PRZELEW~20x'], OWN).fee).toBe(true);
    expect(parseInfo(['~00OPŁATA ZA PROWADZENIE RACHUNKU'], OWN).fee).toBe(true);
    expect(parseInfo(['~00PRZELEW PRZYCHODZĄCY~20Opłata za czynsz'], OWN).fee).toBe(false);
  });

  it('two :86: of one entry: the title pieces continue, the name comes from whichever has it', () => {
    const info = parseInfo(['020~00PRZELEW~20Wpłata na fundusz remontowy', '~21 lokal 7~32Anna Ścisłowska'], OWN);
    expect(info.title).toBe('Wpłata na fundusz remontowy lokal 7');
    expect(info.counterparty.name).toBe('Anna Ścisłowska');
  });
});

describe('parseInfo — virtual accounts', () => {
  it('a valid NRB at the statement account’s bank in the title is the virtual account', () => {
    const info = parseInfo(['~20Wpłata na 83102028929900000000000012~32X~38PL65105014451000002212345678'], OWN);
    expect(info.virtualAccount).toBe('83102028929900000000000012');
  });
  it('not when the checksum fails, the bank differs, or it is the statement account itself', () => {
    expect(parseInfo(['~20na 84102028929900000000000012'], OWN).virtualAccount).toBeUndefined(); // bad check digits
    expect(parseInfo(['~20na 65105014451000002212345678'], OWN).virtualAccount).toBeUndefined(); // another bank
    expect(parseInfo(['~20na 88102028920000123456780001'], OWN).virtualAccount).toBeUndefined(); // own account
  });
  it('mBank ID IPH: a whole NRB with spaces, or a short id', () => {
    expect(parseInfo(['PRZELEW MASOWY ID IPH: PL28 1140 2004 9876 5000 0000 1234 NADAWCA: Jan TYTUŁ: x'], OWN).virtualAccount).toBe('28114020049876500000001234');
    const short = parseInfo(['PRZELEW ID IPH: XX0042 NADAWCA: Jan Nowak TYTUŁ: Czynsz'], OWN);
    expect(short).toMatchObject({ dialect: 'mbank', virtualAccount: 'XX0042', title: 'Czynsz', counterparty: { name: 'Jan Nowak' } });
  });
  it('free text without labels is the title as written', () => {
    const info = parseInfo(['OPŁATA ZA CZYNSZ 01/2026'], OWN);
    expect(info).toMatchObject({ dialect: 'text', title: 'OPŁATA ZA CZYNSZ 01/2026', fee: false });
  });
});
