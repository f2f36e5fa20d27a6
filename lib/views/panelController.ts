/**
 * The side panel as a state machine: which tab it is about (a fixed one, or the active tab of its
 * window, followed as tabs change), what that tab's content script reports ("On this page"), the
 * entity being compared (picked here, or handed over by a card, the popup or the reader through
 * platform/handoff.ts) and its comparison. I/O injected: the panel passes the browser's tabs,
 * messages and storage, tests pass stubs. Pure.
 */
import type { Comparison, EntitySummary, PageMentions } from '../messages/protocol';
import { siteOf } from '../messages/pageUrls';
import { buildComparisonView, type ComparisonView } from './comparisonView';
import type { PageEntityRow } from './pageMentionsView';
import { Store, type Schedule } from './store';

export interface TabInfo {
  id: number;
  windowId?: number;
  url?: string;
  title?: string;
}

export type PageState =
  | { status: 'loading' }
  | { status: 'ready'; mentions: PageMentions }
  | { status: 'not-web' }
  | { status: 'off'; site: string }
  | { status: 'unavailable' };

type Unsubscribe = () => void;

export interface PanelPorts {
  /** The tab the panel is about: the fixed one (`?tab=`), else the active tab of its window. */
  targetTab(): Promise<TabInfo | null>;
  /** True when the panel follows the active tab (no fixed tab). */
  followsActiveTab: boolean;
  siteEnabled(site: string): Promise<boolean>;
  setSiteEnabled(site: string, enabled: boolean): Promise<unknown>;
  /** Asks the tab's top-frame content script for its mentions, and to report their changes from now on (`watchMentions`). */
  followMentions(tabId: number): Promise<PageMentions>;
  /** Scrolls the tab to the next mention of the entity; false when none is visible. */
  revealMention(tabId: number, entityId: string): Promise<boolean>;
  listEntities(): Promise<EntitySummary[]>;
  compare(entityId: string): Promise<Comparison>;
  /** Keeps the entity shown in the page's address, so a reload shows it again. */
  setAddressEntity(entityId: string): void;
  /** The window the panel lives in, once known. */
  windowId(): Promise<number | undefined>;
  watchMentions(callback: (tabId: number | undefined, frameId: number | undefined, mentions: PageMentions) => void): Unsubscribe;
  watchTabActivated(callback: (windowId: number) => void): Unsubscribe;
  watchTabUpdated(callback: (tabId: number, change: { status?: string; url?: string }) => void): Unsubscribe;
  watchSettings(callback: () => void): Unsubscribe;
  /** Calls back when the corpus changes (platform/corpusVersion.ts). */
  watchCorpus(callback: () => void): Unsubscribe;
  /** Each entity handed to the panel (one waiting at start included). */
  watchHandedEntity(callback: (entityId: string) => void): Unsubscribe;
  schedule: Schedule;
}

export interface PanelState {
  entities: EntitySummary[];
  tab: TabInfo | null;
  page: PageState;
  focusId: string | null;
  comparison: ComparisonView | null;
  compareError: string | null;
  /** Name of the entity whose mention could not be shown on the page. */
  revealMiss: string | null;
  /** Bumped when the reader picked an entity here, so the view can move focus to its comparison. */
  picks: number;
}

export const TOP_FRAME = 0;
/** The content script may not be running yet (page still loading): ask once more after this. */
export const RETRY_MS = 800;

export class PanelController extends Store<PanelState> {
  private refreshSeq = 0;
  private compareSeq = 0;
  private windowId: number | undefined;

  constructor(private ports: PanelPorts) {
    super({ entities: [], tab: null, page: { status: 'loading' }, focusId: null, comparison: null, compareError: null, revealMiss: null, picks: 0 });
  }

