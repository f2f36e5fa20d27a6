/**
 * The user corpus over real storage code (platform/userStore.ts, Dexie on fake-indexeddb) and the
 * bundled corpus's files: what a user adds is in cards, search, comparison and the matcher at
 * once, survives a worker restart, and a failed write leaves everything as it was.
 */
import corpus from 'virtual:counterpoint-corpus';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Matcher } from '../text/matcher';
import { userWorker as worker } from '../../tests/unit/userWorker';
import { draftFromMarkdown } from './draft';
import { factsKey } from '../card/cardRows';
const notes = draftFromMarkdown(readFileSync(new URL('../../tests/fixtures/import/field-notes.md', import.meta.url), 'utf8'), 'field-notes.md');
/** How many bundled documents mention an entity. */
const corpusCount = (id: string) => new Set((corpus.entityPassages[id] ?? []).map((pid) => corpus.passages[pid]!.docId)).size;
/** What a message to the background carries: a JSON copy (no undefined fields, no shared objects). */
const overTheWire = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;


async function snapshot(w: ReturnType<typeof worker>) {
  return {
    count: await w.db.documents.count(),
    data: await w.user.exportData(),
    search: (await w.service.search({ query: 'Hamza Division' })).hits.map((h) => h.passage.text),
    facets: (await w.service.facets()).sources.length,
  };
}

