// The :86: "information to account owner" of an MT940 entry: free text, the structured Polish
// dialects, or mBank's labelled text.
//
// Structured dialects — the same numbered subfields (derived from the German structured :86:),
// only the separator differs by bank. Sources for the layouts:
//  - `~` PKO BP (iPKO biznes "File Reports – Structure of Output Files", MT940 file report; and
//    mKsiegowa's iPKO import notes: ~20 description, ~32 counterparty name, ~38 counterparty
//    account) and ING (ING Online "Formaty plików", MT940: ~00 ~20–~25 ~27–~29 ~30 ~31 ~32 ~33
//    ~34 ~38 ~60–~63).
//  - `<` Bank Millennium ("Opis formatu pliku wyciągów MT940": STA files in CP852, "Podpola w polu
//    :86: rozpoczynają się znakiem mniejszości <", empty subfields may be left out entirely).
//  - `>` Raiffeisen Polbank (MT940 export, the same numbering with `>`).
//  - `^` BNP Paribas BiznesPl@net ("MT940 statement file": :86: starts with the 3-digit operation
//    code, then ^10 operation number, ^20… payment details in 27x pieces).
//  - `+` Nordea/inordbusiness ("Specification of MT940 Account Statements": "Separator for
//    subfields in field 86: '+'").
// Subfields used: 00 operation description, 10 operation number, 20–26 title in 27-char pieces
// (60–63 continue it when the title block is full), 27–28 and 32–33 counterparty name pieces,
// 29 and 62–63 counterparty address, 30 counterparty bank routing number (8 digits), 31
// counterparty account (16 digits, or a whole NRB), 34 transaction code, 38 counterparty IBAN.
//
// mBank (CompanyNet "Opis formatu pliku eksportu wyciągów dziennych MT940") writes labelled text
// instead; with its mass-payment identification (IPH) the payer's virtual account id follows
// `ID IPH:`.

import { isValidNrb, makeNrb } from '../../../shared/domain/iban';
import type { Party } from '../types';
import { FEE_WORDS } from './fees';
import { cleanAccount, joinPieces, squeeze } from './pieces';

export type Dialect = 'pko' | 'millennium' | 'raiffeisen' | 'bnp' | 'nordea' | 'mbank' | 'text';

const DIALECT_BY_SEPARATOR: Record<string, Dialect> = { '~': 'pko', '<': 'millennium', '>': 'raiffeisen', '^': 'bnp', '+': 'nordea' };

export interface EntryInfo {
  dialect: Dialect;
  title: string;
  counterparty: Party;
  virtualAccount?: string;
  fee: boolean;
  /** Every subfield/label kept, decoded: for the operator's detail view. */
  details: Record<string, string>;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The white space String.prototype.trim drops. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A structured :86: in `s` between `from` and `to`: `[NNN]<sep>NN…` (leading line breaks allowed). */
function structuredSeparator(s: string, from = 0, to = s.length): string | undefined {
  let i = from;
  while (i < from + 3 && i < to && isDigit(s.charCodeAt(i))) i++;
  if (i !== from && i !== from + 3) return undefined;
  while (i < to && (s.charCodeAt(i) === 13 || s.charCodeAt(i) === 10)) i++;
  if (i + 2 >= to) return undefined;
  const c = s.charCodeAt(i);
  // ~ < > ^ + (DIALECT_BY_SEPARATOR), told by char code: no property lookup per entry.
  if (c !== 126 && c !== 60 && c !== 62 && c !== 94 && c !== 43) return undefined;
  return isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) ? s[i] : undefined;
}

/**
 * Subfield keys as the file writes them ("~20", "<32"), made once per separator. Not "20": an
 * array-index key makes V8 give every entry's details a 40–64-slot elements store.
 */
const KEYS: Record<string, string[]> = Object.fromEntries(
  Object.keys(DIALECT_BY_SEPARATOR).map((sep) => [sep, Array.from({ length: 100 }, (_, i) => sep + String(i).padStart(2, '0'))]),
);

