// 1CClientBankExchange ("Клиент банка" ↔ 1C exchange, format 1.02/1.03), the statement export of
// Ukrainian (and other CIS) banks: `key=value` lines; a header (`Кодировка=Windows|DOS`, the
// period, `РасчСчет=` per account); per account a `СекцияРасчСчет … КонецРасчСчет` with
// `НачальныйОстаток`, `ВсегоПоступило`, `ВсегоСписано`, `КонечныйОстаток`; per payment a
// `СекцияДокумент=<kind> … КонецДокумента`; then `КонецФайла`. The keys stay Russian in Ukrainian
// 1C configurations too. A document's direction is read from the account it touches: paid to
// the section's `РасчСчет` → money in, paid from it → money out.

import type { Party, Statement, StatementEntry } from '../types';
import { parseUnsignedAmount } from './amounts';
import { fromDotted } from './dates';
import { isFeeText } from './fees';
import { cleanAccount, squeeze } from './pieces';
import type { Problems } from './problems';

interface Section {
  kind: 'account' | 'document';
  docKind?: string;
  line: number;
  fields: Map<string, string>;
}

function amountOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  let s = v.trim().replace(/\s/g, '');
  let neg = false;
  if (s.startsWith('-')) {
    neg = true;
    s = s.slice(1);
  }
  const a = parseUnsignedAmount(s, s.includes(',') ? ',' : '.');
  return a === undefined ? undefined : neg ? -a : a;
}


