// The audit log report (for an Auditor's binder): every entry, newest first, with who, what, when.

import type { Locale } from '../../shared/domain/types';
import type { AuditEntryView } from '../../shared/ipc/views';
import { lookupReportText, reportText } from '../../shared/i18n/reports';
import { formatInstant, type ReportDoc, type ReportOrganisation } from './model';

export function buildAuditReport(
  entries: AuditEntryView[],
  ctx: { organisation: ReportOrganisation; locale: Locale; printedAt: Date; operator: string; timeZone?: string },
): ReportDoc {
  const { locale, timeZone } = ctx;
  const t = (k: Parameters<typeof reportText>[1]) => reportText(locale, k);
  const detail = (d: Record<string, unknown>) =>
    Object.entries(d)
      .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join('\n');
  const oldest = entries.at(-1)?.at;
  const newest = entries[0]?.at;
  return {
    kind: 'audit-log',
    title: t('auditTitle'),
    organisation: ctx.organisation,
    period: null,
    operator: ctx.operator,
    printedAt: ctx.printedAt,
    locale,
    timeZone,
    summary: [
      { label: t('auditEntries'), value: String(entries.length) },
      { label: t('auditRange'), value: oldest && newest ? `${formatInstant(oldest, locale, timeZone)} – ${formatInstant(newest, locale, timeZone)}` : '—' },
    ],
    sections: [
      {
        heading: t('auditHeading'),
        table: {
          columns: [
            { key: 'at', label: t('auditAt'), width: '22%' },
            { key: 'operator', label: t('auditOperator'), width: '13%' },
            { key: 'action', label: t('auditAction'), width: '22%' },
            { key: 'target', label: t('auditTarget'), width: '15%' },
            { key: 'detail', label: t('auditDetail') },
          ],
          rows: entries.map((e) => ({
            at: formatInstant(e.at, locale, timeZone),
            operator: e.operator,
            action: lookupReportText(locale, 'action_', e.action) ?? e.action,
            target: e.target ?? '',
            detail: detail(e.detail),
          })),
          emptyText: t('noData'),
        },
      },
    ],
  };
}
