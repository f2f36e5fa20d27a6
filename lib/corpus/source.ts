/**
 * Where the background's corpus comes from (lib/corpus/service.ts reads it through this): the
 * extension's own files as the build wrote them (`assetSource`), or a compiled corpus already in
 * memory (`memorySource`, for tests and the benchmark). Pure: the worker passes a function that
 * reads one extension file.
 */
import { assembleCorpus, type CorpusManifest, type CorpusShard, manifestOf, unpackShard } from './assets';
import { LiveCorpusStore } from './liveStore';
import { limiter } from './limiter';
import type { CorpusStore } from './store';
import type { EntityCard, MatcherData } from '../messages/protocol';
import type { IndexChunk } from '../search/searchIndex';
import type { Entity, SourceMeta } from './types';

/** Where a corpus comes from: the extension's files, or a compiled corpus in memory. */
export interface CorpusSource {
  readonly manifest: CorpusManifest;
  /** The precomputed card of an entity of the manifest, when the source has one. */
  card?(entityId: string): Promise<EntityCard | undefined>;
  /** Every source's metadata, without the corpus. */
  sources?(): Promise<SourceMeta[]>;
  /** The matcher data of the corpus's names (read once). */
  matcherData(): Promise<MatcherData>;
  /** The whole corpus, loaded without blocking the thread for long (`pause` between slices). */
  store(pause: () => Promise<void>): Promise<CorpusStore>;
  /** A prebuilt search index, its chunks being read (in order, a few at a time), when the source has one. */
  indexChunks?(): Array<Promise<IndexChunk>>;
}

/** Reads one file of the corpus (a path of the manifest) as text. */
export type ReadText = (path: string) => Promise<string>;

/**
 * The corpus as the build wrote it (lib/corpus/assets.ts), read through `read` (in the worker:
 * fetch). The corpus's and the index's files are read a few at a time (`readAhead`): asked all
 * at once, a hundred reads of a large corpus would queue a card's small read behind them.
 */
export function assetSource(manifest: CorpusManifest, readFile: ReadText, { readAhead = 3 } = {}): CorpusSource {
  const bulk = limiter(readAhead);
  const read = (path: string) => bulk(() => readFile(path));
  const json = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path)) as T;
  const { files } = manifest;
  const index = files.index;
  // Read once, for the facets and the corpus alike.
  let sources: Promise<SourceMeta[]> | undefined;
  const readSources = () => {
    sources ??= json<SourceMeta[]>(files.sources).catch((e: unknown) => {
      sources = undefined;
      throw e;
    });
    return sources;
  };
  let matcher: Promise<MatcherData> | undefined;
  return {
    manifest,
    matcherData() {
      matcher ??= json<MatcherData>(files.matcher).catch((e: unknown) => {
        matcher = undefined;
        throw e;
      });
      return matcher;
    },
    async card(entityId) {
      const path = files.cards[entityId];
      return path ? json<EntityCard>(path) : undefined;
    },
    sources: readSources,
    async store(pause) {
      // Every read is queued now (a few run at once); each file is parsed in a slice of its own.
      const entities = read(files.entities);
      const metas = readSources();
      const shards = files.shards.map(read);
      // (If one read fails the load fails; the others' failures are then of no interest.)
      for (const p of [entities, metas, ...shards]) p.catch(() => undefined);
      const parsedEntities = JSON.parse(await entities) as Entity[];
      const parsedSources = await metas;
      const unpacked: Array<ReturnType<typeof unpackShard>> = [];
      for (const shard of shards) {
        const text = await shard;
        await pause();
        const parsed = JSON.parse(text) as CorpusShard;
        // The revision is a hash of the corpus's content, computed at build time: each shard
        // carries it, so files of another build are refused without hashing the corpus here.
        if (parsed.revision !== manifest.revision) throw new Error(`Corpus files are of revision ${parsed.revision}, the manifest of ${manifest.revision}`);
        unpacked.push(unpackShard(parsed, parsedSources));
      }
      await pause();
      const corpus = assembleCorpus(parsedEntities, unpacked);
      if (corpus.documents.length !== parsedSources.length) throw new Error('The corpus files do not match: documents missing');
      await pause();
      return new LiveCorpusStore(corpus);
    },
    indexChunks: index
      ? () =>
          index.map(({ key, file }) => {
            const chunk = read(file).then((data) => ({ key, data }));
            chunk.catch(() => undefined);
            return chunk;
          })
      : undefined,
  };
}

/** A compiled corpus already in memory: no precomputed cards or index (they are computed, the index in slices). */
export function memorySource(store: CorpusStore): CorpusSource {
  return {
    manifest: manifestOf(store, { matcher: '', cards: {}, sources: '', entities: '', shards: [] }),
    matcherData: async () => store.matcherData(),
    store: async () => store,
  };
}
