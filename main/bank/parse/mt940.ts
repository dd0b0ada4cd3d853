// SWIFT MT940 (customer statement) and MT942 (interim transaction report), as Polish banks export
// them: several statements per file, with or without the {1:…}{2:…}{4: blocks and the -} / -
// terminators, fields :20: :21: :25: :28C: :60F:/:60M: (:61: :86:)* :62F:/:62M: :64: :65: :86:,
// and for MT942 :34F: :13D: :90D: :90C:. One pass over the lines, no regex per line on the hot path:
// a 100,000-entry file is read in a fraction of a second.

import type { Balance, Statement, StatementEntry, StatementFormat } from '../types';
import { parseUnsignedAmount } from './amounts';
import { bookingDateNear, fromYYMMDD } from './dates';
import { joinLines, parseInfo, parseInfo1, type EntryInfo, type TextOf } from './mt940-86';
import { cleanAccount } from './pieces';
import type { Problems } from './problems';

const TAG_LIST = ['20', '21', '25', '28', '28C', '60F', '60M', '61', '86', '62F', '62M', '64', '65', '34F', '13', '13D', '90D', '90C', 'NS'];
/** Known tags by their char codes packed into a number: a tag line is recognised without a slice. */
const TAGS = new Map(TAG_LIST.map((t) => [packTag(t, 0, t.length), t]));

function packTag(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) k = k * 128 + s.charCodeAt(i);
  return k;
}

interface RawEntry {
  line: number;
  f61: string;
  f86?: string;
  extra86?: string[];
}

interface Open {
  st: Statement;
  /** The entry being read: turned into a StatementEntry when the next field after its :86: comes. */
  pending?: RawEntry;
  /** Entries read so far, how many had a :86:, whether the last had one and could be read. */
  count: number;
  with86: number;
  lastLine: number;
  lastHad86: boolean;
  lastOk: boolean;
  dates: DateCache;
  opening?: Balance;
  closing?: Balance;
  seenClosing: boolean;
  info: string[];
  hasAccount: boolean;
  hasOpening: boolean;
  totals?: { credit?: number; debit?: number; count?: number };
}

export interface Mt940Result {
  format: 'mt940' | 'mt942';
  statements: Statement[];
}

const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/;
const FLOOR_OR_TOTAL = /^(\d+)([A-Z]{3})(\d[\d,]*)$/;

/**
 * `text` is the decoded file (see decodeLarge); `textOf` is applied to every value kept.
 */
