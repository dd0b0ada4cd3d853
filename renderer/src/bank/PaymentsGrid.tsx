import { useEffect, useMemo, type KeyboardEvent } from 'react';
import type { BankItemView } from '../../../shared/ipc/contract-bank';
import { problemInWindowLanguage } from '../auth/problems';
import { useT, type Translator } from '../i18n';
import { PagedGridSections, ROW_HEIGHT, usePagedVirtualGrid, type PagedColumn } from '../ui/VirtualGrid';
import { groupAccount } from './format';
import { ITEMS_PAGE, useBank, type Segment } from './store';

/** Rows shown before the grid scrolls; the head's height with its border. */
const MAX_ROWS = 12;
const HEAD_HEIGHT = 34;

export interface RowActions {
  assign(item: BankItemView): void;
  confirm(item: BankItemView): void;
  busyKey: string | null;
}

/** Grid layouts: the booked lists, the two that wait for the operator, and those listed apart. */
export function layoutOf(segment: Segment): 'matched' | 'suggested' | 'unmatched' | 'apart' {
  if (segment === 'residential' || segment === 'commercial') return 'matched';
  if (segment === 'outgoing' || segment === 'fee') return 'apart';
  return segment;
}

function methodText(t: Translator, i: BankItemView): string {
  if (!i.method) return t.t('none');
  if (i.method === 'operator') return t.t('bankMethod_operator', { name: i.assignedBy ?? '?' });
  return t.label('bankMethod_', i.method);
}

function reasonText(t: Translator, i: BankItemView): string {
  if (i.problems.length === 0) return t.t('bank_reasonNone');
  return i.problems.map((p) => problemInWindowLanguage(p, t).message).join(' · ');
}

function Text({ value, t, mono }: { value: string | undefined; t: Translator; mono?: boolean }) {
  if (!value) return <span className="muted">{t.t('none')}</span>;
  return (
    <span title={value} className={mono ? 'mono' : undefined}>
      {value}
    </span>
  );
}

function columnsFor(segment: Segment, t: Translator, actions: RowActions): PagedColumn<BankItemView>[] {
  const date: PagedColumn<BankItemView> = { id: 'date', header: t.t('bank_colDate'), cell: (i) => <span className="tabular">{t.date(i.bookingDate ?? i.valueDate)}</span> };
  const amount: PagedColumn<BankItemView> = {
    id: 'amount',
    header: t.t('bank_colAmount'),
    className: 'num',
    cell: (i) => (
      <span className="num" data-testid="item-amount">
        {t.money(i.amount)}
        {i.currency !== 'PLN' && i.currency !== 'UAH' ? <span className="muted"> {i.currency}</span> : null}
      </span>
    ),
  };
  const payer: PagedColumn<BankItemView> = { id: 'payer', header: t.t(layoutOf(segment) === 'apart' ? 'bank_colCounterparty' : 'bank_colPayer'), cell: (i) => <Text value={i.payerName} t={t} /> };
  const payerAccount: PagedColumn<BankItemView> = { id: 'payerAccount', header: t.t('bank_colPayerAccount'), cell: (i) => <Text value={groupAccount(i.payerAccount)} t={t} mono /> };
  const title: PagedColumn<BankItemView> = { id: 'title', header: t.t('bank_colTitle'), cell: (i) => <Text value={i.title} t={t} /> };

  switch (layoutOf(segment)) {
    case 'matched':
      return [
        date,
        amount,
        { id: 'premises', header: t.t('bank_colPremises'), cell: (i) => <Text value={i.accountNo} t={t} mono /> },
        { id: 'address', header: t.t('bank_colAddress'), cell: (i) => <Text value={i.address} t={t} /> },
        payer,
        title,
        { id: 'method', header: t.t('bank_colMethod'), cell: (i) => <span title={i.note ?? undefined}>{methodText(t, i)}</span> },
      ];
    case 'suggested':
      return [
        date,
        amount,
        payer,
        payerAccount,
        title,
        {
          id: 'suggestion',
          header: t.t('bank_colSuggestion'),
          cell: (i) => (i.suggestion ? <span title={i.suggestion.reason} className="mono">{i.suggestion.accountNo}</span> : <span className="muted">{t.t('none')}</span>),
        },
        {
          id: 'action',
          header: <span className="visually-hidden">{t.t('bank_colAction')}</span>,
          cell: (i) => (
            <span className="row-actions">
              {i.suggestion ? (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="item-confirm"
                  title={t.t('bank_confirmTitle', { account: i.suggestion.accountNo })}
                  disabled={actions.busyKey !== null}
                  onClick={() => actions.confirm(i)}
                >
                  {t.t('bank_confirm')}
                </button>
              ) : null}
              <button type="button" className="button button-small" data-testid="item-assign" disabled={actions.busyKey !== null} onClick={() => actions.assign(i)}>
                {t.t('bank_assignOther')}
              </button>
            </span>
          ),
        },
      ];
    case 'unmatched':
      return [
        date,
        amount,
        payer,
        payerAccount,
        title,
        { id: 'reason', header: t.t('bank_colReason'), cell: (i) => <span title={reasonText(t, i)}>{reasonText(t, i)}</span> },
        {
          id: 'action',
          header: <span className="visually-hidden">{t.t('bank_colAction')}</span>,
          cell: (i) => (
            <button type="button" className="button button-small" data-testid="item-assign" disabled={actions.busyKey !== null} onClick={() => actions.assign(i)}>
              {t.t('bank_assign')}
            </button>
          ),
        },
      ];
    default:
      return [date, amount, payer, { ...payerAccount, header: t.t('bank_colAccount') }, title];
  }
}

