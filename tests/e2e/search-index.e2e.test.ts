/**
 * The search index survives a stopped worker (issue 16), end to end in Chromium with the built
 * extension: after an import and a search, the index the worker saved in IndexedDB holds the
 * imported document's passages; with the worker stopped, popup search finds the document (from
 * the saved index); a saved index made unreadable is rebuilt, and search still finds it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';

const TITLE = 'Quince orchards of Manbij';
const draft = { fileName: 'quince.md', meta: { title: TITLE, author: 'A. Grower', outlet: 'Orchard Notes', date: '2019-10', dateApproximate: false, perspective: 'Field notes', url: '' }, body: 'The quince orchards near Manbij were replanted in spring.\n\nGrowers said the frost had spared them.' };

async function call(page: Page, type: string, data?: unknown): Promise<any> {
  const { res, err } = await sendFromExtensionPage(page, type, data);
  if (err) throw new Error(err.message);
  return res;
}

/** The passage keys of the search index saved in IndexedDB (lib/search/persistedIndex.ts, platform/indexStore.ts), read from an extension page. */
function savedKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => Object.assign(indexedDB.open('counterpoint-index'), { onsuccess: (e: Event) => ok((e.target as IDBOpenDBRequest).result), onerror: fail }));
    try {
      if (!db.objectStoreNames.contains('header')) return [];
      const row = await new Promise<any>((ok, fail) => Object.assign(db.transaction('header').objectStore('header').get('keys'), { onsuccess: (e: Event) => ok((e.target as IDBRequest).result), onerror: fail }));
      // (platform/indexStore.ts keeps the passage table as one string in its 'keys' row, keys separated by U+0001.)
      return row?.keyCount ? (row.keys as string).split('\u0001') : [];
    } finally {
      db.close();
    }
  });
}

/** Popup search, as a reader types it: the titles of the results shown. */
async function popupFinds(ext: ExtensionBrowser, query: string, title: string): Promise<void> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.locator('#search-input').fill(query);
  await popup.getByText(title).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
  await popup.close();
}

describe('Chromium: the search index across worker restarts', () => {
  let ext: ExtensionBrowser;
  let options: Page;
  let docId: string;

  async function stopWorker() {
    const cdp = await ext.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.waitForTimeout(300);
    await cdp.detach();
  }

  beforeAll(async () => {
    ext = await launchWithExtension();
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('after an import and a search, the saved index holds the imported document', async () => {
    docId = (await call(options, 'importDocuments', { drafts: [draft] })).added[0].id;
    await popupFinds(ext, 'quince orchards', TITLE);
    await expect.poll(async () => (await savedKeys(options)).filter((k) => k.startsWith(`${docId}#`)).length, { timeout: 30_000 }).toBe(2);
  });

  it('with the worker stopped, popup search finds the document', async () => {
    await stopWorker();
    await popupFinds(ext, 'frost had spared', TITLE);
  });

  it('a saved index that cannot be read is rebuilt: search still finds the document', async () => {
    await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => Object.assign(indexedDB.open('counterpoint-index'), { onsuccess: (e: Event) => ok((e.target as IDBOpenDBRequest).result), onerror: fail }));
      const tx = db.transaction('chunks', 'readwrite');
      tx.objectStore('chunks').put({ n: 0, key: '1.reg', data: '{"not an index' });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    });
    await stopWorker();
    await popupFinds(ext, 'quince orchards', TITLE);
    const hits = (await call(options, 'search', { query: 'Kirkook' })).hits;
    expect(hits.length).toBeGreaterThan(0);
  });
});
