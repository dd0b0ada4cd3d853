import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent } from 'react';
import type { AuditEntryView } from '../../../shared/ipc/views';
import { useT, type Translator } from '../i18n';
import { useVirtualGrid, VirtualGridSections } from '../ui/VirtualGrid';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Main records a failed sign-in under a name nobody has as "(unknown)". */
export const UNKNOWN_OPERATOR = '(unknown)';

export function operatorLabel(t: Translator, operator: string): string {
  return operator === UNKNOWN_OPERATOR ? t.t('audit_unknownOperator') : operator;
}

/** An action's name in the window's language, or its key when there is none. */
export function actionLabel(t: Translator, action: string): string {
  return t.label('action_', action);
}

/** The details of an entry on one line: "role: operator, grants: exchange.run"; instants in local time. */
export function compactDetail(t: Translator, detail: Record<string, unknown>): string {
  const value = (v: unknown): string => {
    if (v === null || v === undefined) return t.t('none');
    if (typeof v === 'string') return ISO_INSTANT.test(v) ? t.dateTimeShort(v) : v;
    if (typeof v === 'number') return t.num(v);
    if (typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) return v.length === 0 ? '[]' : v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
    return JSON.stringify(v);
  };
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${value(v)}`)
    .join(' · ');
}

function columnsFor(t: Translator): ColumnDef<AuditEntryView>[] {
  // Every visible text is made in `cell`, so that a language switch re-renders it (see RunTable).
  return [
    { id: 'when', header: t.t('col_when'), cell: (c) => <span title={t.dateTime(c.row.original.at)}>{t.dateTime(c.row.original.at)}</span> },
    {
      id: 'operator',
      header: t.t('col_operator'),
      cell: (c) => {
        const o = c.row.original.operator;
        return (
          <span className={o === UNKNOWN_OPERATOR ? 'muted' : undefined} title={operatorLabel(t, o)}>
            {operatorLabel(t, o)}
          </span>
        );
      },
    },
    {
      id: 'action',
      header: t.t('col_action'),
      cell: (c) => {
        const a = c.row.original.action;
        const label = actionLabel(t, a);
        const failed = a === 'session.signIn.failed' || a === 'session.signIn.locked';
        return (
          <span className={failed ? 'text-danger' : undefined} title={a} data-action={a}>
            {label}
          </span>
        );
      },
    },
    { id: 'object', header: t.t('col_object'), cell: (c) => <span title={c.row.original.target ?? ''}>{c.row.original.target ?? t.t('none')}</span> },
    {
      id: 'details',
      header: t.t('col_details'),
      cell: (c) => {
        const text = compactDetail(t, c.row.original.detail);
        return (
          <span className="muted" title={text}>
            {text || t.t('none')}
          </span>
        );
      },
    },
  ];
}

/** The entries, newest first, virtualised: the log only grows. The scroll area takes the keyboard. */
export function AuditTable({ entries, total }: { entries: AuditEntryView[]; total: number }) {
  const t = useT();
  const columns = useMemo(() => columnsFor(t), [t]);
  const grid = useVirtualGrid(entries, columns);
  const { scrollRef } = grid;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scrollRef.current;
    if (!el) return;
    if (e.key === 'Home') el.scrollTop = 0;
    else if (e.key === 'End') el.scrollTop = el.scrollHeight;
    else return;
    e.preventDefault();
  };

  return (
    <div className="grid-scroll audit-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} aria-label={t.t('audit_table')} role="region">
      <table className="grid audit-grid" aria-label={t.t('audit_table')} aria-rowcount={total + 1} data-testid="audit-table">
        <VirtualGridSections
          grid={grid}
          rowProps={(row) => ({ 'data-audit-id': row.original.id, 'data-action': row.original.action, 'data-operator': row.original.operator })}
        />
      </table>
    </div>
  );
}
