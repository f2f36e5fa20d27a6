/**
 * Reading a page costs the service worker nothing: the content script reads its settings and the
 * matcher data from storage, and tells the side panel about the page's mentions only once a panel
 * has asked for them. Here the worker is stopped (the DevTools protocol's
 * ServiceWorker.stopAllWorkers, as the benchmark does) and its running status watched
 * (ServiceWorker.workerVersionUpdated) while a page with mentions loads and is read. Then the
 * control: once a panel has asked, a change of the page's mentions is sent, and that does start
 * the worker (so the watch above would have seen it). And a card asked of the stopped worker is
 * answered without loading the worker's deferred scripts (platform/workerScripts.ts: Dexie, the
 * store, FlexSearch): the worker's first answer after a stop evaluates background.js alone.
 *
 * COUNTERPOINT_EXTENSION_DIR points the tests at another build than .output/chrome-mv3.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, watchErrors, type ExtensionBrowser } from './chromium';
import { askContent, highlightedTexts } from './content';
import { startServer, type StaticServer } from './server';

let ext: ExtensionBrowser;
let server: StaticServer;
/** chrome-extension://ID/manifest.json: an extension-origin page that runs no script of ours. */
let extPage: Page;
let cdp: CDPSession;
/** Every running status the extension's worker went through, in order. */
const statuses: string[] = [];

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/manifest.json`);
  cdp = await ext.context.newCDPSession(extPage);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`)) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/**
 * Stops the worker once it has done its install work: the matcher data published to storage
 * (what the content script reads instead of asking the worker; stopped before that, the worker
 * would rightly be woken by the first page) and nothing started since. A stop asked while the
 * worker is still starting can be overtaken by the start, so it is asked again until it holds.
 */
async function stopWorker(): Promise<void> {
  await expect.poll(() => statuses.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const published = () => extPage.evaluate(async () => Object.keys(await (globalThis as any).chrome.storage.local.get('counterpoint:matcher')).length > 0);
  await expect.poll(published, { timeout: 10_000 }).toBe(true);
  await expect
    .poll(
      async () => {
        if (statuses.at(-1) !== 'stopped') await cdp.send('ServiceWorker.stopAllWorkers');
        return statuses.at(-1);
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe('stopped');
}

describe('a page with mentions, no side panel', () => {
  it('is read without starting the stopped service worker', async () => {
    await stopWorker();
    const since = statuses.length;
    const page = await ext.context.newPage();
    const errors = watchErrors(page, ext.extensionId);
    await page.goto(`${server.origin}/panel-page.html`, { waitUntil: 'load' });
    // Scanned and underlined (read from the page, not by asking the content script: asking is
    // what a side panel does).
    await expect.poll(() => highlightedTexts(page), { timeout: 10_000 }).toContain('Raqqa');
    // The page changes after load: still nothing to tell anyone.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news: more families left Mosul overnight.';
      document.querySelector('article')!.append(p);
    });
    const mosul = async () => (await highlightedTexts(page)).filter((t) => t === 'Mosul').length;
    await expect.poll(mosul, { timeout: 5000 }).toBe(3);
    await page.waitForTimeout(1500); // the change notice would go out 500 ms after a change
    expect(statuses.slice(since)).toEqual([]);

    // Asking the page for its mentions is a pure query (tabs.sendMessage reaches the page, not
    // the worker): the page's next change is still told nobody ...
    const { res } = await askContent(extPage, `${server.origin}/panel-page.html`, 'pageMentions');
    expect(res.entities.map((e: { id: string }) => e.id)).toContain('raqqa');
    const raqqa = async () => (await highlightedTexts(page)).filter((t) => t === 'Raqqa').length;
    const before = await raqqa();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Aid convoys reached Raqqa.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(raqqa, { timeout: 5000 }).toBe(before + 1);
    await page.waitForTimeout(1500);
    expect(statuses.slice(since)).toEqual([]);
    // ... until a side panel follows the page (watchMentions): from then on its changes are sent, which starts the worker.
    expect((await askContent(extPage, `${server.origin}/panel-page.html`, 'watchMentions')).res.url).toContain('panel-page.html');
    await page.waitForTimeout(1000);
    expect(statuses.slice(since)).toEqual([]);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Fighting resumed near Kirkuk.';
      document.querySelector('article')!.append(p);
    });
    await expect.poll(() => statuses.slice(since), { timeout: 10_000 }).toContain('running');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The deferred scripts (platform/workerScripts.ts) the running worker has evaluated in its present life. */
async function loadedWorkerScripts(): Promise<string[]> {
  const url = `chrome-extension://${ext.extensionId}/background.js`;
  const worker = async () => ext.context.serviceWorkers().find((w) => w.url() === url);
  await expect.poll(async () => !!(await worker()), { timeout: 10_000 }).toBe(true);
  return (await worker())!.evaluate(() => Object.keys((globalThis as { __counterpointScripts?: object }).__counterpointScripts ?? {}));
}

describe('a card asked of the stopped worker', () => {
  it('is answered from its file, with none of the deferred scripts loaded; a search then loads them', async () => {
    await stopWorker();
    const card = await sendFromExtensionPage(extPage, 'lookupEntity', { id: 'palmyra' });
    expect(card.err).toBeUndefined();
    expect(card.res.entity.name).toBe('Palmyra');
    expect(await loadedWorkerScripts()).toEqual([]);
    // The control: a search needs the store and FlexSearch, which loads them (so the probe above sees a load).
    const found = await sendFromExtensionPage(extPage, 'search', { query: 'Raqqa' });
    expect(found.res.hits.length).toBeGreaterThan(0);
    expect(await loadedWorkerScripts()).toContain('worker-store.js');
  });
});
