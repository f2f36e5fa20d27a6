/**
 * Searches answered before the user's documents are loaded (issue 16: with 10,000 of them, loading
 * the store and the whole saved index took ~20 s before the first answer). From the saved index
 * (lib/search/persistedIndex.ts) when it was saved at the corpus version of now:
 *
 * 1. The store's numbering, without the store: the bundled part is loaded (small; the passages the
 *    user's names make of it are read from the save, not compiled again), the user's documents
 *    come after it in import order, each with its passage count; each stored passage id's id in
 *    the store as it will be loaded. All of this is derived when the index is saved and saved in
 *    its header with the corpus version (`SavedOpening`, one small read: not the passage table,
 *    nor the document order from the user's storage); a save of another version is not read.
 * 2. The query's terms only are read from the index (lib/search/lazyIndex.ts).
 * 3. The passages a search reads, and no others: the text hits' (by key) and those of the
 *    entities the query names (their per-entity list), with their documents' metadata, make a
 *    corpus of their own, numbered as the whole one; `CorpusStore.search`, the one search, runs on
 *    it. Its answer is the whole store's (lib/corpus/quickSearch.test.ts).
 *
 * Pure: storage is an IndexStorePort and the overlay's `SearchParts`.
 */
import type { SearchResult } from '../messages/protocol';
import type { Params } from '../messages/registry';
import { LazyIndex } from '../search/lazyIndex';
import type { IndexStorePort, QuickHeader } from '../search/persistedIndex';
import { Numbering, type RankedRows } from './savedOpening';
import type { LiveCorpusStore } from './liveStore';
import type { OverlayState } from './overlay';
import type { UserPassage } from './partialCard';
import { CorpusStore } from './store';
import { REMOVED } from './storeShared';
import type { Passage, SourceDocument, SourceMeta } from './types';

/** What a quick search reads from the user's storage (lib/userCorpus/userCorpus.ts). */
export interface SearchParts {
  /** The user's document ids in import order (the order the store loads them in). */
  documentOrder(): Promise<string[]>;
  /** Passages by document and place (undefined where there is none). */
  passagesAt(keys: ReadonlyArray<readonly [docId: string, n: number]>): Promise<Array<UserPassage | undefined>>;
  /** The user's passages that mention an entity, in import order. */
  passagesMentioning(entityId: string): Promise<UserPassage[]>;
}

/** Where a quick search's time went (bench/): opening (the numbering), the index's buckets, the passages, the search; ms. */
export interface QuickTimings {
  openMs?: number;
  bucketsMs?: number;
  /** Of which finding the names the query holds (the matcher over every alias built on first use). */
  namesMs?: number;
  readMs?: number;
  searchMs?: number;
  /** Buckets read so far, passages read for this search. */
  buckets?: number;
  passages?: number;
}

/** What a quick search works with. */
export interface QuickSearchDeps {
  port: IndexStorePort;
  parts: SearchParts;
  /** The bundled store with the user's names applied; its first `baseLength` passages are the bundled ones. */
  base: LiveCorpusStore;
  baseLength: number;
  /** Yields to the worker's other messages between the search's steps (a card does not wait for the whole search). */
  pause?: () => Promise<void>;
}

export class QuickSearch {
  private constructor(
    private readonly d: QuickSearchDeps,
    private readonly numbering: Numbering,
    readonly lazy: LazyIndex,
    private readonly ranked: Readonly<Record<string, RankedRows>>,
  ) {}

  /** Undefined when the saved index holds no opening for this base (then the store is loaded). `saved`: the header saved at the corpus version of now. */
  static open(port: IndexStorePort, parts: SearchParts, saved: QuickHeader, got: Pick<QuickSearchDeps, 'base' | 'baseLength' | 'pause'>): QuickSearch | undefined {
    const opening = saved.opening;
    if (!opening || opening.baseLength !== got.baseLength || opening.order.length !== opening.counts.length) return undefined;
    const numbering = new Numbering(got.baseLength, opening.order.map((id, i) => [id, opening.counts[i]!]));
    got.base.useQueryNames(opening.names); // (the query matcher over every alias, saved with it: not built on the first search)
    const { ids } = opening;
    return new QuickSearch({ port, parts, ...got }, numbering, new LazyIndex(port, saved, (stored) => (stored < ids.length ? ids[stored]! : -1)), opening.ranked ?? {});
  }

