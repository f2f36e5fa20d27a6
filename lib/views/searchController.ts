/**
 * The popup's search as a state machine: the query and filters, a lightly debounced request per
 * change of either (only the newest answer is shown; the shown hits are narrowed at once while
 * the background answers), the filters' lists asked once, and the keyboard selection (focus stays
 * in the box, ↑/↓ move an active result, Enter opens it, Esc clears). Its I/O is injected: the
 * popup passes the background's messages, tests pass stubs. Pure.
 */
import { ENGLISH } from '../i18n/english';
import type { T } from '../i18n/keys';
import type { EntityType } from '../corpus/types';
import type { Facets, SearchHit, SearchResult } from '../messages/protocol';
import type { Params } from '../messages/registry';
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
  type FacetOption,
  type HitGroup,
  type SearchFilters,
  type SelectionKey,
} from './searchView';
import { Store, type Schedule } from './store';

export interface SearchPorts {
  search(params: Params<'search'>): Promise<SearchResult>;
  facets(): Promise<Facets>;
  /** Each entity's type, for narrowing shown hits by the entity-type filter. */
  entityTypes(): Promise<ReadonlyMap<string, EntityType>>;
  schedule: Schedule;
}

export interface SearchState {
  query: string;
  filters: SearchFilters;
  result: SearchResult | null;
  error: string | null;
  facets: Facets;
  types: ReadonlyMap<string, EntityType>;
  activeKey: string | null;
}

/** What the popup draws, derived from the state. */
export interface SearchView {
  groups: HitGroup[];
  flat: SearchHit[];
  active: SearchHit | undefined;
  status: string;
  hasQuery: boolean;
  filterCount: number;
  sources: FacetOption[];
  perspectives: FacetOption[];
}

export const SEARCH_DEBOUNCE_MS = 60;

export class SearchController extends Store<SearchState> {
  private latest = new LatestOnly();
  private cancelPending: () => void = () => undefined;
  private facetsAsked = false;
  private derived: { from: SearchState; t: T; view: SearchView } | null = null;

  constructor(
    private ports: SearchPorts,
    private debounceMs = SEARCH_DEBOUNCE_MS,
  ) {
    super({
      query: '',
      filters: NO_FILTERS,
      result: null,
      error: null,
      facets: { sources: [], perspectives: [] },
      types: new Map(),
      activeKey: null,
    });
  }

  /** Asks for the filters' lists and the entity types. */
  start(): void {
    this.facetsAsked = false;
    this.loadFacets();
    this.ports
      .entityTypes()
      .then((types) => this.set({ types }))
      .catch(() => undefined);
  }

  /** The corpus changed (a new version): the lists, the types and the shown results are asked again. */
  corpusChanged(): void {
    this.start();
    this.request();
  }

  stop(): void {
    this.cancelPending();
    this.latest.next();
  }

  setQuery(query: string): void {
    this.set({ query, activeKey: null });
    this.request();
  }

  setFilters(filters: SearchFilters): void {
    this.set({ filters });
    this.request();
  }

  clearFilters(): void {
    this.setFilters(NO_FILTERS);
  }

  /** ↑/↓/Home/End: moves the active result; returns false when there is nothing to move over. */
  move(key: SelectionKey): boolean {
    const { flat } = this.view();
    if (flat.length === 0) return false;
    const next = moveSelection(this.activeIndex(), key, flat.length);
    this.set({ activeKey: next >= 0 ? hitKey(flat[next]!) : null });
    return true;
  }

  /** Enter: the result to open (the active one, else the first), if any. */
  chosen(): SearchHit | undefined {
    const { active, flat } = this.view();
    return active ?? flat[0];
  }

  /** Esc: clears the query and selection; false when there was nothing to clear (the popup may close). */
  escape(): boolean {
    if (!this.state.query && !this.state.activeKey) return false;
    this.setQuery('');
    return true;
  }

  /** The view, its status line worded by `t`. */
  view(t: T = this.derived?.t ?? ENGLISH): SearchView {
    if (this.derived?.from === this.state && this.derived.t === t) return this.derived.view;
    const s = this.state;
    const groups = groupHitsByDocument(s.result?.hits ?? []);
    const flat = flattenGroups(groups);
    const index = reconcileSelection(s.activeKey, flat.map(hitKey));
    const filterCount = activeFilterCount(s.filters);
    const view: SearchView = {
      groups,
      flat,
      active: index >= 0 ? flat[index] : undefined,
      status: s.error ?? resultStatus(s.query, groups, filterCount > 0, t),
      hasQuery: s.query.trim().length > 0,
      filterCount,
      sources: sourceOptions(s.facets.sources, t),
      perspectives: perspectiveOptions(s.facets.perspectives),
    };
    this.derived = { from: s, t, view };
    return view;
  }

  private activeIndex(): number {
    return reconcileSelection(this.state.activeKey, this.view().flat.map(hitKey));
  }

  private loadFacets(): void {
    if (this.facetsAsked) return;
    this.facetsAsked = true;
    this.ports
      .facets()
      .then((facets) => this.set({ facets }))
      .catch(() => void (this.facetsAsked = false)); // asked again after the next answer
  }

  private request(): void {
    this.cancelPending();
    const ticket = this.latest.next();
    const { query, filters, result, types } = this.state;
    const q = query.trim();
    if (!q) return this.set({ result: null, error: null });
    // Narrow what is shown at once; the background's answer replaces it.
    if (result) this.set({ result: { ...result, hits: applyFilters(result.hits, filters, (id) => types.get(id)) } });
    this.cancelPending = this.ports.schedule(() => {
      this.ports
        .search(toSearchParams(q, filters))
        .then((answer) => {
          if (!this.latest.isCurrent(ticket)) return;
          this.set({ result: answer, error: null });
          this.loadFacets();
        })
        .catch((e: Error) => {
          if (this.latest.isCurrent(ticket)) this.set({ error: e.message || 'The search failed' });
        });
    }, this.debounceMs);
  }
}
