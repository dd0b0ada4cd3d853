// The collected-funds CSV export. The choices, made for the spreadsheet an accounting office opens
// it in (Excel or LibreOffice in a Polish or Ukrainian locale):
//   - UTF-8 with a byte order mark: Excel then reads Polish and Cyrillic letters right;
//   - ";" between fields and CRLF between lines: the list separator of those locales;
//   - amounts and percentages with a decimal comma in pl/uk (a dot in en), no thousands grouping,
//     two decimals: the spreadsheet reads them as numbers; exact, from integer minor units;
//   - headers in the report's language; a field with ";", a quote or a line break is quoted ("…",
//     quotes doubled); a text that would start a formula (=, +, -, @, tab, CR) gets a leading
//     apostrophe, so a provider's name from the database can never run as a formula.
// One line per provider, the overpayments line, and the total line — the same figures as the
// printed report, from the same stored run.

import { join } from 'node:path';
import { toDecimalString } from '../../../shared/domain/money';
import type { Operator } from '../../../shared/domain/permissions';
import type { Locale } from '../../../shared/domain/types';
import { problem, ProblemError } from '../../../shared/errors/problem';
import { reportText, type ReportTextKey } from '../../../shared/i18n/reports';
import { requirePermission } from '../../engine/authorize';
import { writeFileAtomically } from '../../engine/atomic-file';
import type { Workspace } from '../../engine/workspace';
import { formatBp, ratioBp } from './allocate';
import { fundsOfRun } from './report';
import type { FundsData } from './store';

const BOM = '\ufeff';

function field(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Text from the database: never a formula. */
function text(v: string | null): string {
  const s = v ?? '';
  return field(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}

export function fundsCsv(data: FundsData, locale: Locale): string {
  const t = (key: ReportTextKey) => reportText(locale, key);
  const dec = (minor: number) => (locale === 'en' ? toDecimalString(minor) : toDecimalString(minor).replace('.', ','));
  const pct = (bp: number | null) => (bp === null ? '' : formatBp(bp, locale).replace('−', '-'));
  const r = data.run;
  const header = [
    t('fundsColProviderCode'),
    t('fundsColProvider'),
    t('fundsColTaxCode'),
    t('fundsColBank'),
    t('fundsColAccount'),
    t('fundsColCollected'),
    t('fundsColDebtPart'),
    t('fundsColCurrentPart'),
    t('fundsColShareTotal'),
    t('fundsColCharged'),
    t('fundsColShareCharges'),
  ].map(field);
  const lines = [header.join(';')];
  for (const l of data.lines) {
    const over = l.kind === 'overpayment';
    lines.push(
      [
        text(l.provider_code),
        text(over ? t('fundsOverpaymentLine') : l.name),
        text(l.tax_code),
        text(l.bank),
        text(l.account),
        dec(l.collected),
        dec(l.debt_part),
        dec(l.current_part),
        pct(l.share_bp),
        over ? '' : dec(l.charged),
        over ? '' : pct(l.charges_bp),
      ].join(';'),
    );
  }
  const shares = data.lines.reduce((s, l) => s + l.share_bp, 0);
  lines.push(
    [
      '',
      text(`${reportText(locale, 'total')} (${r.currency}, ${r.period})`),
      '',
      '',
      '',
      dec(r.collected),
      dec(data.lines.reduce((s, l) => s + l.debt_part, 0)),
      dec(data.lines.reduce((s, l) => s + l.current_part, 0)),
      pct(shares),
      dec(r.charged),
      pct(ratioBp(r.collected - r.overpayment, r.charged)),
    ].join(';'),
  );
  return BOM + lines.join('\r\n') + '\r\n';
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Writes the run's CSV into the workspace's reports folder (atomically) and names it. */
export async function saveFundsCsv(ws: Workspace, actor: Operator, runId: number): Promise<{ file: string; bytes: number }> {
  const locale = ws.locale();
  requirePermission(actor, 'reports.print', locale);
  const data = fundsOfRun(ws, runId);
  const bytes = Buffer.from(fundsCsv(data, locale), 'utf8');
  const file = join(ws.paths.reports, `run-${runId}-funds-${stamp(new Date())}.csv`);
  try {
    await writeFileAtomically(file, bytes);
  } catch (e) {
    throw new ProblemError(problem('SAL-6013', locale, { file, detail: (e as Error).message }));
  }
  ws.audit.append(actor.name, 'funds.csv', `run:${runId}`, { file });
  return { file, bytes: bytes.length };
}
