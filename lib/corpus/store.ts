/**
 * The corpus as the background worker holds it: the compiled data plus the lookups derived from
 * it, answering every question the UI asks (card, search, comparison, reader view). Pure: the
 * background wires it to messages; tests and the benchmark use it directly.
 *
 * Cold start: the constructor only builds maps (O(passages)); the FlexSearch index and the query
 * matcher are built on the first search, so a card lookup never waits for them. In the worker,
 * lib/corpus/service.ts holds the store: it answers cards from precomputed files before the corpus
 * is loaded at all, and gives the store its index (imported or built in slices) with
 * `useSearchIndex` before the first search.
 */
import { normalizeRanges } from '../text/emphasis';
import { normalizeAlias } from '../text/normalize';
import { Matcher, patternsFromEntities } from '../text/matcher';
import { packAutomaton, type PackedAutomaton } from '../text/packedAutomaton';
import { fnv1a } from '../search/indexChunks';
import type {
  Comparison,
  EntityCard,
  Facets,
  EntitySummary,
  Excerpt,
  MatcherData,
  SearchHit,
  SearchResult,
} from '../messages/protocol';
import type { Params } from '../messages/registry';
import { PhoneticNames } from '../search/phoneticNames';
import { SearchIndex } from '../search/searchIndex';
import type { CompiledCorpus, Entity, MatchPattern, Passage, SourceDocument } from './types';
import { corpusRevision } from './revision';
import { cardLayout, compareSources, rankPassagesForEntity, voiceOf, type RankedPassage } from '../card/viewpoints';
import { cardOf } from '../card/cardRows';
import type { KeptRanks } from '../card/rank';
import { NotFoundError, REMOVED } from './storeShared';

/** The query matcher's automaton and the phonetic names of a list of aliases (`key`: which list). */
export interface QueryNames {
  key: string;
  automaton: PackedAutomaton;
  phonetic: ReturnType<PhoneticNames['saved']>;
}

/** Which aliases, in which order (a packed automaton numbers its patterns). */
const namesKey = (patterns: readonly MatchPattern[]) => `${patterns.length}:${fnv1a(patterns.map((p) => `${p.entityId}\u0001${p.text}\u0001${p.caseSensitive ? 1 : 0}`).join('\u0002')).toString(16)}`;

export class CorpusStore {
  readonly entities: Map<string, Entity>;
  readonly documents: Map<string, SourceDocument>;
  protected readonly sourceCounts = new Map<string, number>();
  protected perspectives: string[];
  protected cachedRevision?: string;
  /**
   * Passages about each entity, ranked (aboutness is per passage and mention: at 10,000 documents a
   * much-named entity's ranking takes tens of ms, and every search naming it needs it). Emptied when
   * the corpus changes (lib/corpus/liveStore.ts).
   */
  protected readonly rankedByEntity = new Map<string, RankedPassage[]>();
  /** Built on the first search, like the index: a card lookup after a cold start never pays for them. */
  protected queryMatcher?: Matcher;
  protected aliasPrefixes?: Array<[folded: string, entityId: string]>;
  protected phoneticNames?: PhoneticNames;
  /** What the query matcher and phonetic names were built from, saved with the index at this corpus version (`useQueryNames`). */
  protected savedNames?: QueryNames;
  protected searchIndex?: SearchIndex;
  /** How long building the search index took, in ms, once built (diagnostics: bench/). */
  indexBuildMs?: number;

  /**
   * `names`: a store of the same entities whose query matcher this one uses (a search over part of the corpus, lib/corpus/quickSearch.ts).
   * `kept`: ranks of its passages derived before (lib/card/rank.ts `KeptRanks`), for its cards and searches.
   */
  constructor(
    public corpus: CompiledCorpus,
    private readonly names?: CorpusStore,
    private readonly kept?: KeptRanks,
  ) {
    this.entities = new Map(corpus.entities.map((e) => [e.id, e]));
    this.documents = new Map(corpus.documents.map((d) => [d.meta.id, d]));
    for (const e of corpus.entities) {
      const docs = new Set((corpus.entityPassages[e.id] ?? []).map((pid) => corpus.passages[pid]!.docId));
      this.sourceCounts.set(e.id, docs.size);
    }
    this.perspectives = [...new Set(corpus.documents.map((d) => d.meta.perspective))].sort();
  }