export function parseOneC(text: string, problems: Problems): Statement[] {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string[]>();
  const sections: Section[] = [];
  let cur: Section | undefined;
  let ended = false;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i].replace(/^\ufeff/, '');
    const line = raw.trim();
    if (line === '' || (i === 0 && line === '1CClientBankExchange')) continue;
    if (line === 'КонецФайла') {
      ended = true;
      break;
    }
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq).trim();
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (key === 'СекцияРасчСчет' || key === 'СекцияДокумент') {
      if (cur) problems.add('SAL-3014', { section: cur.kind === 'account' ? 'СекцияРасчСчет' : 'СекцияДокумент', line: cur.line }, { line: cur.line });
      cur = { kind: key === 'СекцияРасчСчет' ? 'account' : 'document', line: lineNo, fields: new Map() };
      if (value) cur.docKind = value;
      continue;
    }
    if (key === 'КонецРасчСчет' || key === 'КонецДокумента') {
      if (cur) sections.push(cur);
      cur = undefined;
      continue;
    }
    if (cur) {
      // A repeated key continues the value (some banks split long purposes over several lines).
      const prev = cur.fields.get(key);
      cur.fields.set(key, prev ? `${prev} ${value}` : value);
    } else {
      header.set(key, [...(header.get(key) ?? []), value]);
    }
  }
  if (cur) {
    problems.add('SAL-3014', { section: cur.kind === 'account' ? 'СекцияРасчСчет' : 'СекцияДокумент', line: cur.line }, { line: cur.line });
  } else if (!ended) {
    problems.add('SAL-3007', { statement: header.get('РасчСчет')?.[0] ?? '1C', line: lines.length }, { line: lines.length });
  }

  const statements: Array<Statement & { from?: string; to?: string }> = [];
  for (const s of sections.filter((x) => x.kind === 'account')) {
    const f = s.fields;
    const account = cleanAccount(f.get('РасчСчет')) ?? '';
    const from = fromDotted(f.get('ДатаНачала') ?? '');
    const to = fromDotted(f.get('ДатаКонца') ?? '') ?? from;
    const st: Statement & { from?: string; to?: string } = {
      format: '1c',
      id: `${account}/${f.get('ДатаНачала') ?? ''}-${f.get('ДатаКонца') ?? ''}`,
      account,
      currency: currencyOf(account),
      entries: [],
      check: { result: 'unavailable' },
      line: s.line,
    };
    if (from) st.from = from;
    if (to) st.to = to;
    if (!account) problems.add('SAL-3021', { statement: st.id, line: s.line }, { line: s.line });
    const opening = amountOf(f.get('НачальныйОстаток'));
    const closing = amountOf(f.get('КонечныйОстаток'));
    if (opening !== undefined) st.opening = { amount: opening, date: from ?? '', currency: st.currency };
    if (closing !== undefined) st.closing = { amount: closing, date: to ?? '', currency: st.currency };
    const credit = amountOf(f.get('ВсегоПоступило'));
    const debit = amountOf(f.get('ВсегоСписано'));
    if (credit !== undefined || debit !== undefined) {
      st.totals = {};
      if (credit !== undefined) st.totals.credit = credit;
      if (debit !== undefined) st.totals.debit = debit;
    }
    for (const [k, v, line] of [
      ['НачальныйОстаток', f.get('НачальныйОстаток'), s.line],
      ['КонечныйОстаток', f.get('КонечныйОстаток'), s.line],
      ['ВсегоПоступило', f.get('ВсегоПоступило'), s.line],
      ['ВсегоСписано', f.get('ВсегоСписано'), s.line],
    ] as const) {
      if (v !== undefined && v !== '' && amountOf(v) === undefined) problems.add('SAL-3009', { field: k, value: v, detail: '0.00' }, { line });
    }
    statements.push(st);
  }
  // A file of documents only: one statement per account named in the header, without balances.
  if (statements.length === 0) {
    for (const a of header.get('РасчСчет') ?? []) {
      const account = cleanAccount(a) ?? '';
      if (account) statements.push({ format: '1c', id: `${account}/${header.get('ДатаНачала')?.[0] ?? ''}-${header.get('ДатаКонца')?.[0] ?? ''}`, account, currency: currencyOf(account), entries: [], check: { result: 'unavailable' }, line: 1 });
    }
  }

  for (const d of sections.filter((x) => x.kind === 'document')) {
    const f = d.fields;
    const payer = cleanAccount(f.get('ПлательщикСчет') || f.get('ПлательщикРасчСчет'));
    const payee = cleanAccount(f.get('ПолучательСчет') || f.get('ПолучательРасчСчет'));
    const date = fromDotted(f.get('Дата') ?? '');
    const incoming = (st: Statement) => payee !== undefined && payee === st.account;
    const outgoing = (st: Statement) => payer !== undefined && payer === st.account;
    const day = (st: Statement) => (incoming(st) ? fromDotted(f.get('ДатаПоступило') ?? '') : fromDotted(f.get('ДатаСписано') ?? '')) ?? date;
    const inPeriod = (st: Statement & { from?: string; to?: string }) => {
      const dd = day(st);
      return !st.from || !st.to || !dd || (dd >= st.from && dd <= st.to);
    };
    const candidates = statements.filter((st) => incoming(st) || outgoing(st));
    const st = candidates.find(inPeriod) ?? candidates[0];
    const amount = amountOf(f.get('Сумма'));
    if (!st) {
      problems.add('SAL-3015', { number: f.get('Номер') ?? '?', date: f.get('Дата') ?? '?', payer: payer ?? '?', payee: payee ?? '?' }, { line: d.line, key: f.get('Номер') });
      continue;
    }
    const valueDate = day(st);
    if (amount === undefined || amount < 0 || !valueDate) {
      problems.add('SAL-3009', { field: amount === undefined || amount < 0 ? 'Сумма' : 'Дата', value: amount === undefined || amount < 0 ? (f.get('Сумма') ?? '') : (f.get('Дата') ?? ''), detail: amount === undefined ? '0.00' : 'DD.MM.YYYY' }, { line: d.line, key: f.get('Номер') });
      continue;
    }
    const isIn = incoming(st);
    const side = isIn ? 'Плательщик' : 'Получатель';
    const cp: Party = {};
    const name = f.get(`${side}1`) || stripTaxPrefix(f.get(side));
    if (name) cp.name = squeeze(name);
    const acc = isIn ? payer : payee;
    if (acc) cp.account = acc;
    const taxId = f.get(`${side}ОКПО`) || f.get(`${side}ИНН`) || f.get(`${side}ЄДРПОУ`);
    if (taxId) cp.taxId = taxId;
    const purpose = [f.get('НазначениеПлатежа'), ...[1, 2, 3, 4, 5, 6].map((k) => f.get(`НазначениеПлатежа${k}`))].filter(Boolean).join(' ');
    const e: StatementEntry = {
      seq: st.entries.length + 1,
      amount: isIn ? amount : -amount,
      currency: st.currency,
      valueDate,
      bookingDate: valueDate,
      mark: isIn ? 'C' : 'D',
      reversal: false,
      title: squeeze(purpose),
      counterparty: cp,
      line: d.line,
    };
    if (d.docKind) e.typeCode = d.docKind;
    const number = f.get('Номер');
    if (number) e.customerReference = number;
    e.bankReference = [f.get('Дата') ?? '', number ?? '', acc ?? ''].join('/');
    if (isFeeText(e.title, e.amount)) e.fee = true;
    const details: Record<string, string> = {};
    for (const [k, v] of f) if (v) details[k] = v;
    e.details = details;
    st.entries.push(e);
  }
  return statements.map(({ from: _f, to: _t, ...st }) => st);
}

/** `Плательщик=ИНН 1234567890 ТОВ "Ромашка"` — the name without its tax-number prefix. */
function stripTaxPrefix(s: string | undefined): string | undefined {
  return s?.replace(/^\s*(ИНН|ІПН|ЕДРПОУ|ЄДРПОУ)\s*\d+\s*/i, '') || undefined;
}

/** UA IBANs are hryvnia accounts unless told otherwise; 1C statements carry no currency field. */
function currencyOf(account: string): string {
  if (account.startsWith('UA')) return 'UAH';
  if (/^\d{20}$/.test(account)) {
    const code = account.slice(5, 8); // RU/BY-style account: digits 6–8 are the currency (810/643 RUB)
    return code === '840' ? 'USD' : code === '978' ? 'EUR' : code === '980' ? 'UAH' : 'RUB';
  }
  return 'UAH';
}
