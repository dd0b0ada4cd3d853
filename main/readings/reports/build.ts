// The three printed reports of a readings run (issue 5 point 6; seed 002: "reports of correctly and
// incorrectly processed readings, printable for verification"): accepted, rejected with reason and
// what to do, and held for review with who decided and when. Each is grouped by building — one
// section per building with its readings and a total row (count, consumption per medium) — and
// ends with the totals by medium. Consumption is summed exactly from decimal strings.

import type { Locale, RunRecord } from '../../../shared/domain/types';
import { READING_MEDIA, type ReadingView } from '../../../shared/ipc/contract-readings';
import { lookupReportText, reportText, type ReportTextKey } from '../../../shared/i18n/reports';
import { formatCount, formatDate, formatInstant, type ReportColumn, type ReportDoc, type ReportOrganisation, type ReportSection } from '../../reports/model';
import { formatDecimal, isDecimal, sumDecimals } from './decimal';
import { problemIn } from './problems';

export const READINGS_REPORT_KINDS = ['readings-accepted', 'readings-rejected', 'readings-held'] as const;
export type ReadingsReportKind = (typeof READINGS_REPORT_KINDS)[number];

export interface ReadingsReportContext {
  organisation: ReportOrganisation;
  locale: Locale;
  printedAt: Date;
  operator: string;
  timeZone?: string;
}

/** The readings a report lists, out of every reading of the run. Held: also those decided since. */
export function readingsOfReport(kind: ReadingsReportKind, rows: readonly ReadingView[]): ReadingView[] {
  switch (kind) {
    case 'readings-accepted':
      return rows.filter((r) => r.outcome === 'accepted');
    case 'readings-rejected':
      return rows.filter((r) => r.outcome === 'rejected');
    case 'readings-held':
      return rows.filter((r) => r.outcome === 'held' || (!!r.decidedBy && (r.outcome === 'accepted' || r.outcome === 'rejected')));
  }
}

/** The findings a review decision adds to a reading (shared/errors/catalogue-readings.ts). */
const DECISION_CODES = new Set(['SAL-2058', 'SAL-2059']);

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** "m3" → "m³": units as people write them. */
export function unitLabel(unit: string | undefined): string {
  if (!unit) return '';
  return unit.replace(/^m3$/i, 'm³').replace(/^m2$/i, 'm²');
}

export function mediumLabel(locale: Locale, medium: string | undefined): string {
  if (!medium) return '';
  return lookupReportText(locale, 'medium_', medium) ?? medium;
}

/** The order media are listed in (the contract's); an unknown or missing medium last. */
const MEDIUM_ORDER: readonly string[] = READING_MEDIA;

interface MediumTotal {
  medium: string;
  unit: string;
  count: number;
  /** The consumptions to sum (readings without one are counted only). */
  values: string[];
}

/** Count and consumption per medium and unit (cold and hot water are both m³: never added together). */
function byMedium(rows: readonly ReadingView[]): MediumTotal[] {
  const map = new Map<string, MediumTotal>();
  for (const r of rows) {
    const medium = r.medium ?? '';
    const unit = r.unit ?? '';
    const k = `${medium}|${unit}`;
    let m = map.get(k);
    if (!m) map.set(k, (m = { medium, unit, count: 0, values: [] }));
    m.count++;
    if (isDecimal(r.consumption)) m.values.push(r.consumption);
  }
  const rank = (m: string) => (MEDIUM_ORDER.indexOf(m) + MEDIUM_ORDER.length + 1) % (MEDIUM_ORDER.length + 1);
  return [...map.values()].sort((x, y) => rank(x.medium) - rank(y.medium) || natural.compare(x.medium, y.medium) || natural.compare(x.unit, y.unit));
}

/**
 * The closing totals: per building and medium (a subtotal of readings per building), then per
 * medium over all buildings. Rejected readings are counted, their consumption is not summed.
 */
function totalsSections(
  kind: ReadingsReportKind,
  rows: readonly ReadingView[],
  buildings: readonly string[],
  groups: ReadonlyMap<string, ReadingView[]>,
  locale: Locale,
): ReportSection[] {
  const t = (key: ReportTextKey) => reportText(locale, key);
  const sum = kind !== 'readings-rejected';
  const columns = (first: ReportColumn[]): ReportColumn[] => [
    ...first,
    { key: 'medium', label: t('rdColMedium') },
    { key: 'unit', label: t('rdColUnit'), width: '12%' },
    { key: 'readings', label: t('rdColReadings'), kind: 'count', width: '14%' },
    ...(sum ? [{ key: 'consumption', label: t('rdColConsumption'), align: 'right', width: '22%' } satisfies ReportColumn] : []),
  ];
  const line = (m: MediumTotal) => ({
    medium: mediumLabel(locale, m.medium) || t('rdNoMeter'),
    unit: unitLabel(m.unit),
    readings: m.count,
    consumption: sum && m.values.length ? formatDecimal(sumDecimals(m.values), locale) : '',
  });
  const perBuilding = buildings.flatMap((b) => byMedium(groups.get(b)!).map((m) => ({ building: b || t('rdNoBuilding'), ...line(m) })));
  return [
    {
      heading: t('rdByBuildingHeading'),
      note: sum ? t('rdTotalsNote') : undefined,
      table: { columns: columns([{ key: 'building', label: t('rdColBuilding') }]), rows: perBuilding, groupBy: 'building', totals: { readings: rows.length } },
    },
    { heading: t('rdTotalsHeading'), table: { columns: columns([]), rows: byMedium(rows).map(line), totals: { readings: rows.length } } },
  ];
}

