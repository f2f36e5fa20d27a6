/**
 * Browser edge shared by the extension's own pages (popup, side panel, reader, options): opening
 * the reader and the side panel, finding the tab a page is about, the card's shortcut, and the
 * ports (lib/views/*Controller.ts) through which the popup and the panel reach the browser. The
 * addresses themselves are built by lib/messages/pageUrls.ts.
 */
import { browser } from 'wxt/browser';
import { entityHash, queryHash, readerHash, siteOf } from '../lib/messages/pageUrls';
import type { EntitySummary } from '../lib/messages/protocol';
import { TOP_FRAME, type PanelPorts, type TabInfo } from '../lib/views/panelController';
import type { PopupPorts } from '../lib/views/popupController';
import type { Switches } from '../lib/views/siteSwitch';
import type { Schedule } from '../lib/views/store';
import { addPageFromTab } from './addPage';
import { onCorpusChanged } from './corpusVersion';
import { watchHandOff } from './handoff';
import type { Handlers } from '../lib/messages/dispatch';
import { answer, tabClient, workerClient } from './messaging';
import { getSettings, isSiteEnabled, setSiteEnabled, updateSettings, watchSettings, type Settings } from './settings';
import { currentWindowId, openComparison } from './sidePanel';

function readerUrl(docId: string, passageId?: number, team?: boolean): string {
  return browser.runtime.getURL('/reader.html') + readerHash(docId, passageId, team);
}

/** Opens a document in the reader, in a new tab next to the current one; `team`: the team server's (a team hit or column). */
export async function openReader(docId: string, passageId?: number, team?: boolean): Promise<void> {
  await browser.tabs.create({ url: readerUrl(docId, passageId, team) });
}

/** True when this page runs in a tab (not as the toolbar popup or in the side panel). */
async function runsInTab(): Promise<boolean> {
  try {
    return (await browser.tabs.getCurrent()) !== undefined;
  } catch {
    return false;
  }
}

/** The tab with this id, or the active tab of this page's window. */
async function targetTab(tabId?: number): Promise<TabInfo | null> {
  try {
    const tab = tabId !== undefined ? await browser.tabs.get(tabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return tab?.id !== undefined ? { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title } : null;
  } catch {
    return null;
  }
}

/** The "open-card" command's shortcut as the browser has it set (the reader may change it), or null. */
export async function cardShortcut(): Promise<string | null> {
  try {
    const command = (await browser.commands.getAll()).find((c) => c.name === 'open-card');
    return command?.shortcut || null;
  } catch {
    return null;
  }
}

/** The manifest's keyboard commands with the keys the browser has for them now. */
export async function listCommands(): Promise<Array<{ name: string; description?: string; shortcut?: string }>> {
  try {
    return (await browser.commands.getAll()).flatMap((c) => (c.name ? [{ name: c.name, description: c.description, shortcut: c.shortcut }] : []));
  } catch {
    return [];
  }
}

/** Entities named by the text through their name or any alias ("Daesh", "Kirkook"), for the panel's picker: the gazetteer only. */
export function findEntities(text: string): Promise<EntitySummary[]> {
  return workerClient.findEntities({ text: text.slice(0, 200) }).then((r) => r.entities);
}

const schedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

function setHash(hash: string): void {
  if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
}

/** The popup's two switches in the settings: Counterpoint at all, and on `site`. */
const switchesOf = (settings: Settings, site: string | null): Switches => ({
  everywhere: settings.enabled,
  site: site === null || isSiteEnabled(settings, site),
});

/** The popup's way to the browser. `tabId` points it at a tab (`?tab=`, tests), else the active tab. */
export function popupPorts(tabId?: number): PopupPorts {
  const windowId = currentWindowId();
  let knownWindowId: number | undefined;
  void windowId.then((id) => (knownWindowId = id));
  return {
    search: (params) => workerClient.search(params),
    facets: () => workerClient.facets(),
    entityTypes: () => workerClient.listEntities().then((r) => new Map(r.entities.map((e) => [e.id, e.type]))),
    schedule,
    // The tab's URL where the browser tells it (activeTab: the toolbar popup was clicked), else the
    // page's own content script does (no `tabs` permission: README, permissions).
    site: async () => {
      const tab = await targetTab(tabId);
      if (tab?.url !== undefined || tab?.id === undefined) return siteOf(tab?.url);
      const report = await tabClient(tab.id, TOP_FRAME).pageMentions().catch(() => null);
      return siteOf(report?.url);
    },
    switches: async (site) => switchesOf(await getSettings(), site),
    setSiteEnabled,
    setEnabledEverywhere: (enabled) => updateSettings({ enabled }),
    watchSwitches: (site, callback) => watchSettings((s) => callback(switchesOf(s, site))),
    runsInTab,
    cardShortcut,
    watchHandedQuery: (callback) => watchHandOff('popup', (p) => callback(p.query)),
    watchCorpus: (callback) => onCorpusChanged(() => callback()),
    openReader: (hit) => openReader(hit.passage.docId, hit.passage.id, !!hit.origin),
    // Synchronous up to chrome.sidePanel.open: the window id was fetched when the popup started.
    openComparison: (entityId) => openComparison(entityId, knownWindowId),
    addPage: async () => addPageFromTab((await targetTab(tabId)) ?? {}),
    setAddressQuery: (query) => setHash(queryHash(query)),
    close: () => window.close(),
  };
}

/** The side panel's way to the browser. `tabId` fixes the tab it is about (`?tab=`, tests). */
export function panelPorts(tabId?: number): PanelPorts {
  return {
    targetTab: () => targetTab(tabId),
    followsActiveTab: tabId === undefined,
    siteEnabled: async (site) => isSiteEnabled(await getSettings(), site),
    setSiteEnabled,
    followMentions: (id) => tabClient(id, TOP_FRAME).watchMentions(),
    revealMention: (id, entityId) => tabClient(id, TOP_FRAME).revealMention({ entityId }).then((r) => r.found),
    listEntities: () => workerClient.listEntities().then((r) => r.entities),
    compare: (entityId) => workerClient.compare({ entityId }),
    setAddressEntity: (entityId) => setHash(entityHash(entityId)),
    windowId: currentWindowId,
    // Our content scripts only (the dispatcher checks; the controller then keeps the top frame of its tab).
    watchMentions: (callback) =>
      answer('panel', { pageMentionsChanged: (data, sender) => callback(sender.tab?.id, sender.frameId, data) } satisfies Handlers<'panel'>),
    watchTabActivated: (callback) => {
      const listener = (info: { windowId: number }) => callback(info.windowId);
      browser.tabs.onActivated.addListener(listener);
      return () => browser.tabs.onActivated.removeListener(listener);
    },
    watchTabUpdated: (callback) => {
      const listener = (id: number, change: { status?: string; url?: string }) => callback(id, change);
      browser.tabs.onUpdated.addListener(listener);
      return () => browser.tabs.onUpdated.removeListener(listener);
    },
    watchSettings: (callback) => watchSettings(() => callback()),
    watchCorpus: (callback) => onCorpusChanged(() => callback()),
    watchHandedEntity: (callback) => watchHandOff('sidepanel', (p) => callback(p.entityId)),
    schedule,
  };
}
