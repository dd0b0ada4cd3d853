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

/** Turns raw (possibly Latin-1 viewed) text into characters; identity for decoded input. */
export type TextOf = (s: string) => string;
const identity: TextOf = (s) => s;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A structured :86:: `[NNN]<sep>NN…` (leading line breaks allowed). */
function structuredSeparator(s: string): string | undefined {
  let i = 0;
  while (i < 3 && i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i !== 0 && i !== 3) return undefined;
  while (s.charCodeAt(i) === 13 || s.charCodeAt(i) === 10) i++;
  const sep = s[i];
  if (sep === undefined || DIALECT_BY_SEPARATOR[sep] === undefined) return undefined;
  return isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) ? sep : undefined;
}

/**
 * Subfield keys as the file writes them ("~20", "<32"), made once per separator. Not "20": an
 * array-index key makes V8 give every entry's details a 40–64-slot elements store.
 */
const KEYS: Record<string, string[]> = Object.fromEntries(
  Object.keys(DIALECT_BY_SEPARATOR).map((sep) => [sep, Array.from({ length: 100 }, (_, i) => sep + String(i).padStart(2, '0'))]),
);

/** The value between `from` and `to` without the line break(s) before the next separator. */
function valueOf(s: string, from: number, to: number, text: TextOf): string {
  while (to > from) {
    const c = s.charCodeAt(to - 1);
    if (c !== 10 && c !== 13) break;
    to--;
  }
  const v = s.slice(from, to);
  // A break inside a value is the 65-char line wrap: the text runs on.
  return text(v.indexOf('\n') < 0 ? v : v.replace(/\r?\n/g, ''));
}

/**
 * The operation code and description repeat entry after entry ("020", "PRZELEW PRZYCHODZĄCY"):
 * reuse the previous entry's string when equal, so 100,000 entries hold one copy, not 100,000.
 */
const LAST: Record<string, string> = {};
function same(key: string, v: string): string {
  const prev = LAST[key];
  if (prev === v) return prev;
  LAST[key] = v;
  return v;
}

// Scratch space for the :86: being read (numbers and values of its subfields; -1 separates the
// values of a second :86: of the same entry). Reused for every entry: no per-entry arrays.
const NUMS: number[] = [];
const VALS: string[] = [];
const FULL: boolean[] = [];
const LONG: string[] = [];
const ONE: string[] = [''];

/**
 * `[NNN]<sep>NNvalue<sep>NNvalue…` → NUMS/VALS; returns the leading code. A separator counts only
 * when followed by two digits AND its number is above the previous one: the layouts list
 * subfields in ascending order, so "+10%" inside a Nordea title stays text.
 */
function collect(s: string, sep: string, text: TextOf): string | undefined {
  const first = s.indexOf(sep);
  let code: string | undefined;
  if (first > 0) code = same('code', valueOf(s, 0, first, text).trim()) || undefined;
  let last = -1;
  let from = -1;
  for (let i = first; i >= 0 && i < s.length; i = s.indexOf(sep, i + 1)) {
    const d1 = s.charCodeAt(i + 1);
    const d2 = s.charCodeAt(i + 2);
    if (!isDigit(d1) || !isDigit(d2)) continue;
    const num = (d1 - 48) * 10 + (d2 - 48);
    if (num <= last) continue;
    if (from >= 0) {
      NUMS.push(last);
      VALS.push(valueOf(s, from, i, text));
    }
    last = num;
    from = i + 3;
  }
  if (from >= 0) {
    NUMS.push(last);
    VALS.push(valueOf(s, from, s.length, text));
  }
  return code;
}

/** Values of subfields `lo`…`hi` of set `set`, in order. */
function range(set: number, lo: number, hi: number, into: string[] = []): string[] {
  let k = 0;
  for (let i = 0; i < NUMS.length; i++) {
    const n = NUMS[i];
    if (n === -1) {
      k++;
      continue;
    }
    if (k === set && n >= lo && n <= hi) into.push(VALS[i]);
  }
  return into;
}

/**
 * joinPieces over subfields `lo`…`hi` of set `set` (and `lo2`…`hi2` after them), straight from the
 * scratch arrays: the common case — one :86: — allocates no array.
 */
function joinRange(set: number, lo: number, hi: number, lo2 = -1, hi2 = -1): string {
  let n = 0;
  let only = '';
  let k = 0;
  for (let i = 0; i < NUMS.length; i++) {
    const num = NUMS[i];
    if (num === -1) {
      k++;
      continue;
    }
    if (k === set && ((num >= lo && num <= hi) || (num >= lo2 && num <= hi2))) {
      if (n++ === 0) only = VALS[i];
      else {
        const parts = range(set, lo, hi);
        if (lo2 >= 0) range(set, lo2, hi2, parts);
        return joinPieces(parts, 27);
      }
    }
  }
  return n === 0 ? '' : squeeze(only);
}

function valueIn(set: number, num: number): string | undefined {
  let k = 0;
  for (let i = 0; i < NUMS.length; i++) {
    if (NUMS[i] === -1) k++;
    else if (k === set && NUMS[i] === num) return VALS[i];
  }
  return undefined;
}


/**
 * The structured dialects. Title, name, address and the payer's account become the entry's own
 * fields; `details` keeps the other subfields under the file's own keys ("~00", "<34", …) and the
 * raw :86: under ":86:", so an operator can always see what the bank wrote.
 */
