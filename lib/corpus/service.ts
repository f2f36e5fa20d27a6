/**
 * What the background answers, from as little data as each message needs: the worker holds one
 * CorpusService. CorpusStore remains the one place that computes answers; this decides when it
 * has to be loaded.
 *
 * - listEntities, matcherData: from the manifest alone (part of background.js).
 * - lookupEntity: the entity's precomputed card (one small file) when the source has one, else
 *   the store; kept in memory for the next time. An id the manifest does not know is refused
 *   without loading anything.
 * - facets: the sources file, without the corpus; then the search is got ready in the background
 *   (whoever asks for the filters is about to search).
 * - search: the store plus its index; the index is imported from the prebuilt chunks (or, for a
 *   corpus without them, built) in slices, so cards are answered while it loads, and a search
 *   that arrives meanwhile waits for it.
 * - compare, getDocument: the store.
 *
 * Loading the store parses the corpus shard by shard, yielding between them for the same reason.
 * Pure: the background gives it a source that reads extension files (`assetSource`); tests and
 * later user-imported corpora use `memorySource`.
 */
import { assembleCorpus, type CorpusManifest, type CorpusShard, manifestOf, unpackShard } from './assets';
import { CorpusStore, NotFoundError } from './store';
import type { Comparison, EntityCard, Facets, MatcherData, Params, SearchResult } from '../messages/protocol';
import { type IndexChunk, nextTask, SearchIndex, type SliceOptions } from '../search/searchIndex';
import type { Entity, Passage, SourceDocument, SourceMeta } from './types';

/** How many cards the service keeps in memory, least recently used dropped first. */
const CARD_CACHE = 100;

/** Where a corpus comes from: the extension's files, or a compiled corpus in memory. */
export interface CorpusSource {
  readonly manifest: CorpusManifest;
  /** The precomputed card of an entity of the manifest, when the source has one. */
  card?(entityId: string): Promise<EntityCard | undefined>;
  /** Every source's metadata, without the corpus. */
  sources?(): Promise<SourceMeta[]>;
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
  return {
    manifest,
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
      return new CorpusStore(corpus);
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

/** Runs at most `max` tasks at once, the others in order as slots free up. */
function limiter(max: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing task hands its slot over
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** A compiled corpus already in memory: no precomputed cards or index (they are computed, the index in slices). */
export function memorySource(store: CorpusStore): CorpusSource {
  return {
    manifest: manifestOf(store, { cards: {}, sources: '', entities: '', shards: [] }),
    store: async () => store,
  };
}

export interface CorpusTimings {
  /** Loading the corpus (reading, parsing, the store's maps), ms. */
  corpusMs?: number;
  /** Getting the index ready once the corpus was loaded, ms; and how. */
  indexMs?: number;
  index?: 'imported' | 'built';
}

export class CorpusService {
  readonly manifest: CorpusManifest;
  /** Diagnostics (bench/). */
  readonly timings: CorpusTimings = {};
  private readonly entityIds: ReadonlySet<string>;
  private readonly slices: SliceOptions;
  private storeLoad?: Promise<CorpusStore>;
  private indexLoad?: Promise<CorpusStore>;
  /** The store once loaded. */
  private loaded?: CorpusStore;
  /** Cards already answered (a few KB each; a card never changes for a given corpus). */
  private readonly cards = new Map<string, EntityCard>();

  constructor(
    private readonly source: CorpusSource,
    slices: SliceOptions = {},
  ) {
    this.manifest = source.manifest;
    this.entityIds = new Set(this.manifest.entities.map((e) => e.id));
    this.slices = { sliceMs: slices.sliceMs ?? 20, pause: slices.pause ?? nextTask };
  }

  listEntities(): { entities: CorpusManifest['entities']; totalSources: number } {
    return { entities: this.manifest.entities, totalSources: this.manifest.totalSources };
  }

  matcherData(): MatcherData {
    return this.manifest.matcherData;
  }

  async lookupEntity(id: string): Promise<EntityCard> {
    if (!this.entityIds.has(id)) throw new NotFoundError(`No corpus entity "${id}"`);
    const cached = this.cards.get(id);
    if (cached) {
      this.cards.delete(id); // most recently used last
      this.cards.set(id, cached);
      return cached;
    }
    // (A card file that cannot be read is computed from the corpus instead.)
    const card = (await this.source.card?.(id).catch(() => undefined)) ?? (await this.store()).lookupEntity(id);
    this.cards.set(id, card);
    if (this.cards.size > CARD_CACHE) this.cards.delete(this.cards.keys().next().value!);
    return card;
  }

  async facets(): Promise<Facets> {
    const sources = this.loaded
      ? this.loaded.facets().sources
      : this.source.sources
        ? await this.source.sources()
        : (await this.store()).facets().sources;
    // Whoever shows the filters is about to search: get the index ready meanwhile.
    this.searchReady().catch(() => undefined);
    return { sources, perspectives: this.manifest.perspectives };
  }

  async search(params: Params<'search'>): Promise<SearchResult> {
    if (!params.query.trim()) return { query: '', entities: [], hits: [], sources: [] };
    return (await this.searchReady()).search(params);
  }

  async compare(entityId: string): Promise<Comparison> {
    if (!this.entityIds.has(entityId)) throw new NotFoundError(`No corpus entity "${entityId}"`);
    return (await this.store()).compare(entityId);
  }

  async getDocument(docId: string): Promise<{ document: SourceDocument; passages: Passage[] }> {
    return (await this.store()).getDocument(docId);
  }

  /** The store, loading the corpus on the first call (a failed load is retried by the next call). */
  store(): Promise<CorpusStore> {
    this.storeLoad ??= (async () => {
      const t0 = performance.now();
      const store = await this.source.store(this.slices.pause!);
      this.timings.corpusMs = performance.now() - t0;
      this.loaded = store;
      return store;
    })().catch((e: unknown) => {
      this.storeLoad = undefined;
      throw e;
    });
    return this.storeLoad;
  }

  /** The store with its search index, importing or building the index in slices on the first call. */
  searchReady(): Promise<CorpusStore> {
    this.indexLoad ??= (async () => {
      // The index's files are read after the corpus's (reads are queued in order) while the
      // corpus is parsed; imported (or, without them, built) once it is loaded. (Importing
      // alongside the corpus, slices interleaved, was slower: bench/.)
      const loading = this.store();
      const chunks = this.source.indexChunks?.();
      const store = await loading;
      if (store.hasSearchIndex) return store;
      const t0 = performance.now();
      const index = chunks ? await SearchIndex.load(chunks, this.slices) : await SearchIndex.build(store.corpus.passages, store.entities, this.slices);
      const ms = performance.now() - t0;
      store.useSearchIndex(index, ms);
      Object.assign(this.timings, { indexMs: ms, index: chunks ? 'imported' : 'built' });
      return store;
    })().catch((e: unknown) => {
      this.indexLoad = undefined;
      throw e;
    });
    return this.indexLoad;
  }
}
