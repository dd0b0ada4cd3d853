// The run summary report: what a run did, in the words of the run journal — status, who and when,
// record counts, money totals, and every problem with its code and what to do.

import { parseDecimal } from '../../shared/domain/money';
import type { Locale, RunRecord, Severity } from '../../shared/domain/types';
import { lookupReportText, reportText } from '../../shared/i18n/reports';
import { formatCount, formatDuration, formatInstant, formatReportPeriod, type ReportDoc, type ReportOrganisation, type ReportSection } from './model';

export interface RunSummaryContext {
  organisation: ReportOrganisation;
  locale: Locale;
  printedAt: Date;
  /** Who prints the report (not necessarily who started the run). */
  operator: string;
  timeZone?: string;
}

function durationOf(run: RunRecord): number | null {
  if (run.durationMs !== null && run.durationMs !== undefined) return run.durationMs;
  if (run.finished) {
    const ms = Date.parse(run.finished) - Date.parse(run.started);
    if (Number.isFinite(ms)) return ms;
  }
  return null;
}

function toMinorOrNull(s: string): number | null {
  try {
    return parseDecimal(s);
  } catch {
    return null;
  }
}

/** "accounts" → "Accounts"; "accounts.sent" → "Accounts — sent" (the Data to WWW counters). */
export function countLabel(locale: Locale, key: string): string {
  const [cat, part] = key.split('.', 2);
  const c = lookupReportText(locale, 'count_', cat) ?? cat;
  return part ? `${c} — ${lookupReportText(locale, 'countPart_', part) ?? part}` : c;
}

export function buildRunSummary(run: RunRecord, ctx: RunSummaryContext): ReportDoc {
  const { locale, timeZone } = ctx;
  const t = (key: Parameters<typeof reportText>[1], params?: Record<string, string | number>) => reportText(locale, key, params);
  const dash = '—';

  const duration = durationOf(run);
  // Two pairs per printed row: what (left) and who/when (right). The period is in the page header.
  const summary: Array<{ label: string; value: string }> = [
    { label: t('runNumber'), value: String(run.id) },
    { label: t('runStatus'), value: lookupReportText(locale, 'status_', run.status) ?? run.status },
    { label: t('runKind'), value: lookupReportText(locale, 'runKind_', run.kind) ?? run.kind },
    { label: t('startedBy'), value: run.operator },
    { label: t('mode'), value: run.mode ? (lookupReportText(locale, 'mode_', run.mode) ?? run.mode) : dash },
    { label: t('started'), value: formatInstant(run.started, locale, timeZone) },
    { label: t('duration'), value: duration === null ? dash : formatDuration(duration, locale) },
    { label: t('finished'), value: run.finished ? formatInstant(run.finished, locale, timeZone) : t('notFinished') },
  ];

  const sections: ReportSection[] = [];

  // Record counts: each counter as a row, with a total.
  const countEntries = Object.entries(run.counts ?? {});
  sections.push({
    heading: t('countsHeading'),
    table: {
      columns: [
        { key: 'item', label: t('countsItem') },
        { key: 'value', label: t('countsValue'), kind: 'count', width: '30%' },
      ],
      rows: countEntries.map(([key, value]) => ({ item: countLabel(locale, key), value })),
      totals: countEntries.length > 1 ? { value: countEntries.reduce((a, [, v]) => a + v, 0) } : undefined,
      emptyText: t('noData'),
    },
  });

  // Money totals (decimal strings in the journal → minor units). They are different measures, so no grand total.
  const totalEntries = Object.entries(run.totals ?? {});
  if (totalEntries.length > 0) {
    sections.push({
      heading: t('totalsHeading'),
      table: {
        columns: [
          { key: 'item', label: t('totalsItem') },
          { key: 'value', label: t('totalsValue'), kind: 'money', width: '30%' },
        ],
        rows: totalEntries.map(([key, value]) => ({
          item: lookupReportText(locale, 'total_', key) ?? key,
          value: toMinorOrNull(value) ?? value,
        })),
      },
    });
  }

  // Problems, in the journal's order.
  const problems = run.problems ?? [];
  const bySeverity = (s: Severity) => problems.filter((p) => p.severity === s).length;
  sections.push({
    heading: t('problemsHeading'),
    note:
      problems.length > 0
        ? t('problemsNote', {
            count: formatCount(problems.length, locale),
            errors: formatCount(bySeverity('error'), locale),
            reviews: formatCount(bySeverity('review'), locale),
            warnings: formatCount(bySeverity('warning'), locale),
          })
        : undefined,
    table: {
      columns: [
        { key: 'no', label: '#', kind: 'count', width: '4%' },
        { key: 'code', label: t('problemCode'), width: '9%', nowrap: true },
        { key: 'severity', label: t('problemSeverity'), width: '12%', nowrap: true },
        { key: 'key', label: t('problemKey'), width: '17%' },
        { key: 'message', label: t('problemMessage'), width: '31%' },
        { key: 'hint', label: t('problemHint'), width: '27%' },
      ],
      rows: problems.map((p, i) => {
        const place = p.file ? `${p.file}${p.line !== undefined ? `:${p.line}` : ''}` : '';
        return {
          no: i + 1,
          code: p.code,
          severity: lookupReportText(locale, 'severity_', p.severity) ?? p.severity,
          key: [p.key, place].filter(Boolean).join('\n') || null,
          message: p.message,
          hint: p.hint,
        };
      }),
      emptyText: t('noProblems'),
    },
  });

  return {
    kind: 'run-summary',
    title: t('runSummaryTitle', { id: run.id }),
    organisation: ctx.organisation,
    period: run.period,
    operator: ctx.operator,
    printedAt: ctx.printedAt,
    locale,
    timeZone,
    summary,
    sections,
  };
}
