/**
 * A team's entities (the gazetteer with the team's names, then its own places and groups) and what
 * is built from them once: the compile step's matcher and the store that finds the entities a
 * query names (lib/corpus/store.ts: aliases, sounds-alike, prefixes). Building those takes tens of
 * ms, so they are kept per distinct set of additions (a team's additions change rarely; a change
 * makes a new key). The store subclass only lets a store of candidate passages reuse the name
 * finders instead of building them for each search.
 */
import { gazetteer } from '../../corpus/gazetteer';
import { createCompiler, type DocumentCompiler } from '../../lib/corpus/compile';
import { CorpusStore } from '../../lib/corpus/store';
import { SearchIndex, type TermsMemo } from '../../lib/search/searchIndex';
import type { Params } from '../../lib/messages/registry';
import type { SearchResult } from '../../lib/messages/protocol';
import type { CompiledCorpus, Entity } from '../../lib/corpus/types';
import type { KeptRanks } from '../../lib/card/rank';
import { mergeEntities } from '../../lib/userCorpus/merge';
import type { UserAlias } from '../../lib/userCorpus/types';

/** A CorpusStore that can take the query matchers of another store over the same entities (and ranks kept with its passages). */
export class CandidateStore extends CorpusStore {
  constructor(corpus: CompiledCorpus, names?: CandidateStore, kept?: KeptRanks) {
    super(corpus, undefined, kept);
    if (names) {
      names.entitiesInQuery(''); // builds them once
      this.queryMatcher = names.queryMatcher;
      this.aliasPrefixes = names.aliasPrefixes;
      this.phoneticNames = names.phoneticNames;
    }
  }

  /**
   * A search over these candidates, with an index of only the words its query can find
   * (lib/search/searchIndex.ts `forQuery`: the same answer, filled several times faster; the
   * index of every word was most of a search's CPU time at 30,000 documents).
   */
  override search(params: Params<'search'>): SearchResult {
    this.searchIndex = SearchIndex.forQuery(this.corpus.passages, this.entities, params.query.trim(), ENCODED);
    return super.search(params);
  }
}

/**
 * Passage texts encoded for earlier searches, the newest `ENCODED_KEPT`: an entity's newest passages
 * are candidates of every search that names it, and encoding them was most of a search's CPU time
 * at 100,000 documents. Bounded (a text and its terms are a few KB).
 */
const ENCODED_KEPT = 20_000;
const encoded = new Map<string, string[]>();
const ENCODED: TermsMemo = {
  get: (text) => encoded.get(text),
  set(text, terms) {
    encoded.set(text, terms);
    if (encoded.size > ENCODED_KEPT) encoded.delete(encoded.keys().next().value!);
    return encoded;
  },
};

export interface TeamEntities {
  /** Different for each set of additions built in this process (a part of a cached answer's revision). */
  id: number;
  entities: Entity[];
  /** A store with no passages: names in queries, summaries. */
  names: CandidateStore;
  /** The extension's one compiler over these entities (lib/corpus/compile.ts). */
  compiler(): DocumentCompiler;
}

const KEPT = 64;
const cache = new Map<string, TeamEntities>();
let made = 0;

export function teamEntities(additions: { entities: Entity[]; aliases: UserAlias[] }): TeamEntities {
  const key = JSON.stringify(additions);
  const hit = cache.get(key);
  if (hit) return hit;
  const entities = mergeEntities(gazetteer, additions.entities, additions.aliases);
  let compiler: DocumentCompiler | undefined;
  const built: TeamEntities = {
    id: ++made,
    entities,
    names: new CandidateStore({ version: 1, documents: [], entities, passages: [], entityPassages: {} }),
    compiler: () => (compiler ??= createCompiler(entities)),
  };
  cache.set(key, built);
  if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
  return built;
}