  /**
   * `CorpusStore.search` over the passages it reads: the text hits', and the named entities'
   * (only the best saved rows of a much-mentioned one, when no filter is set and the answer shows
   * that no row left out could have made it; else all of them). Throws when storage does not hold
   * what the saved index says.
   */
  async search(params: Params<'search'>, timings: QuickTimings = {}): Promise<SearchResult> {
    const filtered = !!(params.docIds?.length || params.perspectives?.length || params.entityTypes?.length);
    const quick = filtered ? undefined : await this.searchOver(params, timings, true);
    return quick ?? (await this.searchOver(params, timings, false))!;
  }

  /** Undefined when `topOnly` and the best rows did not settle the answer. */
  private async searchOver(params: Params<'search'>, timings: QuickTimings, topOnly: boolean): Promise<SearchResult | undefined> {
    const { base, baseLength, parts, pause = () => Promise.resolve() } = this.d;
    const query = params.query.trim();
    let t = performance.now();
    const lap = () => -t + (t = performance.now());
    // The query's buckets are read while the names it holds are found (the matcher is built on first use)
    // and while the named entities' passages are read: none of these waits for another.
    const reading = this.lazy.forQuery(query);
    reading.catch(() => undefined); // (awaited below; after a decline, kept for the next pass)
    const named = base.entitiesInQuery(query);
    timings.namesMs = performance.now() - t;
    const tops = named.map((e) => (topOnly ? this.ranked[e.id] : undefined));
    if (topOnly && !tops.some(Boolean)) return undefined;
    const entityReads = Promise.all([
      Promise.all(named.map((e, i) => (tops[i] ? this.rankedPassages(e.id, tops[i]) : Promise.resolve([])))),
      Promise.all(named.map((e, i) => (tops[i] ? Promise.resolve([]) : parts.passagesMentioning(e.id)))),
    ]);
    entityReads.catch(() => undefined);
    const index = await reading;
    await pause();
    timings.bucketsMs = lap();
    const textIds = index.search(query, 200); // (what CorpusStore.search asks of it)
    const rankedIds = new Set(tops.flatMap((top) => top?.ids ?? []));
    const userIds = [...new Set(textIds)].filter((id) => id >= baseLength && !rankedIds.has(id));
    const [hits, [ranked, mentioning]] = await Promise.all([parts.passagesAt(userIds.map((id) => this.numbering.keyOf(id))), entityReads]);

    await pause();
    timings.readMs = lap();
    const passages: Passage[] = new Array<Passage>(this.numbering.total);
    const documents = new Map<string, SourceDocument>();
    const bundled = (id: number) => {
      const p = base.corpus.passages[id];
      const document = p && p.docId !== REMOVED ? base.documents.get(p.docId) : undefined;
      if (!document) throw new Error(`No bundled passage ${id}`);
      passages[id] = p!;
      documents.set(document.meta.id, document);
    };
    const read: number[] = [];
    const user = (id: number, meta: SourceMeta, passage: Passage) => {
      passages[id] = { ...passage, id, docId: meta.id };
      if (!documents.has(meta.id)) documents.set(meta.id, { meta, body: '' });
      read.push(id);
    };
    for (const id of textIds) if (id < baseLength) bundled(id);
    const byKey = (ids: readonly number[], rows: ReadonlyArray<UserPassage | undefined>) =>
      ids.forEach((id, i) => {
        const row = rows[i];
        if (!row) throw new Error(`No stored passage ${this.numbering.keyOf(id).join('#')}`);
        user(id, row.meta, row.passage);
      });
    byKey(userIds, hits);
    tops.forEach((top, i) => top && byKey(top.ids, ranked[i]!));
    for (const rows of mentioning) {
      for (const { meta, passage } of rows) {
        const id = this.numbering.idOf(meta.id, passage.id);
        if (id < 0) throw new Error(`Passage ${meta.id}#${passage.id} is not in the saved index's corpus`);
        user(id, meta, passage);
      }
    }
    // Each named entity's passages among those read (all of its own when read whole), so that every passage read scores as in the whole store.
    const entityPassages: Record<string, number[]> = {};
    const users = [...new Set(read)].sort((x, y) => x - y);
    for (const e of named) {
      const ids = (base.corpus.entityPassages[e.id] ?? []).filter((id) => id < baseLength);
      ids.forEach(bundled);
      entityPassages[e.id] = [...ids, ...users.filter((id) => passages[id]!.entityIds.includes(e.id))];
    }
    const store = new CorpusStore({ ...base.corpus, passages, documents: [...documents.values()], entityPassages }, base);
    store.useSearchIndex(index, 0);
    const result = store.search(params);
    Object.assign(timings, { searchMs: lap(), buckets: this.lazy.bucketsRead, passages: [hits, ...ranked, ...mentioning].reduce((n, m) => n + m.length, 0) });
    if (!tops.some(Boolean)) return result;
    // A row left out scores at most 1 + its entity's last saved row's score, and ties it only with a greater id (rows are saved by
    // score, then id; text hits were all read): the last hit shown must come before that.
    const limit = params.limit ?? 50;
    const last = result.hits[limit - 1];
    const settled = (top: RankedRows) => !!last && (last.score > 1 + top.scores.at(-1)! || (last.score === 1 + top.scores.at(-1)! && last.passage.id <= top.ids.at(-1)!));
    if (!tops.every((top) => !top || settled(top))) return undefined;
    const sources = new Map(named.flatMap((e, i) => (tops[i] ? [[e.id, tops[i].sources] as const] : [])));
    return { ...result, entities: result.entities.map((e) => ({ ...e, sourceCount: sources.get(e.id) ?? e.sourceCount })) };
  }

