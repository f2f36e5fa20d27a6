/** Source, perspective and entity-type filters for the search: one select each. */
import { ENTITY_TYPE_OPTIONS, type FacetOption, type SearchFilters as Filters } from '../lib/views/searchView';
import type { EntityType } from '../lib/corpus/types';
import { useT } from './i18n';

export interface SearchFiltersProps {
  filters: Filters;
  sources: FacetOption[];
  perspectives: FacetOption[];
  onChange: (filters: Filters) => void;
}

function Select(props: { id: string; label: string; all: string; value: string; options: FacetOption[]; onChange: (v: string) => void }) {
  return (
    <div class="filter">
      <label htmlFor={props.id} class="filter-label">
        {props.label}
      </label>
      <select id={props.id} class="field filter-select" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} dir="auto">
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SearchFilters({ filters, sources, perspectives, onChange }: SearchFiltersProps) {
  const t = useT();
  const one = (v: string) => (v ? [v] : []);
  return (
    <div class="filters" role="group" aria-label={t('filters')}>
      <Select
        id="filter-source"
        label={t('filterSource')}
        all={t('filterAllSources')}
        value={filters.docIds[0] ?? ''}
        options={sources}
        onChange={(v) => onChange({ ...filters, docIds: one(v) })}
      />
      <Select
        id="filter-perspective"
        label={t('filterPerspective')}
        all={t('filterAllPerspectives')}
        value={filters.perspectives[0] ?? ''}
        options={perspectives}
        onChange={(v) => onChange({ ...filters, perspectives: one(v) })}
      />
      <Select
        id="filter-type"
        label={t('filterMentions')}
        all={t('placesAndGroups')}
        value={filters.entityTypes[0] ?? ''}
        options={ENTITY_TYPE_OPTIONS.map((o) => ({ value: o.value, label: t(o.key) }))}
        onChange={(v) => onChange({ ...filters, entityTypes: one(v) as EntityType[] })}
      />
    </div>
  );
}
