/**
 * The result types of the extension's messages (what the worker answers: cards, search results,
 * comparisons, the matcher data) and the page report's schema. Which message returns which, who
 * may send it and its params' schema are in the one table, lib/messages/registry.ts.
 */
import * as v from 'valibot';
import type { PackedAutomaton } from '../text/packedAutomaton';
import type {
  EntityType,
  MatchPattern,
  Passage,
  SourceDocument,
  SourceMeta,
  Stance,
  Voice,
} from '../corpus/types';

/** A passage with the metadata of the source it comes from. */
export interface Excerpt {
  passage: Passage;
  source: SourceMeta;
  /** Who speaks where the card's entity is named (cards only). */
  voice?: Voice;
  /** Cards only: the passage names the entity in passing (shown because too few passages are about it). */
  inPassing?: true;
  /** The team whose server it comes from (lib/team/merge.ts); absent: the local corpus. */
  origin?: string;
}

/** A card's or a search's word on the team corpus: which team, and whether it answered. */
export interface TeamNote {
  name: string;
  unreachable?: true;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  kind: string;
  description: string;
  /** How many sources mention it. */
  sourceCount: number;
}

export interface EntityCard {
  entity: EntitySummary;
  /** M in "in N of M sources". */
  totalSources: number;
  /** The 2–3 most relevant excerpts: those about the entity, then any `inPassing` ones. */
  excerpts: Excerpt[];
  /** Excerpts chosen for diversity of voice, perspective and framing (maximal marginal relevance). */
  viewpoints: Excerpt[];
  /** Passages that mention the entity only in passing or are not shown ("also mentioned in N passages"). */
  alsoMentioned?: number;
  /** With a team server configured: its name, or that it did not answer (lib/team/merge.ts). */
  team?: TeamNote;
}

export interface SearchHit extends Excerpt {
  score: number;
  /** Character ranges of `passage.text` to emphasise (computed by us, never FlexSearch's HTML). */
  highlights: Array<[number, number]>;
}

export interface SearchResult {
  query: string;
  /** Corpus entities the query names (by any alias), offered as chips. */
  entities: EntitySummary[];
  hits: SearchHit[];
  /** The sources of the hits, each once, in order of their first hit (the filters' lists come from `facets`). */
  sources: SourceMeta[];
  /** With a team server configured: its name, or that it did not answer (lib/team/merge.ts). */
  team?: TeamNote;
}

/** What the search filters offer: every source and perspective in the corpus. Asked once per page, not per search. */
export interface Facets {
  sources: SourceMeta[];
  perspectives: string[];
}

export interface ComparisonColumn {
  source: SourceMeta;
  passages: Passage[];
  /** The source's overall stance on this entity (majority of its passages). */
  stance: Stance;
  /** The team whose server it comes from (lib/team/merge.ts); absent: the local corpus. */
  origin?: string;
}

export interface Comparison {
  entity: EntitySummary;
  columns: ComparisonColumn[];
  /** Sources that never mention the entity (the local corpus's). */
  silent: SourceMeta[];
  /** With a team server configured: its name, or that it did not answer (lib/team/merge.ts). */
  team?: TeamNote;
}

/** A whole document, for the reader; `origin`: the team whose server holds it (absent: the local corpus). */
export interface DocumentView {
  document: SourceDocument;
  passages: Passage[];
  origin?: string;
}

export interface MatcherData {
  patterns: MatchPattern[];
  /** The patterns' automaton, prepared once for every page (lib/text/packedAutomaton.ts). */
  automaton?: PackedAutomaton;
  /** Changes whenever the corpus or gazetteer changes, so cached copies can be refreshed. */
  revision: string;
}

/**
 * What a content script reports about its page (pageMentions, watchMentions, pageMentionsChanged),
 * checked where it arrives: a content script runs in the web page's process.
 */
export const pageMentionsSchema = v.strictObject({
  url: v.pipe(v.string(), v.maxLength(10_000)),
  /**
   * The page's title. The side panel shows it; it has no `tabs` permission to read tab titles
   * (README, permissions), so the page's own content script tells it.
   */
  title: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** Entity ids with how many mentions the page has, most mentioned first. */
  entities: v.pipe(v.array(v.strictObject({ id: v.pipe(v.string(), v.maxLength(200)), count: v.pipe(v.number(), v.integer(), v.minValue(0)) })), v.maxLength(10_000)),
  /** False while the page's first scan is still running (counts may still grow). */
  complete: v.optional(v.boolean()),
  /** Main-thread time the scan has taken so far, and its longest single slice, in ms. */
  scanMs: v.optional(v.number()),
  maxSliceMs: v.optional(v.number()),
});
export type PageMentions = v.InferOutput<typeof pageMentionsSchema>;
