/**
 * The search index kept across worker restarts (issue 16): the in-memory FlexSearch index
 * (lib/search/searchIndex.ts) exported in chunks to storage, with the passage table it was built
 * on, and imported again in slices by the next worker instead of re-indexing every passage.
 * (Why this road and not FlexSearch's IndexedDB mode: ARCHITECTURE.md, "The search index across
 * worker restarts", from bench/measure-indexroads.mjs.)
 *
 * The table maps each stored (numeric) id to a **passage key**: the passage's document id, its
 * place in that document and a hash of the text indexed for it. A restarted worker numbers its
 * passages by load order, which may differ (a document hidden, then shown again); on import each
 * stored id is moved to the id its key has now, or dropped when no passage has that key any more
 * (deleted, or its text or entity names changed). Passages whose key the table lacks are then
 * indexed (appended) on top: a stored index of an older corpus is still most of the work.
 *
 * A stored index that cannot be read, or of another format, is ignored (and rebuilt): never
 * fatal. Saving is debounced after changes and exported in slices; a save overtaken by a change
 * of the store is dropped and scheduled again. Pure: storage is an IndexStorePort
 * (platform/indexStore.ts).
 */
import type { Entity, Passage } from '../corpus/types';
import type { CorpusStore } from '../corpus/store';
import { REMOVED } from '../corpus/storeShared';
import { indexText, SearchIndex, type IndexChunk } from './searchIndex';
import { nextTask, type SliceOptions } from '../slices';
import { BucketedExport, fnv1a } from './indexChunks';
import type { SavedOpening } from '../corpus/savedOpening';
import type { UserPassage } from '../corpus/partialCard';

/** Bumped when the index's options or chunk format change: a stored index of another format is rebuilt. */
export const INDEX_FORMAT = 'flexsearch-0.8:forward:default:delta-ids:term-buckets:4';
/** How many buckets the term map is saved in (lib/search/lazyIndex.ts reads a query's only). */
const TERM_BUCKETS = 256;

/** An index as stored: its passage table (stored id → passage key; '' for an empty slot), then its chunks. */
export interface StoredIndexHeader {
  format: string;
  /** What it was built on (`indexVersion`): equal to the current one means nothing to re-index. */
  version: string;
  keys: string[];
  chunkCount: number;
  /** The term map's buckets: bucket k is chunks `buckets[k]` to `buckets[k + 1]` (lib/search/indexChunks.ts `BucketedExport`). */
  buckets: number[];
  /** The corpus version (lib/corpus/version.ts) the passage table describes: equal to the current one, the table is the store's as it is now. */
  corpusVersion?: string;
  /** What a worker that starts at this corpus version derives before its first answer, saved so that it reads it instead (lib/corpus/quickSearch.ts `SavedOpening`). */
  opening?: SavedOpening;
  /** The passages of the opening's ranked rows (`SavedOpening.ranked`), by entity and in the rows' order: stored apart from the header, each entity's read by a search naming it in one read. */
  rankedPassages?: Record<string, UserPassage[]>;
}

/** The header without its passage table nor ranked passages: what a worker reads before its first search or card (the table is read by a whole restore only). */
export type QuickHeader = Omit<StoredIndexHeader, 'keys' | 'rankedPassages'>;

export interface IndexStorePort {
  /** The stored header, undefined when none. */
  header(): Promise<StoredIndexHeader | undefined>;
  /** The same without its passage table (one small read). */
  quickHeader(): Promise<QuickHeader | undefined>;
  /** Its chunks, in order (read ahead, each resolved as it arrives). */
  chunks(count: number): Array<Promise<IndexChunk>>;
  /** Some of its chunks, by number (a bucket of the term map). */
  chunksAt(numbers: readonly number[]): Promise<IndexChunk[]>;
  /** The ranked passages of one entity saved with the header (`StoredIndexHeader.rankedPassages`), undefined when none. */
  rankedPassages(entityId: string): Promise<UserPassage[] | undefined>;
  /** Replaces the stored index with this one, in one transaction. */
  save(header: StoredIndexHeader, chunks: readonly IndexChunk[]): Promise<void>;
}

