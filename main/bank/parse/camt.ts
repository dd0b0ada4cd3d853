// ISO 20022 cash management: camt.053 (BkToCstmrStmt/Stmt), camt.052 (BkToCstmrAcctRpt/Rpt) and
// camt.054 (BkToCstmrDbtCdtNtfctn/Ntfctn, no balances), any namespace version
// urn:iso:std:iso:20022:tech:xsd:camt.05x.001.NN (.02, .04, .08 … differ in where names and
// amounts sit: Dbtr/Nm vs Dbtr/Pty/Nm, AmtDtls/TxAmt/Amt vs TxDtls/Amt, Sts vs Sts/Cd).

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Balance, Party, Statement, StatementEntry, StatementFormat } from '../types';
import { minorToDecimal, parseUnsignedAmount } from './amounts';
import { fromIsoDay } from './dates';
import { cleanAccount, joinPieces, squeeze } from './pieces';
import type { Problems } from './problems';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'AddtlRmtInf', 'AdrLine', 'Othr']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false, // amounts stay strings: never a float
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

const ROOTS: Record<string, { format: StatementFormat; item: string }> = {
  BkToCstmrStmt: { format: 'camt.053', item: 'Stmt' },
  BkToCstmrAcctRpt: { format: 'camt.052', item: 'Rpt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', item: 'Ntfctn' },
};

export interface CamtResult {
  format: StatementFormat;
  statements: Statement[];
}