// ---- the subfields of the :86: being read ----
//
// A :86: is read where it lies — in the file's text for the usual entry with one :86: — and its
// subfields are kept as places in that text: a value is cut out only when the entry keeps it, and
// only one walk over its characters decides how. Per subfield: its number, which :86: of the
// entry it came from (an entry may have two: set 0, 1 …), and where its value lies. Reused for
// every entry (counted, never shrunk): no per-entry arrays.

let count = 0;
const NUM: number[] = [];
const SET: number[] = [];
const FROM: number[] = [];
/** The value's end, without the line break(s) before the next separator. */
const TO: number[] = [];
/** Each set's text. */
let SRC: readonly string[] = [];
const ONE: string[] = [''];
/** Subfield number → its index, for set 0 (-1: absent). */
const IDX = new Int16Array(100).fill(-1);
/** Title pieces and other pieces being joined, and whether each is messy (pieces.ts hasInnerMess). */
const PIECES: string[] = [];
const PIECES_MESS: boolean[] = [];
const PARTS: string[] = [];
const PARTS_MESS: boolean[] = [];
/** Per set: whether its title block 20–26 was full. */
const FULL: boolean[] = [];

function add(num: number, set: number, from: number, to: number): void {
  NUM[count] = num;
  SET[count] = set;
  FROM[count] = from;
  TO[count] = to;
  if (set === 0) IDX[num] = count;
  count++;
}

/** Empties the scratch for the next entry. */
function clear(): void {
  for (let i = 0; i < count; i++) if (SET[i] === 0) IDX[NUM[i]] = -1;
  count = 0;
}

/**
 * Forgets what the scratch space and the caches hold of the last file: their strings are slices
 * of its whole decoded text, which would otherwise stay in memory until the next file is read.
 */
export function forgetFile(): void {
  LAST.clear();
  feeText = undefined;
  SRC = [];
  ONE[0] = '';
  PIECES.length = 0;
  PARTS.length = 0;
  ctx.account = ctx.own = ctx.routing = '';
  SHARED.title = '';
  SHARED.counterparty = {};
  SHARED.details = {};
  SHARED.virtualAccount = undefined;
}

/** `to` without the line break(s) before it. */
function trimBreaks(s: string, from: number, to: number): number {
  while (to > from) {
    const c = s.charCodeAt(to - 1);
    if (c !== 10 && c !== 13) break;
    to--;
  }
  return to;
}

function hasBreak(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) return true;
  return false;
}

/** Subfield `i`'s value. A break inside a value is the 65-char line wrap: the text runs on. */
function value(i: number): string {
  const s = SRC[SET[i]];
  const from = FROM[i];
  const to = TO[i];
  return hasBreak(s, from, to) ? s.slice(from, to).replace(/\r?\n/g, '') : s.slice(from, to);
}

/**
 * The digits in `s` between `from` and `to`, or -1 when it is messy — a tab, a break, a no-break
 * or a double space (what pieces.ts hasInnerMess looks for).
 */
function tidyDigits(s: string, from: number, to: number): number {
  let digits = 0;
  let prev = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) {
      if (c < 32 || prev === 32) return -1;
    } else if (c <= 57) {
      if (c >= 48) digits++;
    } else if (c === 0xa0) return -1;
    prev = c;
  }
  return digits;
}

/** Whether `s` between `from` and `to` is a text squeeze() keeps as it is (no white space to trim or fold, no break). */
function plain(s: string, from: number, to: number): boolean {
  if (to <= from || s.charCodeAt(from) <= 32 || s.charCodeAt(to - 1) <= 32) return false;
  let prev = 0;
  for (let i = from + 1; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32) {
      if (c < 32 || prev === 32) return false;
    } else if (c === 0xa0) return false;
    prev = c;
  }
  return true;
}

/** /^[A-Z0-9]+$/ over `s` between `from` and `to`: an account as cleanAccount() keeps it. */
function cleanIn(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 90 || (c > 57 && c < 65)) return false;
  }
  return to > from;
}

/**
 * The operation code and description repeat entry after entry ("020", "PRZELEW PRZYCHODZĄCY"):
 * reuse the previous entry's string when equal, so 100,000 entries hold one copy, not 100,000 —
 * compared where it lies, so an unchanged value is not even cut out.
 */
