/** "On this page": the corpus places and groups found in the tab, with their mention counts. */
import { pageMentionsSummary, type PageEntityRow } from '../lib/views/pageMentionsView';

export interface PageEntitiesProps {
  rows: PageEntityRow[];
  selectedId: string | null;
  onPick: (row: PageEntityRow) => void;
}

export function PageEntities({ rows, selectedId, onPick }: PageEntitiesProps) {
  return (
    <>
      <p class="page-summary muted" role="status" aria-live="polite">
        {pageMentionsSummary(rows)}
      </p>
      {rows.length > 0 && (
        <ul class="page-entities">
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                class={`page-entity${row.id === selectedId ? ' is-selected' : ''}`}
                aria-pressed={row.id === selectedId}
                data-entity={row.id}
                title={`Show the next mention of ${row.name} on the page and compare sources on it`}
                onClick={() => onPick(row)}
              >
                <span class="page-entity-name">{row.name}</span>
                {row.kind && <span class="page-entity-kind">{row.kind}</span>}
                <span class="page-entity-count" aria-label={`${row.count} ${row.count === 1 ? 'mention' : 'mentions'}`}>
                  {row.count}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
