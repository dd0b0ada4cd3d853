// The booked payments of an import per premises kind (issue 6, point 5; seed 002: residential and
// commercial premises go to the rent system apart): one list per kind with its total, then the
// totals of both kinds and the grand total — exact integer sums of the same amounts the output
// files carry. When the run's matched payments went to accounting (bank.deliver = accounting), a
// column says per payment whether accounting has it.

import { formatMoney, sumMinor } from '../../../shared/domain/money';
import { PREMISES_KINDS, type BankItemView, type BankPremisesKind } from '../../../shared/ipc/contract-bank';
import { formatCount, type ReportColumn, type ReportDoc, type ReportSection } from '../../reports/model';
import { countAmount, currenciesOf, currencyNote, itemDate, minor, runLines, texts, type BankReportContext, type BankReportData } from './common';

function byPremises(a: BankItemView, b: BankItemView): number {
  return (a.accountNo ?? '').localeCompare(b.accountNo ?? '', 'en', { numeric: true }) || itemDate(a).localeCompare(itemDate(b)) || a.seq - b.seq;
}

function accountingOf(item: BankItemView, ctx: BankReportContext): string {
  const { t } = texts(ctx.locale);
  const b = item.booking;
  if (!b) return t('bankBooking_none');
  return b.status === 'refused' ? t('bankBooking_refused', { message: b.message ?? '' }) : t(`bankBooking_${b.status}`);
}

function methodOf(item: BankItemView, ctx: BankReportContext): string {
  const { t, lookup } = texts(ctx.locale);
  if (!item.method) return '';
  if (item.method === 'operator') return item.assignedBy ? t('bankMethod_operator', { name: item.assignedBy }) : t('bankMethod_operatorAnon');
  return lookup('bankMethod_', item.method);
}

export function buildBookedReport(data: BankReportData, ctx: BankReportContext): ReportDoc {
  const { locale } = ctx;
  const { t } = texts(locale);
  // Booked = matched, whichever way: a suggestion counts once the operator confirmed it.
  const booked = data.items.filter((i) => i.status === 'matched' && i.premisesKind);
  const currencies = currenciesOf(booked);
  const several = currencies.length > 1;
  const ofKind = (kind: BankPremisesKind) => booked.filter((i) => i.premisesKind === kind);
  const toAccounting = booked.some((i) => i.booking);

  const columns: ReportColumn[] = [
    { key: 'date', label: t('bankColDate'), kind: 'date', width: '11%' },
    { key: 'accountNo', label: t('bankColAccountNo'), width: '14%', nowrap: true },
    { key: 'premises', label: t('bankColPremises'), width: toAccounting ? '19%' : '25%' },
    { key: 'payer', label: t('bankColPayer') },
    { key: 'method', label: t('bankColMethod'), width: '15%' },
    ...(toAccounting ? [{ key: 'accounting', label: t('bankColAccounting'), width: '14%' } satisfies ReportColumn] : []),
    ...(several ? [{ key: 'currency', label: t('bankColCurrency'), width: '6%', nowrap: true } satisfies ReportColumn] : []),
    { key: 'amount', label: t('bankColAmount'), kind: 'money', width: '13%' },
  ];

  const sections: ReportSection[] = PREMISES_KINDS.map((kind) => {
    const items = ofKind(kind).sort(byPremises);
    const total = sumMinor(items.map((i) => minor(i.amount)));
    return {
      heading: t(`bankBookedHeading_${kind}`),
      note: items.length && !several ? t('bankBookedNote', { count: formatCount(items.length, locale), amount: formatMoney(total, locale) }) : undefined,
      table: {
        columns,
        rows: items.map((i) => ({
          date: itemDate(i),
          accountNo: i.accountNo ?? '',
          premises: i.address ?? null,
          payer: i.payerName ?? null,
          method: methodOf(i, ctx),
          accounting: toAccounting ? accountingOf(i, ctx) : null,
          currency: i.currency,
          amount: i.amount,
        })),
        totals: items.length && !several ? { amount: total } : undefined,
        emptyText: t('bankNoBooked'),
      },
    };
  });

  // The grand total: per kind (and per currency when a run has several), then everything.
  const grandRows = PREMISES_KINDS.flatMap((kind) =>
    (several ? currencies : [currencies[0] ?? '']).map((currency) => {
      const items = ofKind(kind).filter((i) => !several || i.currency === currency);
      return { kind: t(`bankKind_${kind}`), currency, count: items.length, amount: sumMinor(items.map((i) => minor(i.amount))) };
    }),
  );
  sections.push({
    heading: t('bankGrandHeading'),
    note: currencyNote(locale, currencies),
    table: {
      columns: [
        { key: 'kind', label: t('bankColKind') },
        ...(several ? [{ key: 'currency', label: t('bankColCurrency'), width: '10%' } satisfies ReportColumn] : []),
        { key: 'count', label: t('bankColCount'), kind: 'count', width: '20%' },
        { key: 'amount', label: t('bankColAmount'), kind: 'money', width: '25%' },
      ],
      rows: grandRows,
      totals: several
        ? undefined
        : { count: booked.length, amount: sumMinor(grandRows.map((r) => r.amount)) },
    },
  });

  const kindLine = (kind: BankPremisesKind) => {
    const items = ofKind(kind);
    return several ? formatCount(items.length, locale) : countAmount(locale, items.length, sumMinor(items.map((i) => minor(i.amount))));
  };

  return {
    kind: 'bank-booked',
    title: t('bankBookedTitle', { run: data.run.id }),
    organisation: ctx.organisation,
    period: data.run.period,
    operator: ctx.operator,
    printedAt: ctx.printedAt,
    locale,
    timeZone: ctx.timeZone,
    summary: [
      ...runLines(data, ctx),
      { label: t('bankKind_residential'), value: kindLine('residential') },
      { label: t('bankKind_commercial'), value: kindLine('commercial') },
    ],
    sections,
  };
}