describe('UserCorpus: documents', () => {
  it('an imported Markdown file is in the cards, search, comparison and facets at once', async () => {
    const w = worker(new IDBFactory());
    await w.service.searchReady(); // the index is loaded: the import must update it in place
    const [meta] = await w.user.importDrafts([notes]);
    expect(meta).toMatchObject({ title: 'Field notes from Tal Abyad', author: 'Layla Hassan', origin: 'user', dateLabel: '14 October 2019' });

    const card = await w.service.lookupEntity('raqqa');
    expect(card.totalSources).toBe(corpus.documents.length + 1);
    expect([...card.excerpts, ...card.viewpoints].some((e) => e.source.id === meta!.id)).toBe(true);

    const hits = (await w.service.search({ query: 'Hamza Division' })).hits;
    expect(hits[0]!.source.title).toBe('Field notes from Tal Abyad');
    const comparison = await w.service.compare('raqqa');
    expect(comparison.columns.map((c) => c.source.id)).toContain(meta!.id);
    expect((await w.service.facets()).sources.map((s) => s.id)).toContain(meta!.id);
    expect((await w.service.getDocument(meta!.id)).document.body).toBe(notes.body);
  });

  it('after an import, the cards it touched are computed ahead and saved: the next worker reads one card', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    await first.user.importDrafts([notes]);
    const card = await first.service.lookupEntity('raqqa');
    await first.user.settled();
    const fresh = worker(idb);
    const read = vi.spyOn(fresh.storage, 'passagesMentioning');
    const again = await fresh.service.lookupEntity('syrian-democratic-forces');
    expect(read).not.toHaveBeenCalled();
    expect(again).toEqual(await first.service.lookupEntity('syrian-democratic-forces'));
    // The import reached the saved card: one more source names the SDF (the field notes do).
    expect(notes.body).toMatch(/SDF|Syrian Democratic Forces/);
    expect(again.entity.sourceCount).toBe(corpusCount('syrian-democratic-forces') + 1);
    expect(await fresh.service.lookupEntity('raqqa')).toEqual(card);
  });

  it('cards the worker stopped before computing ahead are computed once the store is loaded again', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    await first.user.importDrafts([notes]);
    await first.user.settled();
    await first.db.cards.clear(); // (as if the worker had stopped right after the import)
    const fresh = worker(idb);
    await fresh.service.search({ query: 'Tal Abyad' });
    await fresh.user.settled();
    const saved = await fresh.storage.card('raqqa');
    expect(saved).toEqual(await fresh.service.lookupEntity('raqqa'));
    expect(await fresh.storage.savedCards()).toContain('syrian-democratic-forces');
  });

  it('after a worker restart, the first card answers from what is stored, and search finds the document', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    const [meta] = await first.user.importDrafts([notes]);
    const fresh = worker(idb);
    const read = vi.spyOn(fresh.storage, 'documents');
    const card = await fresh.service.lookupEntity('raqqa');
    expect([...card.excerpts, ...card.viewpoints].some((e) => e.source.id === meta!.id)).toBe(true);
    expect(card.totalSources).toBe(corpus.documents.length + 1);
    expect(read).not.toHaveBeenCalled(); // the card read raqqa's passages, not every document
    expect(await fresh.storage.card('raqqa')).toEqual(card); // kept for the next restart
    expect((await fresh.service.search({ query: 'Tal Abyad bakery' })).hits[0]!.source.id).toBe(meta!.id);
    // A card the user's data does not touch still comes from the bundled file, with the new total.
    const untouched = fresh.service.manifest.entities.find((e) => !(card.entity.id === e.id) && !['raqqa', 'syrian-democratic-forces', 'turkey'].includes(e.id))!;
    expect((await fresh.service.lookupEntity(untouched.id)).totalSources).toBe(corpus.documents.length + 1);
  });

  it('deletes with undo: the document leaves every answer, and comes back with its id', async () => {
    const w = worker(new IDBFactory());
    const [meta] = await w.user.importDrafts([notes]);
    const deleted = await w.user.deleteDocuments([meta!.id]);
    expect((await w.service.search({ query: 'Tal Abyad bakery' })).hits).toEqual([]);
    expect((await w.service.compare('raqqa')).columns.map((c) => c.source.id)).not.toContain(meta!.id);
    expect(await w.db.documents.count()).toBe(0);
    await w.user.restoreDocuments(deleted);
    expect((await w.service.search({ query: 'Tal Abyad bakery' })).hits[0]!.source.id).toBe(meta!.id);
    expect((await w.service.getDocument(meta!.id)).passages.length).toBeGreaterThan(0);
  });

  it('edits metadata: the card shows the new perspective', async () => {
    const w = worker(new IDBFactory());
    const [meta] = await w.user.importDrafts([notes]);
    await w.user.updateDocument(meta!.id, { title: 'Notes, Tal Abyad', author: '', outlet: '', date: '2019', dateApproximate: true, perspective: 'Displaced residents', url: '' });
    const col = (await w.service.compare('raqqa')).columns.find((c) => c.source.id === meta!.id)!;
    expect(col.source).toMatchObject({ title: 'Notes, Tal Abyad', perspective: 'Displaced residents', dateLabel: 'about 2019' });
    const restarted = worker((w.db as unknown as { _options: { indexedDB: IDBFactory } })._options.indexedDB);
    expect((await restarted.service.compare('raqqa')).columns.find((c) => c.source.id === meta!.id)!.source.title).toBe('Notes, Tal Abyad');
    // Its passages are stored once, with the new metadata (what a card after a restart reads).
    const rows = await restarted.storage.passagesMentioning('raqqa');
    expect(rows.map((r) => r.meta.title)).toEqual(rows.map(() => 'Notes, Tal Abyad'));
    expect(rows.length).toBe((await restarted.service.getDocument(meta!.id)).passages.filter((p) => p.entityIds.includes('raqqa')).length);
  });

  it('hides a bundled document and shows it again; it is never lost', async () => {
    const w = worker(new IDBFactory());
    const seed = corpus.documents[0]!.meta.id;
    await w.user.setSeedHidden(seed, true);
    expect((await w.service.facets()).sources.map((s) => s.id)).not.toContain(seed);
    expect((await w.service.lookupEntity('raqqa')).totalSources).toBe(corpus.documents.length - 1);
    await w.user.setSeedHidden(seed, false);
    expect((await w.service.facets()).sources.map((s) => s.id)).toContain(seed);
    expect((await w.service.lookupEntity('raqqa')).totalSources).toBe(corpus.documents.length);
  });

  it('a card saved while a bundled document was hidden is not used once it is shown again', async () => {
    const idb = new IDBFactory();
    const w = worker(idb);
    const seed = corpus.passages[corpus.entityPassages['raqqa']![0]!]!.docId;
    await w.user.importDrafts([{ ...notes, body: 'Mosul, later.' }]); // (the user's data stays active)
    await w.user.setSeedHidden(seed, true);
    const hidden = await w.service.lookupEntity('raqqa');
    await w.user.settled(); // (its cards computed ahead and saved)
    await w.user.setSeedHidden(seed, false);
    await w.user.settled();
    const restarted = worker(idb);
    const card = await restarted.service.lookupEntity('raqqa');
    expect(card.entity.sourceCount).toBe(hidden.entity.sourceCount + 1);
    expect(card.entity.sourceCount).toBe(corpusCount('raqqa'));
  });
});

