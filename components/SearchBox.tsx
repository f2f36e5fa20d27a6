/**
 * The search box: a combobox whose results stay in the list below while the caret stays in the
 * box (WAI-ARIA combobox with aria-activedescendant). Keys are handled by the owner. The label is
 * visible: the placeholder only gives examples.
 */
import type { Ref } from 'preact';

export interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  /** id of the listbox the box controls. */
  listId: string;
  /** id of the active option, if any. */
  activeId?: string;
  /** id of the element announcing the result count. */
  describedBy?: string;
  expanded: boolean;
  placeholder?: string;
  label: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox(props: SearchBoxProps) {
  return (
    <div class="search-box">
      <label class="search-label" htmlFor="search-input">
        {props.label}
      </label>
      <div class="search-field">
        <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        <input
          id="search-input"
          ref={props.inputRef}
          class="search-input"
          type="search"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-controls={props.listId}
          aria-expanded={props.expanded}
          aria-activedescendant={props.activeId}
          aria-describedby={props.describedBy}
          placeholder={props.placeholder}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
          onKeyDown={props.onKeyDown}
        />
      </div>
    </div>
  );
}
