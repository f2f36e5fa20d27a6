import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { createCompiler } from './compile';
import type { EntityCard } from '../messages/protocol';
import { LiveCorpusStore } from './liveStore';
import { cardFromParts, type UserPassage } from './partialCard';
import { cardFromRows, documentRows } from '../card/cardRows';
import type { SourceDocument } from './types';

const compiler = createCompiler(corpus.entities);
const fresh = () => new LiveCorpusStore(structuredClone(corpus));

/** User documents made of the bundled corpus's own paragraphs, shuffled, with new metadata. */
function userDocuments(n: number): SourceDocument[] {
  const paragraphs = corpus.documents.flatMap((d) => d.body.split(/\n\s*\n/)).filter((p) => p.length > 80);
  return Array.from({ length: n }, (_, i) => ({
    meta: { id: `user-${i}`, title: `Note ${i}`, author: `Author ${i % 3}`, date: '2018', dateApproximate: false, dateLabel: '2018', perspective: `Perspective ${i % 4}`, origin: 'user' as const },
    body: [0, 1, 2].map((k) => paragraphs[(i * 7 + k * 13) % paragraphs.length]).join('\n\n'),
  }));
}

/** What a reader sees of a card: passage ids are positions in memory, numbered within the card here. */
const seen = (card: EntityCard) => {
  const strip = (list: EntityCard['excerpts']) => list.map(({ passage: { id: _id, ...p }, ...e }) => ({ ...e, passage: p }));
  return { ...card, excerpts: strip(card.excerpts), viewpoints: strip(card.viewpoints) };
};

describe('cardFromParts', () => {
  const docs = userDocuments(12);
  const compiled = docs.map((document) => ({ document, passages: compiler.passages(document) }));
  const full = fresh();
  full.addDocuments(compiled);
  const base = fresh();
  const userPassages = (entityId: string): UserPassage[] => compiled.flatMap(({ document, passages }) => passages.filter((p) => p.entityIds.includes(entityId)).map((passage) => ({ meta: document.meta, passage })));
  const touched = [...new Set(compiled.flatMap((c) => c.passages.flatMap((p) => p.entityIds)))];

  it('gives the card the whole store gives, for every entity the user documents mention', () => {
    expect(touched.length).toBeGreaterThan(3);
    for (const id of touched) {
      const card = cardFromParts(base, id, userPassages(id), full.totalSources);
      expect(seen(card)).toEqual(seen(full.lookupEntity(id)));
      expect([...card.excerpts, ...card.viewpoints].some((e) => e.source.origin === 'user') || (card.alsoMentioned ?? 0) > 0).toBe(true);
    }
  });

  it('leaves out bundled documents no longer in view, and the user documents already added to the base', () => {
    const id = touched[0]!;
    const seedDoc = corpus.passages[corpus.entityPassages[id]![0]!]!.docId;
    const hiddenFull = fresh();
    hiddenFull.addDocuments(compiled);
    hiddenFull.removeDocuments([seedDoc], { hide: true });
    const hiddenBase = fresh();
    hiddenBase.removeDocuments([seedDoc], { hide: true });
    // Half the user documents already loaded into the base: they are not counted twice.
    hiddenBase.addDocuments(compiled.slice(0, 6));
    const card = cardFromParts(hiddenBase, id, userPassages(id), hiddenFull.totalSources);
    expect(seen(card)).toEqual(seen(hiddenFull.lookupEntity(id)));
    expect([...card.excerpts, ...card.viewpoints].map((e) => e.source.id)).not.toContain(seedDoc);
  });

  describe('cardFromRows', () => {
    /** Each document's rows as stored with it, and its passages by place (what `read` finds). */
    const storage = (docs: typeof compiled, entities: LiveCorpusStore) => {
      const rows = docs.flatMap(({ document, passages }, i) => documentRows(document.meta, passages, i, (id) => entities.entities.get(id)));
      const byKey = new Map(docs.flatMap(({ document, passages }) => passages.map((passage, n) => [`${document.meta.id}#${n}`, { meta: document.meta, passage }] as const)));
      const asked: string[] = [];
      const read = async (keys: ReadonlyArray<readonly [string, number]>) => keys.map(([d, n]) => (asked.push(`${d}#${n}`), byKey.get(`${d}#${n}`)));
      return { rowsOf: (id: string) => rows.filter((r) => r.entityId === id), read, asked };
    };

    it('gives the card cardFromParts gives (ids included), reading only the passages it shows: the test corpus and a generated one', async () => {
      const many = userDocuments(80).map((document) => ({ document, passages: compiler.passages(document) }));
      for (const docs of [compiled, many]) {
        const s = storage(docs, base);
        const mentioning = (id: string): UserPassage[] => docs.flatMap(({ document, passages }) => passages.filter((p) => p.entityIds.includes(id)).map((passage) => ({ meta: document.meta, passage })));
        const ids = [...new Set(docs.flatMap((c) => c.passages.flatMap((p) => p.entityIds)))];
        expect(ids.length).toBeGreaterThan(3);
        for (const id of ids) {
          s.asked.length = 0;
          const card = await cardFromRows(base, id, s.rowsOf(id), s.read, 99);
          expect(card).toEqual(cardFromParts(base, id, mentioning(id), 99));
          expect(s.asked.length).toBeLessThanOrEqual(card!.excerpts.length + card!.viewpoints.length);
        }
      }
    });

    it('leaves out hidden bundled documents as cardFromParts does; declines rows derived before the entity changed', async () => {
      const id = touched[0]!;
      const seedDoc = corpus.passages[corpus.entityPassages[id]![0]!]!.docId;
      const hiddenBase = fresh();
      hiddenBase.removeDocuments([seedDoc], { hide: true });
      hiddenBase.addDocuments(compiled.slice(0, 6));
      const s = storage(compiled, base);
      expect(await cardFromRows(hiddenBase, id, s.rowsOf(id), s.read, 7)).toEqual(cardFromParts(hiddenBase, id, userPassages(id), 7));
      // A name added to the entity since its rows were derived (its aboutness may differ): not made from them.
      const renamed = fresh();
      const entity = renamed.entities.get(id)!;
      renamed.setEntities(renamed.corpus.entities.map((e) => (e.id === id ? { ...entity, aliases: [...entity.aliases, { text: 'Another Name', ambiguous: false }] } : e)));
      expect(await cardFromRows(renamed, id, s.rowsOf(id), s.read, 7)).toBeUndefined();
    });
  });
});
