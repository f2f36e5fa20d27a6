/**
 * A search before the store is loaded (./quickSearch.ts: the query's buckets of the saved index,
 * the passages it reads by key) answers exactly as the whole store with an index built from the
 * passages: the benchmark's 200 queries, prefixes typed so far, several words, filters, the user's
 * own names, over a corpus with user documents, a user entity and alias (bundled documents
 * recompiled) and a hidden bundled document; and after the corpus changed between the save and the
 * restart, it does not answer from the older save, and answers again once the index is saved anew.
 */
import corpus from 'virtual:counterpoint-corpus';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { userWorker } from '../../tests/unit/userWorker';
import type { Params } from '../messages/registry';
import type { DocumentDraft } from '../userCorpus/types';

const bench = JSON.parse(readFileSync(new URL('../../bench/queries.json', import.meta.url), 'utf8')) as { queries: Array<{ q: string }> };
const USER_NAME = 'Quince Valley Council';
const QUERIES: Array<Params<'search'>> = [
  ...bench.queries.map(({ q }) => ({ query: q })),
  // typed so far, several words, nothing, stop words, the user's own names
  ...['k', 'Ki', 'Kir', 'Kirk', 'Mos', 'Raqq', 'civ', 'civilians displaced', 'siege of Mosul', 'Raqqa Mosul Aleppo', 'zzqxv', 'the', 'of the', 'quince', 'Quince Valley', USER_NAME, 'Bench Alias'].map((query) => ({ query })),
  { query: 'Mosul', perspectives: [corpus.documents[0]!.meta.perspective] },
  { query: 'Raqqa', entityTypes: ['group'], limit: 10 },
];

/** User documents of real text: bundled passages, three to a document, with the user's names in some. */
function drafts(count: number, from = 0): DocumentDraft[] {
  const texts = corpus.passages.map((p) => p.text).filter((t) => t.length > 80);
  return Array.from({ length: count }, (_, i) => ({
    fileName: `note-${from + i}.txt`,
    meta: { title: `Note ${from + i}`, author: `Author ${i % 3}`, outlet: '', date: '2018', dateApproximate: false, perspective: i % 2 ? 'Field notes' : 'Local journalist', url: '' },
    body: [0, 1, 2].map((k) => texts[(from + i * 7 + k * 13) % texts.length]).join('\n\n') + (i % 4 ? '' : `\n\nThe ${USER_NAME} met on Tuesday. Bench Alias was there.`),
  }));
}

/** What the whole store answers, its index built (no saved index read). */
async function reference(idb: IDBFactory, queries = QUERIES) {
  const w = userWorker(idb);
  await w.service.searchReady();
  return Promise.all(queries.map((q) => w.service.search(q)));
}

/** The same queries answered by a worker just started, before it loads its store. */
async function quickAnswers(idb: IDBFactory, queries = QUERIES) {
  const w = userWorker(idb, { index: true });
  const answers = [];
  for (const q of queries) answers.push(await w.service.quick.search(q));
  expect(w.service.timings.corpusMs).toBeUndefined(); // (the store was never loaded)
  return { w, answers };
}

/** Waits until the worker saved its index. */
async function saved(w: ReturnType<typeof userWorker>) {
  await w.service.searchReady();
  await w.user.settled();
  await w.service.indexSaver!.settled();
}

