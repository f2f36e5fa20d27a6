/**
 * The compiled corpus as the extension ships it, so that the worker's first answer needs only a
 * little data (bench/: at 10,000 documents, a background.js that embedded the whole corpus took
 * ~470 ms to load and compile before the worker could answer anything):
 *
 * - a small **manifest**, part of background.js (corpus/vitePlugin.ts): revision, entity
 *   summaries, perspectives, and the names of the files below. listEntities is answered from it
 *   alone;
 * - **matcher**: the content scripts' matcher data (every name in every language, and its packed
 *   automaton: over 250 KB), read only when it is published or a picker looks a name up — not part
 *   of background.js, which every worker start parses (it doubled the script and the cold start);
 * - **cards**: one JSON file per entity, the exact EntityCard that CorpusStore.lookupEntity
 *   returns (lookups are deterministic for a given corpus), so a card after a cold start is one
 *   small file read and parsed;
 * - **sources**: every document's metadata (the search filters), without the bodies;
 * - **shards**: the documents' bodies and their passages, a few MB each, read and parsed only
 *   when a message needs the whole corpus (search, compare, getDocument), one shard per slice so
 *   the worker keeps answering cards meanwhile. Passage texts are slices of their document's body
 *   (about 40% of the corpus): they are left out and restored when unpacked;
 * - **index**: the FlexSearch index, exported at build time (`SearchIndex.export`), imported at
 *   the first search instead of being built.
 *
 * Pure: `packCorpus` runs at build time (and can run in the worker on user-imported documents,
 * whose files would live in IndexedDB); `unpackCorpus` is its inverse.
 */
import type { CorpusStore } from './store';
import type { EntityCard, EntitySummary } from '../messages/protocol';
import { SearchIndex } from '../search/searchIndex';
import type { CompiledCorpus, Entity, Passage, SourceDocument, SourceMeta } from './types';

/** Folder of the extension the corpus files are written to. */
export const CORPUS_ASSET_DIR = 'corpus';

export interface CorpusManifest {
  format: 1;
  /** CorpusStore.revision of the corpus the files hold: a hash of its content (lib/corpus/revision.ts). */
  revision: string;
  totalSources: number;
  /** Every entity, in listEntities order (most sources first). */
  entities: EntitySummary[];
  perspectives: string[];
  /** Paths inside the extension (no leading slash). */
  files: {
    /** The MatcherData of the corpus's names. */
    matcher: string;
    /** Entity id → its card. */
    cards: Record<string, string>;
    /** SourceMeta[], in corpus order. */
    sources: string;
    /** Entity[] (the gazetteer, aliases included). */
    entities: string;
    /** CorpusShard files, in corpus order. */
    shards: string[];
    /** The exported search index (FlexSearch key and file), in import order; absent: built at run time. */
    index?: Array<{ key: string; file: string }>;
  };
}

/** Consecutive documents' bodies and passages. Their metadata is in the sources file, same order. */
export interface CorpusShard {
  /** The revision of the corpus the shard is part of (the manifest's, when files and manifest match). */
  revision: string;
  /** Position of the shard's first document in the corpus. */
  firstDocument: number;
  bodies: string[];
  /** `text` is left out when it is the slice start..end of its document's body. */
  passages: Array<Omit<Passage, 'text'> & { text?: string }>;
}

export interface PackOptions {
  /** Aim for shards and index chunks of about this many characters of JSON. */
  chunkChars?: number;
  /** Export the search index (default true). */
  index?: boolean;
}

export interface PackedCorpus {
  manifest: CorpusManifest;
  /** Path → JSON text. */
  files: Map<string, string>;
}

/** The manifest's data that needs no file: what `listEntities` answers. */
export function manifestOf(store: CorpusStore, files: CorpusManifest['files']): CorpusManifest {
  return {
    format: 1,
    revision: store.revision,
    totalSources: store.totalSources,
    entities: store.listEntities(),
    perspectives: store.facets().perspectives,
    files,
  };
}

/** File name of an entity's card (ids are kebab-case; anything else is escaped). */
function cardPath(entityId: string): string {
  return `${CORPUS_ASSET_DIR}/cards/${encodeURIComponent(entityId)}.json`;
}

