/**
 * The one message surface of the extension (Yomitan-style): every message the background
 * answers, with its params schema and result type, declared once here. Handlers live in one
 * table (entrypoints/background/handlers.ts); entry files only wire things together.
 *
 * Params are checked at run time with valibot schemas (chosen over hand-written guards because
 * the static param types are inferred from the same schemas, so the check and the type cannot
 * drift apart, and it tree-shakes to a few hundred bytes per schema).
 *
 * Transport: @webext-core/messaging (typed sendMessage/onMessage over
 * webextension-polyfill's runtime messaging, by WXT's author; errors thrown by a handler are
 * serialised and re-thrown at the caller).
 */
import * as v from 'valibot';
import type {
  EntityType,
  MatchPattern,
  Passage,
  SourceDocument,
  SourceMeta,
  Stance,
  Voice,
} from '../corpus/types';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const smallList = <T extends v.GenericSchema>(item: T) => v.optional(v.pipe(v.array(item), v.maxLength(100)));

export const paramSchemas = {
  lookupEntity: v.strictObject({ id }),
  matcherData: v.optional(v.undefined()),
  search: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(500)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
    docIds: smallList(id),
    perspectives: smallList(v.pipe(v.string(), v.maxLength(200))),
    entityTypes: smallList(v.picklist(['place', 'group'])),
  }),
  compare: v.strictObject({ entityId: id }),
  getDocument: v.strictObject({ docId: id }),
  listEntities: v.optional(v.undefined()),
  facets: v.optional(v.undefined()),
  openSidePanel: v.optional(v.strictObject({ entityId: v.optional(id) })),
  openSearch: v.strictObject({ query: v.pipe(v.string(), v.maxLength(500)) }),
} satisfies Record<string, v.GenericSchema>;

export type Params<K extends keyof typeof paramSchemas> = v.InferOutput<(typeof paramSchemas)[K]>;

/** A passage with the metadata of the source it comes from. */
export interface Excerpt {
  passage: Passage;
  source: SourceMeta;
  /** Who speaks where the card's entity is named (cards only). */
  voice?: Voice;
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
  /** The 2–3 most relevant excerpts. */
  excerpts: Excerpt[];
  /** Excerpts chosen for diversity of voice, perspective and framing (maximal marginal relevance). */
  viewpoints: Excerpt[];
  /** Passages that mention the entity only in passing or are not shown ("also mentioned in N passages"). */
  alsoMentioned?: number;
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
}

export interface Comparison {
  entity: EntitySummary;
  columns: ComparisonColumn[];
  /** Sources that never mention the entity. */
  silent: SourceMeta[];
}

export interface MatcherData {
  patterns: MatchPattern[];
  /** Changes whenever the corpus or gazetteer changes, so cached copies can be refreshed. */
  revision: string;
}

/** Messages the background answers. Function syntax: (params) => result. */
export interface BackgroundProtocol {
  lookupEntity(p: Params<'lookupEntity'>): EntityCard;
  matcherData(): MatcherData;
  search(p: Params<'search'>): SearchResult;
  compare(p: Params<'compare'>): Comparison;
  getDocument(p: Params<'getDocument'>): { document: SourceDocument; passages: Passage[] };
  listEntities(): { entities: EntitySummary[]; totalSources: number };
  facets(): Facets;
  openSidePanel(p: Params<'openSidePanel'>): { opened: boolean };
  /** Opens the search (the popup when the browser allows, else the same page in a tab) on a query. */
  openSearch(p: Params<'openSearch'>): { opened: boolean };
}

/** What a content script reports about its page. */
export interface PageMentions {
  url: string;
  /** Entity ids with how many mentions the page has, most mentioned first. */
  entities: Array<{ id: string; count: number }>;
  /** False while the page's first scan is still running (counts may still grow). */
  complete?: boolean;
  /** Main-thread time the scan has taken so far, and its longest single slice, in ms. */
  scanMs?: number;
  maxSliceMs?: number;
}

/** Messages a content script answers (sent to a tab), and the side panel's notifications. */
export interface ContentProtocol {
  pageMentions(): PageMentions;
  /** Scroll to the next mention of the entity and flash it. */
  revealMention(p: { entityId: string }): { found: boolean };
  /** The "open-card" command (Alt+Shift+C): open the card for the mention at the selection or caret. */
  openCardAtSelection(): { opened: boolean };
}

export interface PanelProtocol {
  /** Sent by content scripts when their page's mentions change; the side panel listens. */
  pageMentionsChanged(p: PageMentions): void;
  /** Sent by the background when a card asked to compare an entity. */
  focusEntity(p: { entityId: string }): void;
}