describe('A search before the store is loaded', { timeout: 120_000 }, () => {
  it('answers as the whole store with a built index, and not from a save of another corpus version', async () => {
    const idb = new IDBFactory();
    const first = userWorker(idb, { index: true });
    const entity = await first.user.addEntity({ name: USER_NAME, type: 'group', kind: '', description: '', aliases: [] });
    await first.user.addAlias(corpus.entities[0]!.id, 'Bench Alias');
    const imported = await first.user.importDrafts(drafts(40));
    await first.user.setSeedHidden(corpus.documents[1]!.meta.id, true);
    await saved(first);

    const expected = await reference(idb);
    expect(expected.filter((r) => r.hits.some((h) => h.source.origin === 'user')).length).toBeGreaterThan(100);
    expect(expected.find((r, i) => QUERIES[i]!.query === USER_NAME)?.entities.map((e) => e.id)).toContain(entity.id);
    const { answers } = await quickAnswers(idb);
    QUERIES.forEach((q, i) => expect(answers[i], q.query).toEqual(expected[i]));

    // The corpus changes after the save: that save answers nothing…
    const later = userWorker(idb, { index: true });
    await later.user.importDrafts(drafts(5, 40));
    await later.user.deleteDocuments([imported[3]!.id]);
    const changed = await reference(idb);
    const stale = userWorker(idb, { index: true });
    expect(await stale.service.quick.search({ query: 'Mosul' })).toBeUndefined();
    expect(await stale.service.search({ query: 'Mosul' })).toEqual(changed[QUERIES.findIndex((q) => q.query === 'Mosul')]);
    // …until the index is saved at the new version.
    await saved(stale);
    const again = await quickAnswers(idb);
    QUERIES.forEach((q, i) => expect(again.answers[i], q.query).toEqual(changed[i]));
  });

  it('reads what a starting worker derives from the save at its corpus version, and never from another', async () => {
    const idb = new IDBFactory();
    const first = userWorker(idb, { index: true });
    await first.user.addAlias(corpus.entities[0]!.id, 'Bench Alias');
    await first.user.importDrafts(drafts(5));
    await saved(first);
    const docId = corpus.documents[0]!.meta.id;
    const bundledText = (await first.service.getDocument(docId)).passages[0]!.text;
    // The bundled passages with the user's names, as saved, are what the next worker takes (marked so that it shows)…
    await first.indexDb!.header.toCollection().modify((row) => {
      if ('opening' in row) row.opening!.bundled.find(([id]) => id === docId)![1][0]!.text = 'Marked by the test';
    });
    const next = userWorker(idb, { index: true });
    expect((await next.service.getDocument(docId)).passages[0]!.text).toBe('Marked by the test');
    // …while the corpus is at the version they were saved at: after a change they are compiled again.
    await next.user.importDrafts(drafts(1, 5));
    const after = userWorker(idb, { index: true });
    expect((await after.service.getDocument(docId)).passages[0]!.text).toBe(bundledText);
  });

  it('reads only the best saved rows of a much-mentioned entity, and answers as the whole store', async () => {
    const idb = new IDBFactory();
    const first = userWorker(idb, { index: true });
    // 130 documents of three passages, each naming Mosul: 390 user passages about it, more than the rows saved.
    await first.user.importDrafts(drafts(130).map((d) => ({ ...d, body: d.body.split('\n\n').slice(0, 3).map((t) => `${t} Fighting went on in Mosul.`).join('\n\n') })));
    await saved(first);
    const mosul = { query: 'Mosul' };
    const queries = [mosul, { query: 'Mossul' }, { query: 'Mosul', limit: 10 }, { query: 'siege of Mosul' }, { query: 'Mosul', perspectives: ['Field notes'] }, { query: 'Raqqa Mosul' }];
    const expected = await reference(idb, queries);
    const { w, answers } = await quickAnswers(idb, queries);
    queries.forEach((q, i) => expect(answers[i], JSON.stringify(q)).toEqual(expected[i]));
    await w.service.quick.search(mosul);
    expect(w.service.quick.last!.passages).toBeLessThan(390);
    // The best rows' passages are saved with the index, read in one read: only text hits outside them are read by key.
    let byKey = 0;
    const counting = userWorker(idb, { index: true, wrap: (s) => Object.assign(Object.create(s) as typeof s, { passagesAt: (keys: Parameters<typeof s.passagesAt>[0]) => ((byKey += keys.length), s.passagesAt(keys)) }) });
    expect(await counting.service.quick.search(mosul)).toEqual(expected[0]);
    expect(counting.service.quick.last!.passages).toBeGreaterThanOrEqual(300);
    expect(byKey).toBeLessThan(300);
  });

  it('falls back to the store when a bucket cannot be read, never failing', async () => {
    const idb = new IDBFactory();
    const first = userWorker(idb, { index: true });
    await first.user.importDrafts(drafts(10));
    await saved(first);
    const expected = await reference(idb);
    await first.indexDb!.chunks.toCollection().modify((c) => void (c.data = '[["kirk'));
    const w = userWorker(idb, { index: true });
    expect(await w.service.quick.search({ query: 'Mosul' })).toBeUndefined();
    expect(await w.service.search(QUERIES[0]!)).toEqual(expected[0]);
    expect(w.service.timings.index).toBe('imported'); // (rebuilt)
  });
});