export function parseMt940(text: string, problems: Problems, textOf: TextOf = (s) => s): Mt940Result {
  const statements: Statement[] = [];
  let is942 = false;
  let open: Open | undefined;
  let inBlock4 = false;
  let lineNo = 0;
  let tag: string | undefined;
  let valueStart = 0;
  let valueEnd = 0;
  let tagLine = 0;
  let lastTag: string | undefined;
  let lastTagLine = 0;

  const flushField = () => {
    if (tag === undefined) return;
    handleField(tag, text.slice(valueStart, valueEnd), tagLine);
    lastTag = tag;
    lastTagLine = tagLine;
    tag = undefined;
  };

  const closeStatement = (truncatedAt?: number) => {
    if (!open) return;
    flushEntry(open, problems, textOf);
    statements.push(finish(open, problems, truncatedAt, textOf));
    open = undefined;
  };

  const ensureOpen = (line: number): Open => {
    if (!open) {
      // A field before any :20: (some exports start with :25:): a statement without a reference.
      open = newStatement('', line, is942 ? 'mt942' : 'mt940');
    }
    return open;
  };

  const handleField = (t: string, v: string, line: number) => {
    switch (t) {
      case '20':
        closeStatement();
        open = newStatement(textOf(v.trim()), line, is942 ? 'mt942' : 'mt940');
        return;
      case '21':
        return;
      case '25': {
        const o = ensureOpen(line);
        o.st.account = statementAccount(v);
        o.hasAccount = o.st.account !== '';
        return;
      }
      case '28':
      case '28C':
        ensureOpen(line).st.number = textOf(v.trim());
        return;
      case '60F':
      case '60M': {
        const o = ensureOpen(line);
        const b = balance(v, line, t, problems);
        if (b) {
          o.opening = b;
          o.st.currency = b.currency;
        }
        o.hasOpening = true;
        return;
      }
      case '61': {
        const o = ensureOpen(line);
        flushEntry(o, problems, textOf);
        o.pending = { line, f61: v };
        return;
      }
      case '86': {
        const o = ensureOpen(line);
        const last = o.pending;
        if (!last || o.seenClosing) o.info.push(v);
        else if (last.f86 === undefined) last.f86 = v;
        else (last.extra86 ??= []).push(v);
        return;
      }
      case '62F':
      case '62M': {
        const o = ensureOpen(line);
        flushEntry(o, problems, textOf);
        const b = balance(v, line, t, problems);
        if (b) o.closing = b;
        o.seenClosing = true;
        return;
      }
      case '34F':
      case '13':
      case '13D':
        is942 = true;
        ensureOpen(line).st.format = 'mt942';
        return;
      case '90D':
      case '90C': {
        is942 = true;
        const o = ensureOpen(line);
        o.st.format = 'mt942';
        const m = FLOOR_OR_TOTAL.exec(v.trim());
        const amount = m ? parseUnsignedAmount(m[3]) : undefined;
        if (!m || amount === undefined) {
          problems.add('SAL-3009', { field: `:${t}:`, value: v.trim(), detail: '5n3!a15d' }, { line });
          return;
        }
        o.totals ??= {};
        o.totals.count = (o.totals.count ?? 0) + Number(m[1]);
        if (t === '90C') o.totals.credit = amount;
        else o.totals.debit = amount;
        if (!o.st.currency) o.st.currency = m[2];
        return;
      }
      default:
        return; // :64: :65: (available balances), NS: nothing to check
    }
  };

  /** A ":TAG:" line: flushes the previous field and starts this one. */
  const startField = (from: number, to: number): boolean => {
    const close = text.indexOf(':', from + 2);
    if (close < 0 || close - from > 5 || close >= to) return false;
    const t = TAGS.get(packTag(text, from + 1, close));
    if (t === undefined) return false;
    flushField();
    tag = t;
    valueStart = close + 1;
    valueEnd = to;
    tagLine = lineNo;
    return true;
  };

  let pos = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const lineStart = pos;
    pos = end + 1;
    lineNo++;
    if (lineEnd === lineStart) continue;

    const c0 = text.charCodeAt(lineStart);
    if (c0 === 123 /* { */ || c0 === 1 /* SOH: mBank's block start */) {
      let line = text.slice(lineStart, lineEnd);
      if (c0 === 1) line = line.slice(1);
      if (/\{2:[IO]942/.test(line)) is942 = true;
      const b4 = line.indexOf('{4:');
      if (b4 < 0) {
        if (c0 !== 1 || line === '') continue;
      } else {
        flushField();
        inBlock4 = true;
        line = line.slice(b4 + 3);
        if (line === '') continue;
      }
      // Fields on the same line as the block header: handle the rest as a line of its own.
      const off = lineEnd - line.length;
      if (line.charCodeAt(0) === 58 && startField(off, lineEnd)) continue;
      continue;
    }
    if (c0 === 45 /* - */) {
      const line = text.slice(lineStart, lineEnd).trim();
      if (line === '-' || line.startsWith('-}')) {
        flushField();
        closeStatement();
        inBlock4 = false;
        continue;
      }
    }
    if (c0 === 3 /* ETX */) continue;
    if (c0 === 58 /* : */ && startField(lineStart, lineEnd)) continue;
    if (tag !== undefined) valueEnd = lineEnd; // a line continued without a tag
  }
  flushField();

  if (open) {
    const o: Open = open;
    flushEntry(o, problems, textOf);
    // Ending without the closing balance is an export without :62F: (check unavailable) unless
    // the end is inside something: an open {4: block, the last entry lacking the :86: every
    // earlier entry had, a :61: too short to read, or a last line cut before its line end.
    const cut =
      !o.seenClosing &&
      (inBlock4 ||
        (o.count > 1 && !o.lastHad86 && o.with86 === o.count - 1) ||
        (o.count > 0 && !o.lastOk) ||
        (lastTag !== undefined && !text.endsWith('\n') && (lastTag === '61' || lastTag === '86')));
    closeStatement(cut ? (o.count > 0 ? o.lastLine : lastTagLine) : undefined);
  }
  return { format: is942 ? 'mt942' : 'mt940', statements };
}

/** Turns the entry being read into a StatementEntry (its :61: and :86: are complete). */
function flushEntry(o: Open, problems: Problems, textOf: TextOf): void {
  const r = o.pending;
  if (!r) return;
  o.pending = undefined;
  const e = entry(r, o.st, problems, o.st.entries.length + 1, textOf, o.dates);
  if (e) o.st.entries.push(e);
  o.count++;
  if (r.f86 !== undefined) o.with86++;
  o.lastLine = r.line;
  o.lastHad86 = r.f86 !== undefined;
  o.lastOk = e !== undefined;
}

