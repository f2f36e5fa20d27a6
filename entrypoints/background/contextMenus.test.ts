/**
 * The context menu's click handler and the site command, under WXT's fake browser: the site
 * switch writes the same settings the content script follows (its effect on a page is
 * tests/e2e/addpage.e2e.test.ts), the look-up opens the search on the selection (in the toolbar
 * popup, asked for while the click is handled, as Firefox requires), "Add this page" reads the tab
 * clicked for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, updateSettings } from '../../platform/settings';
import { onCommand } from './commands';
import { MENU_IDS, onMenuClick, toggleSite, type MenuActions, type MenuClick } from './contextMenus';

beforeEach(() => fakeBrowser.reset());

const actions = (): MenuActions & { [K in keyof MenuActions]: ReturnType<typeof vi.fn> } => ({
  addPage: vi.fn(async () => undefined),
  openSearch: vi.fn(async () => true),
  toggleSite: vi.fn(toggleSite),
});

describe('context menu', () => {
  it('"Turn Counterpoint off on this site" switches the page’s site off, and on again, leaving other sites alone', async () => {
    await updateSettings({ disabledSites: ['other.example'] });
    const a = actions();
    await onMenuClick({ menuItemId: MENU_IDS.toggleSite, pageUrl: 'https://news.example/a/b?c' }, { id: 3 }, a);
    expect((await getSettings()).disabledSites).toEqual(['other.example', 'news.example']);
    await onMenuClick({ menuItemId: MENU_IDS.toggleSite, pageUrl: 'https://news.example/other' }, { id: 3 }, a);
    expect((await getSettings()).disabledSites).toEqual(['other.example']);
  });

  it('does nothing to the settings on a page that is not on the web', async () => {
    await expect(toggleSite('chrome://extensions/')).resolves.toBeNull();
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('"Look up “%s”" opens the search on the selection, spaces tidied', async () => {
    const a = actions();
    await onMenuClick({ menuItemId: MENU_IDS.lookUp, selectionText: '  Deir\n ez-Zor ' }, undefined, a);
    expect(a.openSearch).toHaveBeenCalledWith('Deir ez-Zor');
    await onMenuClick({ menuItemId: MENU_IDS.lookUp, selectionText: '   ' }, undefined, a);
    expect(a.openSearch).toHaveBeenCalledTimes(1);
  });

  it('"Add this page" reads the tab the menu was opened on', async () => {
    const a = actions();
    await onMenuClick({ menuItemId: MENU_IDS.addPage, pageUrl: 'https://news.example/a' }, { id: 7, title: 'A' }, a);
    expect(a.addPage).toHaveBeenCalledWith({ id: 7, url: 'https://news.example/a', title: 'A' });
  });
});

describe('"Look up" opens the toolbar popup on the selection, not a tab', () => {
  const HANDOFF = 'counterpoint:handoff:popup';
  /**
   * Firefox's rule: `action.openPopup()` works only while the user's click is being handled,
   * that is, synchronously inside the menus.onClicked listener, before its first await.
   */
  function firefoxAction() {
    let handling = false;
    const openPopup = vi.fn(() => (handling ? Promise.resolve() : Promise.reject(new Error('openPopup may only be called from a user input handler'))));
    const click = (info: MenuClick) => {
      handling = true;
      try {
        return onMenuClick(info, { id: 4 });
      } finally {
        handling = false;
      }
    };
    return { openPopup, click };
  }
  afterEach(() => vi.restoreAllMocks());

  it('asks for the popup while the click is still being handled, so Firefox opens it; the query is handed over', async () => {
    const { openPopup, click } = firefoxAction();
    vi.spyOn(fakeBrowser.action, 'openPopup').mockImplementation(openPopup);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(click({ menuItemId: MENU_IDS.lookUp, selectionText: 'Deir ez-Zor' })).resolves.toBe(true);
    await expect(openPopup.mock.results[0]!.value).resolves.toBeUndefined();
    expect(create).not.toHaveBeenCalled();
    expect((await fakeBrowser.storage.session.get(HANDOFF))[HANDOFF]).toMatchObject({ payload: { query: 'Deir ez-Zor' } });
  });

  it('opens the search in a tab, with the query handed over first, where the browser will not open the popup', async () => {
    vi.spyOn(fakeBrowser.action, 'openPopup').mockImplementation(() => Promise.reject(new Error('no window')));
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async () => {
      expect((await fakeBrowser.storage.session.get(HANDOFF))[HANDOFF]).toMatchObject({ payload: { query: 'Raqqa' } });
      return { id: 9 } as Awaited<ReturnType<typeof fakeBrowser.tabs.create>>;
    });
    await expect(onMenuClick({ menuItemId: MENU_IDS.lookUp, selectionText: 'Raqqa' }, { id: 4 })).resolves.toBe(false);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html') });
  });
});

describe('keyboard commands', () => {
  it('toggle-site switches the focused tab’s site', async () => {
    await onCommand('toggle-site', { id: 1, url: 'https://news.example/' });
    expect((await getSettings()).disabledSites).toEqual(['news.example']);
    await onCommand('toggle-site', { id: 1, url: 'https://news.example/' });
    expect((await getSettings()).disabledSites).toEqual([]);
  });
});
