/**
 * Corpus measures, in the built extension's service worker (one build per corpus):
 *  4. search latency p50/p95 over the fixed 200 queries — inside the worker (CorpusStore.search,
 *     the figure the target applies to) and as message round trips from an extension page;
 *  5. worker cold start → first answer (a card lookup; and a first search, which loads the
 *     corpus and imports or builds the index), how long loading the corpus and the index took,
 *     card lookups sent while that first search loads, and the worker's JS heap after a card
 *     and with the corpus and index loaded.
 * The worker is reached through the benchmark build's hook (globalThis.__counterpointBench,
 * compiled out of other builds): `store()` resolves to the CorpusStore with its index ready.
 */
import { readFileSync } from 'node:fs';
import { openColdFloor } from './measure-coldfloor.mjs';
import { closeExtension, detach, launchExtension, send, sendMany, sendWhileLookingUp, stopWorker, workerHeap, workerSession } from './extension.mjs';
import { percentile } from './stats.mjs';

export const QUERIES = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')).queries.map((q) => q.q);
const LOOKUP_ID = 'raqqa';
const FIRST_QUERY = 'Kirkook';
const IPC_QUERIES = QUERIES.filter((_, i) => i % 4 === 0);

/**
 * Runs inside the worker: every query `passes` times with performance.now(); the first pass warms
 * the JIT, and each query's latency is the median of the other passes (a 2-core machine shared
 * with other work preempts the thread now and then: one unlucky pass should not make a p95).
 */
