/**
 * The popup: search the corpus as you type, grouped by document, with filters and entity chips;
 * the on/off switch for the current site; a way to the side panel. Also runs as a full tab
 * (popup.html#q=… from openSearch's fallback). `?tab=ID` points it at a tab (tests).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { EntityChips } from '../../components/EntityChips';
import { currentWindowId, openComparison, openReader, runsInTab, targetTab } from '../../platform/extensionPages';
import { ResultList, resultOptionId } from '../../components/ResultList';
import { SearchBox } from '../../components/SearchBox';
import { SearchFilters } from '../../components/SearchFilters';
import { SiteSwitch } from '../../components/SiteSwitch';
import { parsePopupLocation, queryHash, siteOf } from '../../lib/messages/pageUrls';
import type { EntitySummary, Facets, SearchHit, SearchResult } from '../../lib/messages/protocol';
import {
  LatestOnly,
  NO_FILTERS,
  activeFilterCount,
  applyFilters,
  flattenGroups,
  groupHitsByDocument,
  hitKey,
  moveSelection,
  perspectiveOptions,
  reconcileSelection,
  resultStatus,
  sourceOptions,
  toSearchParams,
  type SearchFilters as Filters,
} from '../../lib/views/searchView';
import type { EntityType } from '../../lib/corpus/types';
import { backgroundMessenger } from '../../platform/messaging';
import { getSettings, isSiteEnabled, setSiteEnabled, watchSettings } from '../../platform/settings';
import { SEARCH_QUERY_KEY } from '../../platform/sidePanel';

const DEBOUNCE_MS = 60;
const EXAMPLES = ['Raqqa', 'Daesh', 'Deir Ezzur', 'Kirkook', 'civilians displaced'];
const LIST_ID = 'results';
const STATUS_ID = 'result-status';

async function initialQuery(): Promise<string> {
  const fromUrl = parsePopupLocation(location.search, location.hash).query;
  if (fromUrl) return fromUrl;
  try {
    const stored = (await browser.storage.session.get(SEARCH_QUERY_KEY))[SEARCH_QUERY_KEY];
    if (typeof stored === 'string' && stored) {
      await browser.storage.session.remove(SEARCH_QUERY_KEY);
      return stored;
    }
  } catch {
    // storage.session unavailable: start empty.
  }
  return '';
}

function useSiteSwitch(tabId: number | undefined) {
  const [site, setSite] = useState<string | null>(null);
  const [enabled, setEnabled] = useState(true);
  useEffect(() => {
    let alive = true;
    void (async () => {
      const tab = await targetTab(tabId);
      const host = siteOf(tab?.url);
      const settings = await getSettings();
      if (!alive) return;
      setSite(host);
      if (host) setEnabled(isSiteEnabled(settings, host));
    })();
    return () => void (alive = false);
  }, [tabId]);
  useEffect(() => (site ? watchSettings((s) => setEnabled(isSiteEnabled(s, site))) : undefined), [site]);
  const toggle = (on: boolean) => {
    if (!site) return;
    setEnabled(on);
    void setSiteEnabled(site, on);
  };
  return { site, enabled, toggle };
}

export function App() {
  const location0 = useMemo(() => parsePopupLocation(location.search, location.hash), []);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [facets, setFacets] = useState<Facets>({ sources: [], perspectives: [] });
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inTab, setInTab] = useState(false);
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [types, setTypes] = useState<Map<string, EntityType>>(new Map());
  const [filtersOpen, setFiltersOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef(new LatestOnly());
  const siteSwitch = useSiteSwitch(location0.tabId);
  // The filters' lists, asked once (searches no longer carry them); asked again after a search
  // answer if the first request failed.
  const facetsAsked = useRef(false);
  const loadFacets = () => {
    if (facetsAsked.current) return;
    facetsAsked.current = true;
    backgroundMessenger
      .sendMessage('facets', undefined)
      .then(setFacets)
      .catch(() => void (facetsAsked.current = false));
  };

  // Start: the query handed over (URL or storage.session), facets, page mode, window.
  useEffect(() => {
    void initialQuery().then((q) => q && setQuery(q));
    void (location0.layout === 'popup' ? Promise.resolve(false) : runsInTab()).then((tab) => {
      setInTab(tab);
      document.documentElement.classList.toggle('in-tab', tab);
    });
    void currentWindowId().then(setWindowId);
    loadFacets();
    backgroundMessenger
      .sendMessage('listEntities', undefined)
      .then((r) => setTypes(new Map(r.entities.map((e) => [e.id, e.type]))))
      .catch(() => undefined);
    inputRef.current?.focus();
  }, []);

  // Search as you type, lightly debounced; only the newest answer is shown.
  useEffect(() => {
    const q = query.trim();
    const ticket = latest.current.next();
    if (!q) {
      setResult(null);
      setError(null);
      return;
    }
    // Narrow what is shown at once; the background's answer replaces it.
    setResult((r) => (r ? { ...r, hits: applyFilters(r.hits, filters, (id) => types.get(id)) } : r));
    const timer = setTimeout(() => {
      backgroundMessenger
        .sendMessage('search', toSearchParams(q, filters))
        .then((r) => {
          if (!latest.current.isCurrent(ticket)) return;
          setResult(r);
          setError(null);
          loadFacets();
        })
        .catch((e: Error) => {
          if (latest.current.isCurrent(ticket)) setError(e.message || 'The search failed');
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, filters]);

  // In a tab, keep the query in the address so a reload keeps it.
  useEffect(() => {
    if (inTab && location.hash !== queryHash(query)) history.replaceState(null, '', location.pathname + location.search + queryHash(query));
  }, [query, inTab]);

  const groups = useMemo(() => groupHitsByDocument(result?.hits ?? []), [result]);
  const flat = useMemo(() => flattenGroups(groups), [groups]);
  const keys = useMemo(() => flat.map(hitKey), [flat]);
  const activeIndex = reconcileSelection(activeKey, keys);
  const active = activeIndex >= 0 ? flat[activeIndex] : undefined;
  const status = error ?? resultStatus(query, groups, activeFilterCount(filters) > 0);
  const sources = useMemo(() => sourceOptions(facets.sources), [facets]);
  const perspectives = useMemo(() => perspectiveOptions(facets.perspectives), [facets]);

  const open = (hit: SearchHit) => {
    void openReader(hit.passage.docId, hit.passage.id).then(() => {
      if (!inTab) window.close();
    });
  };
  const compare = (entity: EntitySummary) => {
    void openComparison(entity.id, windowId).then(() => {
      if (!inTab) window.close();
    });
  };
  const openPanel = () => {
    void openComparison(undefined, windowId).then(() => {
      if (!inTab) window.close();
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = moveSelection(activeIndex, e.key, flat.length);
      setActiveKey(next >= 0 ? keys[next]! : null);
    } else if (e.key === 'Enter') {
      const hit = active ?? flat[0];
      if (hit) {
        e.preventDefault();
        open(hit);
      }
    } else if (e.key === 'Escape') {
      if (query || activeKey) {
        // Clear instead of closing the popup; a second Esc closes it.
        e.preventDefault();
        e.stopPropagation();
        setQuery('');
        setActiveKey(null);
      }
    }
  };

  const filterCount = activeFilterCount(filters);
  const hasQuery = query.trim().length > 0;

  return (
    <div class="popup">
      <header class="popup-header">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          Counterpoint
        </h1>
        <SiteSwitch site={siteSwitch.site} enabled={siteSwitch.enabled} onToggle={siteSwitch.toggle} />
        <button type="button" class="btn btn-panel" onClick={openPanel} title="Compare sources for the places and groups on this page">
          <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true" focusable="false">
            <rect x="2.5" y="3.5" width="15" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
            <path d="M12 4v12" stroke="currentColor" stroke-width="1.6" />
          </svg>
          Side panel
        </button>
      </header>

      <div class="search-area">
        <SearchBox
          value={query}
          onInput={(v) => {
            setQuery(v);
            setActiveKey(null);
          }}
          onKeyDown={onKeyDown}
          listId={LIST_ID}
          activeId={active ? resultOptionId(active) : undefined}
          describedBy={STATUS_ID}
          expanded={flat.length > 0}
          label="Search the corpus"
          placeholder="Search the corpus — Raqqa, Daesh, Kirkook…"
          inputRef={inputRef}
          autoFocus
        />
        <details class="filters-disclosure" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
          <summary>
            Filters{filterCount > 0 && <span class="filter-count"> ({filterCount} on)</span>}
          </summary>
          <SearchFilters filters={filters} sources={sources} perspectives={perspectives} onChange={setFilters} />
          {filterCount > 0 && (
            <button type="button" class="btn-link clear-filters" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </button>
          )}
        </details>
        <p id={STATUS_ID} class="status" role="status" aria-live="polite">
          {status}
        </p>
      </div>

      <main class="popup-body" data-query={result?.query ?? ''}>
        {result && <EntityChips entities={result.entities} onPick={compare} />}
        {!hasQuery && (
          <div class="empty">
            <p>Search {facets.sources.length || 'the'} sources on the wars in Syria and Iraq. Spelling variants are fine.</p>
            <p class="examples">
              <span class="muted">Try </span>
              {EXAMPLES.map((x) => (
                <button key={x} type="button" class="example" onClick={() => (setQuery(x), inputRef.current?.focus())}>
                  {x}
                </button>
              ))}
            </p>
            <p class="hint muted">
              <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Enter</kbd> opens the passage in its document · <kbd>Esc</kbd> clears
            </p>
          </div>
        )}
        {hasQuery && result && flat.length === 0 && !error && (
          <div class="empty no-results">
            <p>Nothing in the corpus matches “{query.trim()}”.</p>
            {filterCount > 0 ? (
              <button type="button" class="btn" onClick={() => setFilters(NO_FILTERS)}>
                Search without filters
              </button>
            ) : (
              <p class="muted">Try another spelling, a shorter word, or a place or group name.</p>
            )}
          </div>
        )}
        <ResultList id={LIST_ID} groups={groups} activeKey={active ? hitKey(active) : null} onOpen={open} />
      </main>
    </div>
  );
}