/** The payments of one list, virtualised and paged from main (ITEMS_PAGE rows at a time). */
export function PaymentsGrid({ actions }: { actions: RowActions }) {
  const t = useT();
  const list = useBank((s) => s.list);
  const ensure = useBank((s) => s.ensureRows);
  const total = list.total ?? 0;
  const grid = usePagedVirtualGrid(total);
  const { scrollRef, virtualizer } = grid;
  const columns = useMemo(() => columnsFor(list.segment, t, actions), [list.segment, t, actions]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) void ensure(first, last);
  }, [first, last, total, list.gen, ensure]);

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [list.gen, scrollRef]);

  const rowAt = (i: number) => list.pages[Math.floor(i / ITEMS_PAGE)]?.[i % ITEMS_PAGE];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scrollRef.current;
    if (!el || e.target !== el) return;
    if (e.key === 'Home') el.scrollTop = 0;
    else if (e.key === 'End') el.scrollTop = el.scrollHeight;
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="grid-scroll bank-scroll"
      ref={scrollRef}
      tabIndex={0}
      onKeyDown={onKeyDown}
      role="region"
      aria-label={t.t('bank_itemsTable')}
      // As tall as the rows need (room for three at least), up to a screenful that scrolls.
      style={{ height: `${Math.min(MAX_ROWS, Math.max(3, total)) * ROW_HEIGHT + HEAD_HEIGHT}px` }}
    >
      <table
        className={`grid bank-grid bank-grid-${layoutOf(list.segment)}`}
        aria-label={t.t('bank_itemsTable')}
        aria-rowcount={total + 1}
        data-testid="bank-items"
        data-segment={list.segment}
        data-total={list.total ?? ''}
      >
        <PagedGridSections
          grid={grid}
          columns={columns}
          rowAt={rowAt}
          placeholder={<span className="muted">{t.t('bank_loading')}</span>}
          rowClass={(i) => (actions.busyKey === i.key ? ' is-busy' : '')}
          rowProps={(i) => ({ 'data-key': i.key, 'data-status': i.status, 'data-amount': i.amount, 'data-account': i.accountNo ?? '' })}
        />
      </table>
      {list.total === 0 ? (
        <p className="muted grid-empty" data-testid="bank-items-empty">
          {list.search.trim() ? t.t('bank_noMatch') : t.t('bank_noItems')}
        </p>
      ) : null}
    </div>
  );
}
