import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { CorpusStore } from './store';
import { NotFoundError } from './storeShared';

const store = new CorpusStore(corpus);
const marked = (text: string, ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e));

describe('CorpusStore.lookupEntity', () => {
  it('gives Raqqa excerpts and viewpoints from at least three sources and two perspectives', () => {
    const card = store.lookupEntity('raqqa');
    expect(card.entity.name).toBe('Raqqa');
    expect(card.totalSources).toBe(corpus.documents.length);
    const all = [...card.excerpts, ...card.viewpoints];
    expect(new Set(all.map((e) => e.source.id)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((e) => e.source.perspective)).size).toBeGreaterThanOrEqual(2);
    expect(card.excerpts.length).toBeGreaterThanOrEqual(2);
    expect(card.excerpts.length).toBeLessThanOrEqual(3);
  });

  it('never repeats an excerpt among the viewpoints', () => {
    const card = store.lookupEntity('isis');
    const ids = [...card.excerpts, ...card.viewpoints].map((e) => e.passage.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses an unknown entity with a clear error', () => {
    expect(() => store.lookupEntity('atlantis')).toThrow(NotFoundError);
  });
});

describe('CorpusStore.search', () => {
  it.each([
    ['Kirkook', '001_a3ed7a2f4efbeee5', 'Kirkook'],
    ['Kirkuk', '001_a3ed7a2f4efbeee5', 'Kirkook'],
    ['kirk', '001_a3ed7a2f4efbeee5', 'Kirkook'],
    ['Deir Ezzur', '001_a3ed7a2f4efbeee5', 'Deir Ezzur'],
    ['Deir ez-Zor', '004_90b169417da9e3e3', 'Deir ez-Zor'],
  ])('%s finds the passage of %s that writes %s', (query, docId, spelling) => {
    const { hits } = store.search({ query });
    const hit = hits.find((h) => h.source.id === docId && h.passage.text.includes(spelling));
    expect(hit, `no hit for ${query}`).toBeDefined();
    expect(marked(hit!.passage.text, hit!.highlights)).toContain(spelling);
  });

  it('"Deir Ezzur" finds both spellings of Deir ez-Zor', () => {
    const docs = new Set(store.search({ query: 'Deir Ezzur' }).hits.map((h) => h.source.id));
    expect(docs).toContain('001_a3ed7a2f4efbeee5');
    expect(docs).toContain('004_90b169417da9e3e3');
  });

  it('"Daesh" finds ISIS passages and offers ISIS as a chip', () => {
    const result = store.search({ query: 'Daesh' });
    expect(result.entities.map((e) => e.id)).toContain('isis');
    expect(result.hits.length).toBeGreaterThan(5);
    expect(result.hits[0]!.passage.entityIds).toContain('isis');
  });

  it('applies source, perspective and entity-type filters', () => {
    const all = store.search({ query: 'Raqqa' }).hits;
    const only = store.search({ query: 'Raqqa', docIds: ['002_581e71eac7454d3e'] }).hits;
    expect(only.length).toBeGreaterThan(0);
    expect(only.length).toBeLessThan(all.length);
    expect(only.every((h) => h.source.id === '002_581e71eac7454d3e')).toBe(true);
    const perspective = only[0]!.source.perspective;
    expect(store.search({ query: 'Raqqa', perspectives: [perspective] }).hits.every((h) => h.source.perspective === perspective)).toBe(true);
  });

  it('lists the sources of the hits only, each once; the facets list them all', () => {
    const result = store.search({ query: 'Kirkook' });
    const hitSources = [...new Set(result.hits.map((h) => h.source.id))];
    expect(result.sources.map((s) => s.id)).toEqual(hitSources);
    expect(hitSources.length).toBeLessThan(corpus.documents.length);
    expect(store.search({ query: 'zzqxv' }).sources).toEqual([]);
    const facets = store.facets();
    expect(facets.sources.map((s) => s.id)).toEqual(corpus.documents.map((d) => d.meta.id));
    expect(facets.perspectives).toEqual([...new Set(corpus.documents.map((d) => d.meta.perspective))].sort());
  });

  it('answers an empty query with nothing, and a nonsense query with no hits', () => {
    expect(store.search({ query: '   ' }).hits).toEqual([]);
    expect(store.search({ query: 'zzqxv' }).hits).toEqual([]);
    // A stray short word must not rescue a nonsense query.
    expect(store.search({ query: '<b>zzqxv</b>' }).hits).toEqual([]);
  });

  it.each([
    ['Kerkuk', 'kirkuk'],
    ['Raqa', 'raqqa'],
    ['Mosull', 'mosul'],
    ['Mossul', 'mosul'],
    ['Pesh Merga', 'peshmerga'],
  ])('recognises the misspelt name %s as %s, with its passages', (query, id) => {
    const result = store.search({ query });
    expect(result.entities.map((e) => e.id)).toContain(id);
    expect(result.hits[0]!.passage.entityIds).toContain(id);
  });

  it('does not take "Deir" for "there" or "terrorist"', () => {
    const { hits } = store.search({ query: 'Deir' });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.passage.text).toMatch(/Deir/);
      expect(marked(h.passage.text, h.highlights).every((w) => /^Deir/.test(w))).toBe(true);
    }
  });

  it('highlights only the words the query names', () => {
    for (const h of store.search({ query: 'Deir ez-Zor' }).hits) {
      expect(marked(h.passage.text, h.highlights).join(' ')).not.toMatch(/sources|there|terror/i);
    }
    for (const h of store.search({ query: 'al-Raqqa' }).hits) {
      expect(marked(h.passage.text, h.highlights)).not.toContain('All');
    }
  });
});