describe('UserCorpus: a failed write changes nothing', () => {
  it.each([
    ['the quota is reached halfway', () => new DOMException('Quota exceeded', 'QuotaExceededError')],
    ['the worker stops mid-import', () => new DOMException('The transaction was aborted', 'AbortError')],
  ])('%s: stored count and contents, and every answer, as before', async (_, error) => {
    const w = worker(new IDBFactory());
    await w.user.importDrafts([{ ...notes, body: 'An earlier note about Raqqa and the Hamza Division.' }]);
    const before = await snapshot(w);
    const spy = vi.spyOn(w.db.passages, 'bulkPut').mockImplementation(() => Dexie.Promise.reject(error()));
    await expect(w.user.importDrafts([notes, { ...notes, fileName: 'b.md' }, { ...notes, fileName: 'c.md' }])).rejects.toThrow();
    expect(spy).toHaveBeenCalledTimes(1); // the documents were written, then their passages failed
    spy.mockRestore();
    expect(await snapshot(w)).toEqual(before);
    expect(await snapshot(worker((w.db as unknown as { _options: { indexedDB: IDBFactory } })._options.indexedDB))).toEqual(before);
  });

  it('a draft that cannot be saved refuses the whole import before anything is written', async () => {
    const w = worker(new IDBFactory());
    await expect(w.user.importDrafts([notes, { ...notes, fileName: 'bad.md', meta: { ...notes.meta, date: 'soon' } }])).rejects.toThrow(/^bad\.md: Write the date/);
    expect(await w.db.documents.count()).toBe(0);
  });
});

