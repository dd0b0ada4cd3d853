// A bank statement for a demo workspace, written the way PKO BP's MT940 file report lays it out
// (`:86:` subfields with `~`: ~00 operation, ~20–~25 title in 27-character pieces, ~32–~33 payer
// name, ~38 payer IBAN), in Windows-1250 like the bank's export. The payments name real premises
// of the workspace's accounting database in their titles (the "0001/004" account numbers the
// title pattern finds), so importing it gives known matched residential and commercial payments,
// unmatched ones, an outgoing transfer and a bank fee, with balances that check. Test support:
// the expectations are written out here, not read back from the importer.

import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { makeNrb } from '../../shared/domain/iban';

export interface DemoPremises {
  accountNo: string;
  kind: 'residential' | 'commercial';
  owner: string;
  address: string;
}

/** Active premises with an account number used by no other premises, in a stable order. */
export function demoPremises(wsDir: string): DemoPremises[] {
  const db = new Database(join(wsDir, 'accounting.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT p.account_no AS accountNo, p.kind, p.owner_name AS owner, b.address || ', ' || p.unit AS address
         FROM premises p JOIN buildings b ON b.building_id = p.building_id
         WHERE p.status = 'active' AND p.account_no IS NOT NULL
           AND (SELECT COUNT(*) FROM premises q WHERE q.account_no = p.account_no) = 1
         ORDER BY p.premises_id`,
      )
      .all() as DemoPremises[];
  } finally {
    db.close();
  }
}

export interface PlannedPayment {
  /** Signed grosze: + money in. */
  amount: number;
  title: string;
  payer: string;
  payerAccount?: string;
  /** Where it must end up. */
  expect: 'residential' | 'commercial' | 'unmatched' | 'suggested' | 'outgoing' | 'fee';
  /** For matched (or suggested) payments: the premises' account number. */
  accountNo?: string;
}

export interface DemoStatement {
  fileName: string;
  bytes: Buffer;
  account: string;
  opening: number;
  /** The closing balance the file states. */
  closing: number;
  payments: PlannedPayment[];
}

/** The coop's own account, in IBAN form on :25:. */
export const COOP_ACCOUNT = `PL${makeNrb('10901014', '0000071219812874')}`;

function amountText(grosze: number): string {
  const a = Math.abs(grosze);
  return `${Math.floor(a / 100)},${String(a % 100).padStart(2, '0')}`;
}

/** Cuts text into the 27-character pieces the layout uses, numbered from `first`. */
function pieces(text: string, first: number, last: number): string {
  const out: string[] = [];
  for (let i = 0, n = first; i < text.length && n <= last; i += 27, n++) out.push(`~${n}${text.slice(i, i + 27)}`);
  return out.join('');
}

/**
 * One statement for the demo workspace: two residential and one commercial payment found by the
 * account number in the title (one title longer than a 27-character piece), two unmatched payments
 * (one with Polish letters and a payer account), a transfer out and a bank fee.
 */
export function demoStatement(wsDir: string, opts: { fileName?: string; number?: string; closingDelta?: number } = {}): DemoStatement {
  const all = demoPremises(wsDir);
  const residential = all.filter((p) => p.kind === 'residential');
  const commercial = all.find((p) => p.kind === 'commercial');
  if (residential.length < 2 || !commercial) throw new Error('the demo workspace needs two residential and one commercial premises');
  const [r1, r2] = residential;
  const payments: PlannedPayment[] = [
    { amount: 41235, title: `Czynsz za październik 2026, lokal ${r1.accountNo}`, payer: r1.owner, payerAccount: makeNrb('11402004', '0000300201355387'), expect: 'residential', accountNo: r1.accountNo },
    { amount: 10, title: `Wyrównanie ${r2.accountNo}`, payer: r2.owner, expect: 'residential', accountNo: r2.accountNo },
    { amount: 199999, title: `Najem lokalu użytkowego ${commercial.accountNo} – X 2026`, payer: 'Sklep „Pod Lipą” sp. z o.o.', expect: 'commercial', accountNo: commercial.accountNo },
    { amount: 12345, title: 'Wpłata za mieszkanie — Żółkiewski', payer: 'Grzegorz Żółkiewski', payerAccount: makeNrb('10205558', '1111123456789012'), expect: 'unmatched' },
    { amount: 20, title: 'opłata', payer: 'Ewa Zając', expect: 'unmatched' },
    { amount: -25000, title: 'Faktura 17/2026 za wodę', payer: 'Wodociągi Miejskie S.A.', payerAccount: makeNrb('12400001', '1111000010000001'), expect: 'outgoing' },
    { amount: -500, title: 'Prowizja za prowadzenie rachunku', payer: '', expect: 'fee' },
  ];
  return writeStatement(payments, { fileName: opts.fileName ?? 'wyciag-pko-2026-10.sta', number: opts.number ?? '00123/1', refPrefix: 'PKO', closingDelta: opts.closingDelta });
}

/**
 * The next statement of the same account: the payer of the first statement's first payment (whose
 * title named the premises, so the import learnt who pays for it) pays again without a number in
 * the title — a payment the importer can only suggest, from that payer's history.
 */
export function followUpStatement(first: DemoStatement, opts: { fileName?: string; number?: string } = {}): DemoStatement {
  const known = first.payments.find((p) => p.payerAccount && p.accountNo)!;
  const payments: PlannedPayment[] = [{ amount: 41235, title: 'Czynsz listopad', payer: known.payer, payerAccount: known.payerAccount, expect: 'suggested', accountNo: known.accountNo }];
  return writeStatement(payments, { fileName: opts.fileName ?? 'wyciag-pko-2026-11.sta', number: opts.number ?? '00125/1', refPrefix: 'PKN' });
}

function writeStatement(payments: PlannedPayment[], opts: { fileName: string; number: string; refPrefix: string; closingDelta?: number }): DemoStatement {
  const opening = 1_000_000;
  const closing = payments.reduce((s, p) => s + p.amount, opening);
  const lines: string[] = [`:20:ST${opts.number.replace(/\D/g, '')}`, `:25:/${COOP_ACCOUNT}`, `:28C:${opts.number}`, `:60F:C261001PLN${amountText(opening)}`];
  payments.forEach((p, i) => {
    const day = String(2 + ((i * 3) % 27)).padStart(2, '0');
    const mark = p.amount >= 0 ? 'C' : 'D';
    const type = p.expect === 'fee' ? 'NCHG' : 'NTRF';
    lines.push(`:61:2610${day}10${day}${mark}${amountText(p.amount)}${type}NONREF//${opts.refPrefix}2610${day}${String(i + 1).padStart(4, '0')}`);
    const op = p.expect === 'fee' ? 'PROWIZJA' : p.amount >= 0 ? 'PRZELEW PRZYCHODZĄCY' : 'PRZELEW WYCHODZĄCY';
    const info = `020~00${op}${pieces(p.title, 20, 25)}${p.payer ? pieces(p.payer, 32, 33) : ''}${p.payerAccount ? `~38PL${p.payerAccount}` : ''}`;
    // :86: lines are at most 65 characters; the rest continues on the next lines.
    const chunks = info.match(/.{1,61}/gu) ?? [''];
    lines.push(`:86:${chunks[0]}`, ...chunks.slice(1));
  });
  // closingDelta: a statement whose stated closing balance is off by that many grosze (a broken checksum)
  const stated = closing + (opts.closingDelta ?? 0);
  lines.push(`:62F:C261031PLN${amountText(stated)}`, `:64:C261031PLN${amountText(stated)}`, '-');
  const text = `${lines.join('\r\n')}\r\n`;
  return { fileName: opts.fileName, bytes: iconv.encode(text, 'win1250'), account: COOP_ACCOUNT, opening, closing: stated, payments };
}

/**
 * A long statement (a year of a large estate's payments): `count` payments, every third to a
 * premises by the account number in its title, the rest unmatched. For progress and Cancel.
 */
export function longStatement(wsDir: string, count: number): DemoStatement {
  const all = demoPremises(wsDir);
  const payments: PlannedPayment[] = [];
  for (let i = 0; i < count; i++) {
    const p = all[i % all.length];
    const named = i % 3 === 0;
    payments.push({
      amount: 1000 + (i % 50000),
      title: named ? `Czynsz ${p.accountNo} za miesiąc` : `Wpłata nr ${i}`,
      payer: p.owner,
      payerAccount: makeNrb('10205558', String(1_000_000_000_000_000 + i).slice(1)),
      expect: named ? p.kind : 'unmatched',
      accountNo: named ? p.accountNo : undefined,
    });
  }
  return writeStatement(payments, { fileName: 'wyciag-roczny.sta', number: '00999/1', refPrefix: 'LNG' });
}
