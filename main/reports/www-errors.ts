// The printable error report of a Data to WWW send: every record that was skipped, flagged or
// rejected, with its code, account, message and what to do — grouped by category, for the
// operator to fix in the accounting system (seed 004: numbered errors).

import { CATALOGUE, type ErrorCode } from '../../shared/errors/catalogue';
import { fill } from '../../shared/errors/problem';
import type { Locale, RunRecord } from '../../shared/domain/types';
import { lookupReportText, reportText } from '../../shared/i18n/reports';
import type { RecordOutcome } from '../store/journal';
import { formatReportPeriod, type ReportDoc, type ReportOrganisation } from './model';

export function buildWwwErrors(
  run: RunRecord,
  records: RecordOutcome[],
  ctx: { organisation: ReportOrganisation; locale: Locale; printedAt: Date; operator: string; timeZone?: string },
): ReportDoc {
  const { locale } = ctx;
  const t = (k: Parameters<typeof reportText>[1], p?: Record<string, string | number>) => reportText(locale, k, p);
  const rows = records
    .filter((r) => r.code)
    .map((r) => {
      const entry = CATALOGUE[r.code as ErrorCode];
      return {
        category: lookupReportText(locale, 'count_', r.category) ?? r.category,
        code: r.code ?? '',
        severity: lookupReportText(locale, 'severity_', r.outcome) ?? r.outcome,
        account: r.key ?? '',
        message: r.detail ?? '',
        hint: entry ? fill(entry[locale].hint, {}) : '',
      };
    });
  const bySeverity = (s: string) => records.filter((r) => r.outcome === s).length;
  return {
    kind: 'www-errors',
    title: t('wwwErrorsTitle', { run: run.id }),
    organisation: ctx.organisation,
    period: run.period,
    operator: ctx.operator,
    printedAt: ctx.printedAt,
    locale,
    timeZone: ctx.timeZone,
    summary: [
      { label: t('runNumber'), value: String(run.id) },
      { label: t('runStatus'), value: lookupReportText(locale, 'status_', run.status) ?? run.status },
      { label: t('mode'), value: run.mode ? (lookupReportText(locale, 'mode_', run.mode) ?? run.mode) : '—' },
      { label: t('period'), value: run.period ? formatReportPeriod(run.period, locale) : '—' },
      { label: t('wwwErrorsCounts'), value: t('wwwErrorsCountsValue', { errors: bySeverity('error'), warnings: bySeverity('warning') }) },
    ],
    sections: [
      {
        heading: t('wwwErrorsHeading'),
        table: {
          columns: [
            { key: 'code', label: t('problemCode'), width: '10%', nowrap: true },
            { key: 'severity', label: t('problemSeverity'), width: '11%' },
            { key: 'account', label: t('wwwErrorsAccount'), width: '14%', nowrap: true },
            { key: 'message', label: t('problemMessage'), width: '35%' },
            { key: 'hint', label: t('problemHint') },
          ],
          rows,
          groupBy: 'category',
          emptyText: t('noProblems'),
        },
      },
    ],
  };
}