  /** A hash of the whole corpus (lib/corpus/revision.ts), computed when first asked: at build time, not in the worker. */
  get revision(): string {
    return (this.cachedRevision ??= corpusRevision(this.corpus));
  }

  get totalSources(): number {
    return this.corpus.documents.length;
  }

  summary(entity: Entity): EntitySummary {
    const { id, name, type, kind, description } = entity;
    return { id, name, type, kind, description, sourceCount: this.sourceCounts.get(id) ?? 0 };
  }

  entity(id: string): Entity {
    const e = this.entities.get(id);
    if (!e) throw new NotFoundError(`No corpus entity "${id}"`);
    return e;
  }

  excerpt(passage: Passage): Excerpt {
    return { passage, source: this.documents.get(passage.docId)!.meta };
  }

  /** Every source and perspective, for the search filters (sent once, not with every search). */
  facets(): Facets {
    return { sources: this.corpus.documents.map((d) => d.meta), perspectives: [...this.perspectives] };
  }

  lookupEntity(id: string): EntityCard {
    const entity = this.entity(id);
    return cardOf(this.summary(entity), this.totalSources, cardLayout(this.corpus, id, undefined, undefined, this.kept?.(id)), (r) => ({ ...this.excerpt(r.passage), voice: voiceOf(this.corpus, r.passage, r.at) }));
  }

  compare(entityId: string): Comparison {
    const entity = this.entity(entityId);
    const { columns, silent } = compareSources(this.corpus, entityId);
    return { entity: this.summary(entity), columns, silent };
  }

  getDocument(docId: string): { document: SourceDocument; passages: Passage[] } {
    const document = this.documents.get(docId);
    if (!document) throw new NotFoundError(`No corpus document "${docId}"`);
    return { document, passages: this.corpus.passages.filter((p) => p.docId === docId) };
  }

  listEntities(): EntitySummary[] {
    return this.corpus.entities
      .map((e) => this.summary(e))
      .sort((a, b) => b.sourceCount - a.sourceCount || a.name.localeCompare(b.name));
  }

  matcherData(): MatcherData {
    const patterns = patternsFromEntities(this.corpus.entities);
    return { patterns, automaton: packAutomaton(patterns), revision: this.revision };
  }

  /** Entities the query names: by a full alias anywhere in it, by a name that sounds the same, or, while typing, by an alias prefix. */
  entitiesInQuery(query: string): Entity[] {
    if (this.names) return this.names.entitiesInQuery(query);
    if (!this.queryMatcher || !this.aliasPrefixes) {
      const patterns = patternsFromEntities(this.corpus.entities);
      const saved = this.savedNames?.key === namesKey(patterns) ? this.savedNames : undefined;
      this.queryMatcher = new Matcher(patterns, { packed: saved?.automaton });
      this.aliasPrefixes = patterns.map((p) => [normalizeAlias(p.text).folded, p.entityId]);
      this.phoneticNames = new PhoneticNames(patterns, saved?.phonetic);
    }
    const ids = new Set(this.queryMatcher.findAll(query).map((m) => m.entityId));
    for (const id of this.phoneticNames!.find(query)) ids.add(id);
    const folded = normalizeAlias(query).folded.trim();
    if (folded.length >= 3) {
      for (const [alias, id] of this.aliasPrefixes) if (alias.startsWith(folded)) ids.add(id);
    }
    return [...ids].map((id) => this.entities.get(id)!).filter(Boolean);
  }