  /** A ranked entity's best passages, in its rows' order: saved with the index (one read), else by key. */
  private async rankedPassages(entityId: string, top: RankedRows): Promise<Array<UserPassage | undefined>> {
    const saved = await this.d.port.rankedPassages(entityId);
    return saved?.length === top.ids.length ? saved : this.d.parts.passagesAt(top.ids.map((id) => this.numbering.keyOf(id)));
  }
}

/** Where `QuickSearches` gets its inputs (lib/corpus/service.ts). */
export interface QuickSearchSource {
  overlay(): Promise<OverlayState | undefined>;
  /** With the bundled passages' count (before any user document was added to it), and how to yield. */
  base(): Promise<{ base: LiveCorpusStore; baseLength: number; pause?: () => Promise<void> }>;
  /** The saved index's header when it was saved at the corpus version of now. */
  saved(): Promise<QuickHeader | undefined>;
  port?: IndexStorePort;
  parts?: SearchParts;
}

/**
 * The quick searches of one state of the corpus: opened on the first search, dropped by `reset`
 * (a change); given up after a failure until then (the whole store and index answer, rebuilt if
 * need be: never fatal).
 */
export class QuickSearches {
  private opened?: Promise<QuickSearch | undefined>;
  private resets = 0;
  /** Diagnostics (bench/): the last quick search's steps, ms, and what it read. */
  last?: QuickTimings;

  constructor(private readonly source: QuickSearchSource) {}

  reset(): void {
    this.opened = undefined;
    this.resets++;
  }

  /** The answer, or undefined when the store has to answer. */
  async search(params: Params<'search'>): Promise<SearchResult | undefined> {
    const { port, parts } = this.source;
    if (!port || !parts) return undefined;
    const resets = this.resets;
    const opened = (this.opened ??= this.open(port, parts));
    try {
      const t0 = performance.now();
      const quick = await opened;
      const t1 = performance.now();
      const result = await quick?.search(params, (this.last = { openMs: t1 - t0 }));
      return resets === this.resets ? result : undefined;
    } catch {
      if (this.opened === opened) this.opened = Promise.resolve(undefined);
      return undefined;
    }
  }

  private async open(port: IndexStorePort, parts: SearchParts): Promise<QuickSearch | undefined> {
    const overlay = await this.source.overlay();
    if (!overlay?.active || overlay.touchesAll) return undefined;
    const saved = await this.source.saved();
    return saved?.opening && QuickSearch.open(port, parts, saved, await this.source.base());
  }
}