describe('UserCorpus: entities and aliases', () => {
  it('an accepted entity reaches the matcher (flagged user), opens a card quoting the document, and survives a restart', async () => {
    const idb = new IDBFactory();
    const w = worker(idb);
    const [meta] = await w.user.importDrafts([notes]);
    const entity = await w.user.addEntity({ name: 'Hamza Division', type: 'group', kind: 'armed group', description: 'A Syrian opposition faction.', aliases: ['Firqat al-Hamza'] });
    expect(entity).toMatchObject({ id: 'user-hamza-division', sourceCount: 1 });
    const data = await w.service.matcherData();
    expect(data.patterns.filter((p) => p.user)).toEqual([
      { text: 'Hamza Division', entityId: 'user-hamza-division', caseSensitive: false, ambiguous: false, type: 'group', user: true },
      { text: 'Firqat al-Hamza', entityId: 'user-hamza-division', caseSensitive: false, ambiguous: false, type: 'group', user: true },
    ]);
    expect(data.revision).not.toBe(w.service.manifest.revision);
    // The user's names are in the automaton prepared for the pages (none of them builds its own).
    expect(data.automaton?.count).toBe(data.patterns.length);
    expect(new Matcher(data.patterns, { packed: data.automaton }).findAll('Men of Firqat al Hamza left Raqqa.').map((m) => m.entityId)).toEqual(['user-hamza-division', 'raqqa']);
    const card = await w.service.lookupEntity('user-hamza-division');
    // (With two voices in one document, both may stand as viewpoints rather than excerpts.)
    const quoted = [...card.excerpts, ...card.viewpoints];
    expect(quoted[0]!.source.id).toBe(meta!.id);
    expect(quoted[0]!.passage.text).toMatch(/Hamza Division/);

    const restarted = worker(idb);
    const again = await restarted.service.lookupEntity('user-hamza-division');
    expect([...again.excerpts, ...again.viewpoints][0]!.source.id).toBe(meta!.id);
    expect((await restarted.service.matcherData()).revision).toBe(data.revision);
    expect((await restarted.service.listEntities()).entities.map((e) => e.id)).toContain('user-hamza-division');
  });

  it('an alias added to a bundled entity makes its documents count for it', async () => {
    const w = worker(new IDBFactory());
    const [meta] = await w.user.importDrafts([{ ...notes, body: 'The road to Nicephorium was closed for a week.' }]);
    expect((await w.service.compare('raqqa')).columns.map((c) => c.source.id)).not.toContain(meta!.id);
    await w.user.addAlias('raqqa', 'Nicephorium');
    expect((await w.service.compare('raqqa')).columns.map((c) => c.source.id)).toContain(meta!.id);
    // The page's matcher knows it is a place's name (pages may hide places: settings `entityTypes`).
    expect((await w.service.matcherData()).patterns.find((p) => p.text === 'Nicephorium')).toMatchObject({ entityId: 'raqqa', type: 'place', user: true });
    await expect(w.user.addAlias('mosul', 'Raqqa')).rejects.toThrow(/already a name of Raqqa/);
  });
});

describe('UserCorpus: export, reset, import', () => {
  it('export → reset → import (replace) gives back the same corpus', async () => {
    const w = worker(new IDBFactory());
    await w.user.importDrafts([notes, { ...notes, fileName: 'two.md', meta: { ...notes.meta, title: 'Second' }, body: 'Mosul, later.' }]);
    await w.user.addEntity({ name: 'Hamza Division', type: 'group', kind: '', description: '', aliases: [] });
    await w.user.addAlias('raqqa', 'Nicephorium');
    await w.user.setSeedHidden(corpus.documents[1]!.meta.id, true);
    const exported = await w.user.exportData();
    // Passage ids are positions in the worker's memory: what a reader sees is compared.
    const seen = (list: Array<{ source: { id: string }; passage: { text: string; stance: string } }>) => list.map((e) => [e.source.id, e.passage.text, e.passage.stance]);
    const answers = async () => {
      const card = await w.service.lookupEntity('user-hamza-division');
      return { search: seen((await w.service.search({ query: 'Hamza' })).hits), entity: card.entity, excerpts: seen(card.excerpts), viewpoints: seen(card.viewpoints) };
    };
    const before = await answers();

    await w.user.reset();
    expect(await w.user.exportData()).toEqual({ documents: [], entities: [], aliases: [], hiddenSeeds: [] });
    expect((await w.service.facets()).sources).toHaveLength(corpus.documents.length);
    await expect(w.service.lookupEntity('user-hamza-division')).rejects.toThrow(/No corpus entity/);

    const preview = await w.user.importData(overTheWire(exported), 'replace', false);
    expect(preview).toMatchObject({ added: ['Field notes from Tal Abyad', 'Second'], removed: [], entitiesAdded: ['Hamza Division'], aliasesAdded: 1, hiddenSeeds: 1 });
    expect(await w.db.documents.count()).toBe(0); // a preview writes nothing
    await w.user.importData(overTheWire(exported), 'replace', true);
    expect(await w.user.exportData()).toEqual(exported);
    const after = await answers();
    expect(after).toEqual(before);
  });

  it('refuses a bundle whose document has a bundled document’s id, writing nothing', async () => {
    const w = worker(new IDBFactory());
    const seed = corpus.documents[0]!;
    await expect(w.user.importData({ documents: [{ meta: { ...seed.meta, origin: 'user' }, body: seed.body }], entities: [], aliases: [], hiddenSeeds: [] }, 'merge', true)).rejects.toThrow(/has the id of a bundled document/);
    expect(await w.db.documents.count()).toBe(0);
  });
});