  /** Starts following the tab, the page and hand-offs; `entityId` is the one in the page's address. */
  start(entityId?: string): Unsubscribe {
    if (entityId) this.show(entityId);
    this.loadEntities();
    void this.ports.windowId().then((id) => (this.windowId = id));
    void this.retarget();
    const offs = [
      this.ports.watchHandedEntity((id) => this.show(id)),
      this.ports.watchMentions((tabId, frameId, mentions) => {
        if (tabId !== this.state.tab?.id || (frameId ?? TOP_FRAME) !== TOP_FRAME) return;
        this.refreshSeq++;
        this.set({ page: { status: 'ready', mentions } });
      }),
      this.ports.watchTabActivated((windowId) => {
        if (this.ports.followsActiveTab && (this.windowId === undefined || windowId === this.windowId)) void this.retarget();
      }),
      this.ports.watchTabUpdated((tabId, change) => {
        const { tab } = this.state;
        if (!tab || tabId !== tab.id) return;
        if (change.url) this.set({ tab: { ...tab, url: change.url } });
        if (change.status === 'loading' && change.url) this.set({ page: { status: 'loading' } });
        if (change.status === 'complete') void this.retarget();
      }),
      this.ports.watchSettings(() => void this.retarget()),
      // A new corpus version: the entity list and the comparison are asked again; the page's mentions follow from its content script.
      this.ports.watchCorpus(() => {
        this.loadEntities();
        const { focusId } = this.state;
        if (focusId) {
          this.set({ comparison: null, compareError: null });
          this.show(focusId);
        }
        void this.retarget();
      }),
    ];
    return () => {
      for (const off of offs) off();
      this.refreshSeq++;
      this.compareSeq++;
    };
  }

  private loadEntities(): void {
    this.ports
      .listEntities()
      .then((entities) => this.set({ entities }))
      .catch(() => undefined);
  }

  /** Shows the comparison for an entity (handed over, or from the page's address). */
  show(entityId: string): void {
    if (entityId === this.state.focusId && (this.state.comparison || this.state.compareError)) return;
    const seq = ++this.compareSeq;
    this.set({ focusId: entityId, compareError: null });
    this.ports.setAddressEntity(entityId);
    this.ports
      .compare(entityId)
      .then((c) => seq === this.compareSeq && this.set({ comparison: buildComparisonView(c) }))
      .catch((e: Error) => seq === this.compareSeq && this.set({ comparison: null, compareError: e.message || 'No comparison for this entity' }));
  }

  /** The reader picked an entity in the panel (picker or "On this page"). */
  pick(entityId: string): void {
    this.show(entityId);
    this.set({ picks: this.state.picks + 1 });
  }

  /** A row of "On this page": show its next mention on the page, and compare sources on it. */
  pickRow(row: Pick<PageEntityRow, 'id' | 'name'>): void {
    this.set({ revealMiss: null });
    const { tab } = this.state;
    if (tab) {
      this.ports
        .revealMention(tab.id, row.id)
        .then((found) => !found && this.set({ revealMiss: row.name }))
        .catch(() => this.set({ revealMiss: row.name }));
    }
    this.pick(row.id);
  }

  turnSiteOn(site: string): void {
    void this.ports.setSiteEnabled(site, true).catch(() => undefined);
  }

  async retarget(): Promise<void> {
    const tab = await this.ports.targetTab().catch(() => null);
    this.set({ tab, page: { status: 'loading' } });
    await this.refresh(tab, true);
  }

  /**
   * The tab's page as its content script reports it. Without the `tabs` permission the tab's URL
   * and title are unknown here (unless the browser granted activeTab): the content script's
   * report carries them. No content script (a browser page, the store, a PDF): not a web page.
   */
  private async refresh(tab: TabInfo | null, retry: boolean): Promise<void> {
    const seq = ++this.refreshSeq;
    const current = () => seq === this.refreshSeq;
    if (!tab || (tab.url !== undefined && !siteOf(tab.url))) return this.set({ page: { status: 'not-web' } });
    let mentions: PageMentions;
    try {
      mentions = await this.ports.followMentions(tab.id);
    } catch {
      if (!current()) return;
      if (retry) this.ports.schedule(() => void (current() && this.refresh(tab, false)), RETRY_MS);
      else this.set({ page: { status: tab.url === undefined ? 'not-web' : 'unavailable' } });
      return;
    }
    if (!current()) return;
    const site = siteOf(mentions.url);
    if (!site) return this.set({ page: { status: 'not-web' } });
    if (!(await this.ports.siteEnabled(site).catch(() => true))) {
      if (current()) this.set({ page: { status: 'off', site } });
      return;
    }
    if (current()) this.set({ tab: { ...tab, url: mentions.url, title: mentions.title ?? tab.title }, page: { status: 'ready', mentions } });
  }
}
