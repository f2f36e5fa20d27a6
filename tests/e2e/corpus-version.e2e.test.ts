/**
 * One corpus version, end to end (issue 16), Chromium with the built extension: a tab opened
 * BEFORE the changes follows each of them without a reload — a name added is recognised there,
 * two imports give every card the same "of M sources", and after "Reset to the bundled corpus"
 * the tab knows no removed name, and its card frame (which keeps the cards it showed) shows no
 * deleted document's count.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { askContent, hoverText, waitCard, waitNoCard, waitScanned } from './content';
import { startServer, type StaticServer } from './server';

async function call(page: Page, type: string, data?: unknown): Promise<any> {
  const { res, err } = await sendFromExtensionPage(page, type, data);
  if (err) throw new Error(err.message);
  return res;
}

const draft = (title: string, body: string) => ({
  fileName: `${title}.txt`,
  meta: { title, author: 'Test', outlet: '', date: '2018', dateApproximate: false, perspective: 'Test', url: '' },
  body,
});

describe('Chromium: an open tab follows every change of the corpus', () => {
  let ext: ExtensionBrowser;
  let server: StaticServer;
  let options: Page;
  let page: Page;
  let url: string;
  let M: number;

  /** The ids the open tab's content script finds on its page now. */
  const found = async (): Promise<string[]> => ((await askContent(options, url, 'pageMentions')).res?.entities ?? []).map((e: { id: string }) => e.id);
  /** The coverage line of the card for the `nth` occurrence of `text`, after moving away first (a fresh hover). */
  const coverage = async (text: string, nth = 0) => {
    await page.mouse.move(1, 1);
    await waitNoCard(page).catch(() => undefined);
    await hoverText(page, text, nth);
    return /in \d+ of \d+ sources?/.exec((await waitCard(page)).text)?.[0];
  };

  beforeAll(async () => {
    ext = await launchWithExtension();
    server = await startServer();
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    M = (await call(options, 'listEntities')).totalSources;
    url = `${server.origin}/news.html`;
    page = await ext.context.newPage();
    await page.goto(url);
    await waitScanned(options, url);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('a name added in the options page is recognised in the tab already open', async () => {
    expect(await found()).not.toContain('user-northern-ledger');
    await call(options, 'addEntity', { name: 'Northern Ledger', type: 'group', kind: 'outlet', description: 'A newspaper.', aliases: [] });
    await expect.poll(found, { timeout: 15_000 }).toContain('user-northern-ledger');
  });

  it('two imports: the cards in the open tab count the same total', async () => {
    await call(options, 'importDocuments', { drafts: [draft('Raqqa note', 'Families returned to Raqqa in the spring and cleared the rubble by hand.')] });
    expect(await coverage('Raqqa', 1)).toMatch(new RegExp(` of ${M + 1} sources$`));
    await call(options, 'importDocuments', { drafts: [draft('Mosul note', 'In Mosul the old market reopened after the battle, traders said.')] });
    await expect.poll(() => coverage('Raqqa', 1), { timeout: 10_000 }).toMatch(new RegExp(` of ${M + 2} sources$`));
    expect(await coverage('Mosul')).toMatch(new RegExp(` of ${M + 2} sources$`));
  });

  it('after a reset the open tab knows no removed name, and its card frame no deleted count', async () => {
    await call(options, 'resetCorpus');
    // The tab's new session has scanned the page: Raqqa is found again, the removed name is not (a
    // session of the old names finds both; one still scanning finds neither).
    const renewed = async () => {
      const ids = await found();
      return ids.includes('raqqa') && !ids.includes('user-northern-ledger');
    };
    await expect.poll(renewed, { timeout: 15_000 }).toBe(true);
    await waitScanned(options, url);
    expect(await coverage('Raqqa', 1)).toMatch(new RegExp(` of ${M} sources$`));
    expect(await coverage('Mosul')).toMatch(new RegExp(` of ${M} sources$`));
  });
});
