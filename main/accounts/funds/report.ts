// The printed collected-funds report (seed 001's table "Наименование / Сумма поступлений / % к общ. /
// к начисл. / код ОКПО / МФО / р/счёт / Банк"): one line per provider with its tax code, bank and
// account, the overpayments line, the totals; then the same money by service, and the rule the
// money was allocated by. Built from what the funds run stored (store.ts), never recomputed.

import { formatMoney } from '../../../shared/domain/money';
import type { Locale } from '../../../shared/domain/types';
import { fail } from '../../../shared/errors/problem';
import { reportText, type ReportTextKey } from '../../../shared/i18n/reports';
import type { Workspace } from '../../engine/workspace';
import { formatCount, formatReportPeriod, type ReportDoc } from '../../reports/model';
import type { ReportInput } from '../../reports/registry';
import { formatBp, ratioBp } from './allocate';
import { premisesTimeZone } from '../payments/facts';
import { FundsStore, type FundsData } from './store';

/** The stored run, or SAL-4174 when the run is not a collected-funds run. */
export function fundsOfRun(ws: Workspace, runId: number): FundsData {
  const data = new FundsStore(ws.db).load(runId);
  if (!data) fail('SAL-4174', ws.locale(), { runId });
  return data;
}

/** An account number as printed on bills: NRB "12 3456 7890 …", IBAN "UA12 3456 …" — readable, and it wraps between groups. */
export function groupAccount(account: string): string {
  const s = account.replace(/\s+/g, '');
  if (/^\d{26}$/.test(s)) return `${s.slice(0, 2)} ${s.slice(2).replace(/(.{4})(?=.)/g, '$1 ')}`;
  if (/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s)) return s.replace(/(.{4})(?=.)/g, '$1 ');
  return account;
}

export function buildFundsReport(data: FundsData, input: ReportInput, ws: Workspace): ReportDoc {
  const { locale } = input;
  const t = (key: ReportTextKey, params?: Record<string, string | number>) => reportText(locale, key, params);
  const r = data.run;
  const pct = (bp: number | null) => (bp === null ? '—' : formatBp(bp, locale as Locale));
  const money = (minor: number) => `${formatMoney(minor, locale)} ${r.currency}`;
  const providerName = (l: FundsData['lines'][number]) =>
    l.kind === 'overpayment' ? t('fundsOverpaymentLine') : l.name ? `${l.name} (${l.provider_code})` : t('fundsUnknownProvider', { code: l.provider_code ?? '—' });
  const showLines = data.lines.filter((l) => l.kind === 'provider' || l.collected !== 0);

  return {
    kind: 'funds',
    title: t('fundsTitle'),
    organisation: input.organisation,
    period: r.period,
    operator: input.operator,
    printedAt: input.printedAt,
    locale,
    timeZone: input.timeZone ?? premisesTimeZone(ws),
    summary: [
      { label: t('fundsCollectedIn'), value: formatReportPeriod(r.period, locale) },
      { label: t('fundsBasis'), value: formatReportPeriod(r.basis, locale) },
      { label: t('fundsCollectedTotal'), value: money(r.collected) },
      { label: t('fundsChargedTotal'), value: money(r.charged) },
      { label: t('fundsPortal'), value: money(r.portal) },
      { label: t('fundsBank'), value: money(r.bank) },
      { label: t('fundsPaymentsCount'), value: formatCount(r.payments, locale) },
      { label: t('fundsPayers'), value: formatCount(r.premises, locale) },
      { label: t('fundsOverpaymentTotal'), value: money(r.overpayment) },
      { label: t('fundsRun'), value: String(r.run_id) },
    ],
    sections: [
      {
        heading: t('fundsByProvider'),
        note: t('fundsByProviderNote'),
        table: {
          columns: [
            { key: 'name', label: t('fundsColProvider') },
            { key: 'collected', label: t('fundsColCollected'), kind: 'money', width: '11.5%' },
            { key: 'share', label: t('fundsColShareTotal'), align: 'right', width: '7.5%' },
            { key: 'charged', label: t('fundsColCharged'), kind: 'money', width: '11.5%' },
            { key: 'ofCharges', label: t('fundsColShareCharges'), align: 'right', width: '8.5%' },
            { key: 'taxCode', label: t('fundsColTaxCode'), width: '10%', nowrap: true },
            { key: 'bank', label: `${t('fundsColBank')} / ${t('fundsColAccount')}`, width: '20%' },
          ],
          rows: showLines.map((l) => ({
            name: providerName(l),
            collected: l.collected,
            share: pct(l.share_bp),
            charged: l.kind === 'overpayment' ? null : l.charged,
            ofCharges: l.kind === 'overpayment' ? null : pct(l.charges_bp),
            taxCode: l.tax_code,
            bank: l.kind === 'overpayment' ? null : [l.bank, l.account ? groupAccount(l.account) : null].filter(Boolean).join('\n') || null,
          })),
          totals: showLines.length
            ? {
                collected: r.collected,
                share: pct(showLines.reduce((s, l) => s + l.share_bp, 0)),
                charged: r.charged,
                ofCharges: pct(ratioBp(r.collected - r.overpayment, r.charged)),
              }
            : undefined,
          emptyText: t('fundsNoProviders'),
        },
      },
      {
        heading: t('fundsByService'),
        table: {
          columns: [
            { key: 'service', label: t('fundsColService') },
            { key: 'provider', label: t('fundsColProviderCode'), width: '14%', nowrap: true },
            { key: 'debt', label: t('fundsColDebtPart'), kind: 'money', width: '15%' },
            { key: 'current', label: t('fundsColCurrentPart'), kind: 'money', width: '15%' },
            { key: 'collected', label: t('fundsColCollected'), kind: 'money', width: '15%' },
            { key: 'charged', label: t('fundsColCharged'), kind: 'money', width: '15%' },
          ],
          rows: data.services.map((s) => ({
            service: `${s.name} (${s.service_code})`,
            provider: s.provider_code || '—',
            debt: s.debt_part,
            current: s.current_part,
            collected: s.debt_part + s.current_part,
            charged: s.charged,
          })),
          totals: data.services.length
            ? {
                debt: data.services.reduce((a, s) => a + s.debt_part, 0),
                current: data.services.reduce((a, s) => a + s.current_part, 0),
                collected: r.collected - r.overpayment,
                charged: r.charged,
              }
            : undefined,
          emptyText: t('fundsNoProviders'),
        },
      },
      {
        // The stated rule, printed with the figures it produced.
        heading: t('fundsRuleHeading'),
        table: {
          columns: [
            { key: 'step', label: t('fundsColStep'), align: 'center', width: '7%' },
            { key: 'applies', label: t('fundsColApplies'), width: '22%' },
            { key: 'rule', label: t('fundsColRule') },
          ],
          rows: ([1, 2, 3, 4, 5] as const).map((n) => ({ step: String(n), applies: t(`fundsRuleTo${n}`), rule: t(`fundsRule${n}`) })),
        },
      },
    ],
  };
}