const LAST = new Map<string, string>();
function same(key: string, v: string): string {
  const prev = LAST.get(key);
  if (prev === v) return prev;
  LAST.set(key, v);
  return v;
}
/** same() for the value in `s` between `from` and `to` (trimmed if `trim`). */
function sameIn(key: string, s: string, from: number, to: number, trim: boolean): string {
  let a = from;
  let b = to;
  if (trim) {
    while (a < b && isTrimmed(s.charCodeAt(a))) a++;
    while (b > a && isTrimmed(s.charCodeAt(b - 1))) b--;
  }
  // Equal to the kept value (which holds no line feed), it holds none either.
  const prev = LAST.get(key);
  if (prev !== undefined && prev.length === b - a && s.startsWith(prev, a)) return prev;
  if (hasBreak(s, from, to)) {
    const v = s.slice(from, to).replace(/\r?\n/g, '');
    return same(key, trim ? v.trim() : v);
  }
  const v = s.slice(a, b);
  LAST.set(key, v);
  return v;
}

/**
 * `[NNN]<sep>NNvalue<sep>NNvalue…` in `s` between `from` and `to` → the scratch (set `set`);
 * returns the leading code. A separator counts only when followed by two digits AND its number
 * is above the previous one: the layouts list subfields in ascending order, so "+10%" inside a
 * Nordea title stays text.
 */
function collect(s: string, from: number, to: number, sep: string, set: number): string | undefined {
  let first = s.indexOf(sep, from);
  if (first >= to) first = -1;
  let code: string | undefined;
  if (first > from) code = sameIn('code', s, from, trimBreaks(s, from, first), true) || undefined;
  let last = -1;
  let start = -1;
  // Separators past the :86:'s end do not count: stop there (indexOf may look further).
  for (let i = first; i >= 0 && i + 2 < to; i = s.indexOf(sep, i + 1)) {
    const d1 = s.charCodeAt(i + 1);
    const d2 = s.charCodeAt(i + 2);
    if (!isDigit(d1) || !isDigit(d2)) continue;
    const num = (d1 - 48) * 10 + (d2 - 48);
    if (num <= last) continue;
    if (start >= 0) add(last, set, start, trimBreaks(s, start, i));
    last = num;
    start = i + 3;
  }
  if (start >= 0) add(last, set, start, trimBreaks(s, start, to));
  return code;
}

// ---- from subfields to the entry's fields ----

/** The digits of the pieces taken since it was last set to 0 (for the virtual account search). */
let takenDigits = 0;

/** Subfield `i` (if present: ≥ 0) put into `into` at `n`, whether it is messy into `mess`; the new count. */
function takeAt(i: number, into: string[], mess: boolean[], n: number): number {
  if (i < 0) return n;
  const s = SRC[SET[i]];
  const from = FROM[i];
  const to = TO[i];
  const digits = tidyDigits(s, from, to);
  if (digits < 0) return takeMessy(i, into, mess, n);
  into[n] = s.slice(from, to);
  mess[n] = false;
  takenDigits += digits;
  return n + 1;
}

/** takeAt() for a messy piece (kept small for the usual one). */
function takeMessy(i: number, into: string[], mess: boolean[], n: number): number {
  const v = value(i);
  into[n] = v;
  mess[n] = tidyDigits(v, 0, v.length) < 0;
  for (let k = 0; k < v.length; k++) if (isDigit(v.charCodeAt(k))) takenDigits++;
  return n + 1;
}

/** One subfield as a name or an address: squeezed. */
function squeezedAt(i: number): string {
  const s = SRC[SET[i]];
  return plain(s, FROM[i], TO[i]) ? s.slice(FROM[i], TO[i]) : squeeze(value(i));
}

