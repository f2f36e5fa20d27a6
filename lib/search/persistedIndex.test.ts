import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../corpus/types';
import { IndexSaver, INDEX_FORMAT, indexVersion, passageKeys, restoreIndex, type IndexStorePort, type StoredIndexHeader } from './persistedIndex';
import { SearchIndex, type IndexChunk } from './searchIndex';

const entities = new Map(corpus.entities.map((e) => [e.id, e]));
const QUERIES = ['Kirkook', 'kirk', 'Mosul', 'Deir Ezzur', 'civilians displaced', 'Raqqa Mosul', 'zzqxv'];
const immediate = () => Promise.resolve();
const keysOf = (passages: readonly Passage[]) => passageKeys(passages, entities, (p) => !p.text);

/** Storage in memory, as platform/indexStore.ts keeps it. */
function memoryPort() {
  const stored: { header?: StoredIndexHeader; chunks: IndexChunk[] } = { chunks: [] };
  const port: IndexStorePort = {
    header: async () => stored.header && structuredClone(stored.header),
    quickHeader: async () => stored.header && structuredClone({ ...stored.header, keys: undefined, rankedPassages: undefined }),
    chunks: (count) => stored.chunks.slice(0, count).map(async (c) => ({ ...c })),
    chunksAt: async (numbers) => numbers.map((n) => ({ ...stored.chunks[n]! })),
    rankedPassages: async (entityId) => structuredClone(stored.header?.rankedPassages?.[entityId]),
    save: async (header, chunks) => void Object.assign(stored, { header: structuredClone(header), chunks: [...chunks] }),
  };
  return { port, stored };
}

/** Saves `index` over `passages` through the saver, as the worker does after a change. */
async function save(port: IndexStorePort, index: SearchIndex, passages: readonly Passage[]) {
  const saver = new IndexSaver(port, () => ({ index, keys: () => keysOf(passages), stale: () => false }), { delayMs: 0, pause: immediate, chunkChars: 2_000 });
  saver.schedule();
  await saver.settled();
  return saver;
}

/** Search results as passage keys (numbering aside). */
const found = (index: SearchIndex, passages: readonly Passage[], q: string) => {
  const keys = keysOf(passages);
  return index.search(q, 200).map((id) => keys[id]);
};

describe('A saved search index', () => {
  it('comes back as it was saved: same answers, nothing to add, nothing to save again', async () => {
    const built = new SearchIndex(corpus.passages, entities);
    const { port, stored } = memoryPort();
    const saver = await save(port, built, corpus.passages);
    expect(stored.header?.format).toBe(INDEX_FORMAT);
    expect(stored.chunks.length).toBeGreaterThan(10);
    expect(saver.lastSave?.chunks).toBe(stored.chunks.length);
    const restored = await restoreIndex(port, keysOf(corpus.passages), { pause: immediate });
    expect(restored).toMatchObject({ missing: [], changed: false });
    for (const q of QUERIES) expect(restored!.index.search(q, 200), q).toEqual(built.search(q, 200));
  });

  it('follows its passages to the ids they have after a restart in another order', async () => {
    const { port } = memoryPort();
    await save(port, new SearchIndex(corpus.passages, entities), corpus.passages);
    // The documents load in reverse order: every passage has another id.
    const docs = [...new Set(corpus.passages.map((p) => p.docId))].reverse();
    const reordered = docs.flatMap((d) => corpus.passages.filter((p) => p.docId === d)).map((p, id) => ({ ...p, id }));
    const restored = await restoreIndex(port, keysOf(reordered), { pause: immediate });
    expect(restored).toMatchObject({ missing: [], changed: true });
    const fresh = new SearchIndex(reordered, entities);
    for (const q of QUERIES) expect(new Set(found(restored!.index, reordered, q)), q).toEqual(new Set(found(fresh, reordered, q)));
    expect(found(restored!.index, reordered, 'Kirkook').length).toBeGreaterThan(0);
  });

  it('drops a passage whose text changed and lists it to be indexed again', async () => {
    const { port } = memoryPort();
    await save(port, new SearchIndex(corpus.passages, entities), corpus.passages);
    const target = corpus.passages.find((p) => p.text.includes('Kirkook'))!;
    const changed = corpus.passages.map((p) => (p.id === target.id ? { ...p, text: 'Zanzibarine quietude' } : p));
    const restored = await restoreIndex(port, keysOf(changed), { pause: immediate });
    expect(restored?.missing).toEqual([target.id]);
    expect(restored!.index.search('Kirkook', 200)).not.toContain(target.id);
    expect(restored!.index.search('Zanzibarine')).toEqual([]);
    await restored!.index.addAll([changed[target.id]!], entities, { pause: immediate });
    expect(restored!.index.search('Zanzibarine')).toEqual([target.id]);
  });

  it('adds only the passages appended since it was saved', async () => {
    const { port } = memoryPort();
    const half = corpus.passages.slice(0, Math.floor(corpus.passages.length / 2));
    await save(port, new SearchIndex(half, entities), half);
    const restored = await restoreIndex(port, keysOf(corpus.passages), { pause: immediate });
    expect(restored?.missing).toEqual(corpus.passages.slice(half.length).filter((p) => p.text).map((p) => p.id));
  });

  it('of another format is not read; one that cannot be read fails (the worker then rebuilds)', async () => {
    const { port, stored } = memoryPort();
    await save(port, new SearchIndex(corpus.passages, entities), corpus.passages);
    stored.header!.format = 'flexsearch-0.7';
    expect(await restoreIndex(port, keysOf(corpus.passages), { pause: immediate })).toBeUndefined();
    stored.header!.format = INDEX_FORMAT;
    stored.chunks[1] = { ...stored.chunks[1]!, data: '[["kirk' };
    await expect(restoreIndex(port, keysOf(corpus.passages), { pause: immediate })).rejects.toThrow();
  });

  it('is not saved when the store changed while it was exported, but saved again after', async () => {
    const { port, stored } = memoryPort();
    const saves: string[] = [];
    const counting: IndexStorePort = { ...port, save: (header, chunks) => (saves.push(header.version), port.save(header, chunks)) };
    let changedOnce = false;
    const index = new SearchIndex(corpus.passages, entities);
    // The store changes once, during the first export.
    const stale = () => !changedOnce && (changedOnce = true);
    const half = corpus.passages.slice(0, 20);
    const saver = new IndexSaver(counting, () => ({ index, keys: () => keysOf(changedOnce ? corpus.passages : half), stale }), { delayMs: 0, pause: immediate });
    saver.schedule();
    await saver.settled();
    expect(changedOnce).toBe(true);
    // Saved once, as the store is after the change.
    expect(saves).toEqual([indexVersion(keysOf(corpus.passages))]);
    expect(stored.header?.keys).toEqual(keysOf(corpus.passages));
  });
});