export function packCorpus(store: CorpusStore, { chunkChars = 1_000_000, index = true }: PackOptions = {}): PackedCorpus {
  const corpus = store.corpus;
  const { revision } = store;
  const files = new Map<string, string>();
  const put = (path: string, json: string) => (files.set(path, json), path);

  const cards: Record<string, string> = {};
  for (const e of corpus.entities) cards[e.id] = put(cardPath(e.id), JSON.stringify(store.lookupEntity(e.id) satisfies EntityCard));

  const sources = put(`${CORPUS_ASSET_DIR}/sources.json`, JSON.stringify(corpus.documents.map((d) => d.meta)));
  const matcher = put(`${CORPUS_ASSET_DIR}/matcher.json`, JSON.stringify(store.matcherData()));
  const entities = put(`${CORPUS_ASSET_DIR}/entities.json`, JSON.stringify(corpus.entities));

  // Shards: whole documents with their passages (passages are in document order), cut when a
  // shard reaches chunkChars of JSON.
  const shards: string[] = [];
  const passagesOf = groupPassages(corpus);
  let shard: CorpusShard = { revision, firstDocument: 0, bodies: [], passages: [] };
  let chars = 0;
  const flush = (next: number) => {
    if (shard.bodies.length) shards.push(put(`${CORPUS_ASSET_DIR}/shards/${shards.length}.json`, JSON.stringify(shard)));
    shard = { revision, firstDocument: next, bodies: [], passages: [] };
    chars = 0;
  };
  corpus.documents.forEach((doc, i) => {
    if (chars > 0 && chars >= chunkChars) flush(i);
    shard.bodies.push(doc.body);
    chars += doc.body.length;
    for (const p of passagesOf.get(doc.meta.id) ?? []) {
      const slim = doc.body.slice(p.start, p.end) === p.text ? withoutText(p) : p;
      shard.passages.push(slim);
      chars += JSON.stringify(slim).length;
    }
  });
  flush(corpus.documents.length);

  let indexFiles: CorpusManifest['files']['index'];
  if (index) {
    const exported = new SearchIndex(corpus.passages, store.entities).export(chunkChars);
    indexFiles = exported.map(({ key, data }) => ({ key, file: put(`${CORPUS_ASSET_DIR}/index/${key}.json`, data) }));
  }

  return { manifest: manifestOf(store, { matcher, cards, sources, entities, shards, index: indexFiles }), files };
}

function withoutText(p: Passage): CorpusShard['passages'][number] {
  const { text: _text, ...rest } = p;
  return rest;
}

function groupPassages(corpus: CompiledCorpus): Map<string, Passage[]> {
  const out = new Map<string, Passage[]>();
  for (const p of corpus.passages) {
    const list = out.get(p.docId);
    if (list) list.push(p);
    else out.set(p.docId, [p]);
  }
  return out;
}

/** One shard's documents and passages, texts restored (`sources`: every document's metadata, corpus order). */
export function unpackShard(shard: CorpusShard, sources: readonly SourceMeta[]): { documents: SourceDocument[]; passages: Passage[] } {
  const documents: SourceDocument[] = [];
  const bodies = new Map<string, string>();
  shard.bodies.forEach((body, i) => {
    const meta = sources[shard.firstDocument + i];
    if (!meta) throw new Error(`Corpus shard at document ${shard.firstDocument} does not match the sources`);
    documents.push({ meta, body });
    bodies.set(meta.id, body);
  });
  const passages = shard.passages.map((p) => ({ ...p, text: p.text ?? bodies.get(p.docId)!.slice(p.start, p.end) }));
  return { documents, passages };
}

/** The compiled corpus from its unpacked shards, in corpus order. */
export function assembleCorpus(entities: Entity[], shards: ReadonlyArray<ReturnType<typeof unpackShard>>): CompiledCorpus {
  const documents = shards.flatMap((s) => s.documents);
  const passages = shards.flatMap((s) => s.passages);
  // The entity → passages index, as the compile step makes it (lib/corpus/compile.ts indexPassages).
  const entityPassages: Record<string, number[]> = {};
  for (const e of entities) entityPassages[e.id] = [];
  for (const p of passages) for (const id of p.entityIds) (entityPassages[id] ??= []).push(p.id);
  return { version: 1, documents, entities, passages, entityPassages };
}

/** The compiled corpus back from its files (already parsed); the inverse of `packCorpus`. */
export function unpackCorpus(entities: Entity[], sources: SourceMeta[], shards: readonly CorpusShard[]): CompiledCorpus {
  const corpus = assembleCorpus(entities, shards.map((s) => unpackShard(s, sources)));
  if (corpus.documents.length !== sources.length) throw new Error(`Corpus shards hold ${corpus.documents.length} documents, sources ${sources.length}`);
  return corpus;
}
