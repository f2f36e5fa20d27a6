/**
 * Pick an entity to compare by typing: a combobox over the corpus entities, matched by name here
 * and by any alias ("Daesh", "Kirkook") through an injected lookup (the background's).
 */
import { kindName } from '../lib/card/cardText';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { filterEntities, mergeEntityMatches } from '../lib/views/entityFilter';
import type { EntitySummary } from '../lib/messages/protocol';
import { LatestOnly, moveSelection } from '../lib/views/searchView';
import { useT } from './i18n';

export interface EntityPickerProps {
  entities: EntitySummary[];
  /** Entities named by the text through any alias ("Daesh", "Kirkook"): the background's lookup. */
  findEntities: (text: string) => Promise<EntitySummary[]>;
  onPick: (entity: EntitySummary) => void;
}

export function EntityPicker({ entities, findEntities, onPick }: EntityPickerProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [byAlias, setByAlias] = useState<EntitySummary[]>([]);
  const [active, setActive] = useState(-1);
  const latest = useRef(new LatestOnly());

  useEffect(() => {
    const ticket = latest.current.next();
    if (text.trim().length < 2) return void setByAlias([]);
    const timer = setTimeout(() => {
      findEntities(text)
        .then((found) => latest.current.isCurrent(ticket) && setByAlias(found))
        .catch(() => undefined);
    }, 80);
    return () => clearTimeout(timer);
  }, [text]);

  const suggestions = useMemo(() => mergeEntityMatches(filterEntities(entities, text), text.trim() ? byAlias : []), [entities, text, byAlias]);
  const open = text.trim().length > 0;

  const pick = (e: EntitySummary) => {
    onPick(e);
    setText('');
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(moveSelection(active, e.key, suggestions.length));
    } else if (e.key === 'Enter') {
      const choice = suggestions[active] ?? suggestions[0];
      if (choice) {
        e.preventDefault();
        pick(choice);
      }
    } else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
      setActive(-1);
    }
  };

  return (
    <div class="picker">
      <label htmlFor="entity-picker" id="entity-picker-label" class="picker-label">
        {t('pickerLabel')}
      </label>
      <input
        id="entity-picker"
        class="field picker-input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-controls="entity-suggestions"
        aria-expanded={open && suggestions.length > 0}
        aria-activedescendant={active >= 0 && suggestions[active] ? `suggestion-${suggestions[active].id}` : undefined}
        placeholder={t('pickerPlaceholder')}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id="entity-suggestions" role="listbox" class="suggestions" aria-label={t('placesAndGroups')}>
          {suggestions.length === 0 && (
            <li class="suggestion-none muted" role="presentation">
              {t('pickerNone')}
            </li>
          )}
          {suggestions.map((s, i) => (
            <li
              key={s.id}
              id={`suggestion-${s.id}`}
              role="option"
              aria-selected={i === active}
              class={`suggestion${i === active ? ' is-active' : ''}`}
              data-entity={s.id}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(s)}
            >
              <bdi class="suggestion-name">{s.name}</bdi>
              <span class="suggestion-kind muted">
                <bdi>{kindName(s.kind, t)}</bdi> · {t.plural('sources', s.sourceCount)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