export function buildReadingsReport(kind: ReadingsReportKind, run: RunRecord, all: readonly ReadingView[], ctx: ReadingsReportContext): ReportDoc {
  const { locale, timeZone } = ctx;
  const t = (key: ReportTextKey, p?: Record<string, string | number>) => reportText(locale, key, p);
  const num = (s: string | undefined) => (s === undefined || s === '' ? '' : formatDecimal(s, locale));
  const rows = readingsOfReport(kind, all);
  // A rejected reading's consumption counts for nothing (its reason names the figure when it matters).
  const withConsumption = kind !== 'readings-rejected';

  // Meters with more than one tariff zone in this run: their cells name the zone.
  const zoned = new Set(all.filter((r) => r.zone > 1 && r.meterId).map((r) => r.meterId!));

  const meterCell = (r: ReadingView): string => {
    const lines: string[] = [];
    const id = r.meterId ?? r.serial ?? r.radioId ?? '';
    lines.push(r.meterId && zoned.has(r.meterId) ? `${id} (${t('rdZone', { zone: r.zone })})` : id);
    if (r.meterId) lines.push(mediumLabel(locale, r.medium));
    else lines.push(t('rdNoMeter'));
    if (kind !== 'readings-accepted' && r.file && r.line) lines.push(t('rdLine', { line: r.line }));
    return lines.filter(Boolean).join('\n');
  };
  const previousCell = (r: ReadingView): string =>
    r.previousValue ? `${num(r.previousValue)}${r.previousDate ? `\n${formatDate(r.previousDate, locale)}` : ''}` : '';
  // Not normalised (no meter matched, or the value broke a rule): a plain decimal still prints the locale's way.
  const valueCell = (r: ReadingView): string => (isDecimal(r.normalized) ? num(r.normalized) : isDecimal(r.value) ? num(r.value) : r.value);
  const consumptionCell = (r: ReadingView): string => (isDecimal(r.consumption) ? `${num(r.consumption)} ${unitLabel(r.unit)}`.trim() : '');
  const decisionText = (r: ReadingView): string => {
    if (!r.decidedBy) return kind === 'readings-held' ? t('rdPending') : '';
    const when = r.decidedAt ? formatInstant(r.decidedAt, locale, timeZone) : '';
    const who = t(r.outcome === 'rejected' ? 'rdDecidedRejected' : 'rdDecidedAccepted', { who: r.decidedBy, when }).replace(/, $/, '');
    return r.note ? `${who}\n${t('rdNote', { note: r.note })}` : who;
  };
  const problemsOf = (r: ReadingView) => r.problems.map((p) => problemIn(p, locale));
  // The review's own finding ("accepted/rejected by operator … : note") is printed as the decision,
  // with its date, so it is not repeated among the reasons.
  const reasonCell = (r: ReadingView, severities: ReadonlyArray<string>): string =>
    problemsOf(r)
      .filter((p) => severities.includes(p.severity) && !(r.decidedBy && DECISION_CODES.has(p.code)))
      .map((p) => `${p.code} ${p.message}`)
      .join('\n');
  const hintCell = (r: ReadingView): string => [...new Set(problemsOf(r).filter((p) => p.severity === 'error').map((p) => p.hint))].join('\n');

  // Accepted readings have room for the premises and the meter apart; the other two need it for
  // the reason, so the premises and the meter share a cell there.
  const merged = kind !== 'readings-accepted';
  const columns: ReportColumn[] = merged
    ? [{ key: 'premises', label: t('rdColPremisesMeter'), width: '14%' }]
    : [
        { key: 'premises', label: t('rdColPremises'), width: '10%', nowrap: true },
        { key: 'meter', label: t('rdColMeter'), width: '18%' },
      ];
  // The previous value prints with its date under it ("27 Sept 2026" in English needs the room).
  columns.push(
    { key: 'date', label: t('rdColDate'), kind: 'date', width: merged ? '9%' : '10%' },
    { key: 'previous', label: t('rdColPrevious'), align: 'right', width: '14%' },
    { key: 'value', label: t('rdColValue'), align: 'right', width: merged ? '9%' : '10%' },
  );
  if (withConsumption) columns.push({ key: 'consumption', label: t('rdColConsumption'), align: 'right', width: kind === 'readings-accepted' ? '12%' : '10%' });
  if (kind === 'readings-accepted') columns.push({ key: 'remarks', label: t('rdColRemarks') });
  if (kind === 'readings-rejected') columns.push({ key: 'reason', label: t('rdColReason') }, { key: 'hint', label: t('rdColHint'), width: '24%' });
  if (kind === 'readings-held') columns.push({ key: 'reason', label: t('rdColReason') }, { key: 'decision', label: t('rdColDecision'), width: '19%' });

  const toRow = (r: ReadingView) => {
    const row: Record<string, string> = {
      premises: merged ? [r.accountNo, meterCell(r)].filter(Boolean).join('\n') : (r.accountNo ?? ''),
      meter: meterCell(r),
      date: r.readingDate,
      previous: previousCell(r),
      value: valueCell(r),
      consumption: consumptionCell(r),
    };
    if (kind === 'readings-accepted') {
      row.remarks = [reasonCell(r, ['warning', 'review']), decisionText(r)].filter(Boolean).join('\n');
    } else if (kind === 'readings-rejected') {
      row.reason = [reasonCell(r, ['error', 'review', 'warning']), decisionText(r)].filter(Boolean).join('\n');
      row.hint = hintCell(r);
    } else {
      row.reason = reasonCell(r, ['review', 'error', 'warning']);
      row.decision = decisionText(r);
    }
    return row;
  };

  // Buildings in natural order; readings without a building (no meter matched) last.
  const groups = new Map<string, ReadingView[]>();
  for (const r of rows) {
    const b = r.building ?? '';
    const list = groups.get(b);
    if (list) list.push(r);
    else groups.set(b, [r]);
  }
  const buildings = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : natural.compare(a, b)));

  const sections: ReportSection[] = buildings.map((b) => {
    const list = groups.get(b)!.sort(
      (x, y) =>
        natural.compare(x.accountNo ?? '', y.accountNo ?? '') ||
        natural.compare(x.meterId ?? x.serial ?? x.radioId ?? '', y.meterId ?? y.serial ?? y.radioId ?? '') ||
        x.zone - y.zone ||
        x.readingDate.localeCompare(y.readingDate) ||
        natural.compare(x.key, y.key),
    );
    // The premises' address ends in its unit ("… / 12", main/readings/facts.ts): the building's is what precedes it.
    const address = list.find((r) => r.address)?.address?.replace(/ \/ [^/]*$/, '');
    const heading = b === '' ? t('rdNoBuilding') : address ? t('rdBuildingAddress', { building: b, address }) : t('rdBuilding', { building: b });
    const totals: Record<string, string> = merged
      ? { premises: t('rdReadingsCount', { count: formatCount(list.length, locale) }) }
      : { premises: reportText(locale, 'subtotal'), meter: t('rdReadingsCount', { count: formatCount(list.length, locale) }) };
    return { heading, table: { columns, rows: list.map(toRow), totals } };
  });

  if (rows.length === 0) {
    const empty = { 'readings-accepted': 'rdNoAccepted', 'readings-rejected': 'rdNoRejected', 'readings-held': 'rdNoHeld' } as const;
    sections.push({ heading: t(kind === 'readings-accepted' ? 'rdAccepted' : kind === 'readings-rejected' ? 'rdRejected' : 'rdHeld'), table: { columns, rows: [], emptyText: t(empty[kind]) } });
  } else {
    sections.push(...totalsSections(kind, rows, buildings, groups, locale));
  }

  const count = (pred: (r: ReadingView) => boolean) => formatCount(all.filter(pred).length, locale);
  const files = [...new Set(all.map((r) => r.file).filter((f): f is string => !!f))];
  const source = all.some((r) => r.source === 'portal')
    ? t('rdSource_portal')
    : files.length
      ? t('rdSourceFile', { file: files.join(', ') })
      : all.length
        ? t('rdSource_radio')
        : '—';
  const summary = [
    { label: t('runNumber'), value: String(run.id) },
    { label: t('runStatus'), value: lookupReportText(locale, 'status_', run.status) ?? run.status },
    { label: t('runKind'), value: lookupReportText(locale, 'runKind_', run.kind) ?? run.kind },
    { label: t('rdSource'), value: source },
    { label: t('rdRead'), value: formatCount(all.length, locale) },
    { label: t('rdAccepted'), value: count((r) => r.outcome === 'accepted') },
    { label: t('rdAwaiting'), value: count((r) => r.outcome === 'held') },
    { label: t('rdRejected'), value: count((r) => r.outcome === 'rejected') },
    { label: t('rdDuplicates'), value: count((r) => r.outcome === 'duplicate') },
    { label: t('rdSuperseded'), value: count((r) => r.outcome === 'superseded') },
    { label: t('rdDecided'), value: count((r) => !!r.decidedBy) },
  ];
  summary.push({ label: t('rdInReport'), value: formatCount(rows.length, locale) });

  const title = { 'readings-accepted': 'rdAcceptedTitle', 'readings-rejected': 'rdRejectedTitle', 'readings-held': 'rdHeldTitle' } as const;
  // The state note goes with the first section, under its heading.
  if (sections[0]) sections[0] = { ...sections[0], note: sections[0].note ?? t('rdState') };
  return {
    kind,
    title: t(title[kind], { run: run.id }),
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
