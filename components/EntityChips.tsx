/**
 * Corpus entities the query names, as buttons that open their comparison in the side panel. Each
 * button's name is its visible text ("Raqqa city 4 sources"), so speech input can say it.
 */
import type { EntitySummary } from '../lib/messages/protocol';

export function EntityChips({ entities, onPick }: { entities: EntitySummary[]; onPick: (entity: EntitySummary) => void }) {
  if (entities.length === 0) return null;
  return (
    <div class="chips" role="group" aria-labelledby="chips-label">
      <span id="chips-label" class="chips-label">
        Compare sources on
      </span>
      {entities.map((e) => (
        <button key={e.id} type="button" class="chip" data-entity={e.id} onClick={() => onPick(e)}>
          <span class="chip-name">{e.name}</span> <span class="chip-kind">{e.kind}</span>{' '}
          <span class="chip-count">
            {e.sourceCount} {e.sourceCount === 1 ? 'source' : 'sources'}
          </span>
        </button>
      ))}
    </div>
  );
}
