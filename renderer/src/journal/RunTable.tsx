import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent } from 'react';
import type { RunRecord } from '../../../shared/domain/types';
import { useT, type Translator } from '../i18n';
import { useSaldo } from '../store';
import { StatusBadge } from '../ui/StatusBadge';
import { ROW_HEIGHT, useVirtualGrid, VirtualGridSections } from '../ui/VirtualGrid';

type Align = 'num' | 'text';
interface ColMeta {
  align: Align;
}

export function recordsOf(run: RunRecord): number {
  return Object.values(run.counts).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}

function columnsFor(t: Translator): ColumnDef<RunRecord>[] {
  return [
    { id: 'no', header: t.t('col_no'), accessorFn: (r) => r.id, cell: (c) => t.num(c.row.original.id), meta: { align: 'num' } },
    { id: 'started', header: t.t('col_started'), accessorFn: (r) => r.started, cell: (c) => <span title={t.dateTime(c.row.original.started)}>{t.dateTimeShort(c.row.original.started)}</span>, meta: { align: 'text' } },
    { id: 'operator', header: t.t('col_operator'), accessorFn: (r) => r.operator, meta: { align: 'text' } },
    { id: 'kind', header: t.t('col_kind'), accessorFn: (r) => r.kind, cell: (c) => t.label('kind_', c.row.original.kind), meta: { align: 'text' } },
    { id: 'period', header: t.t('col_period'), accessorFn: (r) => r.period, cell: (c) => t.period(c.row.original.period), meta: { align: 'text' } },
    { id: 'status', header: t.t('col_status'), accessorFn: (r) => r.status, cell: (c) => <StatusBadge status={c.row.original.status} />, meta: { align: 'text' } },
    { id: 'duration', header: t.t('col_duration'), accessorFn: (r) => r.durationMs, cell: (c) => t.duration(c.row.original.durationMs), meta: { align: 'num' } },
    { id: 'records', header: t.t('col_records'), accessorFn: recordsOf, cell: (c) => t.num(recordsOf(c.row.original)), meta: { align: 'num' } },
    {
      id: 'problems',
      header: t.t('col_problems'),
      accessorFn: (r) => r.problems.length,
      cell: (c) => {
        const n = c.row.original.problems.length;
        return <span className={n > 0 ? 'text-danger' : 'muted'}>{t.num(n)}</span>;
      },
      meta: { align: 'num' },
    },
  ];
}

/**
 * The runs, newest first; rows are virtualised because the journal only grows. Every visible text
 * is produced in `cell` (not in accessors): the row model caches accessor values per data array,
 * so text made there would keep the old language after a switch.
 */
export function RunTable({ runs }: { runs: RunRecord[] }) {
  const t = useT();
  const selectedRunId = useSaldo((s) => s.selectedRunId);
  const selectRun = useSaldo((s) => s.selectRun);
  const columns = useMemo(() => columnsFor(t), [t]);
  const grid = useVirtualGrid(runs, columns);
  const { rows, scrollRef, virtualizer } = grid;

  const selectedIndex = rows.findIndex((r) => r.original.id === selectedRunId);

  const moveTo = (i: number) => {
    if (rows.length === 0) return;
    const idx = Math.max(0, Math.min(rows.length - 1, i));
    void selectRun(rows[idx].original.id);
    virtualizer.scrollToIndex(idx, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const cur = selectedIndex;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = cur < 0 ? 0 : cur + 1;
    else if (e.key === 'ArrowUp') next = cur < 0 ? 0 : cur - 1;
    else if (e.key === 'PageDown') next = cur + page;
    else if (e.key === 'PageUp') next = cur - page;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    if (next === null) return;
    e.preventDefault();
    moveTo(next);
  };

  return (
    <div className="grid-scroll" ref={scrollRef}>
      <table
        className="grid"
        role="grid"
        aria-label={t.t('journal_table')}
        aria-rowcount={rows.length + 1}
        aria-activedescendant={selectedRunId !== null ? `run-row-${selectedRunId}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="journal-table"
      >
        <VirtualGridSections
          grid={grid}
          cellClass={(c) => `cell cell-${c.id} ${(c.columnDef.meta as ColMeta | undefined)?.align === 'num' ? 'num' : ''}`}
          rowClass={(row) => (row.original.id === selectedRunId ? ' is-selected' : '')}
          rowProps={(row) => ({
            id: `run-row-${row.original.id}`,
            'aria-selected': row.original.id === selectedRunId,
            'data-run-id': row.original.id,
            onClick: () => void selectRun(row.original.id),
          })}
        />
      </table>
    </div>
  );
}