describe('CorpusStore.compare', () => {
  it('lists every source on ISIS, none silent', () => {
    const c = store.compare('isis');
    expect(c.columns.length).toBe(corpus.documents.length);
    expect(c.silent).toEqual([]);
  });

  it('lists sources that never mention Kirkuk as silent', () => {
    const c = store.compare('kirkuk');
    expect(c.columns.map((col) => col.source.id)).toEqual(['001_a3ed7a2f4efbeee5']);
    expect(c.silent.length).toBe(corpus.documents.length - 1);
  });
});


describe('CorpusStore names in a query, from names saved with the index (lib/corpus/savedOpening.ts)', () => {
  const queries = ['Kirkook', 'Mossul', 'Raqqa Mosul', 'Deir Ezzur', 'kirk', 'civilians displaced', 'Islamic State'];
  const ids = (s: CorpusStore, q: string) => s.entitiesInQuery(q).map((e) => e.id).sort();

  it('finds what building them finds, and takes them instead of building when the aliases are the same', () => {
    const saved = new CorpusStore(corpus).queryNames();
    const again = new CorpusStore(corpus);
    again.useQueryNames(structuredClone(saved));
    for (const q of queries) expect(ids(again, q), q).toEqual(ids(store, q));
    // (Taken, not built: sound-alike keys saved for other entities are what it finds.)
    const forged = new CorpusStore(corpus);
    forged.useQueryNames({ ...saved, phonetic: { ...saved.phonetic, keys: saved.phonetic.keys.map(([key]) => [key, ['raqqa']]) } });
    expect(ids(forged, 'Kerkook')).toEqual(['raqqa']);
  });

  it('builds them again when the aliases differ', () => {
    const saved = new CorpusStore(corpus).queryNames();
    const entities = corpus.entities.map((e) => (e.id === 'mosul' ? { ...e, aliases: [...e.aliases, { text: 'Nineveh Capital' }] } : e));
    const other = new CorpusStore({ ...corpus, entities });
    other.useQueryNames({ ...saved, phonetic: { ...saved.phonetic, keys: saved.phonetic.keys.map(([key]) => [key, ['raqqa']]) } });
    expect(ids(other, 'Kerkook')).not.toContain('raqqa');
    expect(ids(other, 'Nineveh Capital')).toContain('mosul');
  });
});
