/**
 * Opening the side panel on an entity: Chrome's sidePanel API or Firefox's sidebarAction. Both
 * need a user gesture; when the browser refuses, the comparison opens in a tab instead so the
 * click is never lost. The entity to show is left in storage.session for a panel that is just
 * starting, and sent as a message to one already open.
 */
import { browser } from 'wxt/browser';

export const FOCUS_KEY = 'counterpoint:sidepanel-focus';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}

export async function openSidePanel(
  entityId: string | undefined,
  tab: { id?: number; windowId?: number } | undefined,
  notifyOpenPanel: (entityId: string) => Promise<unknown>,
): Promise<boolean> {
  if (entityId) await browser.storage.session?.set({ [FOCUS_KEY]: entityId }).catch(() => undefined);
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (sidePanel && tab?.windowId !== undefined) await sidePanel.open({ windowId: tab.windowId });
    else if (sidebarAction) await sidebarAction.open();
    else throw new Error('no side panel API');
    if (entityId) notifyOpenPanel(entityId).catch(() => undefined);
    return true;
  } catch {
    const hash = entityId ? `#entity=${encodeURIComponent(entityId)}` : '';
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') + hash });
    return false;
  }
}

export const SEARCH_QUERY_KEY = 'counterpoint:popup-query';

/**
 * Opens the search on a query: the toolbar popup where the browser lets an extension open it,
 * else the popup page in a tab (`popup.html#q=…`). The popup reads the query from
 * storage.session (and clears it) or from its URL hash.
 */
export async function openSearch(query: string): Promise<boolean> {
  await browser.storage.session?.set({ [SEARCH_QUERY_KEY]: query }).catch(() => undefined);
  const action = browser.action as unknown as { openPopup?: () => Promise<void> };
  try {
    if (!action.openPopup) throw new Error('no openPopup');
    await action.openPopup();
    return true;
  } catch {
    await browser.storage.session?.remove(SEARCH_QUERY_KEY).catch(() => undefined);
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') + `#q=${encodeURIComponent(query)}` });
    return false;
  }
}
