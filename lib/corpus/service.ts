/**
 * What the background answers, from as little data as each message needs: the worker holds one
 * CorpusService. CorpusStore remains the one place that computes answers; this decides when it
 * has to be loaded.
 *
 * - listEntities: from the manifest alone (part of background.js); matcherData, findEntities:
 *   from the names' file, read once.
 * - lookupEntity: the entity's precomputed card (one small file) when the source has one, else
 *   the store; kept in memory for the next time. An id the manifest does not know is refused
 *   without loading anything.
 * - facets: the sources file, without the corpus; then the search is got ready in the background
 *   (whoever asks for the filters is about to search).
 * - search: the store plus its index; the index is imported from the prebuilt chunks (or, for a
 *   corpus without them, built) in slices, so cards are answered while it loads. With the user's
 *   data and an index saved at this corpus version, searches are answered meanwhile from the
 *   query's terms and passages alone (./quickSearch.ts).
 * - compare, getDocument: the store.
 *
 * Loading the store parses the corpus shard by shard, yielding between them for the same reason.
 * Pure: the background gives it a source that reads extension files (`assetSource`, lib/corpus/source.ts).
 */
import type { CorpusManifest } from './assets';
import { NotFoundError } from './storeShared';
import { LiveCorpusStore } from './liveStore';
import type { CorpusSource } from './source';
import type { CorpusOverlay, OverlayState } from './overlay';
import { corpusVersion } from './version';
export type { CorpusOverlay, OverlayState };
import type { Comparison, EntityCard, Facets, MatcherData, SearchResult } from '../messages/protocol';
import type { Params } from '../messages/registry';
import { findEntities } from '../search/entityLookup';
import { nextTask, type SliceOptions } from '../slices';
import { IndexSaver, storeKeys as keysOf, type IndexStorePort, type QuickHeader } from '../search/persistedIndex';
import { loadSearchIndex, savedAt, type CorpusTimings } from './indexLoad';
import { QuickSearches } from './quickSearch';
import { savedOpening } from './savedOpening';
import { isCardOf } from './partialCard';
import type { Passage, SourceDocument } from './types';

/** How many cards the service keeps in memory, least recently used dropped first. */
const CARD_CACHE = 100;

export class CorpusService {
  readonly manifest: CorpusManifest;
  readonly timings: CorpusTimings = {}; // (diagnostics: bench/)
  private readonly entityIds: ReadonlySet<string>;
  private overlayState?: Promise<OverlayState>;
  /** Bumped by every change of the user's data: a card computed across a change is not kept. */
  private generation = 0;
  private readonly slices: SliceOptions;
  /** The bundled corpus with the user's names applied, before the user's documents (a card of a touched entity needs no more). */
  private baseLoad?: Promise<LiveCorpusStore>;
  private storeLoad?: Promise<LiveCorpusStore>;
  private indexLoad?: Promise<LiveCorpusStore>;
  /** The store once loaded. */
  private loaded?: LiveCorpusStore;
  /** How many passages the base store had when made (the bundled ones, before the user's documents). */
  private baseLength = 0;
  /** The saved index's header, when saved at the corpus version of now (read once per version). */
  private savedRead?: Promise<QuickHeader | undefined>;
  /** Searches answered before the store is loaded (its own entry: tests, bench/). */
  readonly quick: QuickSearches;
  /** Cards already answered (a few KB each; a card never changes for a given corpus). */
  private readonly cards = new Map<string, EntityCard>();
  /** Saves the search index of a corpus with the user's data after changes (lib/search/persistedIndex.ts). */
  readonly indexSaver?: IndexSaver;

  constructor(
    private readonly source: CorpusSource,
    slices: SliceOptions = {},
    private readonly overlay?: CorpusOverlay,
    /** Where the search index of a corpus with the user's data is kept across worker restarts. */
    private readonly indexStore?: IndexStorePort,
  ) {
    this.manifest = source.manifest;
    this.entityIds = new Set(this.manifest.entities.map((e) => e.id));
    this.slices = { sliceMs: slices.sliceMs ?? 20, pause: slices.pause ?? nextTask };
    if (indexStore) this.indexSaver = new IndexSaver(indexStore, () => this.indexSnapshot(), { pause: this.slices.pause });
    const base = () => this.base().then((store) => ({ base: store, baseLength: this.baseLength, pause: this.slices.pause }));
    this.quick = new QuickSearches({ overlay: () => this.overlayNow(), base, saved: () => this.saved(), port: indexStore, parts: overlay?.searchParts });
  }

  /** At the worker's start: reads what the user added (a small summary) at once, so the first message does not wait for IndexedDB to open. */
  warmUp(): void {
    this.overlayNow().catch(() => undefined);
  }

