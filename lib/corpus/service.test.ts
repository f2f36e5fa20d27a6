import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { packCorpus } from './assets';
import { CorpusService } from './service';
import { assetSource, memorySource } from './source';
import { CorpusStore } from './store';
import { NotFoundError } from './storeShared';

const store = new CorpusStore(corpus);
// Small chunks: several shards and index chunks, as a big corpus has.
const { manifest, files } = packCorpus(store, { chunkChars: 20_000 });
const QUERIES = ['Kirkook', 'Kirkuk', 'kirk', 'Deir Ezzur', 'Daesh', 'Mossul', 'civilians displaced', 'zzqxv', 'Raqqa'];

/** A service over the build's files, recording which files it reads. */
function fromFiles(pause?: () => Promise<void>) {
  const reads: string[] = [];
  const service = new CorpusService(
    assetSource(manifest, async (path) => {
      reads.push(path);
      const text = files.get(path);
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    }),
    pause ? { pause } : {},
  );
  return { service, reads };
}

/** A pause the test releases by hand: shows what is answered while the corpus or index loads. */
function manualPause() {
  const waiting: Array<() => void> = [];
  return {
    pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
    get pending() {
      return waiting.length;
    },
    releaseAll: async () => {
      while (waiting.length) {
        waiting.shift()!();
        await new Promise((r) => setTimeout(r, 0));
      }
    },
  };
}

describe('CorpusService over the build’s files', () => {
  it('answers a card from its one precomputed file, without loading the corpus', async () => {
    const { service, reads } = fromFiles();
    expect(await service.lookupEntity('raqqa')).toEqual(store.lookupEntity('raqqa'));
    expect(reads).toEqual([manifest.files.cards.raqqa]);
  });

  it('reads a card’s file once, then answers it from memory', async () => {
    const { service, reads } = fromFiles();
    const first = await service.lookupEntity('mosul');
    expect(await service.lookupEntity('mosul')).toEqual(first);
    expect(reads).toEqual([manifest.files.cards.mosul]);
  });

  it('answers listEntities from the manifest alone, and matcherData from its one file, read once', async () => {
    const { service, reads } = fromFiles();
    expect(await service.listEntities()).toEqual({ entities: store.listEntities(), totalSources: store.totalSources });
    expect(reads).toEqual([]);
    expect(await service.matcherData()).toEqual(store.matcherData());
    expect(await service.findEntities('Mossoul')).toEqual([expect.objectContaining({ id: 'mosul' })]);
    expect(reads).toEqual(['corpus/matcher.json']);
  });

  it('refuses an unknown entity without reading anything', async () => {
    const { service, reads } = fromFiles();
    await expect(service.lookupEntity('atlantis')).rejects.toThrow(NotFoundError);
    await expect(service.lookupEntity('atlantis')).rejects.toThrow(/No corpus entity "atlantis"/);
    await expect(service.compare('atlantis')).rejects.toThrow(NotFoundError);
    expect(reads).toEqual([]);
  });

  it('searches with the imported index exactly as the store does', async () => {
    const { service } = fromFiles();
    for (const query of QUERIES) expect(await service.search({ query }), query).toEqual(store.search({ query }));
    expect(service.timings.index).toBe('imported');
    const filtered = { query: 'Raqqa', perspectives: [store.facets().perspectives[0]!], entityTypes: ['place' as const] };
    expect(await service.search(filtered)).toEqual(store.search(filtered));
  });

  it('answers an empty search at once, reading nothing', async () => {
    const { service, reads } = fromFiles();
    expect(await service.search({ query: '  ' })).toEqual(store.search({ query: '  ' }));
    expect(reads).toEqual([]);
  });

  it('gives the facets from the sources file, then gets the search ready', async () => {
    const { service, reads } = fromFiles();
    const facets = service.facets();
    expect(reads).toEqual([manifest.files.sources]);
    expect(await facets).toEqual(store.facets());
    await service.searchReady();
    expect(reads).toEqual(expect.arrayContaining([...manifest.files.shards, ...manifest.files.index!.map((c) => c.file)]));
    expect(reads.filter((p) => p === manifest.files.sources)).toHaveLength(1);
  });

  it('answers compare and getDocument from the loaded corpus', async () => {
    const { service } = fromFiles();
    expect(await service.compare('isis')).toEqual(store.compare('isis'));
    const docId = corpus.documents[1]!.meta.id;
    expect(await service.getDocument(docId)).toEqual(store.getDocument(docId));
    await expect(service.getDocument('nope')).rejects.toThrow(/No corpus document/);
  });

  it('answers cards while the corpus and index load, and the search once they have', async () => {
    const gate = manualPause();
    const { service } = fromFiles(gate.pause);
    let searched = false;
    const search = service.search({ query: 'Kirkook' }).then((r) => ((searched = true), r));
    await new Promise((r) => setTimeout(r, 0));
    expect(gate.pending).toBe(1);
    // Mid-load: a card is answered, the search is still waiting.
    expect((await service.lookupEntity('mosul')).entity.name).toBe('Mosul');
    expect(searched).toBe(false);
    await gate.releaseAll();
    expect(await search).toEqual(store.search({ query: 'Kirkook' }));
  });

  it('loads the corpus once for messages that arrive together', async () => {
    const { service, reads } = fromFiles();
    await Promise.all([service.search({ query: 'Raqqa' }), service.search({ query: 'Mosul' }), service.compare('raqqa')]);
    expect(reads.filter((p) => p === manifest.files.shards[0])).toHaveLength(1);
  });

  it('retries a load that failed', async () => {
    let fail = true;
    const service = new CorpusService(
      assetSource(manifest, async (path) => {
        if (fail && path === manifest.files.shards[0]) throw new Error('read failed');
        return files.get(path)!;
      }),
    );
    await expect(service.search({ query: 'Raqqa' })).rejects.toThrow(/read failed/);
    fail = false;
    expect(await service.search({ query: 'Raqqa' })).toEqual(store.search({ query: 'Raqqa' }));
  });

  it('refuses files of another corpus than the manifest’s', async () => {
    const other = { ...manifest, revision: 'other' };
    const service = new CorpusService(assetSource(other, async (path) => files.get(path)!));
    await expect(service.compare('raqqa')).rejects.toThrow(/revision/);
  });
});

describe('CorpusService over a corpus in memory (no precomputed files)', () => {
  it('computes cards and builds the index in slices, with the same answers', async () => {
    const service = new CorpusService(memorySource(new CorpusStore(corpus)), { sliceMs: 0 });
    expect(await service.lookupEntity('raqqa')).toEqual(store.lookupEntity('raqqa'));
    for (const query of QUERIES) expect(await service.search({ query }), query).toEqual(store.search({ query }));
    expect(service.timings.index).toBe('built');
    expect(await service.facets()).toEqual(store.facets());
  });
});
