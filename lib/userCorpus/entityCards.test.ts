import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { createCompiler } from '../corpus/compile';
import { LiveCorpusStore } from '../corpus/liveStore';
import type { EntityCard } from '../messages/protocol';
import { documentRows, type EntityRows } from '../card/cardRows';
import { aheadCard, storedEntityCard } from './entityCards';
import type { UserStorePort } from './port';

const compiler = createCompiler(corpus.entities);
const paragraphs = corpus.documents.flatMap((d) => d.body.split(/\n\s*\n/)).filter((p) => p.length > 80);
const documents = Array.from({ length: 30 }, (_, i) => ({
  meta: { id: `user-${i}`, title: `Note ${i}`, author: `Author ${i % 3}`, date: '2018', dateApproximate: false, dateLabel: '2018', perspective: `Perspective ${i % 4}`, origin: 'user' as const },
  body: [0, 1, 2].map((k) => paragraphs[(i * 5 + k * 11) % paragraphs.length]).join('\n\n'),
}));
const compiled = documents.map((document) => ({ document, passages: compiler.passages(document) }));
const store = new LiveCorpusStore(structuredClone(corpus));
store.addDocuments(compiled);
// A bundled document hidden and shown again: back in its slots, listed last for its entities.
store.removeDocuments([corpus.documents[0]!.meta.id], { hide: true });
store.unhideDocuments([corpus.documents[0]!.meta.id]);
const order = (docId: string) => Number(docId.slice('user-'.length));
const touched = [...new Set(compiled.flatMap((c) => c.passages.flatMap((p) => p.entityIds)))];
const rowsOf = (id: string): EntityRows[] => compiled.flatMap(({ document, passages }) => documentRows(document.meta, passages, order(document.meta.id), (e) => store.entities.get(e), id));
const port = (rows: (id: string) => EntityRows[] | undefined) => ({ cardRows: async (id: string) => rows(id) }) as unknown as UserStorePort;

/** What a reader sees of a card (passage ids are positions in memory). */
const seen = (card: EntityCard) => {
  const strip = (list: EntityCard['excerpts']) => list.map(({ passage: { id: _id, ...p }, ...e }) => ({ ...e, passage: p }));
  return { ...card, excerpts: strip(card.excerpts), viewpoints: strip(card.viewpoints) };
};

/** How often laying out a card from fewer than 256 rows gives way in slices of 0 ms (lib/card/cardRows.ts: once its rows are read, before sorting them, before the layout). */
const LAYOUT_PAUSES = 3;

describe('aheadCard (cards computed ahead after a write or a load)', () => {
  it('gives the card the whole store gives, from rows derived a document per slice when none are stored', async () => {
    expect(touched.length).toBeGreaterThan(3);
    let most = 0;
    for (const id of touched) {
      let pauses = 0;
      const card = await aheadCard(port(() => undefined), store, id, order, async () => void pauses++, 0);
      expect(seen(card)).toEqual(seen(store.lookupEntity(id)));
      expect(pauses).toBe(rowsOf(id).length + LAYOUT_PAUSES); // (slices of 0 ms: it gives way before every document)
      most = Math.max(most, pauses);
    }
    expect(most).toBeGreaterThan(5);
  });

  it('uses the stored rows when they are current, and derives them again when the entity changed since', async () => {
    for (const id of touched) {
      let pauses = 0;
      const card = await aheadCard(port(rowsOf), store, id, order, async () => void pauses++, 0);
      expect(seen(card)).toEqual(seen(store.lookupEntity(id)));
      expect(pauses).toBe(LAYOUT_PAUSES); // nothing ranked: only laid out
    }
    const id = touched.find((e) => rowsOf(e).length > 2)!;
    const stale = rowsOf(id).map((r) => ({ ...r, facts: 'before', entries: r.entries.map((e) => [e[0], 0, 2, 0, e[4], ''] as typeof e) }));
    let pauses = 0;
    const card = await aheadCard(port(() => stale), store, id, order, async () => void pauses++, 0);
    expect(seen(card)).toEqual(seen(store.lookupEntity(id)));
    expect(pauses).toBeGreaterThan(LAYOUT_PAUSES);
  });
});

describe('storedEntityCard (a card after a worker start, before the user documents are loaded)', () => {
  it('reads the rows while the base loads, gives way between slices, and gives the card the whole store gives', async () => {
    const base = new LiveCorpusStore(structuredClone(corpus));
    base.removeDocuments([corpus.documents[0]!.meta.id], { hide: true });
    base.unhideDocuments([corpus.documents[0]!.meta.id]);
    const stored = new Map(compiled.flatMap(({ document, passages }) => passages.map((passage, n) => [`${document.meta.id} ${n}`, { meta: document.meta, addedAt: order(document.meta.id), passage }])));
    for (const id of touched) {
      const asked: string[] = [];
      const storage = {
        cardRows: async (e: string) => (asked.push(e), rowsOf(e)),
        passagesAt: async (keys: ReadonlyArray<readonly [string, number]>) => keys.map(([docId, n]) => stored.get(`${docId} ${n}`)),
        passagesMentioning: () => Promise.reject(new Error('the rows are current: no passage list is read')),
      } as unknown as UserStorePort;
      let loaded!: (store: LiveCorpusStore) => void;
      let pauses = 0;
      const card = storedEntityCard(storage, new Promise<LiveCorpusStore>((resolve) => (loaded = resolve)), id, store.totalSources, async () => void pauses++, {}, 0);
      expect(asked).toEqual([id]); // (asked before the base is there)
      loaded(base);
      expect(seen(await card)).toEqual(seen(store.lookupEntity(id)));
      expect(pauses).toBe(LAYOUT_PAUSES);
    }
  });
});