  /** What `entitiesInQuery` builds over every alias, in a form to save (lib/corpus/savedOpening.ts). */
  queryNames(): QueryNames {
    const patterns = patternsFromEntities(this.corpus.entities);
    this.entitiesInQuery('');
    return { key: namesKey(patterns), automaton: packAutomaton(patterns), phonetic: this.phoneticNames!.saved() };
  }

  /** Names saved by `queryNames` of a store at the same corpus version: taken instead of building (unless its aliases differ). */
  useQueryNames(saved: QueryNames | undefined): void {
    this.savedNames = saved;
  }

  search(params: Params<'search'>): SearchResult {
    const query = params.query.trim();
    const limit = params.limit ?? 50;
    if (!query) return { query, entities: [], hits: [], sources: [] };
    const index = (this.searchIndex ??= this.buildIndex());

    const named = this.entitiesInQuery(query);
    const namedIds = new Set(named.map((e) => e.id));
    const scores = new Map<number, number>();
    // Passages about an entity the query names come first, ranked by relevance to it.
    for (const e of named) {
      for (const { passage, score } of this.rankedPassages(e.id)) {
        scores.set(passage.id, Math.max(scores.get(passage.id) ?? 0, 1 + score));
      }
    }
    const textHits = index.search(query, 200);
    textHits.forEach((pid, rank) => scores.set(pid, (scores.get(pid) ?? 0) + 1 / (1 + rank * 0.1)));

    const allowed = this.filter(params);
    const terms = index.encodeQuery(query);
    const hits: SearchHit[] = [...scores]
      .filter(([pid]) => allowed(this.corpus.passages[pid]!))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([pid, score]) => {
        const passage = this.corpus.passages[pid]!;
        const ranges = index.highlight(passage.text, terms);
        for (const m of passage.mentions) if (namedIds.has(m.entityId)) ranges.push([m.start, m.end]);
        return { ...this.excerpt(passage), score, highlights: normalizeRanges(passage.text.length, ranges) };
      });
    const types = params.entityTypes;
    const entities = named.filter((e) => !types?.length || types.includes(e.type)).map((e) => this.summary(e));
    const sources = [...new Map(hits.map((h) => [h.source.id, h.source])).values()];
    return { query, entities, hits, sources };
  }

  /** The entity's passages ranked by aboutness (kept until the corpus changes). */
  rankedPassages(entityId: string): RankedPassage[] {
    let ranked = this.rankedByEntity.get(entityId);
    if (!ranked) this.rankedByEntity.set(entityId, (ranked = rankPassagesForEntity(this.corpus, entityId, this.kept?.(entityId))));
    return ranked;
  }

  /** The search index, once built or imported (saved by lib/search/persistedIndex.ts). */
  get searchIndexNow(): SearchIndex | undefined {
    return this.searchIndex;
  }

  /** Whether `search` can answer without building the index first. */
  get hasSearchIndex(): boolean {
    return this.searchIndex !== undefined;
  }

  /** An index built or imported elsewhere (in slices, by lib/corpus/service.ts); `ms`: how long that took. */
  useSearchIndex(index: SearchIndex, ms: number): void {
    this.searchIndex = index;
    this.indexBuildMs = ms;
  }

  private buildIndex(): SearchIndex {
    const t0 = performance.now();
    const index = new SearchIndex(this.corpus.passages, this.entities);
    this.indexBuildMs = performance.now() - t0;
    return index;
  }

  private filter(params: Params<'search'>): (p: Passage) => boolean {
    const docIds = params.docIds?.length ? new Set(params.docIds) : undefined;
    const perspectives = params.perspectives?.length ? new Set(params.perspectives) : undefined;
    const types = params.entityTypes?.length ? new Set(params.entityTypes) : undefined;
    return (p) => {
      if (p.docId === REMOVED) return false;
      if (docIds && !docIds.has(p.docId)) return false;
      if (perspectives && !perspectives.has(this.documents.get(p.docId)!.meta.perspective)) return false;
      if (types && !p.entityIds.some((id) => types.has(this.entities.get(id)!.type))) return false;
      return true;
    };
  }
}
