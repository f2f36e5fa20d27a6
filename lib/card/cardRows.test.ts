import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import queries from '../../bench/queries.json';
import { CorpusStore } from '../corpus/store';
import type { Entity, Passage } from '../corpus/types';
import { documentRows, keptRanks, passageRanks, type PassageRanks } from './cardRows';

/** Every passage's ranks as a team server keeps them: from each document's card rows, by document and offset. */
function keptWith(entities: ReadonlyMap<string, Entity>): Map<string, PassageRanks> {
  const kept = new Map<string, PassageRanks>();
  for (const { meta } of corpus.documents) {
    const passages = corpus.passages.filter((p) => p.docId === meta.id);
    const ranks = passageRanks(documentRows(meta, passages, 0, (id) => entities.get(id)));
    passages.forEach((p, n) => ranks.has(n) && kept.set(`${p.docId}\u0000${p.start}`, ranks.get(n)!));
  }
  return kept;
}

describe('ranks kept with the passages (keptRanks)', () => {
  const plain = new CorpusStore(corpus);
  const stored = keptWith(plain.entities);
  let used = 0;
  const ranksOf = (p: Passage) => {
    const r = stored.get(`${p.docId}\u0000${p.start}`);
    if (r) used++;
    return r;
  };
  const kept = new CorpusStore(corpus, undefined, keptRanks((id) => plain.entities.get(id), ranksOf));
  const named = corpus.entities.filter((e) => corpus.entityPassages[e.id]?.length);

  it('give every card the card computed without them', () => {
    expect(named.length).toBeGreaterThan(10);
    for (const { id } of named) expect(kept.lookupEntity(id)).toEqual(plain.lookupEntity(id));
    expect(used).toBeGreaterThan(100);
  });

  it('give every benchmark search the answer computed without them', () => {
    used = 0;
    for (const { q } of queries.queries) expect(kept.search({ query: q })).toEqual(plain.search({ query: q }));
    expect(used).toBeGreaterThan(100);
  });

  it('are not read for an entity whose facts changed since (a name added): the card is derived again', () => {
    const raqqa = plain.entities.get('raqqa')!;
    const renamed = { ...raqqa, aliases: [...raqqa.aliases, { text: 'Rakka' }] };
    const entities = new Map(plain.entities).set('raqqa', renamed);
    const wrong = (p: Passage) => {
      const r = stored.get(`${p.docId}\u0000${p.start}`);
      // Kept ranks that would move every passage: used, they would change the card.
      return r && Object.fromEntries(Object.entries(r).map(([e, [facts, score, , at]]) => [e, [facts, -score, 1, at]])) as PassageRanks;
    };
    const changed = { ...corpus, entities: corpus.entities.map((e) => (e.id === 'raqqa' ? renamed : e)) };
    const stale = new CorpusStore(changed, undefined, keptRanks((id) => entities.get(id), wrong));
    expect(stale.lookupEntity('raqqa')).toEqual(new CorpusStore(changed).lookupEntity('raqqa'));
    // (The same wrong ranks, of the entity's facts of now, do change it: the test can fail.)
    const fresh = new CorpusStore(corpus, undefined, keptRanks((id) => plain.entities.get(id), wrong));
    expect(fresh.lookupEntity('raqqa')).not.toEqual(plain.lookupEntity('raqqa'));
  });
});
