/**
 * Cold start → first search, step by step, on a smaller user corpus than the full run's (a quick
 * look at issue 16's search before the store is loaded, lib/corpus/quickSearch.ts):
 *
 *   node bench/build.mjs .output/bench/bundled && node bench/measure-quicksearch.mjs [documents=2000] [runs=3] [aliases=0] [asBench=0]
 *
 * Seeds the documents (and, with aliases, 20 user entities and that many aliases, as the full run
 * does) through the options page's messages, makes the first search
 * ever (the index built and saved), then `runs` times: worker stopped → one search, and where its
 * time went in the worker. COUNTERPOINT_QS_PROFILE=DIR keeps the browser profile in DIR and, when
 * DIR was seeded before, seeds nothing (one alias is added instead, so the index is saved again at
 * a new corpus version by this build). After a rebuild, Chrome keeps running the worker script it
 * installed in DIR until the extension is reloaded (chrome.runtime.reload() from one of its pages).
 * asBench=1 runs as bench/measure-usercorpus.mjs's row does: saved cards dropped, a cold card of an
 * entity with none saved, then the cold search with a card lookup (the entity the imports name
 * most, no card saved) every 50 ms meanwhile.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeExtension, launchExtension, send, sendWhileLookingUp, stopWorker } from './extension.mjs';
import { dropSavedCards, inWorker, seed, shapeInWorker } from './measure-usercorpus.mjs';
import { paragraphPool } from './text.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const [documents = 2000, runs = 3, aliases = 0, asBench = 0] = process.argv.slice(2).map(Number);
const pool = paragraphPool({ pagesDir: resolve(ROOT, '../shared/pages'), documentsDir: join(ROOT, 'corpus/documents') });
const kept = process.env.COUNTERPOINT_QS_PROFILE;
const profile = kept ? (mkdirSync(kept, { recursive: true }), kept) : mkdtempSync(join(tmpdir(), 'counterpoint-quicksearch-'));
const seeded = join(profile, 'counterpoint-seeded.json');
const ext = await launchExtension(join(ROOT, '.output/bench/bundled/chrome-mv3'), { profile });
const fixed = (o) => JSON.stringify(o, (_, v) => (typeof v === 'number' ? Math.round(v) : v));
try {
  if (existsSync(seeded)) console.log('addAlias', (await send(ext, 'addAlias', { entityId: 'raqqa', text: `Bench Alias ${Date.now()}` })).err ?? 'ok');
  else await seed(ext, pool, { documents, aliases, entities: aliases ? 20 : 0, batch: 500, log: console.log });
  if (kept) writeFileSync(seeded, JSON.stringify({ documents, aliases }));
  await stopWorker(ext);
  const first = await send(ext, 'search', { query: 'Kirkook' });
  await inWorker(ext, async () => {
    const b = globalThis.__counterpointBench;
    await b.store();
    await b.corpus.indexSaver?.settled();
  });
  console.log(`first search ever: ${first.ms.toFixed(0)} ms; index saved`);
  const touched = asBench ? (await inWorker(ext, shapeInWorker)).touched : [];
  const timings = () => {
    const b = globalThis.__counterpointBench;
    const t = b.corpus.timings;
    return { mainAt: b.mainAt, overlayAt: t.overlayAt, answeredAt: t.firstSearchAt, how: t.firstSearch, search: b.corpus.quick.last, cardAt: t.firstCardAt, card: t.firstCard, cardSteps: t.cardSteps };
  };
  for (let r = 0; r < runs; r++) {
    if (asBench) {
      await inWorker(ext, dropSavedCards);
      await stopWorker(ext);
      const card = await send(ext, 'lookupEntity', { id: touched[3 + r] });
      console.log(`cold card (${touched[3 + r]}, none saved) ${card.ms.toFixed(0)} ms; in the worker: ${fixed(await inWorker(ext, timings))}`);
      await inWorker(ext, dropSavedCards);
    }
    await stopWorker(ext);
    const cold = asBench ? await sendWhileLookingUp(ext, 'search', { query: 'Kirkook' }, { id: touched[0] }, 50) : await send(ext, 'search', { query: 'Kirkook' }, { keepResult: true });
    const lookups = asBench ? `, ${cold.lookups.length} cards of ${touched[0]} meanwhile (slowest ${Math.max(0, ...cold.lookups).toFixed(0)} ms)` : '';
    console.log(`cold search ${cold.ms.toFixed(0)} ms${lookups}; in the worker: ${fixed(await inWorker(ext, timings))}`);
  }
} finally {
  await closeExtension(ext);
  if (!kept) rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
