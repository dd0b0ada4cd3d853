// The demo's bank statements (issue 6 point 7): statement files for the demo premises in the
// workspace's statements folder, so the first `saldo cycle` (or an import in the window) shows
// matching at work. Deterministic from the seed; premises, virtual accounts and the cooperative's
// own account are read from the generated accounting database.
//
// Polish demo: an MT940 from mBank (Windows-1250, labelled :86: with `ID IPH:` carrying the virtual
// account) and a camt.053.001.02 (UTF-8) of a second account at the same bank, whose payments name
// the virtual account as CdtrAcct. Ukrainian demo: a 1CClientBankExchange file (Windows-1251,
// `Кодировка=Windows`; Ukrainian payers write the account number in the purpose) and a camt.053
// with virtual UA IBANs. Between them: payments by virtual account (one commercial premises), by
// the account number in the title, a payer's second payment that becomes a suggestion, a payment
// to the planted bad-checksum virtual account, payments nobody can place, one reversal, a bank fee
// and an outgoing payment. Every statement's balances add up.

import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountRow, ProviderRow } from '../../shared/domain/accounting';
import { isValidIban, isValidNrb, makeNrb, makeUaIban } from '../../shared/domain/iban';
import { toDecimalString } from '../../shared/domain/money';
import { addMonths } from '../../shared/domain/period';
import { SqliteAccountingGateway } from '../accounting/sqlite/gateway';
import type { DemoFeatureInput } from '../demo/workspace';
import { Prng } from '../demo/prng';

