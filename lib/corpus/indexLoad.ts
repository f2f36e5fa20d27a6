/**
 * Getting the search index of a loaded store ready, once per store load (CorpusService.searchReady):
 * the index saved by an earlier worker when the user has data (lib/search/persistedIndex.ts, moved
 * to the store's numbering), else the bundled build-time export, else built; then the passages the
 * chosen index lacks are added on top. Sliced, so the worker answers cards meanwhile.
 */
import type { LiveCorpusStore } from './liveStore';
import type { CorpusSource } from './source';
import { SearchIndex } from '../search/searchIndex';
import type { SliceOptions } from '../slices';
import { indexVersion, isCurrent, restoreIndex, storeKeys as keysOf, type IndexSaver, type IndexStorePort, type QuickHeader, type RestoredIndex } from '../search/persistedIndex';

/** Diagnostics of the worker's first answers (bench/). */
export interface CorpusTimings {
  /** Loading the corpus (reading, parsing, the store's maps), ms. */
  corpusMs?: number;
  /** Getting the index ready once the corpus was loaded, ms; and how. */
  indexMs?: number;
  index?: 'imported' | 'built' | 'restored';
  /** When (ms since the worker's start) the user's summary was first read, and the first card answered, and how. */
  overlayAt?: number;
  firstCardAt?: number;
  firstCard?: 'memory' | 'saved' | 'passages' | 'store' | 'file';
  /** The last card computed from the entity's passages: where its time went. */
  cardSteps?: CardSteps;
  /** When the first search was answered, and whether before the store was loaded ('quick'). */
  firstSearchAt?: number;
  firstSearch?: 'quick' | 'store';
}

/** A card from the entity's rows or passages (CorpusOverlay.entityCard): started `at`; then until the base was there, until its rows were read (meanwhile), and from when both were to the card (ms). */
export interface CardSteps {
  at: number;
  baseMs?: number;
  readMs?: number;
  rankMs?: number;
  /** Card rows read (undefined: none stored), passages read (0: the card was made from its rows). */
  rows?: number;
  passages?: number;
}

export interface IndexLoadDeps {
  store(): Promise<LiveCorpusStore>;
  /** Whether the user has data (then a saved index is looked for, and the result saved). */
  persisted(): Promise<boolean>;
  /** The corpus version now (a saved index of another one is saved again, for lib/search/lazyIndex.ts). */
  corpusVersion(): Promise<string>;
  source: CorpusSource;
  slices: SliceOptions;
  indexStore?: IndexStorePort;
  indexSaver?: IndexSaver;
  timings: CorpusTimings;
}

export async function loadSearchIndex(d: IndexLoadDeps): Promise<LiveCorpusStore> {
  // The index's files are read after the corpus's (reads are queued in order) while the
  // corpus is parsed; imported (or, without them, built) once it is loaded. (Importing
  // alongside the corpus, slices interleaved, was slower: bench/.)
  const loading = d.store();
  // (With the user's data, the index saved by an earlier worker is read instead, when there is one.)
  const persisted = await d.persisted();
  let chunks = persisted ? undefined : d.source.indexChunks?.();
  const store = await loading;
  if (store.hasSearchIndex) return store;
  const t0 = performance.now();
  const restored = persisted ? await restoreSaved(d, store) : undefined;
  if (!restored?.index) chunks ??= d.source.indexChunks?.();
  if (!restored?.index && !chunks) store.takeIndexBacklog(); // the build reads every passage as it is now
  const index = restored?.index ?? (chunks ? await SearchIndex.load(chunks, d.slices) : await SearchIndex.build(store.corpus.passages, store.entities, d.slices));
  // Passages added, changed or removed since the store was loaded (the user's documents on
  // top of the bundled index; those the saved index lacks), then anything that changed while
  // they were being added.
  const first = restored && (restored.index || chunks) ? restored.missing : [];
  for (let backlog = [...first, ...store.takeIndexBacklog()]; backlog.length; backlog = store.takeIndexBacklog()) {
    await index.addAll(backlog.map((pid) => store.corpus.passages[pid]!), store.entities, d.slices);
  }
  const ms = performance.now() - t0;
  store.useSearchIndex(index, ms);
  Object.assign(d.timings, { indexMs: ms, index: restored?.index ? 'restored' : chunks ? 'imported' : 'built' });
  if (persisted && (!restored?.index || restored.changed || restored.corpusVersion !== (await d.corpusVersion()))) d.indexSaver?.schedule();
  return store;
}

/**
 * The saved index moved to the store's numbering, with the passages it lacks; without an index
 * when none is saved (or it cannot be read: rebuilt, never fatal), `missing` then being the
 * passages changed since the store was loaded (its index backlog, taken here).
 */
async function restoreSaved(d: IndexLoadDeps, store: LiveCorpusStore): Promise<Partial<RestoredIndex> & { missing: number[] }> {
  const backlog = store.takeIndexBacklog(); // (the passage keys below describe the store as it is now)
  const keys = keysOf(store);
  const restored = await restoreIndex(d.indexStore!, keys, d.slices).catch(() => undefined);
  if (restored && !restored.changed) d.indexSaver?.savedAs(indexVersion(keys), restored.corpusVersion);
  return restored ?? { missing: backlog };
}

/** The saved index's header if it was saved at corpus version `version` (what a worker that starts reads instead of deriving it); never fatal: undefined if it cannot be read. */
export function savedAt(port: IndexStorePort, version: Promise<string>): Promise<QuickHeader | undefined> {
  return Promise.all([port.quickHeader(), version])
    .then(([header, now]) => (isCurrent(header) && header.corpusVersion === now ? header : undefined))
    .catch(() => undefined);
}