/** Subfields `lo`…`hi` (and `lo2`…`hi2`) of set `set` put into `into`/`mess` from `n`; the new count. */
function rangeInto(into: string[], mess: boolean[], n: number, set: number, lo: number, hi: number, lo2 = -1, hi2 = -1): number {
  for (let i = 0; i < count; i++) {
    const num = NUM[i];
    if (SET[i] === set && ((num >= lo && num <= hi) || (num >= lo2 && num <= hi2))) n = takeAt(i, into, mess, n);
  }
  return n;
}

/** joinPieces over subfields `lo`…`hi` of set `set` (and `lo2`…`hi2` after them). */
function joinRange(set: number, lo: number, hi: number, lo2 = -1, hi2 = -1): string {
  let only = -1;
  for (let i = 0; i < count; i++) {
    const num = NUM[i];
    if (SET[i] !== set || !((num >= lo && num <= hi) || (num >= lo2 && num <= hi2))) continue;
    if (only >= 0) {
      // Subfields come in ascending order, so lo…hi before lo2…hi2 is the order of the file.
      return joinPieces(PARTS, 27, rangeInto(PARTS, PARTS_MESS, 0, set, lo, hi, lo2, hi2), PARTS_MESS);
    }
    only = i;
  }
  return only < 0 ? '' : squeezedAt(only);
}

/** joinRange over the subfields at `a`, `b`, `c` of set 0, in the file's order (-1: absent). */
function joinAt(a: number, b: number, c: number): string {
  const n = (a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0) + (c >= 0 ? 1 : 0);
  if (n === 0) return '';
  if (n === 1) return squeezedAt(a >= 0 ? a : b >= 0 ? b : c);
  const saved = takenDigits; // the title's only
  let k = takeAt(a, PARTS, PARTS_MESS, 0);
  k = takeAt(b, PARTS, PARTS_MESS, k);
  k = takeAt(c, PARTS, PARTS_MESS, k);
  takenDigits = saved;
  return joinPieces(PARTS, 27, k, PARTS_MESS);
}

/** ~38 (IBAN), else ~30 (routing number) + ~31 (account): the subfields at these indexes (-1: absent). */
function counterpartyAccount(i38: number, i30: number, i31: number): string | undefined {
  if (i38 >= 0) {
    const s = SRC[SET[i38]];
    if (cleanIn(s, FROM[i38], TO[i38])) return s.slice(FROM[i38], TO[i38]);
    const iban = cleanAccount(value(i38));
    if (iban) return iban;
  }
  const bank = i30 >= 0 ? cleanAccount(value(i30)) : undefined;
  const acc = i31 >= 0 ? cleanAccount(value(i31)) : undefined;
  if (acc && bank && /^\d{8}$/.test(bank) && /^\d{16}$/.test(acc)) return makeNrb(bank, acc);
  return acc;
}

/** The counterparty with only the fields found, in this key order (a literal: no spare slots). */
function party(name: string, address: string, account: string | undefined): Party {
  if (!address) {
    if (name) return account ? { name, account } : { name };
    return account ? { account } : {};
  }
  if (name) return account ? { name, address, account } : { name, address };
  return account ? { address, account } : { address };
}

/** `desc00` is usually the previous entry's (same) string: test the fee words once for it. */
let feeText: string | undefined;
let feeHit = false;
function isFee(desc00: string | undefined): boolean {
  if (desc00 === undefined) return false;
  if (desc00 !== feeText) {
    feeText = desc00;
    feeHit = FEE_WORDS.test(desc00);
  }
  return feeHit;
}

/**
 * The structured dialects: `sets` :86: values of one entry in the scratch, `raw` the :86: text as
 * written. Title, name, address and the payer's account become the entry's own fields; `details`
 * keeps the other subfields under the file's own keys ("~00", "<34", …) and the raw :86: under
 * ":86:", so an operator can always see what the bank wrote.
 */
