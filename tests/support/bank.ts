// Statement files for the bank service tests, written after the published layouts — SWIFT MT940
// (:20: :25: :28C: :60F: (:61: :86:)* :62F:, amounts with a decimal comma, lines of at most 65
// characters), PKO BP's structured :86: (`~00` operation, `~20`–`~25` title in 27-character
// pieces, `~32`–`~33` name, `~38` counterparty IBAN), mBank's labelled :86: with `ID IPH:`, and
// ISO 20022 camt.053.001.02 (Bal OPBD/CLBD, Ntry with CdtDbtInd, TxDtls, RltdPties CdtrAcct) — and
// the demo premises they pay for, read from the workspace's accounting database.

import iconv from 'iconv-lite';
import type { AccountRow } from '../../shared/domain/accounting';
import { makeNrb } from '../../shared/domain/iban';
import { SqliteAccountingGateway } from '../../main/accounting/sqlite/gateway';
import { join } from 'node:path';

export async function demoAccounts(dir: string, period: string): Promise<AccountRow[]> {
  const gw = SqliteAccountingGateway.open(join(dir, 'accounting.sqlite'));
  const rows: AccountRow[] = [];
  for await (const r of gw.export('export_accounts', { period })) rows.push(r);
  await gw.close();
  return rows;
}

/** Minor units → "1234,56" (MT940) */
const comma = (minor: number) => `${Math.floor(Math.abs(minor) / 100)},${String(Math.abs(minor) % 100).padStart(2, '0')}`;
const dot = (minor: number) => `${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
const yymmdd = (d: string) => d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);

export interface TestEntry {
  /** Signed minor units. */
  amount: number;
  date: string;
  title: string;
  payerName?: string;
  /** NRB (26 digits) of the payer. */
  payerAccount?: string;
  /** mBank: the virtual account after ID IPH. */
  virtual?: string;
  ref: string;
  /** RC / RD for reversals; default C / D by sign. */
  mark?: 'C' | 'D' | 'RC' | 'RD';
  typeCode?: string;
}

export interface TestStatement {
  account: string; // NRB
  id?: string;
  number: string;
  opening: number;
  openDate: string;
  closeDate: string;
  /** Default: opening + Σ entries (a wrong one makes a mismatch). Null: no :62F: at all. */
  closing?: number | null;
  entries: TestEntry[];
}

/** Cuts a structured :86: value into SWIFT lines of 65 characters (the parser joins them back without a space). */
function swiftLines(tagged: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tagged.length; i += 65) out.push(tagged.slice(i, i + 65));
  return out;
}

function pieces27(s: string, first: number, max: number): string {
  let out = '';
  for (let i = 0, k = first; i < s.length && k < first + max; i += 27, k++) out += `~${k}${s.slice(i, i + 27)}`;
  return out;
}

function f61(e: TestEntry): string {
  const mark = e.mark ?? (e.amount >= 0 ? 'C' : 'D');
  return `:61:${yymmdd(e.date)}${e.date.slice(5, 7)}${e.date.slice(8, 10)}${mark}${comma(e.amount)}${e.typeCode ?? 'N152'}NONREF//${e.ref}`;
}

function close(s: TestStatement): string[] {
  if (s.closing === null) return [];
  const closing = s.closing ?? s.opening + s.entries.reduce((t, e) => t + e.amount, 0);
  return [`:62F:${closing >= 0 ? 'C' : 'D'}${yymmdd(s.closeDate)}PLN${comma(closing)}`];
}

/** An MT940 in PKO BP's layout (structured :86: with `~`), Windows-1250 by default. */
export function pkoMt940(statements: TestStatement[], encoding = 'windows-1250'): Uint8Array {
  const lines: string[] = [];
  for (const s of statements) {
    lines.push(`:20:${s.id ?? 'MT940'}`, `:25:/PL${s.account}`, `:28C:${s.number}`, `:60F:${s.opening >= 0 ? 'C' : 'D'}${yymmdd(s.openDate)}PLN${comma(s.opening)}`);
    for (const e of s.entries) {
      lines.push(f61(e));
      let v = `${e.amount >= 0 ? '152' : '641'}~00${e.amount >= 0 ? 'PRZELEW PRZYCHODZĄCY' : 'PRZELEW WYCHODZĄCY'}${pieces27(e.title, 20, 6)}`;
      if (e.payerName) v += pieces27(e.payerName, 32, 2);
      if (e.payerAccount) v += `~38PL${e.payerAccount}`;
      const [first, ...rest] = swiftLines(v);
      lines.push(`:86:${first}`, ...rest);
    }
    lines.push(...close(s), '-');
  }
  return new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', encoding));
}

