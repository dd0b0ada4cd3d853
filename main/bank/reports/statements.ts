// The statement summary of an import (issue 6, point 5): per file what was read, per statement its
// balances — opening, credits, debits, the bank's closing and the computed one — and the check,
// worded so that "does not agree" and "not checked" cannot be mistaken for "agrees" on paper; then
// the problems found in the files, with what to do.

import { formatMoney, sumMinor } from '../../../shared/domain/money';
import type { StatementView } from '../../../shared/ipc/contract-bank';
import { formatCount, type ReportDoc, type ReportSection } from '../../reports/model';
import { currenciesOf, currencyNote, groupAccount, minor, runLines, sumOf, texts, type BankReportContext, type BankReportData } from './common';

/** The matching service's per-payment reasons (no premises, a bad virtual account, a suggestion). */
const MATCH_REASONS: ReadonlySet<string> = new Set(['SAL-3054', 'SAL-3055', 'SAL-3056', 'SAL-3057', 'SAL-3058', 'SAL-3059', 'SAL-3071']);

/** "mt940" → "MT940", "camt.053" → "camt.053" (as the standards write them), "1c" → "1C", "csv" → "CSV". */
export function formatName(format: string): string {
  return format.startsWith('camt') ? format : format.toUpperCase();
}

/** The statement cell: the account in groups, then its number or id and its entry count, one per line. */
function statementCell(s: StatementView, ctx: BankReportContext): string {
  const { t } = texts(ctx.locale);
  const ref = s.number ? t('bankStatementNo', { number: s.number }) : t('bankStatementId', { id: s.id });
  return [groupAccount(s.account), ref, t('bankEntriesOf', { count: formatCount(s.entries, ctx.locale) })].join('\n');
}

function checkCell(s: StatementView, ctx: BankReportContext): string {
  const { t } = texts(ctx.locale);
  const label = t(`bankCheck_${s.check}`);
  if (s.check !== 'mismatch' || s.closing === undefined) return label;
  const diff = minor(s.closing) - minor(s.computedClosing);
  return `${label}\n${t('bankCheckDifference', { amount: formatMoney(diff, ctx.locale) })}`;
}

export function buildStatementSummary(data: BankReportData, ctx: BankReportContext): ReportDoc {
  const { locale } = ctx;
  const { t, lookup } = texts(locale);
  const statements = data.statements;
  const checks = { pass: 0, unavailable: 0, mismatch: 0 };
  for (const s of statements) checks[s.check]++;
  const entries = statements.reduce((n, s) => n + s.entries, 0);
  const currencies = currenciesOf(statements);

  // Files in the order they were read, with what the parsers told of them.
  const files = new Map<string, { file: string; format: string; encoding: string; statements: number; entries: number }>();
  for (const s of statements) {
    const f = files.get(s.file) ?? { file: s.file, format: s.format, encoding: s.encoding, statements: 0, entries: 0 };
    f.statements++;
    f.entries += s.entries;
    files.set(s.file, f);
  }
  // The file's own problems; why a payment was not matched is the unmatched report's business.
  const problems = (data.run.problems ?? []).filter((p) => !MATCH_REASONS.has(p.code));
  // A file that gave no statement (not a statement, unreadable) is listed too, by its problems.
  for (const p of problems) {
    if (p.file && !files.has(p.file)) files.set(p.file, { file: p.file, format: '', encoding: '', statements: 0, entries: 0 });
  }

  const sections: ReportSection[] = [
    {
      heading: t('bankFilesHeading'),
      table: {
        columns: [
          { key: 'file', label: t('bankColFile') },
          { key: 'format', label: t('bankColFormat'), width: '14%', nowrap: true },
          { key: 'encoding', label: t('bankColEncoding'), width: '16%', nowrap: true },
          { key: 'statements', label: t('bankColStatements'), kind: 'count', width: '13%' },
          { key: 'entries', label: t('bankColEntries'), kind: 'count', width: '13%' },
        ],
        rows: [...files.values()].map((f) => ({ ...f, format: f.format ? formatName(f.format) : '—', encoding: f.encoding || '—' })),
        totals: files.size > 1 ? { statements: statements.length, entries } : undefined,
        emptyText: t('bankNoStatements'),
      },
    },
  ];

  // One table per currency: a sum of credits in PLN and in EUR is no sum at all.
  for (const currency of currencies.length ? currencies : ['']) {
    const rows = statements.filter((s) => s.currency === currency);
    const several = rows.length > 1;
    sections.push({
      heading: currencies.length > 1 ? `${t('bankStatementsHeading')} — ${currency}` : t('bankStatementsHeading'),
      note: [t('bankStatementsNote'), currencyNote(locale, currency ? [currency] : [])].filter(Boolean).join(' '),
      table: {
        columns: [
          { key: 'statement', label: t('bankColStatement'), width: '28%' },
          { key: 'opening', label: t('bankColOpening'), kind: 'money', width: '11%' },
          { key: 'credit', label: t('bankColCredit'), kind: 'money', width: '11%' },
          { key: 'debit', label: t('bankColDebit'), kind: 'money', width: '11%' },
          { key: 'closing', label: t('bankColClosing'), kind: 'money', width: '11%' },
          { key: 'computed', label: t('bankColComputed'), kind: 'money', width: '11%' },
          { key: 'check', label: t('bankColCheck') },
        ],
        rows: rows.map((s) => ({
          statement: statementCell(s, ctx),
          opening: s.opening ?? null,
          credit: s.credit,
          // Debits print as the positive sum the bank prints, whatever sign the store keeps.
          debit: Math.abs(minor(s.debit)),
          closing: s.closing ?? null,
          computed: s.computedClosing,
          check: checkCell(s, ctx),
        })),
        // Balances of different accounts do not add up to anything; the turnover does.
        totals: several ? { credit: sumOf(rows.map((s) => s.credit)), debit: sumMinor(rows.map((s) => Math.abs(minor(s.debit)))) } : undefined,
        emptyText: t('bankNoStatements'),
      },
    });
  }

  if (problems.length > 0) {
    sections.push({
      heading: t('bankFileProblemsHeading'),
      table: {
        columns: [
          { key: 'code', label: t('problemCode'), width: '10%', nowrap: true },
          { key: 'severity', label: t('problemSeverity'), width: '10%', nowrap: true },
          { key: 'place', label: t('problemKey'), width: '20%' },
          { key: 'message', label: t('problemMessage'), width: '32%' },
          { key: 'hint', label: t('problemHint') },
        ],
        rows: problems.map((p) => ({
          code: p.code,
          severity: lookup('severity_', p.severity),
          place: [p.file ? `${p.file}${p.line !== undefined ? `:${p.line}` : ''}` : '', p.key ?? ''].filter(Boolean).join('\n') || null,
          message: p.message,
          hint: p.hint,
        })),
      },
    });
  }

  return {
    kind: 'bank-statements',
    title: t('bankStatementsTitle', { run: data.run.id }),
    organisation: ctx.organisation,
    period: data.run.period,
    operator: ctx.operator,
    printedAt: ctx.printedAt,
    locale,
    timeZone: ctx.timeZone,
    summary: [
      ...runLines(data, ctx),
      { label: t('bankEntriesCount'), value: formatCount(entries, locale) },
      {
        label: t('bankCheckCounts'),
        value: t('bankCheckCountsValue', {
          pass: formatCount(checks.pass, locale),
          unavailable: formatCount(checks.unavailable, locale),
          mismatch: formatCount(checks.mismatch, locale),
        }),
      },
    ],
    sections,
  };
}