export async function searchInWorker(queries, passes) {
  const store = await globalThis.__counterpointBench.store();
  const per = queries.map(() => []);
  for (let p = 0; p < passes; p++) {
    queries.forEach((query, i) => {
      const t0 = performance.now();
      store.search({ query });
      const ms = performance.now() - t0;
      if (p > 0) per[i].push(ms);
    });
  }
  const med = (a) => {
    const s = [...a].sort((x, y) => x - y);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return { times: per.map(med) };
}

async function corpusShape() {
  const c = (await globalThis.__counterpointBench.store()).corpus;
  return { documents: c.documents.length, passages: c.passages.length, entities: c.entities.length, bodyChars: c.documents.reduce((a, d) => a + d.body.length, 0) };
}

async function inWorker(ext, fn, ...args) {
  const s = await workerSession(ext);
  try {
    return await s.evaluate(fn, ...args);
  } finally {
    await detach(ext, s);
  }
}

/**
 * All corpus measures for one build, `runs` times: cold starts, heaps, index build, and search
 * latency (per query, the median of 3 passes after a warm-up pass).
 */
export async function measureCorpus(extensionDir, { runs = 3, floor = false, log = () => {} } = {}) {
  const ext = await launchExtension(extensionDir);
  // The browser's floor (bench/measure-coldfloor.mjs), timed in each run right after our cold start.
  const bare = floor ? await openColdFloor() : undefined;
  try {
    const shape = await inWorker(ext, corpusShape);
    // The first start after install compiles the script without a code cache: not a user-facing
    // cold start (it happens once per install/update). Start and stop once before timing.
    await send(ext, 'lookupEntity', { id: LOOKUP_ID });
    const out = { shape, coldFloorMs: bare ? [] : undefined, coldLookupMs: [], coldSearchMs: [], workerStartMs: [], workerMainMs: [], indexBuildMs: [], corpusLoadMs: [], lookupDuringLoadMaxMs: [], lookupDuringLoadCount: [], heapCorpusBytes: [], heapIndexBytes: [], searchP50: [], searchP95: [], ipcP50: [], ipcP95: [], lookupWarmMs: [] };
    for (let r = 0; r < runs; r++) {
      // Cold start → first answer (card lookup).
      await stopWorker(ext);
      const cold = await send(ext, 'lookupEntity', { id: LOOKUP_ID });
      if (cold.err) throw new Error(`lookupEntity: ${cold.err}`);
      out.coldLookupMs.push(cold.ms);
      if (bare) out.coldFloorMs.push(await bare.coldStart(3));
      let s = await workerSession(ext);
      // Where the time went: worker start (its time origin) and the background's main() (after
      // background.js, corpus included, was loaded, compiled and evaluated).
      const { origin, mainAt } = await s.evaluate(() => ({ origin: performance.timeOrigin, mainAt: globalThis.__counterpointBench.mainAt }));
      out.workerStartMs.push(origin - cold.sentAt);
      out.workerMainMs.push(mainAt);
      out.heapCorpusBytes.push(await workerHeap(s));
      await detach(ext, s);
      const warm = await sendMany(ext, 'lookupEntity', Array.from({ length: 10 }, () => ({ id: LOOKUP_ID })));
      out.lookupWarmMs.push(percentile(warm, 0.5));

      // Cold start → first search answer (loads the corpus, imports or builds the index; the
      // worker times both), with a card lookup sent every 50 ms meanwhile: how long a card waits
      // while the search loads.
      await stopWorker(ext);
      const coldSearch = await sendWhileLookingUp(ext, 'search', { query: FIRST_QUERY }, { id: LOOKUP_ID }, 50);
      if (coldSearch.err) throw new Error(`search: ${coldSearch.err}`);
      out.coldSearchMs.push(coldSearch.ms);
      out.lookupDuringLoadMaxMs.push(Math.max(0, ...coldSearch.lookups));
      out.lookupDuringLoadCount.push(coldSearch.lookups.length);
      s = await workerSession(ext);
      const loaded = await s.evaluate(async () => {
        const b = globalThis.__counterpointBench;
        return { indexMs: (await b.store()).indexBuildMs, corpusMs: b.corpus.timings?.corpusMs ?? 0 };
      });
      out.indexBuildMs.push(loaded.indexMs);
      out.corpusLoadMs.push(loaded.corpusMs);
      out.heapIndexBytes.push(await workerHeap(s));

      // Search latency inside the worker.
      const { times } = await s.evaluate(searchInWorker, QUERIES, 4);
      out.searchP50.push(percentile(times, 0.5));
      out.searchP95.push(percentile(times, 0.95));
      if (r === 0) out.searchTimes = times.map((t) => +t.toFixed(3));
      await detach(ext, s);

      // Search as message round trips from an extension page (IPC and result cloning included),
      // over every 4th query (50): at 10,000 documents each answer takes ~0.1 s.
      const ipc = await sendMany(ext, 'search', IPC_QUERIES.map((query) => ({ query })));
      out.ipcP50.push(percentile(ipc, 0.5));
      out.ipcP95.push(percentile(ipc, 0.95));
      log(`  run ${r + 1}/${runs}: cold lookup ${cold.ms.toFixed(1)} ms${bare ? ` (a bare extension ${out.coldFloorMs[r].toFixed(1)} ms)` : ''}, cold search ${coldSearch.ms.toFixed(0)} ms (corpus ${loaded.corpusMs.toFixed(0)} ms, index ${loaded.indexMs.toFixed(0)} ms; ${coldSearch.lookups.length} cards meanwhile, slowest ${out.lookupDuringLoadMaxMs[r].toFixed(0)} ms), search p95 ${percentile(times, 0.95).toFixed(2)} ms, round trip p50 ${percentile(ipc, 0.5).toFixed(1)} ms`);
    }
    // Size of one search answer as sent (JSON), to explain the round trips.
    const one = await send(ext, 'search', { query: 'Mosul' }, { keepResult: true });
    out.searchAnswerBytes = JSON.stringify(one.res).length;
    out.searchAnswerSourcesBytes = JSON.stringify(one.res.sources).length;
    return out;
  } finally {
    await bare?.close();
    await closeExtension(ext);
  }
}

/** The aliases the content script matches (for mark.js), from the built extension's worker. */
export async function matcherPatterns(ext) {
  const r = await send(ext, 'matcherData', undefined, { keepResult: true });
  if (r.err) throw new Error(`matcherData: ${r.err}`);
  return r.res.patterns.map((p) => ({ text: p.text, caseSensitive: p.caseSensitive }));
}
