/**
 * The side panel (Chrome) / sidebar (Firefox): the corpus places and groups on the active tab,
 * and a comparison of what every source says about one of them.
 *
 * Which tab: `?tab=ID` when given (tests open the panel page in a tab), else the active tab of
 * the panel's window, followed as tabs change. Which entity: `#entity=ID`, storage.session's
 * FOCUS_KEY (left by the background or popup for a panel that is starting), a focusEntity
 * message (for a panel already open), a click in "On this page", or the picker.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Comparison } from '../../components/Comparison';
import { EntityPicker } from '../../components/EntityPicker';
import { currentWindowId, openReader, targetTab, type TabInfo } from '../../platform/extensionPages';
import { PageEntities } from '../../components/PageEntities';
import { buildComparisonView, type ComparisonView } from '../../lib/views/comparisonView';
import { pageEntityRows, type PageEntityRow } from '../../lib/views/pageMentionsView';
import { entityHash, parsePanelLocation, siteOf } from '../../lib/messages/pageUrls';
import type { EntitySummary, PageMentions } from '../../lib/messages/protocol';
import { isExtensionPage, isReportFromTab } from '../../lib/messages/senders';
import { pageMessenger, tabMessenger, panelMessenger } from '../../platform/messaging';
import { getSettings, isSiteEnabled, setSiteEnabled, watchSettings } from '../../platform/settings';
import { FOCUS_KEY } from '../../platform/sidePanel';

type PageState =
  | { status: 'loading' }
  | { status: 'ready'; mentions: PageMentions }
  | { status: 'not-web' }
  | { status: 'off'; site: string }
  | { status: 'unavailable' };

const TOP_FRAME = 0;

export function App() {
  const fixedTab = useMemo(() => parsePanelLocation(location.search, location.hash).tabId, []);
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [focusId, setFocusId] = useState<string | null>(() => parsePanelLocation('', location.hash).entityId ?? null);
  const [comparison, setComparison] = useState<ComparisonView | null>(null);
  const [compareError, setCompareError] = useState<string | null>(null);
  const [revealMiss, setRevealMiss] = useState<string | null>(null);
  const tabRef = useRef<number | null>(null);
  const refreshSeq = useRef(0);
  const comparisonRef = useRef<HTMLDivElement>(null);

  const byId = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities]);
  const rows = useMemo(() => (page.status === 'ready' ? pageEntityRows(page.mentions, byId) : []), [page, byId]);

  /** Asks the tab's content script (top frame) for its mentions. */
  async function refresh(target: TabInfo | null, retry = true): Promise<void> {
    const seq = ++refreshSeq.current;
    const current = () => seq === refreshSeq.current;
    if (!target) return void setPage({ status: 'not-web' });
    const site = siteOf(target.url);
    if (!site) return void setPage({ status: 'not-web' });
    if (!isSiteEnabled(await getSettings(), site)) return void (current() && setPage({ status: 'off', site }));
    try {
      const mentions = await tabMessenger.sendMessage('pageMentions', undefined, { tabId: target.id, frameId: TOP_FRAME });
      if (current()) setPage({ status: 'ready', mentions });
    } catch {
      if (!current()) return;
      // The content script may not be running yet (page still loading): try once more.
      if (retry) setTimeout(() => current() && void refresh(target, false), 800);
      else setPage({ status: 'unavailable' });
    }
  }

  async function retarget(): Promise<void> {
    const t = await targetTab(fixedTab);
    tabRef.current = t?.id ?? null;
    setTab(t);
    setPage({ status: 'loading' });
    await refresh(t);
  }

  useEffect(() => {
    pageMessenger
      .sendMessage('listEntities', undefined)
      .then((r) => setEntities(r.entities))
      .catch(() => undefined);
    void retarget();

    // The entity a card or the popup asked for, left for a panel that is starting.
    void browser.storage.session
      .get(FOCUS_KEY)
      .then((got) => {
        const id = got[FOCUS_KEY];
        if (typeof id === 'string' && id) {
          setFocusId(id);
          return browser.storage.session.remove(FOCUS_KEY);
        }
      })
      .catch(() => undefined);
    const offFocus = panelMessenger.onMessage('focusEntity', ({ data, sender }) => {
      if (isExtensionPage(sender, { id: browser.runtime.id, origin: browser.runtime.getURL('/') })) setFocusId(data.entityId);
    });
    const offMentions = panelMessenger.onMessage('pageMentionsChanged', ({ data, sender }) => {
      if (!isReportFromTab(sender, browser.runtime.id, tabRef.current ?? undefined)) return;
      refreshSeq.current++;
      setPage({ status: 'ready', mentions: data });
    });

    let windowId: number | undefined;
    void currentWindowId().then((id) => (windowId = id));
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (fixedTab === undefined && (windowId === undefined || info.windowId === windowId)) void retarget();
    };
    const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
      if (tabId !== tabRef.current) return;
      if (change.url) setTab((t) => (t ? { ...t, url: change.url } : t));
      if (change.status === 'loading' && change.url) setPage({ status: 'loading' });
      if (change.status === 'complete') void retarget();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const offSettings = watchSettings(() => void retarget());

    const onHash = () => {
      const id = parsePanelLocation('', location.hash).entityId;
      if (id) setFocusId(id);
    };
    addEventListener('hashchange', onHash);

    return () => {
      offFocus();
      offMentions();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      offSettings();
      removeEventListener('hashchange', onHash);
    };
  }, []);

  useEffect(() => {
    if (!focusId) return;
    // The address follows the entity shown, so a reload (or a test) sees it.
    if (parsePanelLocation('', location.hash).entityId !== focusId) {
      history.replaceState(null, '', location.pathname + location.search + entityHash(focusId));
    }
    let alive = true;
    setCompareError(null);
    pageMessenger
      .sendMessage('compare', { entityId: focusId })
      .then((c) => alive && setComparison(buildComparisonView(c)))
      .catch((e: Error) => alive && (setComparison(null), setCompareError(e.message || 'No comparison for this entity')));
    return () => void (alive = false);
  }, [focusId]);

  const pickRow = (row: PageEntityRow) => {
    setRevealMiss(null);
    if (tab) {
      tabMessenger
        .sendMessage('revealMention', { entityId: row.id }, { tabId: tab.id, frameId: TOP_FRAME })
        .then((r) => !r.found && setRevealMiss(row.name))
        .catch(() => setRevealMiss(row.name));
    }
    show(row.id);
  };

  const show = (id: string) => {
    setFocusId(id);
    requestAnimationFrame(() => comparisonRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };

  const findByAlias = (text: string) =>
    pageMessenger.sendMessage('search', { query: text, limit: 1 }).then((r) => r.entities);

  return (
    <div class="panel">
      <header class="panel-header">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" width={18} height={18} />
          Counterpoint
        </h1>
      </header>

      <section class="panel-section on-page" aria-labelledby="on-page-title">
        <h2 id="on-page-title" class="section-title">
          On this page
          {tab?.title && page.status !== 'not-web' && (
            <span class="section-sub" title={tab.url}>
              {tab.title}
            </span>
          )}
        </h2>
        {page.status === 'loading' && <p class="muted">Reading the page…</p>}
        {page.status === 'not-web' && <p class="muted">Open a web page to see the places and groups it mentions.</p>}
        {page.status === 'unavailable' && (
          <p class="muted">Counterpoint cannot read this page. Reload it if it was open before Counterpoint was installed.</p>
        )}
        {page.status === 'off' && (
          <p class="muted">
            Counterpoint is off for <strong>{page.site}</strong>.{' '}
            <button type="button" class="btn-link" onClick={() => void setSiteEnabled(page.site, true)}>
              Turn it on
            </button>
          </p>
        )}
        {page.status === 'ready' && <PageEntities rows={rows} selectedId={focusId} onPick={pickRow} />}
        {revealMiss && (
          <p class="muted reveal-miss" role="status">
            No mention of {revealMiss} is visible on the page now.
          </p>
        )}
      </section>

      <section class="panel-section" aria-label="Compare sources">
        <EntityPicker entities={entities} findByAlias={findByAlias} onPick={(e) => show(e.id)} />
      </section>

      <div ref={comparisonRef} class="panel-comparison">
        {compareError && (
          <p class="panel-error" role="alert">
            {compareError}
          </p>
        )}
        {comparison && !compareError && <Comparison view={comparison} onOpenPassage={(p) => void openReader(p.docId, p.id)} />}
        {!comparison && !compareError && (
          <p class="panel-hint muted">
            Pick a place or group above, or click “Compare sources” on a card, to see what every source in the corpus says about
            it — and where they disagree.
          </p>
        )}
      </div>
    </div>
  );
}
