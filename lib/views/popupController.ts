/**
 * The popup as a whole: the search (./searchController.ts), the site switch (./siteSwitch.ts),
 * and the page around them — whether it runs as the toolbar popup or in a tab (a tab keeps the
 * query in its address and stays open after opening something), the card's keyboard shortcut
 * shown in the hints, a query handed over while it runs (platform/handoff.ts), and the actions
 * that leave the popup. I/O injected. Pure.
 */
import type { EntitySummary, SearchHit } from '../messages/protocol';
import { SearchController, type SearchPorts } from './searchController';
import { SiteSwitchController, type SiteSwitchPorts } from './siteSwitch';
import { Store } from './store';

export interface PopupPorts extends SearchPorts, SiteSwitchPorts {
  /** True when the page runs in a tab rather than as the toolbar popup. */
  runsInTab(): Promise<boolean>;
  /** The card's keyboard shortcut as the browser has it set ("Alt+Shift+C"), or null when unset. */
  cardShortcut(): Promise<string | null>;
  /** Calls back with each query handed to the popup (one waiting at start included). */
  watchHandedQuery(callback: (query: string) => void): () => void;
  /** Calls back when the corpus changes (platform/corpusVersion.ts). */
  watchCorpus(callback: () => void): () => void;
  openReader(hit: SearchHit): Promise<unknown>;
  /** Opens the side panel, on an entity when given. Called synchronously from the click (user gesture). */
  openComparison(entityId: string | undefined): Promise<unknown>;
  /** Reads the page's article and opens it in the options page for confirmation (platform/addPage.ts). */
  addPage(): Promise<unknown>;
  /** Keeps the query in the page's address (only called in a tab). */
  setAddressQuery(query: string): void;
  /** Closes the toolbar popup (only called when not in a tab). */
  close(): void;
}

export interface PopupState {
  inTab: boolean;
  shortcut: string | null;
}

export interface PopupStart {
  /** The query in the page's own address (`#q=`), restored on reload. */
  query?: string;
  /** `?layout=popup`: keep the toolbar layout even in a tab (screenshots, tests). */
  forcePopupLayout?: boolean;
}

export class PopupController extends Store<PopupState> {
  readonly search: SearchController;
  readonly site: SiteSwitchController;

  constructor(private ports: PopupPorts) {
    super({ inTab: false, shortcut: null });
    this.search = new SearchController(ports);
    this.site = new SiteSwitchController(ports);
  }

  start(from: PopupStart = {}): () => void {
    if (from.query) this.search.setQuery(from.query);
    this.search.start();
    const offSite = this.site.start();
    const offHandOff = this.ports.watchHandedQuery((q) => this.search.setQuery(q));
    const offCorpus = this.ports.watchCorpus(() => this.search.corpusChanged());
    let lastQuery = this.search.get().query;
    const offAddress = this.search.subscribe(() => {
      const { query } = this.search.get();
      if (query === lastQuery) return;
      lastQuery = query;
      if (this.state.inTab) this.ports.setAddressQuery(query);
    });
    if (!from.forcePopupLayout) {
      void this.ports
        .runsInTab()
        .then((inTab) => {
          this.set({ inTab });
          if (inTab && this.search.get().query) this.ports.setAddressQuery(this.search.get().query);
        })
        .catch(() => undefined);
    }
    void this.ports
      .cardShortcut()
      .then((shortcut) => this.set({ shortcut }))
      .catch(() => undefined);
    return () => {
      offSite();
      offHandOff();
      offCorpus();
      offAddress();
      this.search.stop();
    };
  }

  /**
   * A key pressed in the search box. Returns true when the popup handled it (the caller then
   * prevents the default and, for Esc, keeps the popup open).
   */
  keyDown(key: string): boolean {
    if (key === 'ArrowDown' || key === 'ArrowUp') return this.search.move(key);
    if (key === 'Enter') {
      const hit = this.search.chosen();
      if (hit) this.open(hit);
      return !!hit;
    }
    if (key === 'Escape') return this.search.escape();
    return false;
  }

  open(hit: SearchHit): void {
    void this.ports.openReader(hit).then(() => this.leave());
  }

  compare(entity: EntitySummary | undefined): void {
    void this.ports.openComparison(entity?.id).then(() => this.leave());
  }

  /** "Add this page to the corpus": the options page takes over, so the toolbar popup closes. */
  addPage(): void {
    void this.ports.addPage().then(() => this.leave());
  }

  private leave(): void {
    if (!this.state.inTab) this.ports.close();
  }
}
