/**
 * "Add this page to the corpus", end to end in Chromium with the built extension.
 *
 * A headless test can click neither the toolbar button nor the context menu, and those clicks
 * are what grant `activeTab`; without the grant Chromium refuses `scripting.executeScript` (the
 * <all_urls> content script gives no host access for it). So the test is in two halves:
 * - The extraction and the confirmation: the BUILT extraction script (extract.js) is run in the
 *   article's tab in an isolated world through the DevTools protocol, as executeScript runs it
 *   (its value is the script's completion value), and its answer is handed to the options page
 *   through the hand-off channel as platform/addPage.ts does. Then the form, the save, search,
 *   the comparison, and the page's DOM unchanged.
 * - The popup's button, through the real function (platform/addPage.ts addPageFromTab), in a tab
 *   that has NOT granted access: the browser refuses, and the options page says so with the paste
 *   box. That the real gesture grants activeTab is the browser's part, not tested here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { pageHtml, tabIdOf } from './content';
import { ROOT, startServer, type StaticServer } from './server';

/** platform/handoff.ts's key for the options page, and its envelope: { id, payload }. */
const HANDOFF_KEY = 'counterpoint:handoff:addpage';
const EXTRACT_JS = join(process.env.COUNTERPOINT_EXTENSION_DIR || join(ROOT, '.output/chrome-mv3'), 'extract.js');

const TITLE = 'Along the Khabur, Farmers Count What the War Took';

let ext: ExtensionBrowser;
let server: StaticServer;
let ext0: Page;

async function call(type: string, data?: unknown): Promise<any> {
  const { res, err } = await sendFromExtensionPage(ext0, type, data);
  if (err) throw new Error(err.message);
  return res;
}

/** (No `tabs` permission: the tab is found by asking each tab's content script for its address.) */
async function tabOf(url: string): Promise<number> {
  const id = await tabIdOf(ext0, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

/** Runs the built extract.js in the page's tab in an isolated world, as scripting.executeScript does, and returns its value. */
async function runExtractScript(page: Page): Promise<unknown> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'counterpoint-extract' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: readFileSync(EXTRACT_JS, 'utf8'), contextId: executionContextId, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Opens the article and extracts it as "Add this page" does; hands the answer to a new options page. */
async function addPageByScript(path: string): Promise<{ article: Page; options: Page; htmlBefore: string }> {
  const article = await ext.context.newPage();
  await article.goto(`${server.origin}/${path}`);
  const htmlBefore = await pageHtml(article);
  const answer = await runExtractScript(article);
  await ext0.evaluate(([key, payload]) => (globalThis as any).chrome.storage.session.set({ [key]: { id: `t${Date.now()}`, payload } }), [HANDOFF_KEY, answer] as const);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html#add-page`);
  return { article, options, htmlBefore };
}

/** Opens a page, then the popup pointed at its tab, and clicks "Add this page"; returns the options page that opens. */
async function addPageByPopup(path: string): Promise<{ article: Page; options: Page }> {
  const article = await ext.context.newPage();
  const url = `${server.origin}/${path}`;
  await article.goto(url);
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${await tabOf(url)}`);
  const opened = ext.context.waitForEvent('page', (p) => p.url().includes('/options.html'));
  await popup.getByRole('button', { name: 'Add this page' }).click();
  const options = await opened;
  await popup.close();
  return { article, options };
}

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  ext0 = await ext.context.newPage();
  await ext0.goto(`chrome-extension://${ext.extensionId}/popup.html`);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('Add this page', () => {
  it('shows the article’s title, byline, site and date for confirmation, saves it, and it is searchable and compared', async () => {
    const { article, options, htmlBefore } = await addPageByScript('article-euphrates.html');
    const url = `${server.origin}/article-euphrates.html`;
    const draft = options.getByRole('group', { name: url });
    await expect.poll(() => draft.getByLabel('Title').inputValue()).toBe(TITLE);
    expect(await draft.getByLabel('Author').inputValue()).toBe('Samira Othman');
    expect(await draft.getByLabel('Outlet').inputValue()).toBe('The Riverside Dispatch');
    expect(await draft.getByLabel('Date', { exact: true }).inputValue()).toBe('2018-03-14');
    expect(await draft.getByLabel('Link').inputValue()).toBe(url);
    // Focus lands on the title, ready to edit.
    expect(await options.evaluate(() => document.activeElement?.getAttribute('id'))).toBe('draft-0-title');
    await draft.getByLabel('Perspective').fill('Farmers on the Khabur');
    await options.getByRole('button', { name: 'Save document' }).click();
    await options.getByRole('status').filter({ hasText: `Saved “${TITLE}”` }).waitFor();

    // The page itself was not changed by the extraction.
    expect(await pageHtml(article)).toBe(htmlBefore);

    const hits = (await call('search', { query: 'Khabur irrigation pumps' })).hits;
    expect(hits[0].source).toMatchObject({ title: TITLE, author: 'Samira Othman', outlet: 'The Riverside Dispatch', url, perspective: 'Farmers on the Khabur' });
    expect(hits[0].passage.text).toMatch(/Khabur/);

    const comparison = await call('compare', { entityId: 'raqqa' });
    const column = comparison.columns.find((c: any) => c.source.title === TITLE);
    expect(column?.source).toMatchObject({ author: 'Samira Othman', outlet: 'The Riverside Dispatch' });
    await article.close();
    await options.close();
  });

  it('a page without an article gets a clear message and the paste box, and nothing is stored', async () => {
    const before = await call('exportCorpus');
    const { article, options } = await addPageByScript('article-none.html');
    await expect
      .poll(() => options.locator('.import-errors').innerText())
      .toBe('The Riverside Dispatch — Sections: Counterpoint found no article on this page (too little running text for Readability to read). Paste its text below instead.');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('import-paste');
    expect(await options.getByRole('form', { name: 'Documents to save' }).count()).toBe(0);
    expect(await call('exportCorpus')).toEqual(before);
    await article.close();
    await options.close();
  });

  it('the popup’s button on a tab the browser will not let it read: the options page opens and says so, nothing stored', async () => {
    const before = await call('exportCorpus');
    const { article, options } = await addPageByPopup('article-euphrates.html');
    await expect
      .poll(() => options.locator('.import-errors').innerText())
      .toBe(`Along the Khabur, Farmers Count What the War Took — The Riverside Dispatch: the browser does not let extensions read this page. Paste its text below instead.`);
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('import-paste');
    expect(await call('exportCorpus')).toEqual(before);
    await article.close();
    await options.close();
  });
});