function structured(sets: number, sep: string, code: string | undefined, raw: string): EntryInfo {
  // 60–63 carry the rest of a title that did not fit 20–26 (the German layout's continuation);
  // when the title block was not full, 62–63 are the counterparty's address.
  let pieces = 0;
  let address = '';
  let addressSet = -1;
  takenDigits = 0;
  for (let k = 0; k < sets; k++) {
    const before = pieces;
    pieces = rangeInto(PIECES, PIECES_MESS, pieces, k, 20, 26);
    const full = pieces > before && PIECES[pieces - 1].length >= 27;
    FULL[k] = full;
    if (full) pieces = rangeInto(PIECES, PIECES_MESS, pieces, k, 60, 63);
    if (!address) {
      const saved = takenDigits; // the title's only
      address = full ? joinRange(k, 29, 29) : joinRange(k, 29, 29, 62, 63);
      takenDigits = saved;
      if (address) addressSet = k;
    }
  }
  const titleDigits = takenDigits;
  const title = joinPieces(PIECES, 27, pieces, PIECES_MESS);
  let name = '';
  for (let k = 0; k < sets && !name; k++) name = joinRange(k, 32, 33) || joinRange(k, 27, 28);
  let account: string | undefined;
  for (let k = 0; k < sets && !account; k++) account = counterpartyAccount(indexIn(k, 38), indexIn(k, 30), indexIn(k, 31));
  return tail(sep, code, raw, {} as EntryInfo, title, titleDigits, party(name, address, account), addressSet);
}

/** The index of subfield `num` of set `set`, or -1. */
function indexIn(set: number, num: number): number {
  for (let i = 0; i < count; i++) if (SET[i] === set && NUM[i] === num) return i;
  return -1;
}

/** structured() for the usual entry with one :86:: its subfields found by number, not by walking the list for each field. */
function structuredOne(sep: string, code: string | undefined, raw: string, into: EntryInfo): EntryInfo {
  takenDigits = 0;
  let pieces = 0;
  for (let n = 20; n <= 26; n++) pieces = takeAt(IDX[n], PIECES, PIECES_MESS, pieces);
  const full = pieces > 0 && PIECES[pieces - 1].length >= 27;
  FULL[0] = full;
  if (full) for (let n = 60; n <= 63; n++) pieces = takeAt(IDX[n], PIECES, PIECES_MESS, pieces);
  const titleDigits = takenDigits;
  const title = joinPieces(PIECES, 27, pieces, PIECES_MESS);
  const address = full ? joinAt(IDX[29], -1, -1) : joinAt(IDX[29], IDX[62], IDX[63]);
  const name = joinAt(IDX[32], IDX[33], -1) || joinAt(IDX[27], IDX[28], -1);
  const account = counterpartyAccount(IDX[38], IDX[30], IDX[31]);
  return tail(sep, code, raw, into, title, titleDigits, party(name, address, account), address ? 0 : -1);
}

/** The separator of the last :86:, its keys and dialect (a file uses one). */
let lastSep = '';
let lastKeys: string[] = [];
let lastDialect: Dialect = 'text';

/**
 * What every structured :86: ends with: `details` gets the subfields not shown as the entry's own
 * fields, the fee is told by subfield 00, and the title or a kept subfield may name a virtual
 * account. FULL[k] says whether set k's title block was full; `addressSet` is the set the address
 * came from (-1: none).
 */
function tail(sep: string, code: string | undefined, raw: string, info: EntryInfo, title: string, titleDigits: number, counterparty: Party, addressSet: number): EntryInfo {
  if (sep !== lastSep) {
    lastSep = sep;
    lastKeys = KEYS[sep];
    lastDialect = DIALECT_BY_SEPARATOR[sep];
  }
  const keys = lastKeys;
  const details: Record<string, string> = {};
  if (code) details.code = code;
  let longs = 0;
  for (let i = 0; i < count; i++) {
    const n = NUM[i];
    const k = SET[i];
    const full = FULL[k];
    const shown = (n >= 20 && n <= 28) || (n >= 30 && n <= 33) || n === 38 || (n >= 60 && n <= 63 && full) || (k === addressSet && (n === 29 || ((n === 62 || n === 63) && !full)));
    if (shown) continue;
    const key = keys[n];
    const v = n === 0 ? sameIn(key, SRC[k], FROM[i], TO[i], false) : value(i);
    details[key] = details[key] === undefined ? v : `${details[key]} ${v}`;
    if (v.length >= 26) PARTS[longs++] = v;
  }
  details[':86:'] = raw;
  info.dialect = lastDialect;
  info.title = title;
  info.counterparty = counterparty;
  info.fee = isFee(details[keys[0]]);
  info.details = details;
  if (info === SHARED) info.virtualAccount = undefined; // the last entry's
  // Only the title and the subfields kept in details can name a virtual account (not 30/31/38).
  if (ctx.own) {
    // The title's digits were counted in its pieces: counting in the joined title would copy it.
    let va = scan(title, counterparty.account, titleDigits);
    for (let j = 0; va === undefined && j < longs; j++) va = scan(PARTS[j], counterparty.account);
    if (va) info.virtualAccount = va;
  }
  return info;
}