  /** The user's additions (read once; again after `changed`). */
  private overlayNow(): Promise<OverlayState | undefined> {
    if (!this.overlay) return Promise.resolve(undefined);
    return (this.overlayState ??= this.overlay.state().then((state) => ((this.timings.overlayAt ??= performance.now()), state)).catch((e: unknown) => {
      this.overlayState = undefined;
      throw e;
    }));
  }

  async listEntities(): Promise<{ entities: CorpusManifest['entities']; totalSources: number }> {
    if (!(await this.overlayNow())?.active) return { entities: this.manifest.entities, totalSources: this.manifest.totalSources };
    const store = await this.store();
    return { entities: store.listEntities(), totalSources: store.totalSources };
  }

  /** The corpus version (lib/corpus/version.ts): the bundled revision and the user's change log. */
  async version(): Promise<string> {
    return corpusVersion(this.manifest.revision, (await this.overlayNow())?.changes ?? 0);
  }

  /** M in "in N of M sources", computed at read (a card never carries it from another version of the corpus). */
  private totalSources(overlay: OverlayState | undefined): number {
    return this.manifest.totalSources + (overlay?.active ? overlay.sourceDelta : 0);
  }

  async matcherData(): Promise<MatcherData> {
    const [overlay, base] = await Promise.all([this.overlayNow(), this.source.matcherData()]);
    return overlay?.active ? overlay.matcherData(base) : base;
  }

  /** Entities by name or alias, for pickers: the gazetteer (and the user's entities), no corpus loaded without them. */
  async findEntities(text: string, limit?: number): Promise<CorpusManifest['entities']> {
    const [{ entities }, { patterns }] = await Promise.all([this.listEntities(), this.matcherData()]);
    return findEntities(entities, patterns, text, limit);
  }

  async lookupEntity(id: string): Promise<EntityCard> {
    const card = await this.cardOf(id);
    const overlay = await this.overlayNow().catch(() => undefined);
    return { ...card, totalSources: this.totalSources(overlay) };
  }

  private async cardOf(id: string): Promise<EntityCard> {
    // The bundled card's file is read while the user's summary is (used if the user's data does not touch the entity).
    const file = this.entityIds.has(id) && !this.cards.has(id) ? this.source.card?.(id) : undefined;
    file?.catch(() => undefined);
    const overlay = await this.overlayNow();
    if (!this.entityIds.has(id) && !overlay?.entities.some((e) => e.id === id)) throw new NotFoundError(`No corpus entity "${id}"`);
    const cached = this.cards.get(id);
    if (cached) {
      this.cards.delete(id); // most recently used last
      this.cards.set(id, cached);
      return cached;
    }
    const generation = this.generation;
    const card = await this.computeCard(id, overlay, file);
    if (generation !== this.generation) return card;
    this.cards.set(id, card);
    if (this.cards.size > CARD_CACHE) this.cards.delete(this.cards.keys().next().value!);
    return card;
  }

  private async computeCard(id: string, overlay: OverlayState | undefined, reading?: Promise<EntityCard | undefined>): Promise<EntityCard> {
    if (overlay?.active && (overlay.touchesAll || overlay.touched.has(id))) {
      // A card the user's data changes: kept from an earlier computation; else from the whole
      // store once it is loaded, and before that from the entity's passages alone.
      // (A saved card that cannot be read, or is not a card of this entity, is computed again.)
      const saved = await this.overlay!.cachedCard?.(id).catch(() => undefined);
      if (isCardOf(saved, id)) return this.answered('saved', saved);
      const generation = this.generation;
      const steps = (this.timings.cardSteps = { at: performance.now() });
      const partial = this.loaded || !this.overlay!.entityCard ? undefined : await this.overlay!.entityCard(this.base(), id, this.totalSources(overlay), steps).catch(() => undefined);
      const card = partial ?? (await this.store()).lookupEntity(id);
      if (generation === this.generation) this.overlay!.saveCard?.(id, card);
      return this.answered(partial ? 'passages' : 'store', card);
    }
    // (A card file that cannot be read is computed from the corpus instead.)
    const file = await (reading ?? this.source.card?.(id))?.catch(() => undefined);
    if (!file) return this.answered('store', (await this.store()).lookupEntity(id));
    return this.answered('file', file);
  }

  /** Diagnostics (bench/): when the first card was answered, and from what. */
  private answered(how: NonNullable<CorpusTimings['firstCard']>, card: EntityCard): EntityCard {
    if (this.timings.firstCard === undefined) Object.assign(this.timings, { firstCard: how, firstCardAt: performance.now() });
    return card;
  }

