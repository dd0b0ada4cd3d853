import { useEffect, useMemo, type KeyboardEvent } from 'react';
import type { Problem } from '../../../shared/domain/types';
import type { ReadingView } from '../../../shared/ipc/contract-readings';
import { readingProblem } from './problems';
import { useT, type Translator } from '../i18n';
import { PagedGridSections, usePagedVirtualGrid, type PagedColumn } from '../ui/VirtualGrid';
import { formatDecimal, unitLabel } from './format';
import { PAGE, useReadings, type GridKind } from './store';

const dash = (t: Translator) => <span className="muted">{t.t('none')}</span>;

function problemsOf(r: ReadingView, t: Translator, severities: Problem['severity'][]): Problem[] {
  return r.problems.filter((p) => severities.includes(p.severity)).map((p) => readingProblem(p, t));
}

/** The first finding in the cell, every finding with what to do in its tooltip. */
function reasonCell(r: ReadingView, t: Translator, severities: Problem['severity'][]) {
  const list = problemsOf(r, t, severities);
  if (list.length === 0) return dash(t);
  const title = list.map((p) => `${p.code} ${p.message}\n${t.t('whatToDo')}: ${p.hint}`).join('\n\n');
  return (
    <span className="reason" title={title}>
      <code className={`reason-code severity-text-${list[0].severity}`}>{list[0].code}</code> {list[0].message}
      {list.length > 1 ? <span className="muted"> (+{list.length - 1})</span> : null}
    </span>
  );
}

function meterCell(r: ReadingView, t: Translator) {
  if (!r.meterId) {
    const ref = r.serial ?? r.radioId ?? '';
    return (
      <span className="muted" title={t.t('rd_noMeter')}>
        {ref || t.t('none')}
      </span>
    );
  }
  return (
    <span className="mono" title={[r.serial && `${t.t('rd_serial')}: ${r.serial}`, r.radioId && `${t.t('rd_radioId')}: ${r.radioId}`].filter(Boolean).join('\n') || undefined}>
      {r.meterId}
      {r.zone > 1 ? <span className="muted"> · {t.t('rd_zoneShort', { zone: r.zone })}</span> : null}
    </span>
  );
}

function columnsFor(kind: GridKind, t: Translator, ticked: ReadonlySet<string>, toggle: (key: string) => void): PagedColumn<ReadingView>[] {
  const num = (s: string | undefined) => formatDecimal(s, t.locale);
  const cols: PagedColumn<ReadingView>[] = [];
  if (kind === 'held') {
    cols.push({
      id: 'tick',
      header: <span className="visually-hidden">{t.t('rd_colTick')}</span>,
      cell: (r) => (
        <input
          type="checkbox"
          data-testid="reading-tick"
          aria-label={t.t('rd_tickOf', { meter: r.meterId ?? r.serial ?? r.radioId ?? '', date: t.date(r.readingDate) })}
          checked={ticked.has(r.key)}
          onClick={(e) => e.stopPropagation()}
          onChange={() => toggle(r.key)}
        />
      ),
    });
  }
  cols.push(
    { id: 'account', header: t.t('rd_colPremises'), cell: (r) => (r.accountNo ? <span className="mono">{r.accountNo}</span> : dash(t)) },
    { id: 'building', header: t.t('rd_colBuilding'), cell: (r) => r.building ?? dash(t) },
    { id: 'meter', header: t.t('rd_colMeter'), cell: (r) => meterCell(r, t) },
    { id: 'medium', header: t.t('rd_colMedium'), cell: (r) => (r.medium ? t.label('rd_medium_', r.medium) : dash(t)) },
    { id: 'date', header: t.t('rd_colDate'), cell: (r) => t.date(r.readingDate) },
    {
      id: 'previous',
      header: t.t('rd_colPrevious'),
      className: 'num',
      cell: (r) => (r.previousValue ? <span title={r.previousDate ? t.t('rd_previousOf', { date: t.date(r.previousDate) }) : undefined}>{num(r.previousValue)}</span> : dash(t)),
    },
    {
      id: 'value',
      header: t.t('rd_colValue'),
      className: 'num',
      // Without a meter there are no decimals to normalise to: a number is shown as written, anything else marked.
      cell: (r) =>
        r.normalized ? num(r.normalized) : /^\s*-?\d+([.,]\d+)?\s*$/.test(r.value) ? r.value : <span className="text-danger" title={t.t('rd_valueAsWritten')}>{r.value}</span>,
    },
  );
  if (kind !== 'rejected') {
    cols.push({
      id: 'consumption',
      header: t.t('rd_colConsumption'),
      className: 'num',
      cell: (r) => (r.consumption ? `${num(r.consumption)} ${unitLabel(r.unit)}`.trim() : dash(t)),
    });
  }
  if (kind === 'accepted') {
    cols.push(
      { id: 'source', header: t.t('rd_colSource'), cell: (r) => <span title={r.file ? `${r.file}${r.line ? `:${r.line}` : ''}` : undefined}>{t.t(`rd_src_${r.source}`)}</span> },
      {
        id: 'remarks',
        header: t.t('rd_colRemarks'),
        cell: (r) =>
          r.decidedBy ? (
            <span title={r.note}>{t.t('rd_acceptedBy', { who: r.decidedBy })}</span>
          ) : (
            reasonCell(r, t, ['warning', 'review'])
          ),
      },
    );
  } else if (kind === 'held') {
    cols.push({ id: 'reason', header: t.t('rd_colReason'), cell: (r) => reasonCell(r, t, ['review', 'error', 'warning']) });
  } else {
    cols.push(
      { id: 'reason', header: t.t('rd_colReason'), cell: (r) => reasonCell(r, t, ['error', 'review', 'warning']) },
      { id: 'decided', header: t.t('rd_colDecided'), cell: (r) => (r.decidedBy ? <span title={r.note}>{r.decidedBy}</span> : dash(t)) },
    );
  }
  return cols;
}