describe('UserStore schema migration', () => {
  it('opens a version-1 database: rows kept, compiled on the next load and written back', async () => {
    const idb = new IDBFactory();
    const v1 = new Dexie('test', { indexedDB: idb, IDBKeyRange });
    v1.version(1).stores({ documents: 'id, addedAt' });
    const meta = { id: 'user-old', title: 'Old note', date: '2016', dateApproximate: false, dateLabel: '2016', perspective: 'Notes', origin: 'user' as const };
    await v1.table('documents').put({ id: 'user-old', meta, body: 'Raqqa was quiet that week.', addedAt: 1 });
    v1.close();

    const w = worker(idb);
    expect((await w.service.compare('raqqa')).columns.map((c) => c.source.id)).toContain('user-old');
    expect(w.db.verno).toBe(4);
    const row = await w.db.documents.get('user-old');
    expect(row!.entityIds).toContain('raqqa');
    expect((await w.storage.cardRows('raqqa'))?.map((r) => r.docId)).toEqual(['user-old']); // (written back with its card rows)
    // Written back compiled: in the per-entity list, and no longer waiting to be compiled.
    expect((await w.storage.passagesMentioning('raqqa')).map((p) => p.meta.id)).toContain('user-old');
    expect((await w.storage.summary()).compiled).toBe(true);
    expect((await w.db.documents.get(meta.id))!.passages).toBeUndefined(); // moved, not copied
    expect((await w.service.compare('raqqa')).columns.map((c) => c.source.id)).toContain(meta.id);
  });

  it('until a version-1 document is compiled, a card after a restart still includes it (from the whole store)', async () => {
    const idb = new IDBFactory();
    const v1 = new Dexie('test', { indexedDB: idb, IDBKeyRange });
    v1.version(1).stores({ documents: 'id, addedAt' });
    const meta = { id: 'user-old', title: 'Old note', date: '2016', dateApproximate: false, dateLabel: '2016', perspective: 'Notes', origin: 'user' as const };
    await v1.table('documents').put({ id: 'user-old', meta, body: 'Raqqa was quiet that week, a resident of Raqqa said.', addedAt: 1 });
    await v1.table('documents').put({ id: 'user-old-2', meta: { ...meta, id: 'user-old-2' }, body: 'Raqqa again.', addedAt: 2 });
    v1.close();
    const w = worker(idb);
    expect((await w.storage.summary()).compiled).toBe(false);
    const card = await w.service.lookupEntity('raqqa');
    expect(card.entity.sourceCount).toBe(corpusCount('raqqa') + 2);
  });

  it('documents stored without card rows (before version 4) get them once the store is loaded; the next worker makes the card from them', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    const [meta] = await first.user.importDrafts([notes]);
    await first.user.settled();
    await Promise.all([first.db.cardRows.clear(), first.db.cards.clear()]); // (and no card saved ahead)
    await first.db.state.put({ key: 'rowless', value: [meta!.id] });
    const second = worker(idb);
    const card = await second.service.lookupEntity('raqqa');
    expect(second.service.timings.cardSteps?.rows).toBeUndefined(); // (none stored: from its passages)
    expect(second.service.timings.cardSteps?.passages).toBeGreaterThan(0);
    await second.service.compare('raqqa'); // (the store loaded: the rows are derived)
    await vi.waitFor(async () => expect(await second.storage.rowless()).toEqual([]));
    await second.user.settled();
    await second.db.cards.clear();
    const third = worker(idb);
    expect(await third.service.lookupEntity('raqqa')).toEqual(card);
    expect(third.service.timings.cardSteps).toMatchObject({ rows: 1, passages: 0 });
  });

  it('a name added to an entity: its rows in documents not stored again are derived anew, and the next worker’s card is made from them', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    await first.user.importDrafts([notes]);
    await first.user.addAlias('raqqa', 'Nicephorium');
    const facts = factsKey((await first.service.store()).entities.get('raqqa'));
    await vi.waitFor(async () => expect((await first.storage.cardRows('raqqa'))!.map((r) => r.facts)).toEqual([facts]));
    await first.user.settled();
    await first.db.cards.clear();
    const second = worker(idb);
    const card = await second.service.lookupEntity('raqqa');
    expect(second.service.timings.cardSteps).toMatchObject({ rows: 1, passages: 0 });
    // The same card from the entity's passages (rows made unavailable):
    await second.db.state.put({ key: 'rowless', value: ['-'] });
    const third = worker(idb);
    expect(await third.service.lookupEntity('raqqa')).toEqual(card);
    expect(third.service.timings.cardSteps?.rows).toBeUndefined();
  });

  it('a worker stopped before it refreshed a renamed entity’s rows: the next one refreshes them once its store is loaded', async () => {
    const idb = new IDBFactory();
    // (The first worker stops before any refreshed row is stored.)
    const first = worker(idb, { wrap: (s) => Object.assign(Object.create(s) as typeof s, { refreshCardRows: () => new Promise<void>(() => undefined) }) });
    await first.user.importDrafts([notes]);
    await first.user.addAlias('raqqa', 'Nicephorium');
    const facts = factsKey((await first.service.store()).entities.get('raqqa'));
    expect((await first.storage.cardRows('raqqa'))!.map((r) => r.facts)).not.toEqual([facts]);
    expect(await first.storage.staleRows()).toHaveLength(1);
    const second = worker(idb);
    await second.service.compare('raqqa'); // (the store loaded)
    await vi.waitFor(async () => expect((await second.storage.cardRows('raqqa'))!.map((r) => r.facts)).toEqual([facts]));
    await vi.waitFor(async () => expect(await second.storage.staleRows()).toEqual([]));
    await second.user.settled();
    await second.db.cards.clear();
    const third = worker(idb);
    expect(await third.service.lookupEntity('raqqa')).toEqual(await second.service.lookupEntity('raqqa'));
    expect(third.service.timings.cardSteps).toMatchObject({ rows: 1, passages: 0 });
  });

  it('opens a version-2 database: every stored passage gets into the per-entity lists', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    const [meta] = await first.user.importDrafts([notes]);
    const stored = { ...(await first.db.documents.get(meta!.id))!, passages: (await first.storage.documents(0, 1))[0]!.passages };
    first.db.close();
    const v2 = new Dexie('test', { indexedDB: idb, IDBKeyRange });
    await v2.open();
    v2.close();
    // Back to version 2: the passages table is gone, the documents keep their passages.
    await new Promise((ok, fail) => Object.assign(idb.deleteDatabase('test'), { onsuccess: ok, onerror: fail }));
    const old = new Dexie('test', { indexedDB: idb, IDBKeyRange });
    old.version(2).stores({ documents: 'id, addedAt, *entityIds', entities: 'id', aliases: '[entityId+text], entityId', hidden: 'id', cards: 'entityId', state: 'key' });
    await old.table('documents').put(stored);
    old.close();
    const w = worker(idb);
    expect((await w.storage.passagesMentioning('raqqa')).map((p) => [p.meta.id, p.passage.text])).toEqual(
      stored.passages.filter((p) => p.entityIds.includes('raqqa')).map((p) => [meta!.id, p.text]),
    );
    expect((await w.storage.summary()).compiled).toBe(true);
    expect((await w.db.documents.get(meta!.id))!.passages).toBeUndefined(); // moved, not copied
    expect((await w.service.compare('raqqa')).columns.map((c) => c.source.id)).toContain(meta!.id);
  });
});