// ---- mBank labelled text ----

const LABELS = [
  'ID IPH', 'RACHUNEK NADAWCY', 'RACH. NADAWCY', 'RACHUNEK ODBIORCY', 'RACH. ODBIORCY', 'Z RACHUNKU', 'NA RACHUNEK',
  'NR RACH.', 'ZLECENIODAWCA', 'NADAWCA', 'ODBIORCA', 'TYTUŁ', 'TYTUL', 'TYT.', 'ADRES', 'OD', 'DO',
];
const LABEL_RE = new RegExp(`(?:^|\\s)(${LABELS.map((l) => l.replace(/[.]/g, '\\.')).join('|')})\\s*:`, 'g');

function labelled(text: string): EntryInfo | undefined {
  if (text.indexOf('IPH') < 0) return undefined;
  const hits: Array<{ label: string; start: number; end: number }> = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(text); m; m = LABEL_RE.exec(text)) {
    hits.push({ label: m[1], start: m.index + (m[0].length - m[0].trimStart().length), end: LABEL_RE.lastIndex });
  }
  if (!hits.some((h) => h.label === 'ID IPH')) return undefined;
  const details: Record<string, string> = {};
  const lead = squeeze(text.slice(0, hits[0].start));
  for (let i = 0; i < hits.length; i++) {
    const value = squeeze(text.slice(hits[i].end, i + 1 < hits.length ? hits[i + 1].start : text.length));
    const key = hits[i].label;
    details[key] = details[key] ? `${details[key]} ${value}` : value;
  }
  const counterparty: Party = {};
  const name = details.NADAWCA ?? details.ZLECENIODAWCA ?? details.OD ?? details.ODBIORCA ?? details.DO;
  if (name) counterparty.name = name;
  const account = cleanAccount(details['RACHUNEK NADAWCY'] ?? details['RACH. NADAWCY'] ?? details['Z RACHUNKU'] ?? details['NR RACH.'] ?? details['RACHUNEK ODBIORCY'] ?? details['RACH. ODBIORCY']);
  if (account) counterparty.account = account;
  if (details.ADRES) counterparty.address = details.ADRES;
  const info: EntryInfo = { dialect: 'mbank', title: details['TYTUŁ'] ?? details.TYTUL ?? details['TYT.'] ?? '', counterparty, fee: FEE_WORDS.test(lead), details };
  if (lead) details.operation = lead;
  // The id is the first token after the label: a whole NRB ("PL61 1090 …" or 26 digits) or the
  // bank's shorter identifier, which the matcher compares with the end of the virtual accounts.
  const idText = details['ID IPH'];
  const nrb = /^(?:PL)?\s?(\d{2}(?:\s?\d{4}){6})\b/.exec(idText);
  const id = nrb ? nrb[1].replace(/\s/g, '') : /^[A-Z0-9]+/i.exec(idText)?.[0];
  if (id) info.virtualAccount = id.toUpperCase();
  return info;
}

/** Free text lines: a line filling the 65-char SWIFT width was wrapped mid-text, others end a thought. */
export function joinLines(raw: string): string {
  if (raw.indexOf('\n') < 0) return squeeze(raw);
  return joinPieces(raw.replace(/\r/g, '').split('\n'), 65);
}