/** FNV-1a, 32 bits, as 8 hex digits: a passage's indexed text changes → its key changes. */
function hash(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}

/**
 * Each passage's key, by its id in `passages`: document id, place in the document, hash of the
 * text indexed for it; '' for an empty slot (a removed document's passage). (When passages get
 * stable content-derived ids, issue 16's other half, they can be the key.)
 */
export function passageKeys(passages: readonly Passage[], entitiesById: ReadonlyMap<string, Entity>, isEmpty: (p: Passage) => boolean): string[] {
  const seen = new Map<string, number>();
  return passages.map((p) => {
    if (isEmpty(p)) return '';
    const n = seen.get(p.docId) ?? 0;
    seen.set(p.docId, n + 1);
    return `${p.docId}#${n}:${hash(indexText(p, entitiesById))}`;
  });
}

/** An emptied slot (a removed document's passage): it has no key. (A passage without text has one: every passage of a document is in the table, so its count is too, lib/corpus/quickSearch.ts.) */
const emptySlot = (p: Passage): boolean => p.docId === REMOVED;

/** A passage key's document and place. */
export function placeOf(key: string): [docId: string, place: number] {
  const hash = key.lastIndexOf(':');
  const place = key.lastIndexOf('#', hash);
  return [key.slice(0, place), Number(key.slice(place + 1, hash))];
}

/** Each document's passage count, from its keys. */
export function passageCounts(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) {
    if (!key) continue;
    const [docId, n] = placeOf(key);
    counts[docId] = Math.max(counts[docId] ?? 0, n + 1);
  }
  return counts;
}

/** A store's passage keys. */
export function storeKeys(store: CorpusStore): string[] {
  return passageKeys(store.corpus.passages, store.entities, emptySlot);
}

/**
 * The version a stored index is keyed by: a content key of the passages it indexes. One function,
 * so that the corpus version string (issue 16's other half) can replace it.
 */
export function indexVersion(keys: readonly string[]): string {
  return `${keys.length}:${hash(keys.join('\n'))}`;
}

/** A header this code wrote (another format, or one damaged, is not read). */
export function isCurrent<H extends QuickHeader>(header: H | undefined): header is H {
  return !!header && header.format === INDEX_FORMAT && Array.isArray(header.buckets) && header.buckets.length > 1;
}

export interface RestoredIndex {
  index: SearchIndex;
  /** Current passage ids the stored index lacks: to be indexed on top. */
  missing: number[];
  /** Whether the result differs from what is stored (worth saving again once `missing` are added). */
  changed: boolean;
  /** The corpus version stored with it. */
  corpusVersion?: string;
}

/**
 * The stored index, moved to the current numbering (`keys`, from `passageKeys`); undefined when
 * none is stored or it is of another format. Throws when it cannot be read (the caller rebuilds).
 */
export async function restoreIndex(port: IndexStorePort, keys: readonly string[], slices: SliceOptions = {}): Promise<RestoredIndex | undefined> {
  const header = await port.header();
  if (!isCurrent(header) || !Array.isArray(header.keys)) return undefined;
  const idOf = new Map<string, number>();
  keys.forEach((k, id) => k && idOf.set(k, id));
  const target = new Int32Array(header.keys.length);
  const covered = new Uint8Array(keys.length);
  let identity = true;
  header.keys.forEach((k, stored) => {
    const id = k ? (idOf.get(k) ?? -1) : -1;
    target[stored] = id;
    if (id >= 0) covered[id] = 1;
    if (id !== stored && k) identity = false;
  });
  const remap = identity ? undefined : (id: number) => (id < target.length ? target[id]! : -1);
  const index = await SearchIndex.load(port.chunks(header.chunkCount), { pause: slices.pause, remap });
  const missing: number[] = [];
  keys.forEach((k, id) => k && !covered[id] && missing.push(id));
  return { index, missing, changed: !identity || missing.length > 0 || header.version !== indexVersion(keys), corpusVersion: header.corpusVersion };
}

