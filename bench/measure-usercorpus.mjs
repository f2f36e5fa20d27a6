/**
 * The user's corpus at scale (issue 10, "Speed"), in the bundled benchmark build: the user store
 * is seeded with 1,000 user aliases, a few user entities and 10,000 real-text documents through
 * the messages the options page sends (the registry's addEntity, addAlias,
 * importDocuments in batches of 500 — the same UserCorpus and Dexie code as the UI's writes),
 * then, `runs` times:
 *   - cold start (worker stopped) → first card of an entity the imports touch, round trip: an
 *     entity never looked up before (no saved card), and one looked up before;
 *   - cold start → first search answer, with a card lookup every 50 ms meanwhile;
 *   - search p50/p95 over bench/queries.json inside the worker (bench hook) and as round trips;
 * and the content script's start + scan time on a few pages before and after the seeding (the
 * 1,000 aliases reach its matcher), as a ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './cdp.mjs';
import { detach, closeExtension, launchExtension, send, sendMany, sendWhileLookingUp, stopWorker, workerSession } from './extension.mjs';
import { QUERIES, searchInWorker } from './measure-corpus.mjs';
import { scanRun } from './measure-pages.mjs';
import { median, percentile } from './stats.mjs';
import { rng } from './text.mjs';

const IPC_QUERIES = QUERIES.filter((_, i) => i % 4 === 0);
const PERSPECTIVES = ['Field notes', 'Local journalist', 'Humanitarian agency', 'Think tank analyst', 'Displaced resident', 'UN report', 'Opposition council', 'Regional newspaper'];

/** Proper-name-like phrases of the text pool ("Two Capitalised" words), most frequent first: alias and entity names. */
function namesOf(pool) {
  const counts = new Map();
  for (const p of pool) for (const m of p.matchAll(/\b\p{Lu}\p{Ll}{2,} \p{Lu}\p{Ll}{2,}\b/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
}

/** `count` drafts as the options page sends them: 3–8 real paragraphs, varied metadata. */
function drafts(pool, count, seed) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const paras = Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(pool));
    const year = 2011 + Math.floor(random() * 9);
    return {
      fileName: `bench-${i}.md`,
      meta: { title: `${paras[0].split(/\s+/).slice(0, 8).join(' ')} (${i})`, author: `Author ${i % 37}`, outlet: `Outlet ${i % 11}`, date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}`, dateApproximate: false, perspective: pick(PERSPECTIVES), url: '' },
      body: paras.join('\n\n'),
    };
  });
}

async function ok(ext, type, data) {
  const r = await send(ext, type, data, { keepResult: true });
  if (r.err) throw Object.assign(new Error(`${type}: ${r.err}`), { soft: true });
  return r;
}

/** Seeds the user corpus through the options page's messages; returns how long each part took. */
export async function seed(ext, pool, { documents, aliases, entities, batch, log }) {
  const names = namesOf(pool);
  const t0 = Date.now();
  const { res: listed } = await ok(ext, 'listEntities');
  const bundled = listed.entities.map((e) => e.id);
  let n = 0;
  let made = 0;
  const random = rng(3);
  // A name already known to the matcher is refused (as in the UI); the next one is tried.
  while (made < entities && n < names.length) {
    const name = names[n++];
    if (await send(ext, 'addEntity', { name, type: random() < 0.5 ? 'place' : 'group', kind: '', description: 'Bench entity', aliases: [] }).then((r) => !r.err)) made++;
  }
  let added = 0;
  while (added < aliases && n < names.length) {
    const text = names[n++];
    const entityId = bundled[Math.floor(random() * bundled.length)];
    if (await send(ext, 'addAlias', { entityId, text }).then((r) => !r.err)) added++;
  }
  for (let i = 0; added < aliases; i++) if (await send(ext, 'addAlias', { entityId: bundled[i % bundled.length], text: `Bench Alias ${i}` }).then((r) => !r.err)) added++;
  const namesMs = Date.now() - t0;
  log(`  ${made} user entities and ${added} aliases in ${(namesMs / 1000).toFixed(1)} s`);
  const all = drafts(pool, documents, 11);
  const t1 = Date.now();
  for (let i = 0; i < all.length; i += batch) await ok(ext, 'importDocuments', { drafts: all.slice(i, i + batch) });
  const importMs = Date.now() - t1;
  log(`  ${documents} documents in ${(importMs / 1000).toFixed(1)} s (batches of ${batch})`);
  return { userEntities: made, userAliases: added, namesMs, importMs };
}

/** In the worker: the corpus's shape, and the entities the user's documents mention most (ids). */
export async function shapeInWorker() {
  const store = await globalThis.__counterpointBench.corpus.store();
  const c = store.corpus;
  const user = c.documents.filter((d) => d.meta.origin === 'user').length;
  const counts = new Map();
  for (const p of c.passages) if (p.docId.startsWith('user') || store.documents.get(p.docId)?.meta.origin === 'user') for (const id of p.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const touched = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return { documents: c.documents.length, userDocuments: user, passages: c.passages.length, entities: c.entities.length, touched };
}

export async function inWorker(ext, fn, ...args) {
  const s = await workerSession(ext);
  try {
    return await s.evaluate(fn, ...args);
  } finally {
    await detach(ext, s);
  }
}

async function scans(ext, origin, pages, runs) {
  const out = {};
  for (const page of pages) {
    out[page.name] = [];
    for (let r = 0; r < runs; r++) out[page.name].push((await scanRun(ext, origin, page)).scanMs);
  }
  return out;
}

const cardShows = (res) => ({ user: res.excerpts.concat(res.viewpoints).some((e) => e.source.origin === 'user'), totalSources: res.totalSources, sourceCount: res.entity.sourceCount });

/** In the worker: waits until the cards the imports touched are computed ahead and saved (lib/userCorpus/writeQueue.ts). */
async function settledInWorker() {
  const t0 = performance.now();
  await globalThis.__counterpointBench.user.settled();
  return performance.now() - t0;
}

/** In the worker: forgets every saved card (as if the worker had stopped right after the imports). */
export async function dropSavedCards() {
  const db = await new Promise((ok, fail) => Object.assign(indexedDB.open('counterpoint-user'), { onsuccess: (e) => ok(e.target.result), onerror: fail }));
  await new Promise((ok, fail) => Object.assign(db.transaction('cards', 'readwrite').objectStore('cards').clear(), { onsuccess: ok, onerror: fail }));
  db.close();
  // (and their copies in storage.session, platform/sessionCache.ts)
  const keys = Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('counterpoint:user:card:'));
  await chrome.storage.session.remove(keys);
}

/** Cold start → the card of `id`, round trip; what it shows. */
async function coldCard(ext, id) {
  await stopWorker(ext);
  const r = await send(ext, 'lookupEntity', { id }, { keepResult: true });
  if (r.err) throw new Error(`lookupEntity ${id}: ${r.err}`);
  // Where the time went, in the worker (ms since its start): main() ran, the user's summary read, the card answered.
  const at = await inWorker(ext, () => {
    const b = globalThis.__counterpointBench;
    const t = b.corpus.timings;
    return { mainAt: b.mainAt, overlayAt: t.overlayAt, cardAt: t.firstCardAt, how: t.firstCard, steps: t.cardSteps };
  });
  return { ms: r.ms, at, card: { id, ...cardShows(r.res), how: at.how } };
}

/** The measures on a seeded extension, `runs` times (bench/run.mjs through measureUserCorpus; bench/ scripts). */
export async function measureSeeded(ext, { runs, log }) {
  const shape = await inWorker(ext, shapeInWorker);
  const settleMs = await inWorker(ext, settledInWorker);
  const out = { shape: { ...shape, touched: undefined, touchedFirst: shape.touched[0] }, settleMs, savedAt: [], firstAt: [], coldSavedCardMs: [], coldFirstCardMs: [], coldSearchMs: [], coldSearchHow: [], coldSearchSteps: [], corpusLoadMs: [], indexMs: [], indexHow: [], lookupDuringLoadMaxMs: [], searchP50: [], searchP95: [], ipcP50: [], ipcP95: [], cards: [] };
  // The first search ever on this corpus: the index is built (bundled index imported, the user's
  // passages added), then saved for the next workers (lib/search/persistedIndex.ts).
  await stopWorker(ext);
  // (Under heavy load the build can outlast the browser's 5-minute limit for one event: the
  // worker is stopped, the channel closes. The run goes on; the next search builds it again.)
  const firstEver = await send(ext, 'search', { query: 'Kirkook' }).catch((e) => ({ ms: NaN, err: e.message }));
  if (firstEver.err) log(`  first search ever failed: ${firstEver.err}`);
  const saved = await inWorker(ext, async () => {
    const b = globalThis.__counterpointBench;
    await b.store();
    await b.corpus.indexSaver?.settled();
    const { usage } = await navigator.storage.estimate();
    return { how: b.corpus.timings.index, indexMs: b.corpus.timings.indexMs, corpusMs: b.corpus.timings.corpusMs, save: b.corpus.indexSaver?.lastSave, storageBytes: usage };
  });
  out.indexFirstEver = { searchMs: firstEver.ms, ...saved };
  log(`  first search ever: ${firstEver.ms?.toFixed(0)} ms (corpus ${saved.corpusMs?.toFixed(0)} ms, index ${saved.how} in ${saved.indexMs?.toFixed(0)} ms); index saved in ${saved.save?.ms.toFixed(0)} ms, ${((saved.save?.chars ?? 0) / 1e6).toFixed(1)} M chars in ${saved.save?.chunks} chunks; storage used ${(saved.storageBytes / 1e6).toFixed(0)} MB`);
  // The entities named most, each looked up once: first with its card saved ahead, then others with none saved.
  const [often, ...others] = shape.touched;
  for (let r = 0; r < runs; r++) {
    const saved = await coldCard(ext, shape.touched[r]);
    out.coldSavedCardMs.push(saved.ms);
    out.cards.push(saved.card);
    out.savedAt.push(saved.at);
  }
  for (let r = 0; r < runs; r++) {
    // (Loading the store computes the missing cards again: dropped before each run.)
    await inWorker(ext, settledInWorker);
    await inWorker(ext, dropSavedCards);
    const first = await coldCard(ext, others[runs + r] ?? often);
    out.coldFirstCardMs.push(first.ms);
    out.cards.push(first.card);
    out.firstAt.push(first.at);

    await stopWorker(ext);
    const cold = await sendWhileLookingUp(ext, 'search', { query: 'Kirkook' }, { id: often }, 50);
    if (cold.err) throw new Error(`search: ${cold.err}`);
    out.coldSearchMs.push(cold.ms);
    out.lookupDuringLoadMaxMs.push(Math.max(0, ...cold.lookups));
    const loaded = await inWorker(ext, async () => {
      const b = globalThis.__counterpointBench;
      // (How the first search was answered, read before waiting for the store: 'quick' = from the query's part of the saved index.)
      const first = { firstSearch: b.corpus.timings?.firstSearch, quick: { ...b.corpus.quick?.last } };
      return { ...first, indexMs: (await b.store()).indexBuildMs, corpusMs: b.corpus.timings?.corpusMs ?? 0, how: b.corpus.timings?.index };
    });
    out.coldSearchHow.push(loaded.firstSearch);
    out.coldSearchSteps.push(loaded.quick);
    out.corpusLoadMs.push(loaded.corpusMs);
    out.indexMs.push(loaded.indexMs);
    out.indexHow.push(loaded.how);
    const { times } = await inWorker(ext, searchInWorker, QUERIES, 4);
    out.searchP50.push(percentile(times, 0.5));
    out.searchP95.push(percentile(times, 0.95));
    const ipc = await sendMany(ext, 'search', IPC_QUERIES.map((query) => ({ query })));
    out.ipcP50.push(percentile(ipc, 0.5));
    out.ipcP95.push(percentile(ipc, 0.95));
    // (steps: a card made from storage — its card rows read, or none stored and its passages read; then laid out.)
    const steps = (c) => (c ? ` (rows ${c.rows ?? 'none'}, passages ${c.passages}; read ${c.readMs?.toFixed(0)}, laid out ${c.rankMs?.toFixed(0)} ms)` : '');
    const w = (a) => `main ${a.mainAt?.toFixed(0)}, summary ${a.overlayAt?.toFixed(0)}, card ${a.cardAt?.toFixed(0)} ms: ${a.how}${steps(a.steps)}`;
    log(`  (in the worker: saved ahead: ${w(out.savedAt[r])}; none saved: ${w(first.at)})`);
    const q = loaded.quick ?? {};
    log(`  (first search answered ${loaded.firstSearch}${loaded.firstSearch === 'quick' ? `: opening ${q.openMs?.toFixed(0)}, buckets ${q.bucketsMs?.toFixed(0)} (${q.buckets}), passages ${q.readMs?.toFixed(0)} (${q.passages}), search ${q.searchMs?.toFixed(0)} ms` : ''})`);
    log(`  run ${r + 1}/${runs}: cold card ${out.coldSavedCardMs[r].toFixed(0)} ms (saved ahead), ${first.ms.toFixed(0)} ms (none saved); cold search ${cold.ms.toFixed(0)} ms (corpus ${loaded.corpusMs.toFixed(0)} ms, then index ${loaded.how} in ${loaded.indexMs.toFixed(0)} ms; slowest card meanwhile ${out.lookupDuringLoadMaxMs[r].toFixed(0)} ms), search p95 ${out.searchP95[r].toFixed(2)} ms in worker, ${out.ipcP95[r].toFixed(1)} ms round trip`);
  }
  return out;
}

/** Every measure of the user corpus at scale, in the bundled build `extensionDir`. */
export async function measureUserCorpus(extensionDir, { pool, pages = [], origin, runs = 3, documents = 10000, aliases = 1000, entities = 20, batch = 500, log = () => {} }) {
  // A profile of our own, kept across the browser restarts below and removed at the end.
  const profile = mkdtempSync(join(tmpdir(), 'counterpoint-usercorpus-'));
  let ext = await launchExtension(extensionDir, { profile });
  try {
    const before = origin ? await scans(ext, origin, pages, runs) : {};
    const seeded = await seed(ext, pool, { documents, aliases, entities, batch, log });
    const out = { ...seeded, ...(await measureSeeded(ext, { runs, log })) };
    if (origin) {
      const after = await scans(ext, origin, pages, runs);
      out.scan = pages.map((p) => ({ page: p.name, withoutMs: median(before[p.name]), withMs: median(after[p.name]), ratio: median(after[p.name]) / median(before[p.name]) }));
      out.scanRatio = median(out.scan.map((s) => s.ratio));
      log(`  content script start+scan with ${seeded.userAliases} user aliases / without: ${out.scanRatio.toFixed(2)}× (median of ${pages.length} pages)`);
    }
    // The browser restarted (storage.session is empty again; IndexedDB opened anew): the worker
    // started by the browser is stopped after a second, as after a reader's first minute, then
    // the card of the entity the imports name most.
    await inWorker(ext, settledInWorker);
    out.coldRestartCardMs = [];
    try {
      for (let r = 0; r < runs; r++) {
        await closeExtension(ext);
        ext = await launchExtension(extensionDir, { profile });
        await sleep(1000);
        const c = await coldCard(ext, out.shape.touchedFirst);
        out.coldRestartCardMs.push(c.ms);
        out.cards.push(c.card);
        log(`  browser restart ${r + 1}/${runs}: cold card ${c.ms.toFixed(0)} ms (${c.card.how})`);
      }
    } catch (e) {
      log(`  browser restart: failed (${e.message}); the figures above stand`);
    }
    return out;
  } finally {
    await closeExtension(ext);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