interface Payment {
  amount: number; // minor units, signed as booked
  title: string;
  payer: { name: string; account: string; address?: string };
  /** The virtual account (or id) the payer used. */
  virtual?: string;
  reversal?: boolean;
  fee?: boolean;
  ref: string;
  day: string; // YYYY-MM-DD
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const commaAmount = (minor: number) => toDecimalString(Math.abs(minor)).replace('.', ',');
const dotAmount = (minor: number) => toDecimalString(Math.abs(minor));
const yymmdd = (d: string) => d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
const sum = (ps: Payment[]) => ps.reduce((t, p) => t + p.amount, 0);

/**
 * SWIFT lines are at most 65 characters: the :86: text is wrapped at a space (the parser joins a
 * shorter line with a space), so no continuation line starts with ":" or "-" like a tag would.
 */
function wrap65(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > 65) {
    // A line cut at a space stays under 65 characters: a full line would be joined without one.
    let cut = rest.lastIndexOf(' ', 64);
    if (cut <= 0) cut = 65;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  out.push(rest);
  return out;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function readDemo(input: DemoFeatureInput): Promise<{ accounts: AccountRow[]; providers: ProviderRow[] }> {
  const gw = SqliteAccountingGateway.open(input.accountingFile);
  try {
    const accounts: AccountRow[] = [];
    for await (const r of gw.export('export_accounts', { period: input.period })) accounts.push(r);
    const providers: ProviderRow[] = [];
    for await (const r of gw.export('export_providers', { period: input.period })) providers.push(r);
    return { accounts, providers };
  } finally {
    await gw.close();
  }
}

const PL_PAYERS = ['Jan Kowalski', 'Anna Nowak', 'Piotr Wiśniewski', 'Małgorzata Wójcik', 'Krzysztof Kamiński', 'Zofia Lewandowska', 'Łukasz Zieliński', 'Katarzyna Szymańska', 'Grzegorz Woźniak', 'Elżbieta Dąbrowska'];
const UA_PAYERS = ['Іваненко Петро Іванович', 'Коваленко Ольга Миколаївна', 'Шевченко Тарас Григорович', 'Бондаренко Марія Степанівна', 'Ткаченко Юрій Олексійович', 'Кравченко Ірина Василівна', 'Олійник Євген Петрович', 'Мельник Ганна Іллівна', 'Поліщук Ґеник Андрійович', 'Лисенко Оксана Юріївна'];

export async function writeDemoStatements(input: DemoFeatureInput): Promise<void> {
  const { accounts, providers } = await readDemo(input);
  const rng = new Prng(`${input.seed}:bank`);
  const pl = input.locale === 'pl';
  const org = providers.find((p) => p.provider_code === 'P01');
  const supplier = providers.find((p) => p.provider_code !== 'P01');
  if (!org || !supplier) return;
  const valid = (va: string) => (pl ? isValidNrb(va) : isValidIban(va));
  const usable = accounts.filter((a) => a.account_no && a.status === 'active' && valid(a.virtual_account));
  const residential = usable.filter((a) => a.premises_kind === 'residential');
  const commercial = usable.filter((a) => a.premises_kind === 'commercial');
  const badChecksum = accounts.find((a) => a.account_no && a.virtual_account && !valid(a.virtual_account));
  if (residential.length < 12) return; // too small a demo to show anything

  // Statements for the first days of the month after the last generated period (rent paid for it).
  const next = addMonths(input.period, 1);
  const day = (d: number) => `${next}-${pad(d, 2)}`;
  const payers = pl ? PL_PAYERS : UA_PAYERS;
  const payerAccount = () => (pl ? makeNrb('10205558', rng.digits(16)) : makeUaIban('305299', '2620' + rng.digits(15)));
  const amount = () => rng.int(180, 950) * 100 + rng.pick([0, 0, 50, 17, 99]);
  const step = Math.max(1, Math.floor(residential.length / 12));
  const picks = residential.filter((_, i) => i % step === 0).slice(0, 12);
  let ref = rng.int(100000, 899999);
  const nextRef = (p: string) => `${p}${pad(++ref, 9)}`;
  const rentTitle = (a: AccountRow) => (pl ? `CZYNSZ ${input.period.slice(5)}/${input.period.slice(0, 4)} LOKAL ${a.account_no}` : `Оплата за ${input.period.slice(5)}.${input.period.slice(0, 4)}, о/р ${a.account_no}`);
  const plainTitle = () => (pl ? rng.pick(['WPŁATA', 'OPŁATA ZA MIESZKANIE', 'CZYNSZ']) : rng.pick(['Оплата послуг', 'Квартплата', 'Комунальні послуги']));

  // ---- statement A: the virtual accounts, the title, history, the checksum defect, unmatched, reversal, fee, outgoing
  const a: Payment[] = [];
  const repeatPayer = { name: payers[0], account: payerAccount() };
  for (let i = 0; i < 6; i++) {
    const p = picks[i];
    const payer = i === 0 ? repeatPayer : { name: payers[i % payers.length], account: payerAccount() };
    // 1C files carry no virtual account: Ukrainian payers write the account number in the purpose.
    if (pl) a.push({ amount: amount(), title: `OPŁATA ZA LOKAL ${input.period.slice(5)}/${input.period.slice(0, 4)}`, payer, virtual: p.virtual_account, ref: nextRef('A'), day: day(2) });
    else a.push({ amount: amount(), title: rentTitle(p), payer, ref: nextRef('A'), day: day(2) });
  }
  for (let i = 6; i < 8; i++) a.push({ amount: amount(), title: rentTitle(picks[i]), payer: { name: payers[i], account: payerAccount() }, ref: nextRef('A'), day: day(2) });
  // The repeat payer pays again without a virtual account or number: a suggestion, not a booking.
  a.push({ amount: amount(), title: plainTitle(), payer: repeatPayer, ref: nextRef('A'), day: day(3) });
  if (badChecksum) a.push({ amount: amount(), title: plainTitle(), payer: { name: payers[8], account: payerAccount() }, virtual: badChecksum.virtual_account, ref: nextRef('A'), day: day(3) });
  a.push({ amount: amount(), title: plainTitle(), payer: { name: payers[9], account: payerAccount() }, ref: nextRef('A'), day: day(3) });
  // The bank takes back one of the payments (a reversal of a credit, MT940 RC): money out, against the same premises.
  if (pl) a.push({ amount: -a[1].amount, title: `ZWROT: ${a[1].title}`, payer: a[1].payer, virtual: a[1].virtual, reversal: true, ref: nextRef('A'), day: day(3) });
  a.push({ amount: -rng.int(15, 45) * 100, title: pl ? 'OPŁATA ZA PROWADZENIE RACHUNKU' : 'Комісія банку за РКО', payer: { name: '', account: '' }, fee: true, ref: nextRef('A'), day: day(3) });
  a.push({ amount: -rng.int(8000, 20000) * 100, title: pl ? `FAKTURA ${rng.digits(6)}/${input.period.slice(0, 4)}` : `Оплата за рахунком ${rng.digits(6)}`, payer: { name: supplier.name, account: supplier.account }, ref: nextRef('A'), day: day(3) });

  // ---- statement B (camt.053): virtual accounts incl. commercial premises, a batch, one unmatched
  const b: Payment[] = [];
  for (let i = 8; i < 12; i++) b.push({ amount: amount(), title: rentTitle(picks[i]).replace(/ (LOKAL|о\/р) .*/, ''), payer: { name: payers[i % payers.length], account: payerAccount() }, virtual: picks[i].virtual_account, ref: nextRef('B'), day: day(3) });
  const batchFrom = b.length;
  for (const c of commercial.slice(0, 2)) b.push({ amount: rng.int(1500, 6000) * 100, title: pl ? `NAJEM LOKALU UŻYTKOWEGO ${input.period}` : `Оренда нежитлового приміщення ${input.period}`, payer: { name: c.owner_name, account: payerAccount() }, virtual: c.virtual_account, ref: nextRef('B'), day: day(3) });
  const batchEnd = b.length;
  b.push({ amount: amount(), title: plainTitle(), payer: { name: payers[3], account: payerAccount() }, ref: nextRef('B'), day: day(4) });
  // Ukrainian demo: the reversal is in the camt (DBIT with RvslInd), of the first payment there.
  if (!pl) b.push({ amount: -b[0].amount, title: `Повернення: ${b[0].title}`, payer: b[0].payer, virtual: b[0].virtual, reversal: true, ref: nextRef('B'), day: day(4) });

  const openingA = rng.int(50_000, 250_000) * 100;
  const openingB = rng.int(10_000, 60_000) * 100;
  const secondAccount = pl ? makeNrb(org.account.slice(2, 10), '9' + rng.digits(15)) : makeUaIban(org.account.slice(4, 10), '2600' + rng.digits(15));
  const orgIban = pl ? `PL${org.account}` : org.account;
  const nextIban = pl ? `PL${secondAccount}` : secondAccount;

  if (pl) {
    writeFileSync(join(input.dir, 'statements', `mbank-${day(3)}.sta`), iconv.encode(mt940(orgIban, a, openingA, day(1), day(3)), 'windows-1250'));
  } else {
    writeFileSync(join(input.dir, 'statements', `1c-${day(3)}.txt`), iconv.encode(oneC(org.account, a, openingA, day(2), day(3)), 'windows-1251'));
  }
  // The commercial rents come as one batch entry (split into its transactions by the parser).
  const groups = [...b.slice(0, batchFrom).map((p) => [p]), b.slice(batchFrom, batchEnd), ...b.slice(batchEnd).map((p) => [p])].filter((g) => g.length > 0);
  writeFileSync(join(input.dir, 'statements', `camt053-${day(4)}.xml`), camt053(nextIban, groups, openingB, day(3), day(4), pl ? 'PLN' : 'UAH', input.seed));
}

// ---- MT940 (mBank CompanyNet layout: :86: labelled text with ID IPH) ----

function mt940(account: string, ps: Payment[], opening: number, openDay: string, closeDay: string): string {
  const lines: string[] = [];
  const closing = opening + sum(ps);
  lines.push(`:20:ST${yymmdd(closeDay)}CYC/1`, `:25:${account}`, `:28C:${pad(Number(closeDay.slice(8)) + 200, 5)}/1`);
  lines.push(`:60F:C${yymmdd(openDay)}PLN${commaAmount(opening)}`);
  for (const p of ps) {
    const mark = p.reversal ? (p.amount < 0 ? 'RC' : 'RD') : p.amount >= 0 ? 'C' : 'D';
    const type = p.fee ? 'NCHG' : 'NTRF';
    lines.push(`:61:${yymmdd(p.day)}${p.day.slice(5, 7)}${p.day.slice(8, 10)}${mark}${commaAmount(p.amount)}${type}NONREF//${p.ref}`);
    const parts: string[] = [];
    if (p.fee) parts.push('OPŁATA BANKOWA', `TYTUŁ: ${p.title}`);
    else if (p.amount >= 0 || p.reversal) {
      parts.push(p.reversal ? 'ZWROT PRZELEWU' : 'PRZELEW PRZYCHODZĄCY');
      parts.push(`ID IPH: ${p.virtual ?? ''}`);
      parts.push(`NADAWCA: ${p.payer.name.toUpperCase()}`, `TYTUŁ: ${p.title}`, `RACHUNEK NADAWCY: ${p.payer.account}`);
    } else parts.push('PRZELEW WYCHODZĄCY', `ODBIORCA: ${p.payer.name.toUpperCase()}`, `TYTUŁ: ${p.title}`, `RACHUNEK ODBIORCY: ${p.payer.account}`);
    // Two spaces between labels, as mBank writes them.
    const text = parts.join('  ');
    const wrapped = wrap65(text);
    lines.push(`:86:${wrapped[0]}`, ...wrapped.slice(1));
  }
  lines.push(`:62F:${closing >= 0 ? 'C' : 'D'}${yymmdd(closeDay)}PLN${commaAmount(closing)}`);
  lines.push(`:64:${closing >= 0 ? 'C' : 'D'}${yymmdd(closeDay)}PLN${commaAmount(closing)}`);
  lines.push('-');
  return lines.join('\r\n') + '\r\n';
}

// ---- 1CClientBankExchange (Windows-1251) ----

function oneC(account: string, ps: Payment[], opening: number, from: string, to: string): string {
  const d = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
  const credit = ps.filter((p) => p.amount > 0 && !p.reversal).reduce((t, p) => t + p.amount, 0);
  const debit = ps.filter((p) => p.amount < 0 || p.reversal).reduce((t, p) => t + Math.abs(p.amount), 0);
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.02',
    'Кодировка=Windows',
    'Отправитель=Бухгалтерия',
    'Получатель=',
    `ДатаСоздания=${d(to)}`,
    `ДатаНачала=${d(from)}`,
    `ДатаКонца=${d(to)}`,
    `РасчСчет=${account}`,
    'СекцияРасчСчет',
    `ДатаНачала=${d(from)}`,
    `ДатаКонца=${d(to)}`,
    `РасчСчет=${account}`,
    `НачальныйОстаток=${dotAmount(opening)}`,
    `ВсегоПоступило=${dotAmount(credit)}`,
    `ВсегоСписано=${dotAmount(debit)}`,
    `КонечныйОстаток=${dotAmount(opening + credit - debit)}`,
    'КонецРасчСчет',
  ];
  let no = 100;
  for (const p of ps) {
    // 1C lists a returned payment as an outgoing document back to the payer.
    const incoming = p.amount > 0 && !p.reversal;
    lines.push('СекцияДокумент=Платежное поручение', `Номер=${++no}`, `Дата=${d(p.day)}`, `Сумма=${dotAmount(p.amount)}`);
    const payer = incoming ? { acc: p.payer.account, name: p.payer.name } : { acc: account, name: 'ОСББ' };
    const payee = incoming ? { acc: account, name: 'ОСББ' } : { acc: p.payer.account || 'UA000000000000000000000000000', name: p.payer.name || 'Банк' };
    lines.push(`ПлательщикСчет=${payer.acc}`, `Плательщик=${payer.name}`, `Плательщик1=${payer.name}`);
    lines.push(`ПолучательСчет=${payee.acc}`, `Получатель=${payee.name}`, `Получатель1=${payee.name}`);
    lines.push(incoming ? `ДатаПоступило=${d(p.day)}` : `ДатаСписано=${d(p.day)}`);
    lines.push(`НазначениеПлатежа=${p.title}`, 'КонецДокумента');
  }
  lines.push('КонецФайла');
  return lines.join('\r\n') + '\r\n';
}

// ---- camt.053.001.02 (UTF-8) ----

/** `groups`: one entry per group; a group of several payments is a batch entry split into its TxDtls. */
function camt053(account: string, groups: Payment[][], opening: number, openDay: string, closeDay: string, ccy: string, seed: string): string {
  const closing = opening + sum(groups.flat());
  const bal = (cd: string, minor: number, date: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${cd}</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${dotAmount(minor)}</Amt><CdtDbtInd>${minor >= 0 ? 'CRDT' : 'DBIT'}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
  const tx = (p: Payment) =>
    `<TxDtls><Refs><EndToEndId>${p.ref}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="${ccy}">${dotAmount(p.amount)}</Amt></TxAmt></AmtDtls>` +
    `<RltdPties><Dbtr><Nm>${xml(p.payer.name)}</Nm></Dbtr><DbtrAcct><Id><IBAN>${p.payer.account.startsWith('UA') ? p.payer.account : `PL${p.payer.account}`}</IBAN></Id></DbtrAcct>` +
    (p.virtual ? `<CdtrAcct><Id><IBAN>${p.virtual.startsWith('UA') ? p.virtual : `PL${p.virtual}`}</IBAN></Id></CdtrAcct>` : '') +
    `</RltdPties><RmtInf><Ustrd>${xml(p.title)}</Ustrd></RmtInf></TxDtls>`;
  const entry = (amount: number, ref: string, date: string, txs: Payment[]) =>
    `<Ntry><Amt Ccy="${ccy}">${dotAmount(amount)}</Amt><CdtDbtInd>${amount >= 0 ? 'CRDT' : 'DBIT'}</CdtDbtInd>${txs[0].reversal ? '<RvslInd>true</RvslInd>' : ''}<Sts>BOOK</Sts>` +
    `<BookgDt><Dt>${date}</Dt></BookgDt><ValDt><Dt>${date}</Dt></ValDt><AcctSvcrRef>${ref}</AcctSvcrRef>` +
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>${txs.length > 1 ? 'BOOK' : 'DMCT'}</SubFmlyCd></Fmly></Domn></BkTxCd>` +
    `<NtryDtls>${txs.length > 1 ? `<Btch><NbOfTxs>${txs.length}</NbOfTxs></Btch>` : ''}${txs.map(tx).join('')}</NtryDtls></Ntry>`;
  const entries = groups.map((g) => (g.length === 1 ? entry(g[0].amount, g[0].ref, g[0].day, g) : entry(sum(g), `${g[0].ref}B`, g[0].day, g)));
  const id = `STMT-${closeDay.replace(/-/g, '')}-${seed.length}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">',
    '<BkToCstmrStmt>',
    `<GrpHdr><MsgId>MSG-${closeDay.replace(/-/g, '')}</MsgId><CreDtTm>${closeDay}T06:00:00+00:00</CreDtTm></GrpHdr>`,
    `<Stmt><Id>${id}</Id><ElctrncSeqNb>${Number(closeDay.slice(8)) + 300}</ElctrncSeqNb><CreDtTm>${closeDay}T06:00:00+00:00</CreDtTm>`,
    `<Acct><Id><IBAN>${account}</IBAN></Id><Ccy>${ccy}</Ccy></Acct>`,
    bal('OPBD', opening, openDay),
    bal('CLBD', closing, closeDay),
    `<TxsSummry><TtlNtries><NbOfNtries>${entries.length}</NbOfNtries></TtlNtries></TxsSummry>`,
    ...entries,
    '</Stmt>',
    '</BkToCstmrStmt>',
    '</Document>',
    '',
  ].join('\n');
}