function newStatement(id: string, line: number, format: StatementFormat): Open {
  return {
    st: { format, id, account: '', currency: '', entries: [], check: { result: 'unavailable' }, line },
    count: 0,
    with86: 0,
    lastLine: 0,
    lastHad86: true,
    lastOk: true,
    dates: new DateCache(),
    seenClosing: false,
    info: [],
    hasAccount: false,
    hasOpening: false,
  };
}

/** :25: "PL61109010140000071219812874", "/PL61…", "BREXPLPW/PL61…", "10901014/0000071219812874". */
function statementAccount(v: string): string {
  const parts = v.trim().split('/').filter((p) => p !== '');
  if (parts.length === 2 && /^\d{8}$/.test(parts[0]) && /^\d{16,}$/.test(parts[1])) return cleanAccount(parts.join('')) ?? '';
  let best = '';
  for (const p of parts) if (/\d/.test(p) && p.length > best.length) best = p;
  return cleanAccount(best) ?? '';
}

function balance(v: string, line: number, tag: string, problems: Problems): Balance | undefined {
  const m = BALANCE.exec(v.trim());
  const date = m ? fromYYMMDD(m[2]) : undefined;
  const amount = m ? parseUnsignedAmount(m[4]) : undefined;
  if (!m || !date || amount === undefined) {
    problems.add('SAL-3009', { field: `:${tag}:`, value: v.trim(), detail: '1!a6!n3!a15d' }, { line });
    return undefined;
  }
  return { amount: m[1] === 'D' ? -amount : amount, date, currency: m[3] };
}

function finish(o: Open, problems: Problems, truncatedAt: number | undefined, textOf: TextOf): Statement {
  const st = o.st;
  if (o.opening) st.opening = o.opening;
  if (o.closing) st.closing = o.closing;
  if (o.totals) st.totals = o.totals;
  const where = { line: st.line ?? 0, key: st.id };
  if (!o.hasAccount) problems.add('SAL-3021', { statement: st.id, line: st.line ?? 0 }, where);
  if (!o.hasOpening && st.format === 'mt940') problems.add('SAL-3008', { statement: st.id, field: ':60F:', line: st.line ?? 0 }, where);
  if (o.info.length) st.info = o.info.map((i) => joinLines(textOf(i))).join(' ');

  if (truncatedAt !== undefined) {
    problems.add('SAL-3007', { statement: st.id || st.account, line: truncatedAt }, { line: truncatedAt, key: st.id });
  }
  return st;
}

/** Entries of a statement share a handful of dates: convert each YYMMDD / MMDD once. */
class DateCache {
  private value = new Map<number, string | undefined>();
  private booking = new Map<number, string | undefined>();
  valueDate(yymmdd: number): string | undefined {
    let d = this.value.get(yymmdd);
    if (d === undefined && !this.value.has(yymmdd)) this.value.set(yymmdd, (d = fromYYMMDD(String(yymmdd).padStart(6, '0'))));
    return d;
  }
  bookingDate(yymmdd: number, value: string, mmdd: number): string | undefined {
    const k = yymmdd * 10000 + mmdd;
    let d = this.booking.get(k);
    if (d === undefined && !this.booking.has(k)) this.booking.set(k, (d = bookingDateNear(value, String(mmdd).padStart(4, '0'))));
    return d;
  }
}

interface Line61 {
  value: number;
  booking: number;
  mark: StatementEntry['mark'];
  funds: string;
  amount: number;
  type: string;
  refs: string;
}

const TYPE_CODES = new Map<number, string>();

function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * `6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]`: value date, optional booking date, C/D/RC/RD, optional
 * third currency letter (funds code), amount with a decimal comma, type code, references. Read
 * by hand: a regex here allocates a match and seven strings per entry.
 */
