/**
 * Browser edge shared by the extension's own pages (popup, side panel, reader, options):
 * opening the reader and the side panel, and finding the tab a page is about. The addresses
 * themselves are built by lib/messages/pageUrls.ts.
 */
import { browser } from 'wxt/browser';
import { entityHash, readerHash } from '../lib/messages/pageUrls';
import { panelMessenger } from './messaging';
import { FOCUS_KEY } from './sidePanel';

function readerUrl(docId: string, passageId?: number): string {
  return browser.runtime.getURL('/reader.html') + readerHash(docId, passageId);
}

/** Opens a document in the reader, in a new tab next to the current one. */
export async function openReader(docId: string, passageId?: number): Promise<void> {
  await browser.tabs.create({ url: readerUrl(docId, passageId) });
}

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) on an entity's comparison. Call it straight
 * from a click handler, before any await: both APIs need the user gesture. The entity travels
 * through storage.session (for a panel that is starting) and a focusEntity message (for one
 * already open); when no panel can be opened, the comparison opens in a tab.
 */
export function openComparison(entityId: string | undefined, windowId: number | undefined): Promise<boolean> {
  const stored = entityId ? browser.storage.session.set({ [FOCUS_KEY]: entityId }).catch(() => undefined) : Promise.resolve();
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  let opening: Promise<void>;
  try {
    if (sidePanel && windowId !== undefined) opening = sidePanel.open({ windowId });
    else if (sidebarAction) opening = sidebarAction.open();
    else opening = Promise.reject(new Error('no side panel API'));
  } catch (e) {
    opening = Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return opening.then(
    async () => {
      await stored;
      if (entityId) await panelMessenger.sendMessage('focusEntity', { entityId }).catch(() => undefined);
      return true;
    },
    async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') + (entityId ? entityHash(entityId) : '') });
      return false;
    },
  );
}

export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

/** True when this page runs in a tab (not as the toolbar popup or in the side panel). */
export async function runsInTab(): Promise<boolean> {
  try {
    return (await browser.tabs.getCurrent()) !== undefined;
  } catch {
    return false;
  }
}

export interface TabInfo {
  id: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/** The tab with this id, or the active tab of this page's window. */
export async function targetTab(tabId?: number): Promise<TabInfo | null> {
  try {
    const tab = tabId !== undefined ? await browser.tabs.get(tabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return tab?.id !== undefined ? { id: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title } : null;
  } catch {
    return null;
  }
}
