import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { NO_FILTER, useReadings, type GridFilter } from './store';

const SEARCH_DELAY_MS = 300;

/** Building, medium and a search (meter, premises); each change asks main again for the three grids. */
export function GridFilters() {
  const t = useT();
  const filter = useReadings((s) => s.filter);
  const buildings = useReadings((s) => s.buildings);
  const media = useReadings((s) => s.media);
  const setFilter = useReadings((s) => s.setFilter);
  const [search, setSearch] = useState(filter.search);

  useEffect(() => {
    if (search === filter.search) return;
    const timer = setTimeout(() => void setFilter({ search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter.search, setFilter]);

  const filtered = (Object.keys(NO_FILTER) as Array<keyof GridFilter>).some((k) => filter[k] !== NO_FILTER[k]);
  return (
    <div className="premises-filters readings-filters" data-testid="readings-filters">
      <label className="field field-inline">
        <span className="field-label">{t.t('rd_colBuilding')}</span>
        <select className="select select-narrow" data-testid="readings-filter-building" value={filter.building} onChange={(e) => void setFilter({ building: e.target.value })}>
          <option value="">{t.t('prem_allBuildings')}</option>
          {buildings.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t.t('rd_colMedium')}</span>
        <select className="select select-narrow" data-testid="readings-filter-medium" value={filter.medium} onChange={(e) => void setFilter({ medium: e.target.value })}>
          <option value="">{t.t('rd_allMedia')}</option>
          {media.map((m) => (
            <option key={m} value={m}>
              {t.label('rd_medium_', m)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t.t('prem_search')}</span>
        <input
          type="search"
          className="input input-search"
          data-testid="readings-filter-search"
          value={search}
          maxLength={200}
          placeholder={t.t('rd_searchPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      {filtered ? (
        <button
          type="button"
          className="button button-quiet"
          data-testid="readings-filter-clear"
          onClick={() => {
            setSearch('');
            void setFilter(NO_FILTER);
          }}
        >
          {t.t('prem_clearFilter')}
        </button>
      ) : null}
    </div>
  );
}
