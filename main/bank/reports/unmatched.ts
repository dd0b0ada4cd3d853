// The unmatched payments of an import (issue 6, point 5): money in that no strategy tied to a
// premises — date, amount, payer, the payer's account, title and why — for the operator to assign,
// and apart from them the suggestions from payer history, which are not booked until confirmed.

import type { BankItemView } from '../../../shared/ipc/contract-bank';
import type { ReportColumn, ReportDoc, ReportTable } from '../../reports/model';
import { countAmount, currenciesOf, currencyNote, groupAccount, itemDate, runLines, sumOf, texts, type BankReportContext, type BankReportData } from './common';

function byDate(a: BankItemView, b: BankItemView): number {
  const d = itemDate(a).localeCompare(itemDate(b));
  return d !== 0 ? d : Number(a.statementKey) - Number(b.statementKey) || a.seq - b.seq;
}

/** Why nothing matched: the problems the matching left on the item, else the general reason. */
function reasonOf(item: BankItemView, fallback: string): string {
  const texts = item.problems.map((p) => `${p.message} (${p.code})`);
  return texts.length ? texts.join('\n') : fallback;
}

function paymentTable(items: BankItemView[], ctx: BankReportContext, last: ReportColumn, lastValue: (i: BankItemView) => string, emptyText: string): ReportTable {
  const { t } = texts(ctx.locale);
  const currencies = currenciesOf(items);
  const several = currencies.length > 1;
  const columns: ReportColumn[] = [
    { key: 'date', label: t('bankColDate'), kind: 'date', width: '11%' },
    { key: 'amount', label: t('bankColAmount'), kind: 'money', width: '12%' },
    ...(several ? [{ key: 'currency', label: t('bankColCurrency'), width: '6%', nowrap: true } satisfies ReportColumn] : []),
    { key: 'payer', label: t('bankColPayer'), width: several ? '15%' : '17%' },
    { key: 'payerAccount', label: t('bankColPayerAccount'), width: '18%' },
    { key: 'title', label: t('bankColTitle') },
    last,
  ];
  return {
    columns,
    rows: [...items].sort(byDate).map((i) => ({
      date: itemDate(i),
      amount: i.amount,
      currency: i.currency,
      payer: i.payerName ?? null,
      payerAccount: groupAccount(i.payerAccount) || null,
      title: i.title,
      [last.key]: lastValue(i),
    })),
    totals: items.length > 1 && !several ? { amount: sumOf(items.map((i) => i.amount)) } : undefined,
    emptyText,
  };
}

export function buildUnmatchedReport(data: BankReportData, ctx: BankReportContext): ReportDoc {
  const { locale } = ctx;
  const { t } = texts(locale);
  const unmatched = data.items.filter((i) => i.status === 'unmatched');
  const suggested = data.items.filter((i) => i.status === 'suggested');
  const currencies = currenciesOf([...unmatched, ...suggested]);
  const single = currencies.length <= 1;

  return {
    kind: 'bank-unmatched',
    title: t('bankUnmatchedTitle', { run: data.run.id }),
    organisation: ctx.organisation,
    period: data.run.period,
    operator: ctx.operator,
    printedAt: ctx.printedAt,
    locale,
    timeZone: ctx.timeZone,
    summary: [
      ...runLines(data, ctx),
      {
        label: t('bankUnmatchedCount'),
        value: single ? countAmount(locale, unmatched.length, sumOf(unmatched.map((i) => i.amount))) : String(unmatched.length),
      },
      {
        label: t('bankSuggestedCount'),
        value: single ? countAmount(locale, suggested.length, sumOf(suggested.map((i) => i.amount))) : String(suggested.length),
      },
    ],
    sections: [
      {
        heading: t('bankUnmatchedHeading'),
        note: [t('bankUnmatchedNote'), currencyNote(locale, currencies)].filter(Boolean).join(' '),
        table: paymentTable(
          unmatched,
          ctx,
          { key: 'reason', label: t('bankColReason'), width: '20%' },
          (i) => reasonOf(i, t('bankReasonNone')),
          t('bankNoUnmatched'),
        ),
      },
      {
        heading: t('bankSuggestedHeading'),
        table: paymentTable(
          suggested,
          ctx,
          { key: 'suggestion', label: t('bankColSuggestion'), width: '20%' },
          (i) => (i.suggestion ? [i.suggestion.accountNo, i.suggestion.reason].filter(Boolean).join('\n') : ''),
          t('bankNoSuggested'),
        ),
      },
    ],
  };
}
