import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { NO_PREMISES_FILTER, useSaldo, type PremisesFilter } from '../store';

const SEARCH_DELAY_MS = 300;

/** Building, group, the "WWW" parameter, changed-only and a search; each change asks main again. */
export function PremisesFilters() {
  const t = useT();
  const filter = useSaldo((s) => s.premises.filter);
  const buildings = useSaldo((s) => s.premises.buildings);
  const setFilter = useSaldo((s) => s.setPremisesFilter);
  const [search, setSearch] = useState(filter.search);

  // Typing asks main once the operator pauses, not on every key.
  useEffect(() => {
    if (search === filter.search) return;
    const timer = setTimeout(() => void setFilter({ search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, filter.search, setFilter]);

  const filtered = (Object.keys(NO_PREMISES_FILTER) as Array<keyof PremisesFilter>).some((k) => filter[k] !== NO_PREMISES_FILTER[k]);

  return (
    <div className="premises-filters" data-testid="premises-filters">
      <label className="field field-inline">
        <span className="field-label">{t.t('prem_building')}</span>
        <select className="select select-narrow" data-testid="filter-building" value={filter.building} onChange={(e) => void setFilter({ building: e.target.value })}>
          <option value="">{t.t('prem_allBuildings')}</option>
          {buildings.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t.t('prem_group')}</span>
        <select
          className="select select-narrow"
          data-testid="filter-group"
          value={filter.group}
          onChange={(e) => void setFilter({ group: e.target.value as PremisesFilter['group'] })}
        >
          <option value="">{t.t('prem_allGroups')}</option>
          <option value="member">{t.t('prem_groupMembers')}</option>
          <option value="other">{t.t('prem_groupOthers')}</option>
        </select>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t.t('prem_portal')}</span>
        <select
          className="select select-narrow"
          data-testid="filter-portal"
          value={filter.portal}
          onChange={(e) => void setFilter({ portal: e.target.value as PremisesFilter['portal'] })}
        >
          <option value="">{t.t('prem_portalAll')}</option>
          <option value="yes">{t.t('prem_portalYes')}</option>
          <option value="no">{t.t('prem_portalNo')}</option>
        </select>
      </label>
      <label className="check check-inline">
        <input type="checkbox" data-testid="filter-changed" checked={filter.changedOnly} onChange={(e) => void setFilter({ changedOnly: e.target.checked })} />
        <span>{t.t('prem_changedOnly')}</span>
      </label>
      <label className="field field-inline">
        <span className="field-label">{t.t('prem_search')}</span>
        <input
          type="search"
          className="input input-search"
          data-testid="filter-search"
          value={search}
          maxLength={200}
          placeholder={t.t('prem_searchPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      {filtered ? (
        <button
          type="button"
          className="button button-quiet"
          data-testid="filter-clear"
          onClick={() => {
            setSearch('');
            void setFilter(NO_PREMISES_FILTER);
          }}
        >
          {t.t('prem_clearFilter')}
        </button>
      ) : null}
    </div>
  );
}