const savedName = (version: string, corpusVersion: string | undefined) => `${version}@${corpusVersion ?? ''}`;

/** What is saved: the index as it is now, and the passage keys of the store it indexes. */
export interface IndexSnapshot {
  index: SearchIndex;
  keys: () => string[];
  /** Whether the store changed since `keys` (the export is then of another state: not saved). */
  stale: () => boolean;
  /** The corpus version the store is at (kept in the header for lib/search/lazyIndex.ts). */
  corpusVersion?: () => Promise<string>;
  /** What a worker that starts derives from the corpus at this version, given the keys saved (lib/corpus/quickSearch.ts). */
  opening?: (keys: readonly string[]) => Promise<Pick<StoredIndexHeader, 'opening' | 'rankedPassages'> | undefined>;
}

/**
 * Saves the index after changes, once they stop for `delayMs`: exported in slices, written in
 * one transaction. At most one save at a time; a change meanwhile schedules another.
 */
export class IndexSaver {
  private timer?: ReturnType<typeof setTimeout>;
  private running: Promise<void> = Promise.resolve();
  private lastVersion?: string;
  /** Diagnostics (bench/): the last save's duration and size. */
  lastSave?: { ms: number; chars: number; chunks: number; version: string };

  constructor(
    private readonly port: IndexStorePort,
    private readonly snapshot: () => IndexSnapshot | undefined,
    private readonly options: { delayMs?: number; pause?: () => Promise<void>; chunkChars?: number } = {},
  ) {}

  /** The index as restored or saved now has this version (and corpus version): no save needed for it. */
  savedAs(version: string, corpusVersion: string | undefined): void {
    this.lastVersion = savedName(version, corpusVersion);
  }

  /** Something changed: save after `delayMs` of quiet. */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.save()).catch(() => undefined);
    }, this.options.delayMs ?? 2000);
  }

  /** Resolves when no save is scheduled or under way (tests, bench/). */
  async settled(): Promise<void> {
    for (;;) {
      const running = this.running;
      await running;
      if (this.timer === undefined && running === this.running) return;
      await new Promise<void>((resolve) => setTimeout(() => resolve(), 50));
    }
  }

  private async save(): Promise<void> {
    const snap = this.snapshot();
    if (!snap) return;
    const t0 = performance.now();
    const corpusVersion = await snap.corpusVersion?.();
    const keys = snap.keys();
    const version = indexVersion(keys);
    if (savedName(version, corpusVersion) === this.lastVersion) return;
    // A change of the store between two slices ends this export at once (saved again after it).
    const pause = this.options.pause ?? nextTask;
    const overtaken = new Error('overtaken');
    const pieces = new BucketedExport(TERM_BUCKETS, this.options.chunkChars ?? 1_000_000);
    try {
      await snap.index.exportPieces((key, data) => pieces.add(key, data), { pause: () => pause().then(() => { if (snap.stale()) throw overtaken; }) });
    } catch (e) {
      if (e === overtaken) return this.schedule();
      throw e;
    }
    const opening = await snap.opening?.(keys);
    // (The corpus version read again: a write that moved it meanwhile saves again later.)
    if (snap.stale() || corpusVersion !== (await snap.corpusVersion?.())) return this.schedule();
    const { chunks, starts } = pieces.finish();
    await this.port.save({ format: INDEX_FORMAT, version, keys, chunkCount: chunks.length, buckets: starts, corpusVersion, ...opening }, chunks);
    this.lastVersion = savedName(version, corpusVersion);
    this.lastSave = { ms: performance.now() - t0, chars: chunks.reduce((n, c) => n + c.data.length, 0), chunks: chunks.length, version };
  }
}
