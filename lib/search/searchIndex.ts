/**
 * Full-text search over passages with FlexSearch 0.8 (pure JS: runs in the MV3 service worker
 * and under Vitest). One `Index` keyed by passage id; filters (source, perspective, entity type)
 * are applied afterwards on passage ids, which is cheap and keeps the index simple.
 *
 * Two encoders, for two jobs:
 * - Passages are indexed with FlexSearch's Default encoder: case and diacritics folded and doubled
 *   letters merged ("Mosull" → "mosul", "Raqa" = "Raqqa"), but no phonetics, so "Deir" finds Deir
 *   and not "there" or "terrorist". Each passage is indexed with the canonical names of the
 *   entities it mentions appended, so "Kirkuk" also finds the passage that spells it "Kirkook".
 * - Names are also keyed phonetically (LatinAdvanced: "Kerkuk"/"Kirkook"/"Kirkuk" → "kerkok",
 *   "Mossul" → "mosol"), which `PhoneticNames` (./phoneticNames.ts) uses to recognise a misspelt place or group in a
 *   query; the store then adds that entity's passages. Phonetics on names only, where a false
 *   friend is unlikely, rather than on every word of every passage.
 *
 * Highlights are computed here as character ranges over the passage text: FlexSearch's own
 * highlighter returns HTML, which must never reach the DOM.
 *
 * Three ways to fill the index, one result: `new SearchIndex(passages, entities)` at once (tests,
 * the build step); `SearchIndex.build` in slices of a few milliseconds, yielding between them so
 * the worker keeps answering other messages; `SearchIndex.load` from `export()`'s chunks (the
 * build step exports the bundled corpus's index as assets: importing is ~10× faster than
 * building, see bench/PERFORMANCE.md), also one chunk per slice.
 */
import FlexSearch from 'flexsearch';
import type { Entity, Passage } from '../corpus/types';
import { parseChunk, splitChunk, type IndexChunk } from './indexChunks';
import { lazy } from '../lazy';
import { budgetedYielder, nextTask, type SliceOptions } from '../slices';

export type { IndexChunk };
import { prepareArabicForSearch } from '../text/languages/arabic';

// (Its members are read where used, not when this module is evaluated: the worker loads FlexSearch
// on its first search, platform/workerSearchEngine.ts.)