function structured(raws: readonly string[], sep: string, text: TextOf): EntryInfo {
  NUMS.length = 0;
  VALS.length = 0;
  let code: string | undefined;
  for (let r = 0; r < raws.length; r++) {
    if (r > 0) {
      NUMS.push(-1);
      VALS.push('');
    }
    const c = collect(raws[r], sep, text);
    code ??= c;
  }
  const sets = raws.length;
  const titlePieces: string[] = [];
  const titleFull = FULL;
  titleFull.length = 0;
  let address = '';
  let addressSet = -1;
  for (let k = 0; k < sets; k++) {
    const before = titlePieces.length;
    range(k, 20, 26, titlePieces);
    // 60–63 carry the rest of a title that did not fit 20–26 (the German layout's continuation);
    // when the title block was not full, 62–63 are the counterparty's address.
    const full = titlePieces.length > before && titlePieces[titlePieces.length - 1].length >= 27;
    titleFull.push(full);
    if (full) range(k, 60, 63, titlePieces);
    if (!address) {
      address = full ? joinRange(k, 29, 29) : joinRange(k, 29, 29, 62, 63);
      if (address) addressSet = k;
    }
  }
  const counterparty: Party = {};
  let name = '';
  for (let k = 0; k < sets && !name; k++) name = joinRange(k, 32, 33) || joinRange(k, 27, 28);
  if (name) counterparty.name = name;
  if (address) counterparty.address = address;
  for (let k = 0; k < sets && !counterparty.account; k++) {
    const acc = counterpartyAccount(valueIn(k, 38), valueIn(k, 30), valueIn(k, 31));
    if (acc) counterparty.account = acc;
  }

  const keys = KEYS[sep];
  const dialect = DIALECT_BY_SEPARATOR[sep];
  const details: Record<string, string> = {};
  if (code) details.code = code;
  const longValues = LONG;
  longValues.length = 0;
  let k = 0;
  for (let i = 0; i < NUMS.length; i++) {
    const n = NUMS[i];
    if (n === -1) {
      k++;
      continue;
    }
    const shown =
      (n >= 20 && n <= 28) || (n >= 30 && n <= 33) || n === 38 || (n >= 60 && n <= 63 && titleFull[k]) || (k === addressSet && (n === 29 || ((n === 62 || n === 63) && !titleFull[k])));
    if (shown) continue;
    const key = keys[n];
    const v = n === 0 ? same(key, VALS[i]) : VALS[i];
    details[key] = details[key] === undefined ? v : `${details[key]} ${v}`;
    if (v.length >= 26) longValues.push(v);
  }
  details[':86:'] = text(raws.length === 1 ? raws[0] : raws.join('\n'));
  const desc00 = details[keys[0]];
  const info: EntryInfo = { dialect, title: joinPieces(titlePieces, 27), counterparty, fee: desc00 !== undefined && FEE_WORDS.test(desc00), details };
  // Only the title and the subfields kept in details can name a virtual account (not 30/31/38).
  if (ctx.own) {
    const va = scan(info.title, counterparty.account) ?? (longValues.length ? firstScan(longValues, counterparty.account) : undefined);
    if (va) info.virtualAccount = va;
  }
  return info;
}

function counterpartyAccount(f38: string | undefined, f30: string | undefined, f31: string | undefined): string | undefined {
  const iban = cleanAccount(f38);
  if (iban) return iban;
  const bank = cleanAccount(f30);
  const acc = cleanAccount(f31);
  if (acc && bank && /^\d{8}$/.test(bank) && /^\d{16}$/.test(acc)) return makeNrb(bank, acc);
  return acc;
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
function scan(t: string, payer: string | undefined): string | undefined {
  if (t.length < 26) return undefined;
  NRB_IN_TEXT.lastIndex = 0;
  for (let m = NRB_IN_TEXT.exec(t); m; m = NRB_IN_TEXT.exec(t)) {
    const nrb = m[0].replace(/^PL/, '').replace(/ /g, '');
    if (nrb === ctx.own || nrb.slice(2, 10) !== ctx.routing || (payer !== undefined && nrb === payer.replace(/^PL/, ''))) continue;
    if (isValidNrb(nrb)) return nrb;
  }
  return undefined;
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
 * gets one info. Values are raw field text (lines separated by CR LF or LF); `text` decodes.
 */
/** parseInfo for the usual entry with one :86: (no array per entry). */
export function parseInfo1(raw: string, statementAccount: string, text: TextOf = identity): EntryInfo {
  ONE[0] = raw;
  return parseInfo(ONE, statementAccount, text);
}

export function parseInfo(raws: readonly string[], statementAccount: string, text: TextOf = identity): EntryInfo {
  setStatementAccount(statementAccount);
  const sep = structuredSeparator(raws[0]);
  let info: EntryInfo;
  if (sep !== undefined && (raws.length === 1 || raws.every((r) => structuredSeparator(r) === sep))) {
    info = structured(raws, sep, text);
  } else {
    const joined = raws.map((r) => joinLines(text(r))).join(' ');
    info = labelled(joined) ?? { dialect: 'text', title: joined, counterparty: {}, fee: false, details: {} };
  }
  if (sep === undefined && !info.virtualAccount && ctx.own) {
    const va = scan(info.title, info.counterparty.account) ?? firstScan(Object.values(info.details), info.counterparty.account);
    if (va) info.virtualAccount = va;
  }
  return info;
}
