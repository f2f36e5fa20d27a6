import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { type CorpusShard, packCorpus, unpackCorpus } from './assets';
import { CorpusStore } from './store';
import type { Entity, SourceMeta } from './types';

const store = new CorpusStore(corpus);

function unpack(manifest: ReturnType<typeof packCorpus>['manifest'], files: Map<string, string>) {
  const read = <T>(path: string) => JSON.parse(files.get(path)!) as T;
  return unpackCorpus(
    read<Entity[]>(manifest.files.entities),
    read<SourceMeta[]>(manifest.files.sources),
    manifest.files.shards.map((p) => read<CorpusShard>(p)),
  );
}

describe('packCorpus / unpackCorpus', () => {
  it('gives back the compiled corpus, in one shard or in many', () => {
    for (const chunkChars of [2_000_000, 5_000, 1]) {
      const { manifest, files } = packCorpus(store, { chunkChars, index: false });
      if (chunkChars === 1) expect(manifest.files.shards.length).toBe(corpus.documents.length);
      expect(unpack(manifest, files)).toEqual(corpus);
    }
  });

  it('leaves passage texts out of the shards (they are slices of the bodies)', () => {
    const { manifest, files } = packCorpus(store, { index: false });
    const shard = JSON.parse(files.get(manifest.files.shards[0]!)!) as CorpusShard;
    expect(shard.passages.every((p) => p.text === undefined)).toBe(true);
  });

  it('precomputes every entity’s card exactly as the store answers it', () => {
    const { manifest, files } = packCorpus(store, { index: false });
    expect(Object.keys(manifest.files.cards).sort()).toEqual(corpus.entities.map((e) => e.id).sort());
    for (const e of corpus.entities) {
      expect(JSON.parse(files.get(manifest.files.cards[e.id]!)!)).toEqual(store.lookupEntity(e.id));
    }
  });

  it('puts in the manifest what listEntities answers, and the matcher data in a file of its own', () => {
    const { manifest, files } = packCorpus(store, { index: false });
    expect(manifest.entities).toEqual(store.listEntities());
    expect(JSON.parse(files.get(manifest.files.matcher)!)).toEqual(store.matcherData());
    // Every name in every language and their automaton stay out of background.js.
    expect(JSON.stringify(manifest)).not.toContain('"patterns"');
    expect(manifest.revision).toBe(store.revision);
    expect(manifest.totalSources).toBe(corpus.documents.length);
    expect(manifest.perspectives).toEqual(store.facets().perspectives);
    // The manifest is part of background.js: it must not grow with the documents.
    expect(JSON.stringify(manifest)).not.toContain(corpus.documents[0]!.body.slice(0, 80));
  });

  it('exports the search index in chunks no bigger than asked (but for one oversized entry)', () => {
    const { manifest, files } = packCorpus(store, { chunkChars: 50_000 });
    const index = manifest.files.index!;
    expect(index.length).toBeGreaterThan(1);
    for (const { key, file } of index) {
      expect(key).toMatch(/^\d+\.(reg|map|ctx)$/);
      expect(files.get(file)!.length).toBeLessThan(100_000);
    }
  });
});