function parse61(h: string): Line61 | undefined {
  const value = digitsAt(h, 0, 6);
  if (value < 0) return undefined;
  let i = 6;
  let booking = -1;
  const mm = digitsAt(h, 6, 4);
  if (mm >= 0) {
    booking = mm;
    i = 10;
  }
  let mark: Line61['mark'];
  const c = h.charCodeAt(i);
  if (c === 82 /* R */) {
    const d = h.charCodeAt(i + 1);
    if (d === 67) mark = 'RC';
    else if (d === 68) mark = 'RD';
    else return undefined;
    i += 2;
  } else if (c === 67 || c === 68) {
    mark = c === 67 ? 'C' : 'D';
    i++;
  } else return undefined;
  let funds = '';
  if (isUpper(h.charCodeAt(i))) funds = h[i++];
  let whole = 0;
  let digits = 0;
  for (let ch = h.charCodeAt(i); ch >= 48 && ch <= 57; ch = h.charCodeAt(++i)) {
    whole = whole * 10 + (ch - 48);
    digits++;
  }
  if (digits === 0 || digits > 15) return undefined;
  let frac = 0;
  let fracDigits = 0;
  if (h.charCodeAt(i) === 44 /* , */) {
    for (let ch = h.charCodeAt(++i); ch >= 48 && ch <= 57; ch = h.charCodeAt(++i)) {
      if (fracDigits === 2) {
        if (ch !== 48) return undefined;
        continue;
      }
      frac = frac * 10 + (ch - 48);
      fracDigits++;
    }
  }
  if (fracDigits === 1) frac *= 10;
  if (!isUpper(h.charCodeAt(i)) || h.length < i + 4) return undefined;
  // A file has a handful of type codes: keep one string of each, not one per entry.
  const key = h.charCodeAt(i) * 2097152 + h.charCodeAt(i + 1) * 16384 + h.charCodeAt(i + 2) * 128 + h.charCodeAt(i + 3);
  let type = TYPE_CODES.get(key);
  if (type === undefined) TYPE_CODES.set(key, (type = h.slice(i, i + 4)));
  return { value, booking, mark, funds, amount: whole * 100 + frac, type, refs: h.slice(i + 4) };
}

/** SWIFT charge/commission type codes: NCHG, FCHG, SCHG, NCOM, FCOM, SCOM. */
function isFeeType(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c === 78 || c === 70 || c === 83) && (t.endsWith('CHG') || t.endsWith('COM'));
}

function entry(r: RawEntry, st: Statement, problems: Problems, seq: number, textOf: TextOf, dates: DateCache): StatementEntry | undefined {
  const nl = r.f61.indexOf('\n');
  const head = nl < 0 ? r.f61 : r.f61.slice(0, r.f61.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
  const m = parse61(head);
  const valueDate = m ? dates.valueDate(m.value) : undefined;
  const bookingDate = m && m.booking >= 0 && valueDate ? dates.bookingDate(m.value, valueDate, m.booking) : undefined;
  if (!m || !valueDate || (m.booking >= 0 && !bookingDate)) {
    problems.add('SAL-3009', { field: ':61:', value: textOf(head), detail: '6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]' }, { line: r.line, key: st.id });
    return undefined;
  }
  const mark = m.mark;
  // C and RD bring money in; D and RC take it out (RC = reversal of a credit).
  const signed = mark === 'C' || mark === 'RD' ? m.amount : -m.amount;
  const refs = m.refs;
  const slash = refs.indexOf('//');
  const customerRef = refs.startsWith('NONREF') && (slash === 6 || refs.length === 6) ? '' : (slash < 0 ? refs : refs.slice(0, slash)).trim();
  const bankRef = slash < 0 ? '' : refs.slice(slash + 2).trim();

  let info: EntryInfo | undefined;
  if (r.f86 !== undefined) info = r.extra86 ? parseInfo([r.f86, ...r.extra86], st.account, textOf) : parseInfo1(r.f86, st.account, textOf);
  const details: Record<string, string> = info ? info.details : {};
  const e: StatementEntry = {
    seq,
    amount: signed,
    currency: st.currency,
    valueDate,
    bookingDate,
    mark,
    reversal: mark === 'RC' || mark === 'RD',
    bankReference: bankRef || undefined,
    customerReference: customerRef && customerRef !== 'NONREF' ? textOf(customerRef) : undefined,
    typeCode: m.type,
    title: info ? info.title : '',
    counterparty: info ? info.counterparty : {},
    virtualAccount: info?.virtualAccount,
    // Charges and commissions by SWIFT type code (NCHG, FCHG, NCOM …) or by the dialect's operation.
    fee: isFeeType(m.type) || info?.fee || undefined,
    details,
    line: r.line,
  };
  if (info) details.dialect = info.dialect;
  if (m.funds) details.fundsCode = m.funds;
  if (nl >= 0) {
    const supplementary = textOf(r.f61.slice(nl + 1)).replace(/\s+/g, ' ').trim();
    if (supplementary) details.supplementary = supplementary;
  }
  return e;
}
