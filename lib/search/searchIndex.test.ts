import corpus from 'virtual:counterpoint-corpus';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from './searchIndex';

const entities = new Map(corpus.entities.map((e) => [e.id, e]));
const built = new SearchIndex(corpus.passages, entities);
const QUERIES = ['Kirkook', 'kirk', 'ki', 'Mosul', 'Deir Ezzur', 'civilians displaced', 'Raqqa Mosul', 'zzqxv', 'the'];

describe('SearchIndex, filled three ways', () => {
  it('answers alike when imported from its export, in small chunks', async () => {
    const chunks = built.export(2_000);
    expect(chunks.length).toBeGreaterThan(10);
    const loaded = await SearchIndex.load(chunks.map((c) => Promise.resolve(c)));
    for (const q of QUERIES) expect(loaded.search(q, 200), q).toEqual(built.search(q, 200));
  });

  it('answers alike when built in slices, yielding between them', async () => {
    let pauses = 0;
    const sliced = await SearchIndex.build(corpus.passages, entities, { sliceMs: 0, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(10);
    for (const q of QUERIES) expect(sliced.search(q, 200), q).toEqual(built.search(q, 200));
  });

  it('answers alike when filled for one query only (the words it can find), for every query of the bench', () => {
    const bench = JSON.parse(readFileSync(new URL('../../bench/queries.json', import.meta.url), 'utf8')) as { queries: Array<{ q: string }> };
    const queries = [...QUERIES, ...bench.queries.map((b) => b.q), 'Mos', 'civ', 'siege of Mosul', 'of the'];
    let found = 0;
    for (const q of queries) {
      const hits = built.search(q, 200);
      found += hits.length;
      expect(SearchIndex.forQuery(corpus.passages, entities, q).search(q, 200), q).toEqual(hits);
    }
    expect(found).toBeGreaterThan(500);
  });

  it('answers alike with the texts encoded for earlier queries kept (the team server keeps them), and takes them', () => {
    const memo = new Map<string, string[]>();
    let taken = 0;
    const counting = { get: (t: string) => (memo.has(t) && taken++, memo.get(t)), set: (t: string, v: string[]) => memo.set(t, v) };
    for (const q of [...QUERIES, 'Mos', 'siege of Mosul', ...QUERIES]) {
      expect(SearchIndex.forQuery(corpus.passages, entities, q, counting).search(q, 200), q).toEqual(built.search(q, 200));
    }
    expect(memo.size).toBeGreaterThanOrEqual(corpus.passages.length);
    expect(taken).toBeGreaterThan(corpus.passages.length);
  });

  it('finds a word from its first letters (search as you type)', () => {
    const hits = built.search('kirk');
    expect(hits.some((id) => corpus.passages[id]!.text.includes('Kirkook'))).toBe(true);
  });
});