/** One of the three grids, virtualised and paged from main; a click shows the meter's history. */
export function ReadingsGrid({ kind }: { kind: GridKind }) {
  const t = useT();
  const grid = useReadings((s) => s.grids[kind]);
  const gen = useReadings((s) => s.gen);
  const ticked = useReadings((s) => s.ticked);
  const toggle = useReadings((s) => s.toggleTick);
  const ensure = useReadings((s) => s.ensureRows);
  const showHistory = useReadings((s) => s.showHistory);
  const selected = useReadings((s) => s.history?.from.key ?? null);
  const total = grid.total ?? 0;
  const paged = usePagedVirtualGrid(total);
  const { scrollRef, virtualizer } = paged;
  const columns = useMemo(() => columnsFor(kind, t, ticked, toggle), [kind, t, ticked, toggle]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) void ensure(kind, first, last);
  }, [kind, first, last, total, gen, ensure]);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [gen, scrollRef]);

  const rowAt = (i: number) => grid.pages[Math.floor(i / PAGE)]?.[i % PAGE];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scrollRef.current;
    if (!el || e.target !== el) return;
    if (e.key === 'Home') el.scrollTop = 0;
    else if (e.key === 'End') el.scrollTop = el.scrollHeight;
    else return;
    e.preventDefault();
  };
  const label = t.t(`rd_grid_${kind}`);

  return (
    <div className="grid-scroll readings-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} role="region" aria-label={label}>
      <table className={`grid readings-grid readings-grid-${kind}`} aria-label={label} aria-rowcount={total + 1} data-testid={`readings-grid-${kind}`} data-total={grid.total ?? ''}>
        <PagedGridSections
          grid={paged}
          columns={columns}
          rowAt={rowAt}
          placeholder={<span className="muted">{t.t('loading')}</span>}
          rowClass={(r) => (ticked.has(r.key) ? ' is-ticked' : '') + (selected === r.key ? ' is-selected' : '')}
          rowProps={(r) => ({
            'data-key': r.key,
            'data-meter': r.meterId ?? '',
            'data-account': r.accountNo ?? '',
            'data-building': r.building ?? '',
            'data-medium': r.medium ?? '',
            'data-code': r.problems[0]?.code ?? '',
            'data-ticked': ticked.has(r.key) ? 'true' : 'false',
            onClick: () => {
              if (r.meterId) void showHistory({ meterId: r.meterId }, r);
              else if (r.accountNo) void showHistory({ accountNo: r.accountNo }, r);
            },
          })}
        />
      </table>
      {grid.total === 0 ? (
        <p className="muted grid-empty" data-testid={`readings-empty-${kind}`}>
          {t.t(`rd_empty_${kind}`)}
        </p>
      ) : null}
    </div>
  );
}