/** Apostrophes inside words are dropped before encoding ("Da'esh" → "Daesh", "ISIS'" → "ISIS"). */
const APOSTROPHES = /['’‘ʼ`´]/g;
/** A word: letters and digits, with the marks inside it (Arabic tashkeel) and inner apostrophes. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’‘ʼ][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
/** Words shorter than this neither rescue a failed search nor get highlighted in a longer query. */
const MIN_TERM = 3;

export function prepareForIndex(text: string): string {
  return text.replace(APOSTROPHES, '');
}

/** The words a failed search falls back to (3+ letters), when there are two or more; else undefined. */
function significantWords(q: string): string | undefined {
  const significant = [...q.matchAll(WORD)].map((m) => m[0]).filter((w) => w.length >= MIN_TERM);
  return significant.length < 2 ? undefined : significant.join(' ');
}

/** The encoder that keys names by sound (./phoneticNames.ts; made here, where FlexSearch is imported: wxt.config.ts defers that one import). */
export const PHONETIC_ENCODER = lazy(() => new FlexSearch.Encoder(FlexSearch.Charset.LatinAdvanced));

/**
 * The passage encoder: FlexSearch's Default (case and diacritics folded, doubled letters merged)
 * for every script, with Arabic script folded as the matcher folds it and its article and clitics
 * taken off first (lib/text/languages/arabic.ts).
 */
const PASSAGE_ENCODER = lazy(() => new FlexSearch.Encoder({ ...FlexSearch.Charset.Default, prepare: prepareArabicForSearch }));

/** FlexSearch's options for the passage index: the build step's export and the worker's import must agree. */
const INDEX_OPTIONS = () => ({ tokenize: 'forward', encoder: PASSAGE_ENCODER(), cache: 100 }) as const;

/** FlexSearch 0.8's `Index.import`, which also accepts the entries already parsed. */
interface ImportsParsed {
  import(key: string, data: string | unknown[]): void;
}


/** What is indexed for a passage: its text, then the canonical names of the entities it mentions (also what a persisted index's passage keys hash). */
export function indexText(p: Passage, entitiesById: ReadonlyMap<string, Entity>): string {
  const names = p.entityIds.map((id) => entitiesById.get(id)?.name ?? '').join(' ');
  return prepareForIndex(`${p.text}\n${names}`);
}

/** `SearchIndex.lookupTerms`: the query's terms and its fallback's, encoded as FlexSearch's search encodes a query. */
function lookupTermsOf(query: string): string[] {
  const q = prepareForIndex(query).trim();
  if (!q) return [];
  const fallback = significantWords(q);
  // (FlexSearch's search encodes a query with `encode(query, true)`: terms deduplicated.)
  const encoder = PASSAGE_ENCODER();
  const encode: Encode = encoder.encode.bind(encoder);
  return [...new Set([...encode(q, true), ...(fallback ? encode(fallback, true) : [])])];
}

/** FlexSearch's `encode`, with the flag its typings lack (terms deduplicated). */
type Encode = (text: string, dedupe?: boolean) => string[];

/** Encoded texts kept between indexes filled for one query (`forQuery`): the encoder is pure, so a text met again is not encoded again. */
export type TermsMemo = Pick<Map<string, string[]>, 'get' | 'set'>;

/**
 * The passage encoder, leaving an empty term in place of each word that starts with none of
 * `terms`: FlexSearch's `add` indexes no token for an empty term, and scores a term by its position
 * among the passage's terms and their count, which stay as they were. So an index filled through it
 * answers a query whose lookup terms are `terms` as the index of every word does.
 */
function encoderKeeping(terms: readonly string[], memo?: TermsMemo): ReturnType<typeof PASSAGE_ENCODER> {
  const encoder = PASSAGE_ENCODER();
  const encode: Encode = encoder.encode.bind(encoder);
  const all: Encode = (text, dedupe) => {
    const key = dedupe ? text : `\u0000${text}`;
    const terms = memo?.get(key) ?? encode(text, dedupe);
    memo?.set(key, terms);
    return terms;
  };
  const keeping: Encode = (text, dedupe) => all(text, dedupe).map((t) => (terms.some((q) => t.startsWith(q)) ? t : ''));
  return Object.assign(Object.create(encoder) as typeof encoder, { encode: keeping });
}

export class SearchIndex {
  private readonly index;
  private readonly encoder = PASSAGE_ENCODER();

  /** Indexes `passages` at once; without, an empty index to fill with `add` (or use `build`/`load`). */
  constructor(passages: readonly Passage[] = [], entitiesById: ReadonlyMap<string, Entity> = new Map(), keepTerms?: readonly string[], memo?: TermsMemo) {
    this.index = new FlexSearch.Index(keepTerms ? { ...INDEX_OPTIONS(), encoder: encoderKeeping(keepTerms, memo) } : INDEX_OPTIONS());
    for (const p of passages) this.add(p, entitiesById);
  }

  /**
   * An index of `passages` for one query: it indexes only the words the query can find (those that
   * start with one of its lookup terms), so it is filled several times faster, and `search(query)`
   * answers exactly as the index of every word (tests: ./searchIndex.test.ts). For a search over
   * candidates found elsewhere (the team server's full-text matches, server/src/answers.ts).
   * `memo`: texts encoded for earlier queries.
   */
  static forQuery(passages: readonly Passage[], entitiesById: ReadonlyMap<string, Entity>, query: string, memo?: TermsMemo): SearchIndex {
    return new SearchIndex(passages, entitiesById, lookupTermsOf(query), memo);
  }

  add(passage: Passage, entitiesById: ReadonlyMap<string, Entity>): void {
    this.index.add(passage.id, indexText(passage, entitiesById));
  }

  /** Takes a passage out (a user document deleted or recompiled). */
  remove(passageId: number): void {
    this.index.remove(passageId);
  }

  /** Adds or re-indexes passages in slices, yielding between them (user documents after the bundled index was imported). */
  async addAll(passages: Iterable<Passage>, entitiesById: ReadonlyMap<string, Entity>, { sliceMs = 20, pause = nextTask }: SliceOptions = {}): Promise<void> {
    const giveWay = budgetedYielder(pause, () => performance.now(), sliceMs);
    for (const p of passages) {
      this.index.remove(p.id);
      if (p.text) this.add(p, entitiesById);
      await giveWay();
    }
  }

  /**
   * Indexes `passages` in slices of about `sliceMs`, yielding between slices: a card lookup that
   * arrives meanwhile is answered within a slice instead of after the whole build.
   */
  static async build(
    passages: readonly Passage[],
    entitiesById: ReadonlyMap<string, Entity>,
    { sliceMs = 20, pause = nextTask }: SliceOptions = {},
  ): Promise<SearchIndex> {
    const index = new SearchIndex();
    const giveWay = budgetedYielder(pause, () => performance.now(), sliceMs);
    for (const p of passages) {
      index.add(p, entitiesById);
      await giveWay();
    }
    return index;
  }

  /**
   * The index as JSON chunks of at most about `maxChars` each, for `SearchIndex.load`:
   * FlexSearch's export, with its chunks (which can be tens of MB) split between entries, so each
   * chunk is one short slice of the import; and the passage ids of the term map delta-encoded
   * (they are ascending within each of a term's score buckets: 40% less to read and parse).
   */
  export(maxChars = 1_000_000): IndexChunk[] {
    const out: IndexChunk[] = [];
    this.index.export((key: string, data: string) => splitChunk(key, data, maxChars, out));
    return out;
  }

  /**
   * FlexSearch's export, a piece (a few thousand terms) at a time to `onPiece`, pausing after each,
   * so the worker keeps answering while a large index is saved (lib/search/persistedIndex.ts).
   */
  async exportPieces(onPiece: (key: string, data: string) => void, { pause = nextTask }: Pick<SliceOptions, 'pause'> = {}): Promise<void> {
    // FlexSearch waits for a handler's promise before exporting its next piece.
    await (this.index.export((key: string, data: string) => (onPiece(key, data), pause())) as unknown as Promise<void> | undefined);
  }

  /**
   * An index from `export()`'s chunks, imported one chunk per slice (chunks may still be arriving).
   * `remap`: the passage id each stored id now has, or -1 for a passage gone (an index saved
   * under another numbering, lib/search/persistedIndex.ts); without, ids are kept.
   */
  static async load(
    chunks: Iterable<IndexChunk | Promise<IndexChunk>>,
    { pause = nextTask, remap }: Pick<SliceOptions, 'pause'> & { remap?: (id: number) => number } = {},
  ): Promise<SearchIndex> {
    const index = new SearchIndex();
    for (const chunk of chunks) {
      index.importChunk(await chunk, remap);
      await pause();
    }
    return index;
  }

  /** One chunk of `export()` into this index (`remap` as for `load`). */
  importChunk({ key, data }: IndexChunk, remap?: (id: number) => number): void {
    // FlexSearch's import takes the parsed entries as well as their JSON (its typings say JSON only).
    (this.index as ImportsParsed).import(key, parseChunk(key, data, remap));
  }

  /**
   * Passage ids, best first. When no passage has every term, falls back to passages with some of
   * the query's significant words (3+ letters), so a stray short word ("b", "of") never floods
   * the results.
   */
  search(query: string, limit = 100): number[] {
    const q = prepareForIndex(query).trim();
    if (!q) return [];
    const exact = this.bestFirst(q, limit, false);
    if (exact.length > 0) return exact;
    const fallback = significantWords(q);
    return fallback ? this.bestFirst(fallback, limit, true) : [];
  }

  /**
   * The terms `search(query)` may look up in FlexSearch's term map, encoded as FlexSearch encodes
   * a query: an index holding these terms of a bigger one answers `query` as the bigger one does
   * (lib/search/lazyIndex.ts imports only them).
   */
  lookupTerms(query: string): string[] {
    return lookupTermsOf(query);
  }

  /**
   * FlexSearch's answer by score bucket (`resolve: false`), each bucket in id order: which
   * passages tie, and in what order, then depends on the corpus alone, not on the order they were
   * indexed in (a bundled document shown again, or one recompiled after a new name, is indexed
   * last in a running worker but in its place by a worker that starts; tests: platform/faultLoop.test.ts).
   */
  private bestFirst(query: string, limit: number, suggest: boolean): number[] {
    const buckets = (this.index.search(query, { resolve: false, suggest }) as unknown as { result?: Array<number[] | undefined> }).result ?? [];
    const out: number[] = [];
    for (const bucket of buckets) {
      if (!bucket?.length) continue;
      out.push(...bucket.slice().sort((a, b) => a - b));
      if (out.length >= limit) break;
    }
    return out.length > limit ? out.slice(0, limit) : out;
  }

  /** The encoded forms of the query's words, to highlight with (short words only when alone). */
  encodeQuery(query: string): string[] {
    const terms: string[] = [];
    for (const m of prepareForIndex(query).matchAll(WORD)) terms.push(...this.encodeWord(m[0]));
    const nonEmpty = terms.filter((t) => t.length > 0);
    return nonEmpty.length === 1 ? nonEmpty : nonEmpty.filter((t) => t.length >= MIN_TERM);
  }

  /**
   * Ranges of words in `text` whose encoded form equals a query term, or starts with the last
   * query term when `prefixLast` (search-as-you-type: the last word is still being typed).
   */
  highlight(text: string, terms: string[], prefixLast = true): Array<[number, number]> {
    if (terms.length === 0) return [];
    const last = terms[terms.length - 1]!;
    const full = new Set(terms);
    const out: Array<[number, number]> = [];
    for (const m of text.matchAll(WORD)) {
      const encoded = this.encodeWord(m[0]);
      const hit = encoded.some((e) => full.has(e) || (prefixLast && last.length >= 2 && e.startsWith(last)));
      if (hit) out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }

  private encodeWord(word: string): string[] {
    return this.encoder.encode(prepareForIndex(word));
  }
}
