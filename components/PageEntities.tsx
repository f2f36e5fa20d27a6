/**
 * "On this page": the corpus places and groups found in the tab, with their mention counts. Each
 * button's name starts with its visible text ("Raqqa city 3", then "mentions" for screen readers);
 * what a click does is said in text above the list, not in a tooltip.
 */
import { kindName } from '../lib/card/cardText';
import { pageMentionsSummary, type PageEntityRow } from '../lib/views/pageMentionsView';
import { useT } from './i18n';

export interface PageEntitiesProps {
  rows: PageEntityRow[];
  selectedId: string | null;
  onPick: (row: PageEntityRow) => void;
}

export function PageEntities({ rows, selectedId, onPick }: PageEntitiesProps) {
  const t = useT();
  return (
    <>
      <p class="page-summary muted" role="status" aria-live="polite">
        {pageMentionsSummary(rows, t)}
      </p>
      {rows.length > 0 && (
        <>
          <p class="page-help muted" id="page-entities-help">
            {t('pageHelp')}
          </p>
          <ul class="page-entities" aria-describedby="page-entities-help">
            {rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  class={`page-entity${row.id === selectedId ? ' is-selected' : ''}`}
                  aria-pressed={row.id === selectedId}
                  data-entity={row.id}
                  onClick={() => onPick(row)}
                >
                  <bdi class="page-entity-name">{row.name}</bdi>
                  {row.kind && (
                    <>
                      {' '}
                      <bdi class="page-entity-kind">{kindName(row.kind, t)}</bdi>
                    </>
                  )}{' '}
                  <span class="page-entity-count">
                    {t.number(row.count)}
                    <span class="visually-hidden"> {t.plural('mentionWord', row.count)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
