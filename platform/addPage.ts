/**
 * "Add this page to the corpus" (popup button, context menu): injects the extraction script
 * (entrypoints/extract.ts) into the tab with `scripting`, under the `activeTab` grant of the
 * user's click, then hands what it found to the options page (platform/handoff.ts), which opens
 * in a tab to show it for confirmation: title, author, outlet, date and perspective editable,
 * saved through the corpus's `importDocuments` write; or, for a page without an article, the
 * reason and the paste box. The extraction runs in the extension's isolated world on a clone of
 * the document: the page's DOM is never changed, and the script is never in the page otherwise.
 */
import { browser } from 'wxt/browser';
import { readExtraction, unreadablePage, type PageExtraction } from '../lib/userCorpus/pageExtract';
import { handOff } from './handoff';
import { tabClient } from './messaging';

/** The options page's part that receives a page (components/corpus/ImportPanel.tsx). */
const ADD_PAGE_HASH = '#add-page';

export interface PageTab {
  id?: number;
  url?: string;
  title?: string;
}

/** Reads the tab's article (top frame). Never rejects: a tab it cannot read gives a failure naming it. */
async function extractFromTab(tab: PageTab): Promise<PageExtraction> {
  if (tab.id === undefined) return unreadablePage(tab);
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/extract.js'] });
    return readExtraction(first?.result, tab);
  } catch {
    return unreadablePage(await named({ ...tab, id: tab.id }));
  }
}

/**
 * The tab with its title and address, for a message that names it. Without the `tabs` permission
 * (and without the grant) the browser does not tell them: the page's content script does.
 */
async function named(tab: PageTab & { id: number }): Promise<PageTab> {
  if (tab.title !== undefined) return tab;
  const report = await tabClient(tab.id, 0).pageMentions().catch(() => null);
  return { ...tab, url: tab.url ?? report?.url, title: report?.title };
}

/** Extracts the tab's article and opens the options page on it. */
export async function addPageFromTab(tab: PageTab): Promise<void> {
  await handOff('addpage', await extractFromTab(tab));
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html') + ADD_PAGE_HASH });
}
