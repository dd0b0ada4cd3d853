// SWIFT MT940 (customer statement) and MT942 (interim transaction report), as Polish banks export
// them: several statements per file, with or without the {1:…}{2:…}{4: blocks and the -} / -
// terminators, fields :20: :21: :25: :28C: :60F:/:60M: (:61: :86:)* :62F:/:62M: :64: :65: :86:,
// and for MT942 :34F: :13D: :90D: :90C:. One pass over the lines, no regex per line on the hot path:
// a 100,000-entry file is read in a fraction of a second.

import type { Balance, Statement, StatementEntry, StatementFormat } from '../types';
import { parseUnsignedAmount } from './amounts';
import { bookingDateNear, fromYYMMDD } from './dates';
import { forgetFile, joinLines, parseInfo, parseInfoIn, type EntryInfo } from './mt940-86';
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

interface Open {
  st: Statement;
  /**
   * The entry being read, as places in the text (its :61: value, its :86: value or -1, a second
   * :86: copied out): turned into a StatementEntry when the next field after its :86: comes.
   */
  pending: boolean;
  pendingLine: number;
  from61: number;
  to61: number;
  /** The end of the :61:'s first line (the rest, if any, is supplementary details). */
  head61: number;
  from86: number;
  to86: number;
  extra86?: string[];
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

/** `text` is the decoded file (see decodeLarge). */
export function parseMt940(text: string, problems: Problems): Mt940Result {
  const r = new Reader(text, problems);
  if (text.charCodeAt(0) === 0xfeff) r.pos = 1;
  // In slices of lines: a function called again and again is optimised as a whole and stays so,
  // where one long loop would wait for (and fall back from) on-stack replacement in every file.
  while (r.pos < text.length) r.lines(4096);
  r.flushField();

  const o = r.open;
  if (o) {
    flushEntry(text, o, problems);
    // Ending without the closing balance is an export without :62F: (check unavailable) unless
    // the end is inside something: an open {4: block, the last entry lacking the :86: every
    // earlier entry had, a :61: too short to read, or a last line cut before its line end.
    const lastTag = r.lastTag;
    const cut =
      !o.seenClosing &&
      (r.inBlock4 ||
        (o.count > 1 && !o.lastHad86 && o.with86 === o.count - 1) ||
        (o.count > 0 && !o.lastOk) ||
        (lastTag !== undefined && !text.endsWith('\n') && (lastTag === '61' || lastTag === '86')));
    r.closeStatement(cut ? (o.count > 0 ? o.lastLine : r.lastTagLine) : undefined);
  }
  forgetFile();
  return { format: r.is942 ? 'mt942' : 'mt940', statements: r.statements };
}

/** Where the value of the tag tagAt() found starts. */
let tagEnd = 0;

/** The known tag of a ":TAG:" at `from` on a line ending at `to` (its value starts at tagEnd), or undefined. */
function tagAt(text: string, from: number, to: number): string | undefined {
  const close = text.indexOf(':', from + 2);
  if (close < 0 || close - from > 5 || close >= to) return undefined;
  const t = TAGS.get(packTag(text, from + 1, close));
  if (t !== undefined) tagEnd = close + 1;
  return t;
}

/** The statements being read, the line and the field being read, and what a field does to the statements. */
class Reader {
  readonly statements: Statement[] = [];
  is942 = false;
  open: Open | undefined = undefined;
  /** Where the next line starts, and its number less one. */
  pos = 0;
  lineNo = 0;
  inBlock4 = false;
  /** The field being read: its tag, value, first line's end and line number; the last one read. */
  tag: string | undefined = undefined;
  valueStart = 0;
  valueEnd = 0;
  firstEnd = 0;
  tagLine = 0;
  lastTag: string | undefined = undefined;
  lastTagLine = 0;

  constructor(
    private readonly text: string,
    private readonly problems: Problems,
  ) {}

