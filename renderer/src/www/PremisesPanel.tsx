import { useEffect } from 'react';
import { useT } from '../i18n';
import { useSaldo } from '../store';
import { PremisesFilters } from './PremisesFilters';
import { PremisesGrid } from './PremisesGrid';

/** The premises of the chosen month: filters, the grid, and the ticks that "send selected" uses. */
export function PremisesPanel({ period }: { period: string }) {
  const t = useT();
  const listPeriod = useSaldo((s) => s.premises.period);
  const total = useSaldo((s) => s.premises.total);
  const loading = useSaldo((s) => s.premises.loading);
  const ticked = useSaldo((s) => s.ticked);
  const tickBusy = useSaldo((s) => s.tickBusy);
  const load = useSaldo((s) => s.loadPremises);
  const tickAll = useSaldo((s) => s.tickAllShown);
  const clearTicks = useSaldo((s) => s.clearTicks);

  useEffect(() => {
    if (listPeriod !== period) void load();
  }, [period, listPeriod, load]);

  return (
    <section className="panel premises-panel" data-testid="premises-panel" aria-labelledby="premises-heading">
      <div className="panel-head">
        <h2 className="panel-title" id="premises-heading">
          {t.t('prem_heading')}
        </h2>
        <span className="muted" data-testid="premises-count" role="status">
          {total === null ? t.t('loading') : t.plural('prem_count', total)}
        </span>
        {loading && total !== null ? <span className="muted small">{t.t('loading')}</span> : null}
      </div>
      <PremisesFilters />
      <PremisesGrid />
      <div className="premises-ticks">
        <span data-testid="ticked-count" className={ticked.size ? 'ticked-count' : 'muted'}>
          {t.t('prem_ticked', { count: t.num(ticked.size) })}
        </span>
        <button type="button" className="button" data-testid="tick-all" disabled={!total || tickBusy} onClick={() => void tickAll()}>
          {tickBusy ? t.t('prem_ticking') : t.t('prem_tickAll')}
        </button>
        <button type="button" className="button" data-testid="untick-all" disabled={ticked.size === 0} onClick={() => clearTicks()}>
          {t.t('prem_untickAll')}
        </button>
      </div>
    </section>
  );
}
