/**
 * The page's context menu: "Add this page to Counterpoint", "Look up “…” in Counterpoint" on a
 * selection, and switching Counterpoint off or on for the site. The click is the user gesture
 * that grants `activeTab` for "Add this page" (platform/addPage.ts). Menus are created at install
 * and at browser start (Chrome keeps them across worker restarts; creating them again would fail
 * on their ids, so they are removed first).
 */
import { browser } from 'wxt/browser';
import { siteOf } from '../../lib/messages/pageUrls';
import { addPageFromTab, type PageTab } from '../../platform/addPage';
import { getSettings, isSiteEnabled, setSiteEnabled } from '../../platform/settings';
import { openSearch } from '../../platform/sidePanel';

export const MENU_IDS = { addPage: 'counterpoint-add-page', lookUp: 'counterpoint-look-up', toggleSite: 'counterpoint-toggle-site' } as const;

/** The toggle's title where the browser lets it follow the site's state (Firefox's menus.onShown). */
const toggleTitle = (enabled: boolean | null) =>
  enabled === null ? 'Turn Counterpoint off or on for this site' : enabled ? 'Turn Counterpoint off on this site' : 'Turn Counterpoint on on this site';

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
}

export interface MenuActions {
  addPage(tab: PageTab): Promise<unknown>;
  openSearch(query: string): Promise<unknown>;
  toggleSite(pageUrl: string | undefined): Promise<unknown>;
}

/** Switches Counterpoint off on the page's site when on, on when off. Resolves with whether it is now on (null: not a web page). */
export async function toggleSite(pageUrl: string | undefined): Promise<boolean | null> {
  const site = siteOf(pageUrl);
  if (!site) return null;
  const enabled = !isSiteEnabled(await getSettings(), site);
  await setSiteEnabled(site, enabled);
  return enabled;
}

const realActions: MenuActions = { addPage: addPageFromTab, openSearch, toggleSite };

/** What a click on one of the menus does. */
export function onMenuClick(info: MenuClick, tab: PageTab | undefined, actions: MenuActions = realActions): Promise<unknown> {
  switch (info.menuItemId) {
    case MENU_IDS.addPage:
      return actions.addPage({ id: tab?.id, url: tab?.url ?? info.pageUrl, title: tab?.title });
    case MENU_IDS.lookUp: {
      const query = (info.selectionText ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
      return query ? actions.openSearch(query) : Promise.resolve();
    }
    case MENU_IDS.toggleSite:
      return actions.toggleSite(info.pageUrl ?? tab?.url);
    default:
      return Promise.resolve();
  }
}

async function createMenus(): Promise<void> {
  const menus = browser.contextMenus;
  await menus.removeAll();
  const web = ['http://*/*', 'https://*/*'];
  menus.create({ id: MENU_IDS.addPage, title: 'Add this page to Counterpoint', contexts: ['page'], documentUrlPatterns: web });
  menus.create({ id: MENU_IDS.lookUp, title: 'Look up “%s” in Counterpoint', contexts: ['selection'] });
  menus.create({ id: MENU_IDS.toggleSite, title: toggleTitle(null), contexts: ['page'], documentUrlPatterns: web });
}

/** Registers the menus and their click handler; called once at the worker's start. */
export function setUpContextMenus(): void {
  if (!browser.contextMenus) return;
  const create = () => void createMenus().catch((e) => console.warn('[counterpoint] context menus', e));
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab).catch(() => undefined));
  // Firefox tells the menu is about to show: the toggle then says which way it goes.
  const menus = (browser as unknown as { menus?: FirefoxMenus }).menus;
  menus?.onShown?.addListener((info) => {
    const site = siteOf(info.pageUrl);
    if (!site) return;
    void getSettings().then((s) => {
      void menus.update(MENU_IDS.toggleSite, { title: toggleTitle(isSiteEnabled(s, site)) });
      menus.refresh();
    });
  });
}

interface FirefoxMenus {
  onShown?: { addListener(cb: (info: { pageUrl?: string }) => void): void };
  update(id: string, props: { title: string }): Promise<void>;
  refresh(): void;
}