  /** Reads up to `max` lines from `pos`. */
  lines(max: number): void {
    const text = this.text;
    const n = text.length;
    // The loop's state in locals, written back at the end (or when a field is complete).
    let pos = this.pos;
    let lineNo = this.lineNo;
    let tag = this.tag;
    let valueEnd = this.valueEnd;
    for (let k = 0; k < max && pos < n; k++) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      let lineEnd = end;
      if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const lineStart = pos;
      pos = end + 1;
      lineNo++;
      if (lineEnd === lineStart) continue;

      const c0 = text.charCodeAt(lineStart);
      if (c0 > 58 && c0 !== 123) {
        // Most lines: a field's continuation ("~21…"), no tag, block or terminator.
        if (tag !== undefined) valueEnd = lineEnd;
        continue;
      }
      let from = lineStart; // where a ":TAG:" may start on this line
      if (c0 === 123 /* { */ || c0 === 1 /* SOH: mBank's block start */) {
        let line = text.slice(lineStart, lineEnd);
        if (c0 === 1) line = line.slice(1);
        if (/\{2:[IO]942/.test(line)) this.is942 = true;
        const b4 = line.indexOf('{4:');
        if (b4 < 0) {
          if (c0 !== 1 || line === '') continue;
        } else {
          this.valueEnd = valueEnd;
          this.flushField();
          tag = undefined;
          this.inBlock4 = true;
          line = line.slice(b4 + 3);
          if (line === '') continue;
        }
        // Fields on the same line as the block header: handle the rest as a line of its own.
        from = lineEnd - line.length;
        if (line.charCodeAt(0) !== 58) continue;
      } else if (c0 === 45 /* - */) {
        const line = text.slice(lineStart, lineEnd).trim();
        if (line === '-' || line.startsWith('-}')) {
          this.valueEnd = valueEnd;
          this.flushField();
          tag = undefined;
          this.closeStatement();
          this.inBlock4 = false;
          continue;
        }
      } else if (c0 === 3 /* ETX */) continue;
      if (text.charCodeAt(from) === 58 /* : */) {
        const t = tagAt(text, from, lineEnd);
        if (t !== undefined) {
          // A ":TAG:" line: the previous field is complete.
          this.valueEnd = valueEnd;
          this.flushField();
          tag = this.tag = t;
          this.valueStart = tagEnd;
          valueEnd = this.firstEnd = lineEnd;
          this.tagLine = lineNo;
          continue;
        }
        if (from !== lineStart) continue; // after a block header: never a continuation
      }
      if (tag !== undefined) valueEnd = lineEnd; // a line continued without a tag
    }
    this.pos = pos;
    this.lineNo = lineNo;
    this.valueEnd = valueEnd;
  }

  /** The field being read is complete. */
  flushField(): void {
    const tag = this.tag;
    if (tag === undefined) return;
    this.field(tag, this.valueStart, this.valueEnd, this.tagLine, this.firstEnd);
    this.lastTag = tag;
    this.lastTagLine = this.tagLine;
    this.tag = undefined;
  }

  closeStatement(truncatedAt?: number): void {
    const open = this.open;
    if (!open) return;
    flushEntry(this.text, open, this.problems);
    this.statements.push(finish(open, this.problems, truncatedAt));
    this.open = undefined;
  }

  ensureOpen(line: number): Open {
    // A field before any :20: (some exports start with :25:): a statement without a reference.
    return (this.open ??= newStatement('', line, this.is942 ? 'mt942' : 'mt940'));
  }