/** An MT940 in mBank's layout: labelled :86: text with `ID IPH:` (the virtual account). */
export function mbankMt940(statements: TestStatement[]): Uint8Array {
  const lines: string[] = [];
  for (const s of statements) {
    lines.push(`:20:${s.id ?? `ST${yymmdd(s.closeDate)}CYC/1`}`, `:25:PL${s.account}`, `:28C:${s.number}`, `:60F:C${yymmdd(s.openDate)}PLN${comma(s.opening)}`);
    for (const e of s.entries) {
      lines.push(f61({ ...e, typeCode: e.typeCode ?? 'NTRF' }));
      const text = `PRZELEW PRZYCHODZĄCY  ID IPH: ${e.virtual ?? ''}  NADAWCA: ${e.payerName ?? ''}  TYTUŁ: ${e.title}  RACHUNEK NADAWCY: ${e.payerAccount ?? ''}`;
      // Word-wrapped under 65 characters: the parser joins a shorter line with a space.
      const out: string[] = [];
      let rest = text;
      while (rest.length > 64) {
        const cut = rest.lastIndexOf(' ', 64);
        out.push(rest.slice(0, cut).trimEnd());
        rest = rest.slice(cut).trimStart();
      }
      out.push(rest);
      lines.push(`:86:${out[0]}`, ...out.slice(1));
    }
    lines.push(...close(s), '-');
  }
  return new Uint8Array(iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1250'));
}

/** camt.053.001.02: one statement; each entry one Ntry with one TxDtls (CdtrAcct = the virtual account when given). */
export function camt053(s: TestStatement & { currency?: string }): Uint8Array {
  const ccy = s.currency ?? 'PLN';
  const closing = s.closing ?? s.opening + s.entries.reduce((t, e) => t + e.amount, 0);
  const bal = (cd: string, minor: number, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${cd}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${dot(minor)}</Amt><CdtDbtInd>${minor >= 0 ? 'CRDT' : 'DBIT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  const ntry = (e: TestEntry) => {
    const reversal = e.mark === 'RC' || e.mark === 'RD';
    const credit = e.amount >= 0;
    return (
      `<Ntry><Amt Ccy="${ccy}">${dot(e.amount)}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>${reversal ? '<RvslInd>true</RvslInd>' : ''}<Sts>BOOK</Sts>` +
      `<BookgDt><Dt>${e.date}</Dt></BookgDt><ValDt><Dt>${e.date}</Dt></ValDt><AcctSvcrRef>${e.ref}</AcctSvcrRef>` +
      `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${credit ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
      `<NtryDtls><TxDtls><Refs><EndToEndId>${e.ref}</EndToEndId></Refs>` +
      `<RltdPties>${e.payerName ? `<Dbtr><Nm>${e.payerName}</Nm></Dbtr>` : ''}${e.payerAccount ? `<DbtrAcct><Id><IBAN>PL${e.payerAccount}</IBAN></Id></DbtrAcct>` : ''}` +
      `${e.virtual ? `<CdtrAcct><Id><IBAN>PL${e.virtual}</IBAN></Id></CdtrAcct>` : ''}</RltdPties>` +
      `<RmtInf><Ustrd>${e.title}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`
    );
  };
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>',
    `<GrpHdr><MsgId>MSG-${s.number}</MsgId><CreDtTm>${s.closeDate}T06:00:00+00:00</CreDtTm></GrpHdr>`,
    `<Stmt><Id>${s.id ?? `STMT-${s.number}`}</Id><ElctrncSeqNb>${s.number}</ElctrncSeqNb>`,
    `<Acct><Id><IBAN>PL${s.account}</IBAN></Id><Ccy>${ccy}</Ccy></Acct>`,
    bal('OPBD', s.opening, s.openDate),
    s.closing === null ? '' : bal('CLBD', closing, s.closeDate),
    ...s.entries.map(ntry),
    '</Stmt></BkToCstmrStmt></Document>',
    '',
  ];
  return new TextEncoder().encode(xml.join('\n'));
}

/** The cooperative's statement account in the tests: a valid NRB at another bank than the demo's. */
export const STATEMENT_ACCOUNT = makeNrb('10901014', '0000071219812874');
export const payerNrb = (n: number) => makeNrb('10205558', String(n).padStart(16, '0'));
