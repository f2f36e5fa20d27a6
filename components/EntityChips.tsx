/** Corpus entities the query names, as buttons that open their comparison in the side panel. */
import type { EntitySummary } from '../lib/messages/protocol';

export function EntityChips({ entities, onPick }: { entities: EntitySummary[]; onPick: (entity: EntitySummary) => void }) {
  if (entities.length === 0) return null;
  return (
    <div class="chips" role="group" aria-label="Compare sources on">
      <span class="chips-label" aria-hidden="true">
        Compare
      </span>
      {entities.map((e) => (
        <button
          key={e.id}
          type="button"
          class="chip"
          data-entity={e.id}
          aria-label={`Compare sources on ${e.name} (${e.kind}, in ${e.sourceCount} sources) in the side panel`}
          onClick={() => onPick(e)}
        >
          <span class="chip-name">{e.name}</span>
          <span class="chip-kind">{e.kind}</span>
          <span class="chip-count" title={`Mentioned in ${e.sourceCount} sources`}>
            {e.sourceCount}
          </span>
        </button>
      ))}
    </div>
  );
}