function lineAt(text: string, index: number, from: { index: number; line: number }): number {
  let line = from.line;
  for (let i = from.index; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  from.index = index;
  from.line = line;
  return line;
}

/** Lines where each element `name` opens, in document order (the XML parser gives no positions). */
function openingLines(text: string, name: string): number[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s>/]`, 'g');
  const out: number[] = [];
  const cursor = { index: 0, line: 1 };
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(lineAt(text, m.index, cursor));
  return out;
}

function txt(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && '#text' in (v as Node)) return txt((v as Node)['#text']);
  return undefined;
}

function get(n: unknown, ...path: string[]): unknown {
  let cur: unknown = n;
  for (const p of path) {
    if (cur === undefined || cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? (cur[0] as Node | undefined)?.[p] : (cur as Node)[p];
  }
  return cur;
}

function arr(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as Node[];
}

function day(n: unknown): string | undefined {
  const v = txt(get(n, 'Dt')) ?? txt(get(n, 'DtTm'));
  return v ? fromIsoDay(v) : undefined;
}

function accountOf(acct: unknown): string | undefined {
  return cleanAccount(txt(get(acct, 'Id', 'IBAN')) ?? txt(get(acct, 'Id', 'Othr', 'Id')));
}

export function parseCamt(text: string, problems: Problems): CamtResult | undefined {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    // camt has no DTD; refusing one also closes the door on entity expansion tricks.
    const line = lineAt(text, doctype.index, { index: 0, line: 1 });
    problems.add('SAL-3010', { line, detail: '<!DOCTYPE>' }, { line });
    return undefined;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // The validator's own words are English; its error code and the line are what we can show.
    problems.add('SAL-3010', { line: valid.err.line, detail: valid.err.code }, { line: valid.err.line });
    return undefined;
  }
  const doc = parser.parse(text) as Node;
  const document = (doc.Document ?? doc) as Node;
  const rootName = Object.keys(document).find((k) => k in ROOTS);
  if (!rootName) {
    problems.add('SAL-3011', { root: Object.keys(document).filter((k) => !k.startsWith('@') && k !== '?xml')[0] ?? '?' });
    return undefined;
  }
  const { format, item } = ROOTS[rootName];
  const root = document[rootName] as Node;
  const msgId = txt(get(root, 'GrpHdr', 'MsgId')) ?? '';
  const stmtLines = openingLines(text, item);
  const ntryLines = openingLines(text, 'Ntry');
  let ntryIndex = 0;

  const statements: Statement[] = [];
  arr(root[item]).forEach((s, i) => {
    const id = txt(s.Id) ?? '';
    const st: Statement = {
      format,
      id: msgId && id ? `${msgId}/${id}` : msgId || id,
      account: accountOf(s.Acct) ?? '',
      currency: txt(get(s, 'Acct', 'Ccy')) ?? '',
      entries: [],
      check: { result: 'unavailable' },
      line: stmtLines[i] ?? 1,
    };
    const number = txt(s.LglSeqNb) ?? txt(s.ElctrncSeqNb);
    if (number) st.number = number;
    const info = txt(s.AddtlStmtInf) ?? txt(s.AddtlRptInf) ?? txt(s.AddtlNtfctnInf);
    if (info) st.info = info;
    if (!st.account) problems.add('SAL-3021', { statement: st.id, line: st.line ?? 1 }, { line: st.line, key: st.id });

    for (const b of arr(s.Bal)) {
      const code = txt(get(b, 'Tp', 'CdOrPrtry', 'Cd')) ?? txt(get(b, 'Tp', 'CdOrPrtry', 'Prtry'));
      const bal = balance(b);
      if (!bal) continue;
      // OPBD opening booked; PRCD "previously closed booked" is the same figure dated the day before.
      if ((code === 'OPBD' || (code === 'PRCD' && !st.opening)) && bal) st.opening = bal;
      else if (code === 'CLBD') st.closing = bal;
    }
    if (!st.currency) st.currency = st.opening?.currency ?? st.closing?.currency ?? '';

    const sumry = s.TxsSummry as Node | undefined;
    if (sumry) {
      const totals: NonNullable<Statement['totals']> = {};
      const credit = amountOf(get(sumry, 'TtlCdtNtries', 'Sum'));
      const debit = amountOf(get(sumry, 'TtlDbtNtries', 'Sum'));
      if (credit !== undefined) totals.credit = credit;
      if (debit !== undefined) totals.debit = debit;
      if (Object.keys(totals).length) st.totals = totals;
    }

    let seq = 0;
    const ntries = arr(s.Ntry);
    let booked = 0;
    for (const n of ntries) {
      const line = ntryLines[ntryIndex++];
      const status = txt(get(n, 'Sts', 'Cd')) ?? txt(n.Sts);
      if (status && status !== 'BOOK') continue; // pending/information entries do not move the balance
      booked++;
      for (const e of entries(n, st, line, problems)) {
        e.seq = ++seq;
        st.entries.push(e);
      }
    }
    // The file's entry count is of Ntry, before batches are split into their transactions.
    const count = txt(get(sumry, 'TtlNtries', 'NbOfNtries'));
    if (count !== undefined && Number(count) !== booked) {
      problems.add('SAL-3005', { statement: st.id, what: 'count', expected: count, computed: String(booked) }, { line: st.line, key: st.id });
      st.check = { result: 'mismatch', expected: Number(count), computed: booked, what: 'count' };
    }
    statements.push(st);
  });
  return { format, statements };
}

function amountOf(v: unknown): number | undefined {
  const s = txt(v);
  return s === undefined ? undefined : parseUnsignedAmount(s.trim(), '.');
}

function balance(b: Node): Balance | undefined {
  const amount = amountOf(b.Amt);
  const date = day(b.Dt);
  if (amount === undefined || !date) return undefined;
  const currency = txt(get(b, 'Amt', '@Ccy')) ?? '';
  return { amount: txt(b.CdtDbtInd) === 'DBIT' ? -amount : amount, date, currency };
}

function partyName(p: unknown): string | undefined {
  return txt(get(p, 'Pty', 'Nm')) ?? txt(get(p, 'Nm'));
}

function partyAddress(p: unknown): string | undefined {
  const adr = get(p, 'Pty', 'PstlAdr') ?? get(p, 'PstlAdr');
  if (!adr) return undefined;
  const lines = arr(get(adr, 'AdrLine')).map((l) => txt(l) ?? '');
  const parts = lines.length ? lines : [txt(get(adr, 'StrtNm')), txt(get(adr, 'BldgNb')), txt(get(adr, 'PstCd')), txt(get(adr, 'TwnNm'))];
  return squeeze(parts.filter(Boolean).join(' ')) || undefined;
}

function typeCode(n: unknown): string | undefined {
  const d = get(n, 'BkTxCd', 'Domn');
  if (d) {
    const parts = [txt(get(d, 'Cd')), txt(get(d, 'Fmly', 'Cd')), txt(get(d, 'Fmly', 'SubFmlyCd'))].filter(Boolean);
    if (parts.length) return parts.join('/');
  }
  return txt(get(n, 'BkTxCd', 'Prtry', 'Cd'));
}

function isFee(code: string | undefined): boolean {
  if (!code) return false;
  const sub = code.split('/').at(-1) ?? '';
  return /^(CHRG|COMM|FEES|COM[A-Z])$/.test(sub) || /^[NFS](CHG|COM)\b/.test(code);
}

function title(tx: unknown): string {
  const ustrd = arr(get(tx, 'RmtInf', 'Ustrd')).map((u) => txt(u) ?? '');
  const width = ustrd.every((u) => u.length <= 35) ? 35 : 140;
  const strd = arr(get(tx, 'RmtInf', 'Strd')).flatMap((s) => [
    txt(get(s, 'CdtrRefInf', 'Ref')) ?? '',
    ...arr(get(s, 'AddtlRmtInf')).map((a) => txt(a) ?? ''),
  ]);
  return squeeze([joinPieces(ustrd, width), ...strd].filter(Boolean).join(' '));
}

/**
 * Entries of one Ntry: the entry itself, or — for a batch whose transaction details each carry an
 * amount — one entry per TxDtls. RvslInd: ISO 20022 defines CdtDbtInd as the direction of this
 * very booking; "if CdtDbtInd is CRDT and RvslInd is true, the original operation was a debit
 * entry" (and DBIT + true reverses an original credit). So the sign follows CdtDbtInd and is never
 * flipped: DBIT + RvslInd = MT940 RC (reversal of a credit, money out), CRDT + RvslInd = RD (money
 * in). The balance check would expose a bank that meant it otherwise.
 */
function entries(n: Node, st: Statement, line: number | undefined, problems: Problems): StatementEntry[] {
  const amount = amountOf(n.Amt);
  const credit = txt(n.CdtDbtInd) === 'CRDT';
  const reversal = ['true', '1'].includes((txt(n.RvslInd) ?? '').toLowerCase());
  const currency = txt(get(n, 'Amt', '@Ccy')) ?? st.currency;
  const valueDate = day(n.ValDt) ?? day(n.BookgDt);
  const bookingDate = day(n.BookgDt);
  const ref = txt(n.AcctSvcrRef) ?? txt(n.NtryRef);
  const code = typeCode(n);
  if (amount === undefined || !valueDate || (txt(n.CdtDbtInd) !== 'CRDT' && txt(n.CdtDbtInd) !== 'DBIT')) {
    problems.add('SAL-3009', { field: 'Ntry', value: `${txt(n.Amt) ?? ''} ${txt(n.CdtDbtInd) ?? ''} ${valueDate ?? ''}`.trim(), detail: 'Amt + CdtDbtInd + BookgDt|ValDt' }, { line, key: st.id });
    return [];
  }
  const txs = arr(n.NtryDtls).flatMap((d) => arr(d.TxDtls));
  const txAmounts = txs.map((t) => amountOf(t.Amt) ?? amountOf(get(t, 'AmtDtls', 'TxAmt', 'Amt')));
  const split = txs.length > 1 && txAmounts.every((a) => a !== undefined);

  const make = (tx: Node | undefined, abs: number, isCredit: boolean, idx?: number): StatementEntry => {
    const mark: StatementEntry['mark'] = isCredit ? (reversal ? 'RD' : 'C') : reversal ? 'RC' : 'D';
    const e: StatementEntry = {
      seq: 0,
      amount: isCredit ? abs : -abs,
      currency,
      valueDate,
      mark,
      reversal,
      title: '',
      counterparty: {},
      line,
    };
    if (bookingDate) e.bookingDate = bookingDate;
    const txRef = tx ? txt(get(tx, 'Refs', 'AcctSvcrRef')) : undefined;
    const bankRef = txRef ?? (ref && idx !== undefined ? `${ref}/${idx + 1}` : ref);
    if (bankRef) e.bankReference = bankRef;
    const e2e = tx ? txt(get(tx, 'Refs', 'EndToEndId')) : undefined;
    if (e2e && e2e !== 'NOTPROVIDED') e.customerReference = e2e;
    const tc = (tx && typeCode(tx)) ?? code;
    if (tc) e.typeCode = tc;
    if (isFee(tc)) e.fee = true;
    e.title = tx ? title(tx) : '';
    if (!e.title) e.title = squeeze(txt(tx?.AddtlTxInf) ?? txt(n.AddtlNtryInf) ?? '');
    if (tx) {
      // The other side of the original payment: the payer for a credit (and for the reversal of
      // a credit, RC), the payee for a debit (and RD).
      const payerSide = isCredit !== reversal;
      const parties = tx.RltdPties as Node | undefined;
      const side = payerSide ? 'Dbtr' : 'Cdtr';
      const ultimate = payerSide ? 'UltmtDbtr' : 'UltmtCdtr';
      const cp: Party = {};
      const name = partyName(get(parties, side)) ?? partyName(get(parties, ultimate));
      if (name) cp.name = name;
      const acc = accountOf(get(parties, `${side}Acct`));
      if (acc) cp.account = acc;
      const adr = partyAddress(get(parties, side));
      if (adr) cp.address = adr;
      const taxId = txt(get(parties, side, 'Pty', 'Id', 'OrgId', 'Othr', 'Id')) ?? txt(get(parties, side, 'Id', 'OrgId', 'Othr', 'Id'));
      if (taxId) cp.taxId = taxId;
      e.counterparty = cp;
      // Money paid to us: the creditor account is the (virtual) account the payer used.
      if (payerSide) {
        const to = accountOf(get(parties, 'CdtrAcct'));
        if (to && to !== st.account) e.virtualAccount = to;
      }
      const details: Record<string, string> = {};
      const keep: Array<[string, string | undefined]> = [
        ['NtryRef', txt(n.NtryRef)],
        ['EndToEndId', e2e],
        ['TxId', txt(get(tx, 'Refs', 'TxId'))],
        ['MsgId', txt(get(tx, 'Refs', 'MsgId'))],
        ['AddtlTxInf', txt(tx.AddtlTxInf)],
        ['UltmtDbtr', partyName(get(parties, 'UltmtDbtr'))],
        ['UltmtCdtr', partyName(get(parties, 'UltmtCdtr'))],
      ];
      for (const [k, v] of keep) if (v) details[k] = v;
      if (idx !== undefined) details.batch = `${idx + 1}/${txs.length}`;
      if (Object.keys(details).length) e.details = details;
    }
    return e;
  };

  if (split) {
    const out: StatementEntry[] = [];
    let sum = 0;
    txs.forEach((tx, i) => {
      const ind = txt(tx.CdtDbtInd);
      const isCredit = ind ? ind === 'CRDT' : credit;
      const a = txAmounts[i] as number;
      sum += isCredit === credit ? a : -a;
      out.push(make(tx, a, isCredit, i));
    });
    if (sum !== amount) {
      problems.add('SAL-3012', { entry: ref ?? String(line ?? ''), expected: minorToDecimal(amount), computed: minorToDecimal(sum) }, { line, key: ref ?? st.id });
    }
    return out;
  }
  // A single transaction, or a batch whose transactions carry no amounts: one entry.
  const e = make(txs.length === 1 ? txs[0] : undefined, amount, credit);
  if (txs.length > 1) {
    const titles = txs.map((t) => title(t)).filter(Boolean);
    if (titles.length) e.title = titles.join('; ');
    e.details = { ...(e.details ?? {}), batch: `${txs.length} transactions without amounts` };
  }
  return [e];
}
