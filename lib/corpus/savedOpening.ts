/**
 * What a worker that starts derives from the corpus before its first answer (issue 16), derived
 * when the search index is saved and saved with it at that corpus version
 * (lib/search/persistedIndex.ts `StoredIndexHeader.opening`); a save of another version is never
 * read (lib/corpus/indexLoad.ts `savedAt`). Read by CorpusService.base (the bundled passages the
 * user's names make) and lib/corpus/quickSearch.ts (the numbering; much-mentioned entities' best
 * passages). Pure.
 */
import { passageCounts, placeOf } from '../search/persistedIndex';
import type { CorpusStore, QueryNames } from './store';
import { REMOVED } from './storeShared';
import type { UserPassage } from './partialCard';
import type { Passage } from './types';

/** How many of an entity's user passages are saved, best first, when it has more (a search naming it reads these only). */
const RANKED_ROWS = 300;

/** A much-mentioned entity's user passages by search score, best first (ids as the store loads them): the first `RANKED_ROWS`. */
export interface RankedRows {
  ids: number[];
  scores: number[];
  /** How many sources mention it in the whole corpus (its summary's `sourceCount`). */
  sources: number;
}

/**
 * What a worker that starts derives from the corpus before its first answer, saved with the
 * index at one corpus version (lib/search/persistedIndex.ts) and read instead of derived again.
 */
export interface SavedOpening {
  /** The bundled documents' passages with the user's names applied (CorpusOverlay.applyNames takes them instead of compiling again), by document; hidden ones left out. */
  bundled: Array<[docId: string, passages: Passage[]]>;
  /** How many passages the base store has: the bundled ones (a hidden document's slots included). */
  baseLength: number;
  /** The user's documents in import order (the order the store loads them in) and each one's passage count. */
  order: string[];
  counts: number[];
  /** Each stored passage id's id in the store as a worker that starts loads it, or -1. */
  ids: Int32Array;
  /** Entities with more than `RANKED_ROWS` user passages about them: their best ones. */
  ranked?: Record<string, RankedRows>;
  /** The query matcher's automaton and phonetic names over every alias (`CorpusStore.queryNames`), built here instead of on the first search. */
  names?: QueryNames;
}

/**
 * The opening of the corpus a running store holds, for its index saved with `keys` (the store's
 * passage keys, by id): its bundled slots [0, baseLength) are a worker's that starts (a hidden or
 * recompiled document keeps its slots, lib/corpus/liveStore.ts); its user documents are numbered
 * after them in `order`.
 */
export function savedOpening(store: CorpusStore, baseLength: number, keys: readonly string[], order: readonly string[]): { opening: SavedOpening; rankedPassages: Record<string, UserPassage[]> } {
  const all = passageCounts(keys);
  const counts = order.map((id) => all[id] ?? 0);
  const numbering = new Numbering(baseLength, order.map((id, i) => [id, counts[i]!]));
  const ids = Int32Array.from(keys, (key, stored) => (!key ? -1 : stored < baseLength ? stored : numbering.idOf(...placeOf(key))));
  const bundled = new Map<string, Passage[]>();
  for (const p of store.corpus.passages.slice(0, baseLength)) {
    if (p.docId === REMOVED || store.documents.get(p.docId)?.meta.origin !== 'seed') continue;
    bundled.set(p.docId, [...(bundled.get(p.docId) ?? []), p]);
  }
  const { ranked, passages } = rankedRows(store, baseLength, ids);
  return { opening: { bundled: [...bundled], baseLength, order: [...order], counts, ids, ranked, names: store.queryNames() }, rankedPassages: passages };
}

/**
 * Each much-mentioned entity's best user passages for a search: by the score `CorpusStore.search`
 * gives them, then id; and those passages with their documents' metadata, in the same order (saved
 * apart, so that a search naming the entity reads them in one read instead of one per passage).
 */
function rankedRows(store: CorpusStore, baseLength: number, ids: Int32Array): { ranked: Record<string, RankedRows>; passages: Record<string, UserPassage[]> } {
  const out: Record<string, RankedRows> = {};
  const passages: Record<string, UserPassage[]> = {};
  for (const [entityId, pids] of Object.entries(store.corpus.entityPassages)) {
    const entity = store.entities.get(entityId);
    if (!entity || pids.length <= RANKED_ROWS) continue;
    const rows = store
      .rankedPassages(entityId)
      .filter((r) => r.passage.id >= baseLength && ids[r.passage.id]! >= 0)
      .map((r) => ({ id: ids[r.passage.id]!, score: r.score, passage: r.passage }))
      .sort((a, b) => b.score - a.score || a.id - b.id);
    if (rows.length <= RANKED_ROWS) continue;
    const top = rows.slice(0, RANKED_ROWS);
    out[entityId] = { ids: top.map((r) => r.id), scores: top.map((r) => r.score), sources: store.summary(entity).sourceCount };
    passages[entityId] = top.map((r) => ({ meta: store.documents.get(r.passage.docId)!.meta, passage: r.passage }));
  }
  return { ranked: out, passages };
}

/** The passage ids of the store once loaded: bundled ones first, then each user document's, in import order. */
export class Numbering {
  /** Each user document's first passage id, and one past the last. */
  private readonly starts: number[] = [];
  private readonly firstOf = new Map<string, number>();

  constructor(
    readonly baseLength: number,
    private readonly order: ReadonlyArray<readonly [string, number]>,
  ) {
    let next = baseLength;
    for (const [docId, count] of order) {
      this.starts.push(next);
      this.firstOf.set(docId, next);
      next += count;
    }
    this.starts.push(next);
  }

  get total(): number {
    return this.starts[this.starts.length - 1]!;
  }

  /** A user passage's id; -1 when the store has no such passage. */
  idOf(docId: string, n: number): number {
    const first = this.firstOf.get(docId);
    return first === undefined || n < 0 || first + n >= this.starts[this.starts.length - 1]! || this.keyOf(first + n)[0] !== docId ? -1 : first + n;
  }

  /** A user passage id's document and place. */
  keyOf(id: number): readonly [string, number] {
    let lo = 0;
    let hi = this.order.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= id) lo = mid;
      else hi = mid - 1;
    }
    return [this.order[lo]![0], id - this.starts[lo]!];
  }
}
