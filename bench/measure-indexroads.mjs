/**
 * Two roads to a search index that survives a stopped worker (issue 16), measured on the same
 * passages in Chromium's IndexedDB (a page of a local server: FlexSearch's IndexedDB adapter
 * finds `window` there; the worker needs the adapter patched or the export road):
 *   A. export: the in-memory index (lib/search/searchIndex.ts's options) exported in chunks into
 *      one object store; a cold page reads every chunk and imports it, then searches.
 *   B. persistent: FlexSearch 0.8's IndexedDB mode, passages added (appended) a batch of 500
 *      documents at a time and committed; a cold page mounts the database and searches (one
 *      posting list read per query term).
 * For each: writing it (ms), cold start → first search answer (ms, page reloaded in between),
 * search p50/p95 after that, JS heap after GC, storage used; for B also deleting one document.
 *
 *   node bench/measure-indexroads.mjs [documents=10000]
 *
 * Passages: 3–8 real paragraphs per document from bench/text.mjs's pool, as the user-corpus
 * measure's documents (one passage per paragraph: an upper bound on passage length).
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './cdp.mjs';
import { paragraphPool, rng } from './text.mjs';
import { percentile } from './stats.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const documents = Number(process.argv[2] ?? 10000);
const QUERIES = JSON.parse(readFileSync(join(ROOT, 'bench/queries.json'), 'utf8')).queries.map((q) => q.q);

function passagesOf(n) {
  const pool = paragraphPool({ pagesDir: join(ROOT, '../shared/pages'), documentsDir: join(ROOT, 'corpus/documents') });
  const random = rng(11);
  const out = [];
  for (let d = 0; d < n; d++) {
    const k = 3 + Math.floor(random() * 6);
    for (let i = 0; i < k; i++) out.push(pool[Math.floor(random() * pool.length)].replace(/['’‘ʼ`´]/g, ''));
  }
  return out;
}

const PAGE = `<!doctype html><script type="module">
import FlexSearch from '/flexsearch.mjs';
const { Index, Charset, IndexedDB } = FlexSearch;
const OPTIONS = { tokenize: 'forward', encoder: Charset.Default, cache: 100 };
const idb = (req) => new Promise((ok, fail) => { req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); req.onupgradeneeded = () => req.result.createObjectStore('chunks'); });
const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
window.texts = [];
window.road = {
  async exportWrite() {
    const t0 = performance.now();
    const index = new Index(OPTIONS);
    window.texts.forEach((t, id) => index.add(id, t));
    const built = performance.now() - t0;
    const db = await idb(indexedDB.open('roada', 1));
    const chunks = [];
    await index.export((key, data) => { chunks.push([key, data]); });
    const tx = db.transaction('chunks', 'readwrite');
    for (const [key, data] of chunks) tx.objectStore('chunks').put(data, key);
    await done(tx);
    db.close();
    return { buildMs: built, writeMs: performance.now() - t0 - built, chars: chunks.reduce((s, [, d]) => s + d.length, 0), chunks: chunks.length };
  },
  async exportCold(query) {
    const t0 = performance.now();
    const db = await idb(indexedDB.open('roada', 1));
    const tx = db.transaction('chunks', 'readonly');
    const [keys, values] = await Promise.all([idb(tx.objectStore('chunks').getAllKeys()), idb(tx.objectStore('chunks').getAll())]);
    const index = new Index(OPTIONS);
    keys.forEach((k, i) => index.import(k, values[i]));
    window.index = index;
    const n = index.search(query, { limit: 100 }).length;
    return { firstMs: performance.now() - t0, n };
  },
  async persistentWrite(batch) {
    const index = new Index(OPTIONS);
    await index.mount(new IndexedDB('roadb'));
    const t0 = performance.now();
    for (let i = 0; i < window.texts.length; i += batch) {
      for (let id = i; id < Math.min(i + batch, window.texts.length); id++) index.add(id, window.texts[id], true);
      await index.commit();
    }
    return { writeMs: performance.now() - t0 };
  },
  async persistentCold(query) {
    const t0 = performance.now();
    const index = new Index(OPTIONS);
    await index.mount(new IndexedDB('roadb'));
    window.index = index;
    const n = (await index.search(query, { limit: 100 })).length;
    return { firstMs: performance.now() - t0, n };
  },
  async persistentRemove(ids) {
    const t0 = performance.now();
    for (const id of ids) window.index.remove(id);
    await window.index.commit();
    return performance.now() - t0;
  },
  async searchTimes(queries) {
    const times = [];
    for (let r = 0; r < 3; r++) for (const q of queries) { const t0 = performance.now(); await window.index.search(q, { limit: 100 }); times.push(performance.now() - t0); }
    return times;
  },
  async usage() { return (await navigator.storage.estimate()).usage; },
};
window.ready = true;
</script>`;

const server = createServer((req, res) => {
  if (req.url === '/flexsearch.mjs') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(readFileSync(join(ROOT, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs')));
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launchPersistentContext('', { executablePath: CHROMIUM, headless: true, args: ['--js-flags=--expose-gc'] });
const page = browser.pages()[0] ?? (await browser.newPage());
const open = async () => {
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true);
};
const heapMB = async () => page.evaluate(() => (globalThis.gc?.(), performance.memory.usedJSHeapSize / 1e6));
const texts = passagesOf(documents);
const load = async () => {
  for (let i = 0; i < texts.length; i += 20000) await page.evaluate((t) => window.texts.push(...t), texts.slice(i, i + 20000));
};
const stats = (t) => ({ p50: percentile(t, 0.5), p95: percentile(t, 0.95) });
const out = { documents, passages: texts.length };

await open();
await load();
const a = await page.evaluate(() => window.road.exportWrite());
const usageA = await page.evaluate(() => window.road.usage());
await open();
const aCold = await page.evaluate((q) => window.road.exportCold(q), 'Kirkook');
out.export = { ...a, ...aCold, ...stats(await page.evaluate((q) => window.road.searchTimes(q), QUERIES)), heapMB: await heapMB(), storageMB: usageA / 1e6 };

await open();
await load();
const b = await page.evaluate((batch) => window.road.persistentWrite(batch), Math.round((texts.length / documents) * 500));
const usageB = (await page.evaluate(() => window.road.usage())) - usageA;
await open();
const bCold = await page.evaluate((q) => window.road.persistentCold(q), 'Kirkook');
out.persistent = { ...b, ...bCold, ...stats(await page.evaluate((q) => window.road.searchTimes(q), QUERIES)), heapMB: await heapMB(), storageMB: usageB / 1e6 };
out.persistent.removeDocMs = await page.evaluate((ids) => window.road.persistentRemove(ids), [0, 1, 2, 3, 4]);

console.log(JSON.stringify(out, null, 1));
await browser.close();
server.close();
