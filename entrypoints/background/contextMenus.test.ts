/**
 * The context menu's click handler and the site command, under WXT's fake browser: the site
 * switch writes the same settings the content script follows (its effect on a page is
 * tests/e2e/addpage.e2e.test.ts), the look-up opens the search on the selection, "Add this page"
 * reads the tab clicked for.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, updateSettings } from '../../platform/settings';
import { onCommand } from './commands';
import { MENU_IDS, onMenuClick, toggleSite, type MenuActions } from './contextMenus';

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

describe('keyboard commands', () => {
  it('toggle-site switches the focused tab’s site', async () => {
    await onCommand('toggle-site', { id: 1, url: 'https://news.example/' });
    expect((await getSettings()).disabledSites).toEqual(['news.example']);
    await onCommand('toggle-site', { id: 1, url: 'https://news.example/' });
    expect((await getSettings()).disabledSites).toEqual([]);
  });
});