  /** A field's value is `text` from `from` to `to` (its first line ends at `firstEnd`); :61: and :86: are read where they lie. */
  field(t: string, from: number, to: number, line: number, firstEnd: number): void {
    const text = this.text;
    const problems = this.problems;
    switch (t) {
      case '20':
        this.closeStatement();
        this.open = newStatement(text.slice(from, to).trim(), line, this.is942 ? 'mt942' : 'mt940');
        return;
      case '21':
        return;
      case '25': {
        const o = this.ensureOpen(line);
        o.st.account = statementAccount(text.slice(from, to));
        o.hasAccount = o.st.account !== '';
        return;
      }
      case '28':
      case '28C':
        this.ensureOpen(line).st.number = text.slice(from, to).trim();
        return;
      case '60F':
      case '60M': {
        const o = this.ensureOpen(line);
        const b = balance(text.slice(from, to), line, t, problems);
        if (b) {
          o.opening = b;
          o.st.currency = b.currency;
        }
        o.hasOpening = true;
        return;
      }
      case '61': {
        const o = this.ensureOpen(line);
        flushEntry(text, o, problems);
        o.pending = true;
        o.pendingLine = line;
        o.from61 = from;
        o.to61 = to;
        o.head61 = firstEnd;
        return;
      }
      case '86': {
        const o = this.ensureOpen(line);
        if (!o.pending || o.seenClosing) o.info.push(text.slice(from, to));
        else if (o.from86 < 0) {
          o.from86 = from;
          o.to86 = to;
        } else (o.extra86 ??= []).push(text.slice(from, to));
        return;
      }
      case '62F':
      case '62M': {
        const o = this.ensureOpen(line);
        flushEntry(text, o, problems);
        const b = balance(text.slice(from, to), line, t, problems);
        if (b) o.closing = b;
        o.seenClosing = true;
        return;
      }
      case '34F':
      case '13':
      case '13D':
        this.is942 = true;
        this.ensureOpen(line).st.format = 'mt942';
        return;
      case '90D':
      case '90C': {
        this.is942 = true;
        const o = this.ensureOpen(line);
        o.st.format = 'mt942';
        const v = text.slice(from, to);
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
  }
}

/** Turns the entry being read into a StatementEntry (its :61: and :86: are complete). */
function flushEntry(text: string, o: Open, problems: Problems): void {
  if (!o.pending) return;
  o.pending = false;
  const had86 = o.from86 >= 0;
  const e = entry(text, o, problems);
  if (e) o.st.entries.push(e);
  o.from86 = -1;
  o.extra86 = undefined;
  o.count++;
  if (had86) o.with86++;
  o.lastLine = o.pendingLine;
  o.lastHad86 = had86;
  o.lastOk = e !== undefined;
}

function newStatement(id: string, line: number, format: StatementFormat): Open {
  return {
    st: { format, id, account: '', currency: '', entries: [], check: { result: 'unavailable' }, line },
    pending: false,
    pendingLine: 0,
    from61: 0,
    to61: 0,
    head61: 0,
    from86: -1,
    to86: 0,
    extra86: undefined,
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

function finish(o: Open, problems: Problems, truncatedAt: number | undefined): Statement {
  const st = o.st;
  if (o.opening) st.opening = o.opening;
  if (o.closing) st.closing = o.closing;
  if (o.totals) st.totals = o.totals;
  const where = { line: st.line ?? 0, key: st.id };
  if (!o.hasAccount) problems.add('SAL-3021', { statement: st.id, line: st.line ?? 0 }, where);
  if (!o.hasOpening && st.format === 'mt940') problems.add('SAL-3008', { statement: st.id, field: ':60F:', line: st.line ?? 0 }, where);
  if (o.info.length) st.info = o.info.map((i) => joinLines(i)).join(' ');

  if (truncatedAt !== undefined) {
    problems.add('SAL-3007', { statement: st.id || st.account, line: truncatedAt }, { line: truncatedAt, key: st.id });
  }
  return st;
}

/** Entries of a statement share a handful of dates: convert each YYMMDD / MMDD once. */
class DateCache {
  private value = new Map<number, string | undefined>();
  private booking = new Map<number, string | undefined>();
  private lastValueKey = -1;
  private lastValue: string | undefined;
  private lastBookingKey = -1;
  private lastBooking: string | undefined;
  valueDate(yymmdd: number): string | undefined {
    if (yymmdd === this.lastValueKey) return this.lastValue;
    let d = this.value.get(yymmdd);
    if (d === undefined && !this.value.has(yymmdd)) this.value.set(yymmdd, (d = fromYYMMDD(String(yymmdd).padStart(6, '0'))));
    this.lastValueKey = yymmdd;
    this.lastValue = d;
    return d;
  }
  bookingDate(yymmdd: number, value: string, mmdd: number): string | undefined {
    const k = yymmdd * 10000 + mmdd;
    if (k === this.lastBookingKey) return this.lastBooking;
    let d = this.booking.get(k);
    if (d === undefined && !this.booking.has(k)) this.booking.set(k, (d = bookingDateNear(value, String(mmdd).padStart(4, '0'))));
    this.lastBookingKey = k;
    this.lastBooking = d;
    return d;
  }
}

// The :61: just read (parse61's result; one entry at a time, so no object per entry).
let valueNo = 0;
let bookingNo = -1;
let mark: StatementEntry['mark'] = 'C';
let funds = '';
let amount = 0;
let typeCode = '';
let refsFrom = 0;

const TYPE_CODES = new Map<number, string>();

/** `n` digits of `s` from `at` as a number; -1 at a non-digit, NaN past `end` (as charCodeAt past a string's end). */
function digitsAt(s: string, at: number, n: number, end: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = codeAt(s, i, end) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The char code at `i` of the line ending at `end` (NaN past it, as past a string's end). */
function codeAt(s: string, i: number, end: number): number {
  return i < end ? s.charCodeAt(i) : NaN;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * `6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]` in `s` from `from` to `end` (the :61:'s first line): value
 * date, optional booking date, C/D/RC/RD, optional third currency letter (funds code), amount
 * with a decimal comma, type code, references. Read by hand where it lies: a regex here allocates
 * a match and seven strings per entry.
 */
function parse61(s: string, from: number, end: number): boolean {
  valueNo = digitsAt(s, from, 6, end);
  // A line cut short within the date reads NaN, as before: no date, reported below.
  if (valueNo < 0) return false;
  let i = from + 6;
  bookingNo = -1;
  const mm = digitsAt(s, i, 4, end);
  if (mm >= 0) {
    bookingNo = mm;
    i += 4;
  }
  const c = codeAt(s, i, end);
  if (c === 82 /* R */) {
    const d = codeAt(s, i + 1, end);
    if (d === 67) mark = 'RC';
    else if (d === 68) mark = 'RD';
    else return false;
    i += 2;
  } else if (c === 67 || c === 68) {
    mark = c === 67 ? 'C' : 'D';
    i++;
  } else return false;
  funds = '';
  if (isUpper(codeAt(s, i, end))) funds = s[i++];
  let whole = 0;
  let digits = 0;
  for (let ch = codeAt(s, i, end); ch >= 48 && ch <= 57; ch = codeAt(s, ++i, end)) {
    whole = whole * 10 + (ch - 48);
    digits++;
  }
  if (digits === 0 || digits > 15) return false;
  let frac = 0;
  let fracDigits = 0;
  if (codeAt(s, i, end) === 44 /* , */) {
    for (let ch = codeAt(s, ++i, end); ch >= 48 && ch <= 57; ch = codeAt(s, ++i, end)) {
      if (fracDigits === 2) {
        if (ch !== 48) return false;
        continue;
      }
      frac = frac * 10 + (ch - 48);
      fracDigits++;
    }
  }
  if (fracDigits === 1) frac *= 10;
  if (!isUpper(codeAt(s, i, end)) || end < i + 4) return false;
  // A file has a handful of type codes: keep one string of each, not one per entry. (The key
  // packs 7-bit codes: other characters would collide, so those codes are not kept.)
  const c1 = s.charCodeAt(i + 1);
  const c2 = s.charCodeAt(i + 2);
  const c3 = s.charCodeAt(i + 3);
  if ((c1 | c2 | c3) < 0x80) {
    const key = s.charCodeAt(i) * 2097152 + c1 * 16384 + c2 * 128 + c3;
    let type = TYPE_CODES.get(key);
    if (type === undefined) TYPE_CODES.set(key, (type = s.slice(i, i + 4)));
    typeCode = type;
  } else typeCode = s.slice(i, i + 4);
  amount = whole * 100 + frac;
  refsFrom = i + 4;
  return true;
}

/** SWIFT charge/commission type codes: NCHG, FCHG, SCHG, NCOM, FCOM, SCOM. */
function isFeeType(t: string): boolean {
  if (t === lastType) return lastTypeFee;
  const c = t.charCodeAt(0);
  lastType = t;
  lastTypeFee = (c === 78 || c === 70 || c === 83) && (t.endsWith('CHG') || t.endsWith('COM'));
  return lastTypeFee;
}
let lastType = '';
let lastTypeFee = false;

/** The white space String.prototype.trim drops. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.slice(from, to).trim()`, cutting only the trimmed text. */
function trimmedSlice(s: string, from: number, to: number): string {
  while (from < to && isTrimmed(s.charCodeAt(from))) from++;
  while (to > from && isTrimmed(s.charCodeAt(to - 1))) to--;
  return from === to ? '' : s.slice(from, to);
}

function isNonref(s: string, from: number, to: number): boolean {
  return to - from >= 6 && s.startsWith('NONREF', from);
}

function entry(text: string, o: Open, problems: Problems): StatementEntry | undefined {
  const st = o.st;
  const from = o.from61;
  const to = o.to61;
  const headEnd = o.head61;
  // A second line: after the first line's end (and its CR).
  const nl = headEnd >= to ? -1 : text.charCodeAt(headEnd) === 13 ? headEnd + 1 : headEnd;
  const ok = parse61(text, from, headEnd);
  const dates = o.dates;
  const valueDate = ok ? dates.valueDate(valueNo) : undefined;
  const bookingDate = ok && bookingNo >= 0 && valueDate ? dates.bookingDate(valueNo, valueDate, bookingNo) : undefined;
  if (!ok || !valueDate || (bookingNo >= 0 && !bookingDate)) {
    problems.add('SAL-3009', { field: ':61:', value: text.slice(from, headEnd), detail: '6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]' }, { line: o.pendingLine, key: st.id });
    return undefined;
  }
  // C and RD bring money in; D and RC take it out (RC = reversal of a credit).
  const signed = mark === 'C' || mark === 'RD' ? amount : -amount;
  // References: customer's, then "//" and the bank's.
  let slash = -1;
  for (let i = refsFrom; i + 1 < headEnd; i++) {
    if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 47) {
      slash = i;
      break;
    }
  }
  const customerRef = isNonref(text, refsFrom, headEnd) && (slash === refsFrom + 6 || headEnd - refsFrom === 6) ? '' : trimmedSlice(text, refsFrom, slash < 0 ? headEnd : slash);
  const bankRef = slash < 0 ? '' : trimmedSlice(text, slash + 2, headEnd);

  let info: EntryInfo | undefined;
  if (o.from86 >= 0) info = o.extra86 ? parseInfo([text.slice(o.from86, o.to86), ...o.extra86], st.account) : parseInfoIn(text, o.from86, o.to86, st.account);
  const details: Record<string, string> = info ? info.details : {};
  const e: StatementEntry = {
    seq: st.entries.length + 1,
    amount: signed,
    currency: st.currency,
    valueDate,
    bookingDate,
    mark,
    reversal: mark === 'RC' || mark === 'RD',
    bankReference: bankRef || undefined,
    customerReference: customerRef && customerRef !== 'NONREF' ? customerRef : undefined,
    typeCode,
    title: info ? info.title : '',
    counterparty: info ? info.counterparty : {},
    virtualAccount: info?.virtualAccount,
    // Charges and commissions by SWIFT type code (NCHG, FCHG, NCOM …) or by the dialect's operation.
    fee: isFeeType(typeCode) || info?.fee || undefined,
    details,
    line: o.pendingLine,
  };
  if (info) details.dialect = info.dialect;
  if (funds) details.fundsCode = funds;
  if (nl >= 0) {
    const supplementary = text.slice(nl + 1, to).replace(/\s+/g, ' ').trim();
    if (supplementary) details.supplementary = supplementary;
  }
  return e;
}