const NRB_IN_TEXT = /(?:PL)?\d{2}(?: ?\d{4}){6}/g;
/** The statement account's NRB digits and bank routing number, set once per statement. */
const ctx: { account: string; own: string; routing: string } = { account: '', own: '', routing: '' };

function setStatementAccount(account: string): void {
  if (account === ctx.account) return;
  const own = account.startsWith('PL') ? account.slice(2) : account;
  ctx.account = account;
  ctx.own = /^\d{26}$/.test(own) ? own : '';
  ctx.routing = ctx.own.slice(2, 10);
}

/**
 * A virtual account the payer wrote or the bank printed in the :86: (e.g. in the title): a valid
 * NRB at the statement account's bank (same 8-digit routing number) that is neither the statement
 * account nor the payer's own account.
 */
function scan(t: string, payer: string | undefined, digits = 26): string | undefined {
  // An NRB is 26 digits: most titles have far fewer, and counting them is cheaper than the regex.
  if (t.length < 26 || digits < 26 || countDigits(t) < 26) return undefined;
  NRB_IN_TEXT.lastIndex = 0;
  for (let m = NRB_IN_TEXT.exec(t); m; m = NRB_IN_TEXT.exec(t)) {
    const nrb = m[0].replace(/^PL/, '').replace(/ /g, '');
    if (nrb === ctx.own || nrb.slice(2, 10) !== ctx.routing || (payer !== undefined && nrb === payer.replace(/^PL/, ''))) continue;
    if (isValidNrb(nrb)) return nrb;
  }
  return undefined;
}

/** Digits in `s`, counted up to 26 (an NRB's length). */
function countDigits(s: string, from = 0): number {
  let n = from;
  for (let i = 0; i < s.length && n < 26; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

function firstScan(values: readonly string[], payer: string | undefined): string | undefined {
  for (const v of values) {
    const hit = scan(v, payer);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Parses an entry's :86: value(s) — usually one; an entry whose :86: came twice passes both and
 * gets one info. Values are raw field text (lines separated by CR LF or LF).
 */
export function parseInfo(raws: readonly string[], statementAccount: string): EntryInfo {
  setStatementAccount(statementAccount);
  const sep = structuredSeparator(raws[0]);
  if (sep !== undefined && (raws.length === 1 || raws.every((r) => structuredSeparator(r) === sep))) {
    SRC = raws;
    clear();
    let code: string | undefined;
    for (let r = 0; r < raws.length; r++) {
      const c = collect(raws[r], 0, raws[r].length, sep, r);
      code ??= c;
    }
    return structured(raws.length, sep, code, raws.length === 1 ? raws[0] : raws.join('\n'));
  }
  // A structured first :86: with a different second one: text, but not searched for an account.
  return unstructured(raws.map((r) => joinLines(r)).join(' '), sep === undefined);
}

/** The info parseInfoIn() returns for a structured :86: (all its fields from the start: one shape). */
const SHARED: EntryInfo = { dialect: 'text', title: '', counterparty: {}, fee: false, details: {}, virtualAccount: undefined };

/**
 * parseInfo for the usual entry with one :86:, read where it lies in `s` (the file's text): no
 * copy of its parts. A structured :86:'s info is one object reused for every entry: read it
 * before the next call.
 */
export function parseInfoIn(s: string, from: number, to: number, statementAccount: string): EntryInfo {
  if (statementAccount !== ctx.account) setStatementAccount(statementAccount);
  const sep = structuredSeparator(s, from, to);
  if (sep === undefined) return unstructured(joinLines(s.slice(from, to)), true);
  ONE[0] = s;
  SRC = ONE;
  clear();
  const code = collect(s, from, to, sep, 0);
  return structuredOne(sep, code, s.slice(from, to), SHARED);
}

function unstructured(joined: string, scanned: boolean): EntryInfo {
  const info = labelled(joined) ?? { dialect: 'text', title: joined, counterparty: {}, fee: false, details: {} };
  if (scanned && !info.virtualAccount && ctx.own) {
    const va = scan(info.title, info.counterparty.account) ?? firstScan(Object.values(info.details), info.counterparty.account);
    if (va) info.virtualAccount = va;
  }
  return info;
}
