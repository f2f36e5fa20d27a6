/**
 * Opening the side panel on an entity, and the search on a query: Chrome's sidePanel API or
 * Firefox's sidebarAction, and the toolbar popup. Both panels need a user gesture, so the panel is
 * asked to open before anything is awaited; when the browser refuses, the page opens in a tab
 * instead so the click is never lost. What to show travels by the one hand-off channel
 * (platform/handoff.ts), whichever way the page opens.
 */
import { browser } from 'wxt/browser';
import { handOff } from './handoff';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}

/**
 * Opens the side panel (or sidebar) on `entityId`. Call it straight from a click handler (or the
 * background's message handler for one), before any await. Resolves true when a panel opened,
 * false when the comparison opened in a tab instead. (An open panel hears the hand-off through
 * storage.onChanged.)
 */
export function openSidePanel(entityId: string | undefined, tab: { id?: number; windowId?: number } | undefined): Promise<boolean> {
  const handed = entityId ? handOff('sidepanel', { entityId }) : Promise.resolve();
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  return openOrTab(
    () => {
      if (sidePanel && tab?.windowId !== undefined) return sidePanel.open({ windowId: tab.windowId });
      if (sidebarAction) return sidebarAction.open();
      throw new Error('no side panel API');
    },
    handed,
    '/sidepanel.html',
  );
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox), on an entity's comparison when given. Call
 * it straight from a click handler, before any await: both APIs need the user gesture. Resolves
 * true when a panel opened, false when the comparison opened in a tab instead.
 */
export function openComparison(entityId: string | undefined, windowId: number | undefined): Promise<boolean> {
  return openSidePanel(entityId, { windowId });
}

export async function currentWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getCurrent()).id;
  } catch {
    return undefined;
  }
}

/**
 * Opens the search on a query: the toolbar popup where the browser lets an extension open it,
 * else the popup page in a tab. Either way the page takes the query from the hand-off (an open
 * popup hears it through storage.onChanged). Like the panel, the popup is asked for before
 * anything is awaited: Firefox lets `action.openPopup()` run only while the click that asked for
 * it (the context menu's "Look up") is being handled, and awaiting the hand-off first used to lose
 * it, so Firefox opened the search in a tab. Chromium does not need the gesture; the order is the
 * same there.
 */
export function openSearch(query: string): Promise<boolean> {
  const handed = handOff('popup', { query });
  const action = browser.action as unknown as { openPopup?: () => Promise<void> } | undefined;
  return openOrTab(
    () => {
      if (action?.openPopup) return action.openPopup();
      throw new Error('no openPopup');
    },
    handed,
    '/popup.html',
  );
}

/**
 * Calls `open` at once (still inside the user's gesture); once the hand-off is stored, resolves
 * true if it opened, else opens `page` in a tab and resolves false.
 */
function openOrTab(open: () => Promise<void>, handed: Promise<void>, page: '/sidepanel.html' | '/popup.html'): Promise<boolean> {
  let opening: Promise<void>;
  try {
    opening = open();
  } catch (e) {
    opening = Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return opening.then(
    () => handed.then(() => true),
    async () => {
      await handed;
      await browser.tabs.create({ url: browser.runtime.getURL(page) });
      return false;
    },
  );
}