  /** The user's data changes or changed (applied to the loaded store): forget cards, read the overlay's state again. */
  changed(): void {
    this.generation++;
    this.cards.clear();
    this.overlayState = undefined;
    this.savedRead = undefined;
    this.quick.reset();
    if (this.loaded?.searchIndexNow) this.indexSaver?.schedule(); // (the index followed the change in place)
  }

  /** Forgets the loaded corpus too: the next message loads it again (after a whole-corpus import or a reset). */
  reload(): void {
    this.changed();
    this.baseLoad = undefined;
    this.storeLoad = undefined;
    this.indexLoad = undefined;
    this.loaded = undefined;
  }

  async facets(): Promise<Facets> {
    if (this.overlay && (await this.overlayNow())?.active) {
      const store = await this.store();
      this.searchReady().catch(() => undefined);
      return store.facets();
    }
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
    // Until the store and its whole index are ready, from the query's part of the saved index (then they are got ready).
    const quick = this.loaded?.hasSearchIndex ? undefined : await this.quick.search(params);
    if (quick) this.searchReady().catch(() => undefined);
    const result = quick ?? (await this.searchReady()).search(params);
    if (this.timings.firstSearch === undefined) Object.assign(this.timings, { firstSearch: quick ? 'quick' : 'store', firstSearchAt: performance.now() });
    return result;
  }

  async compare(entityId: string): Promise<Comparison> {
    if (!this.entityIds.has(entityId) && !(await this.overlayNow())?.entities.some((e) => e.id === entityId)) {
      throw new NotFoundError(`No corpus entity "${entityId}"`);
    }
    return (await this.store()).compare(entityId);
  }

  async getDocument(docId: string): Promise<{ document: SourceDocument; passages: Passage[] }> {
    return (await this.store()).getDocument(docId);
  }

  /** The bundled corpus with the user's entities and aliases, hidden documents out; the user's documents not yet in it. */
  private base(): Promise<LiveCorpusStore> {
    this.baseLoad ??= (async () => {
      const loaded = await this.source.store(this.slices.pause!);
      // (The user's documents change the store in place: a plain store is made live.)
      const store = loaded instanceof LiveCorpusStore ? loaded : new LiveCorpusStore(loaded.corpus);
      // (What the names make of the bundled documents is read from the index saved at this corpus version, if any, not compiled again.)
      if (this.overlay) await this.overlay.applyNames(store, this.slices.pause!, (await this.saved())?.opening?.bundled);
      this.baseLength = store.corpus.passages.length;
      return store;
    })().catch((e: unknown) => {
      this.baseLoad = undefined;
      throw e;
    });
    return this.baseLoad;
  }

  /** The saved index's header if it was saved at the corpus version of now (never fatal: undefined if it cannot be read). */
  private saved(): Promise<QuickHeader | undefined> {
    return !this.indexStore || !this.overlay ? Promise.resolve(undefined) : (this.savedRead ??= savedAt(this.indexStore, this.version()));
  }

  /** The store, loading the corpus on the first call (a failed load is retried by the next call). */
  store(): Promise<LiveCorpusStore> {
    this.storeLoad ??= (async () => {
      const t0 = performance.now();
      const store = await this.base();
      if (this.overlay) await this.overlay.applyDocuments(store, this.slices.pause!);
      this.timings.corpusMs = performance.now() - t0;
      this.loaded = store;
      return store;
    })().catch((e: unknown) => {
      // (The base store may hold some of the user's documents: it is loaded again too.)
      this.baseLoad = undefined;
      this.storeLoad = undefined;
      throw e;
    });
    return this.storeLoad;
  }

  /** The store with its search index, importing, restoring or building the index in slices on the first call (./indexLoad.ts). */
  searchReady(): Promise<LiveCorpusStore> {
    this.indexLoad ??= loadSearchIndex({
      store: () => this.store(),
      persisted: async () => !!this.indexStore && !!(await this.overlayNow().catch(() => undefined))?.active,
      corpusVersion: () => this.version(),
      source: this.source,
      slices: this.slices,
      indexStore: this.indexStore,
      indexSaver: this.indexSaver,
      timings: this.timings,
    }).catch((e: unknown) => {
      this.indexLoad = undefined;
      throw e;
    });
    return this.indexLoad;
  }

  /** What the index saver writes: the loaded store's index, if any, with its passage keys. */
  private indexSnapshot() {
    const store = this.loaded;
    const index = store?.searchIndexNow;
    if (!store || !index) return undefined;
    const corpus = store.corpus;
    const parts = this.overlay?.searchParts;
    const opening = async (keys: readonly string[]) => parts && savedOpening(store, this.baseLength, keys, await parts.documentOrder());
    return { index, keys: () => keysOf(store), stale: () => store.corpus !== corpus || this.loaded !== store, corpusVersion: () => this.version(), opening };
  }
}
