import { useEffect, useMemo, type KeyboardEvent } from 'react';
import type { PremisesRow } from '../../../shared/ipc/contract';
import { CATALOGUE, type ErrorCode } from '../../../shared/errors/catalogue';
import { useT, type Translator } from '../i18n';
import { PREMISES_PAGE, tickable, useSaldo } from '../store';
import { PagedGridSections, usePagedVirtualGrid, type PagedColumn } from '../ui/VirtualGrid';

/** What to do about an error code, in the window's language (the code alone means nothing to a clerk). */
function errorHint(t: Translator, code: string): string {
  const entry = (CATALOGUE as Record<string, (typeof CATALOGUE)[ErrorCode] | undefined>)[code];
  return entry ? `${code}: ${entry[t.locale].hint}` : code;
}

function columnsFor(t: Translator, ticked: ReadonlySet<string>, toggle: (account: string) => void): PagedColumn<PremisesRow>[] {
  return [
    {
      id: 'tick',
      header: <span className="visually-hidden">{t.t('prem_colTick')}</span>,
      cell: (r) =>
        tickable(r) ? (
          <input
            type="checkbox"
            data-testid="premises-tick"
            aria-label={t.t('prem_tickOf', { account: r.account })}
            checked={ticked.has(r.account)}
            onClick={(e) => e.stopPropagation()}
            onChange={() => toggle(r.account)}
          />
        ) : (
          <input type="checkbox" disabled aria-label={t.t('prem_notTickable')} title={t.t('prem_notTickable')} checked={false} readOnly />
        ),
    },
    {
      id: 'account',
      header: t.t('prem_colAccount'),
      cell: (r) =>
        r.account ? (
          <span title={r.status === 'closed' ? `${r.account} (${t.t('prem_closed')})` : r.account}>
            <span className="mono">{r.account}</span>
            {r.status === 'closed' ? <span className="muted"> ({t.t('prem_closed')})</span> : null}
          </span>
        ) : (
          <span className="muted">{t.t('none')}</span>
        ),
    },
    { id: 'building', header: t.t('prem_colBuilding'), cell: (r) => r.building },
    { id: 'address', header: t.t('prem_colAddress'), cell: (r) => <span title={r.address}>{r.address}</span> },
    { id: 'unit', header: t.t('prem_colUnit'), cell: (r) => r.unit ?? t.t('none') },
    { id: 'kind', header: t.t('prem_colKind'), cell: (r) => t.label('premKind_', r.kind) },
    { id: 'group', header: t.t('prem_colGroup'), cell: (r) => t.label('premGroup_', r.group) },
    { id: 'www', header: t.t('prem_colWww'), cell: (r) => (r.portalEnabled ? t.t('yes') : <span className="muted">{t.t('no')}</span>) },
    {
      id: 'changed',
      header: <span title={t.t('prem_changedTitle')}>{t.t('prem_colChanged')}</span>,
      cell: (r) =>
        r.changed ? (
          <span className="changed-mark" title={t.t('prem_changedTitle')}>
            {t.t('yes')}
          </span>
        ) : (
          <span className="muted">{t.t('none')}</span>
        ),
    },
    {
      id: 'error',
      header: t.t('prem_colError'),
      cell: (r) =>
        r.error ? (
          <code className="text-danger" title={errorHint(t, r.error)}>
            {r.error}
          </code>
        ) : (
          <span className="muted">{t.t('none')}</span>
        ),
    },
  ];
}

/**
 * The premises of the month, virtualised and paged: only the pages of rows on screen are asked of
 * main (PREMISES_PAGE at a time), so 200,000 premises scroll like 200.
 */
export function PremisesGrid() {
  const t = useT();
  const premises = useSaldo((s) => s.premises);
  const ticked = useSaldo((s) => s.ticked);
  const toggle = useSaldo((s) => s.toggleTick);
  const ensure = useSaldo((s) => s.ensurePremisesRows);
  const total = premises.total ?? 0;
  const grid = usePagedVirtualGrid(total);
  const { scrollRef, virtualizer } = grid;
  const columns = useMemo(() => columnsFor(t, ticked, toggle), [t, ticked, toggle]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) void ensure(first, last);
  }, [first, last, total, premises.gen, ensure]);

  // A new query starts at the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [premises.gen, scrollRef]);

  const rowAt = (i: number) => premises.pages[Math.floor(i / PREMISES_PAGE)]?.[i % PREMISES_PAGE];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scrollRef.current;
    if (!el || e.target !== el) return;
    if (e.key === 'Home') el.scrollTop = 0;
    else if (e.key === 'End') el.scrollTop = el.scrollHeight;
    else return;
    e.preventDefault();
  };

  return (
    <div className="grid-scroll premises-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onKeyDown} role="region" aria-label={t.t('prem_table')}>
      <table className="grid premises-grid" aria-label={t.t('prem_table')} aria-rowcount={total + 1} data-testid="premises-grid" data-total={premises.total ?? ''}>
        <PagedGridSections
          grid={grid}
          columns={columns}
          rowAt={rowAt}
          placeholder={<span className="muted">{t.t('loading')}</span>}
          rowClass={(r) => (ticked.has(r.account) ? ' is-ticked' : '') + (tickable(r) ? '' : ' is-off')}
          rowProps={(r) => ({
            'data-account': r.account,
            'data-building': r.building,
            'data-error': r.error ?? '',
            'data-www': r.portalEnabled ? 'yes' : 'no',
            'data-ticked': ticked.has(r.account) ? 'true' : 'false',
            onClick: () => {
              if (tickable(r)) toggle(r.account);
            },
          })}
        />
      </table>
      {premises.total === 0 ? (
        <p className="muted grid-empty" data-testid="premises-empty">
          {t.t('prem_noMatch')}
        </p>
      ) : null}
    </div>
  );
}
