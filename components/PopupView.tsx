/**
 * The popup's page: the header (brand, the site switch, the way to the side panel), the search
 * landmark (labelled box, filters, the status line read out to screen readers), and the results,
 * drawn from lib/views/popupController.ts. Keys typed in the box go to the controller; focus stays
 * in the box while ↑/↓ move the active result.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { PopupController } from '../lib/views/popupController';
import { hitKey } from '../lib/views/searchView';
import { siteSwitchView } from '../lib/views/siteSwitch';
import { EntityChips } from './EntityChips';
import { ResultList, resultOptionId } from './ResultList';
import { SearchBox } from './SearchBox';
import { SearchFilters } from './SearchFilters';
import { ShortcutHint } from './ShortcutHint';
import { SiteSwitch } from './SiteSwitch';
import { StanceKey } from './StanceKey';
import { useStore } from './useStore';
import { useT } from './i18n';

const EXAMPLES = ['Raqqa', 'Daesh', 'Deir Ezzur', 'Kirkook', 'civilians displaced'];
const LIST_ID = 'results';
const STATUS_ID = 'result-status';

export function PopupView({ popup }: { popup: PopupController }) {
  const page = useStore(popup);
  const state = useStore(popup.search);
  const site = useStore(popup.site);
  const t = useT();
  const view = popup.search.view(t);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => void document.documentElement.classList.toggle('in-tab', page.inTab), [page.inTab]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!popup.keyDown(e.key)) return;
    e.preventDefault();
    if (e.key === 'Escape') e.stopPropagation(); // cleared, not closed: a second Esc closes the popup
  };
  const { query, filters, result, error } = state;
  const { flat, active, filterCount, hasQuery } = view;

  return (
    <div class="popup">
      <header class="popup-header">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          Counterpoint
        </h1>
        <SiteSwitch view={siteSwitchView(site, t)} onToggle={(on) => popup.site.toggle(on)} onTurnOn={() => popup.site.turnOnEverywhere()} />
        <button type="button" class="btn btn-panel" onClick={() => popup.compare(undefined)}>
          <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
            <rect x="2.5" y="3.5" width="15" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
            <path d="M12 4v12" stroke="currentColor" stroke-width="1.6" />
          </svg>
          {t('popupSidePanel')}
        </button>
        {site.site && (
          <button type="button" class="btn btn-add-page" onClick={() => popup.addPage()}>
            {t('popupAddPage')}
          </button>
        )}
      </header>

      <div class="search-area" role="search">
        <SearchBox
          value={query}
          onInput={(v) => popup.search.setQuery(v)}
          onKeyDown={onKeyDown}
          listId={LIST_ID}
          activeId={active ? resultOptionId(active) : undefined}
          describedBy={STATUS_ID}
          expanded={flat.length > 0}
          label={t('cmdSearch')}
          placeholder={t('popupPlaceholder')}
          inputRef={inputRef}
        />
        <details class="filters-disclosure">
          <summary>
            {t('filters')}
            {filterCount > 0 && <span class="filter-count">{t('filtersOn', filterCount)}</span>}
          </summary>
          <SearchFilters filters={filters} sources={view.sources} perspectives={view.perspectives} onChange={(f) => popup.search.setFilters(f)} />
          {filterCount > 0 && (
            <button type="button" class="btn-link clear-filters" onClick={() => popup.search.clearFilters()}>
              {t('clearFilters')}
            </button>
          )}
        </details>
        <p id={STATUS_ID} class="status" role="status" aria-live="polite">
          {view.status}
        </p>
      </div>

      <main class="popup-body" data-query={result?.query ?? ''}>
        {result && <EntityChips entities={result.entities} onPick={(e) => popup.compare(e)} />}
        {result?.team?.unreachable && (
          <p class="status team-note" role="status">
            {t('teamUnreachable', result.team.name)}
          </p>
        )}
        {!hasQuery && (
          <div class="empty">
            <p>{state.facets.sources.length ? t.plural('popupIntro', state.facets.sources.length) : t('popupIntroAny')}</p>
            <p class="examples">
              <span class="muted">{t('popupTry')}</span>
              {EXAMPLES.map((x) => (
                <button key={x} type="button" class="example" onClick={() => (popup.search.setQuery(x), inputRef.current?.focus())}>
                  {x}
                </button>
              ))}
            </p>
            <p class="hint muted">
              <kbd>↑</kbd> <kbd>↓</kbd> {t('keysMove')} · <kbd>Enter</kbd> {t('keysOpen')} · <kbd>Esc</kbd> {t('keysClear')}
            </p>
            <ShortcutHint shortcut={page.shortcut} />
          </div>
        )}
        {hasQuery && result && flat.length === 0 && !error && (
          <div class="empty no-results">
            <p>{t('popupNoMatch', t('quoted', query.trim()))}</p>
            {filterCount > 0 ? (
              <button type="button" class="btn" onClick={() => popup.search.clearFilters()}>
                {t('popupWithoutFilters')}
              </button>
            ) : (
              <p class="muted">{t('popupTryAnother')}</p>
            )}
          </div>
        )}
        <ResultList id={LIST_ID} groups={view.groups} activeKey={active ? hitKey(active) : null} onOpen={(hit) => popup.open(hit)} />
        {flat.length > 0 && <StanceKey />}
      </main>
    </div>
  );
}
