/**
 * Corpus entities the query names, as buttons that open their comparison in the side panel. Each
 * button's name is its visible text ("Raqqa city 4 sources"), so speech input can say it.
 */
import { kindName } from '../lib/card/cardText';
import type { EntitySummary } from '../lib/messages/protocol';
import { useT } from './i18n';

export function EntityChips({ entities, onPick }: { entities: EntitySummary[]; onPick: (entity: EntitySummary) => void }) {
  const t = useT();
  if (entities.length === 0) return null;
  return (
    <div class="chips" role="group" aria-labelledby="chips-label">
      <span id="chips-label" class="chips-label">
        {t('pickerLabel')}
      </span>
      {entities.map((e) => (
        <button key={e.id} type="button" class="chip" data-entity={e.id} onClick={() => onPick(e)}>
          <bdi class="chip-name">{e.name}</bdi> <bdi class="chip-kind">{kindName(e.kind, t)}</bdi>{' '}
          <span class="chip-count">
            {t.plural('sources', e.sourceCount)}
          </span>
        </button>
      ))}
    </div>
  );
}
