/**
 * The message surfaces of the extension (Yomitan-style), split by privilege (uBlock Origin-style):
 *
 * - `PageRequests`: what the extension's own pages (popup, side panel, reader, options, the card
 *   frame) ask the background. Privileged: documents, search, comparisons, entity lists, facets,
 *   and every future write. The background answers them only when the sender's URL is one of the
 *   extension's pages (lib/messages/senders.ts), never a content script.
 * - `ContentScriptRequests`: the little a content script may ask (the matcher data, when storage
 *   is unavailable in its frame). A content script runs in the web page's process: whatever it is
 *   given, a compromised page could be given too, so it never receives corpus text.
 * - `TabRequests`: what the extension's pages and background ask a page's content script.
 * - `PanelNotifications`: what content scripts tell the side panel (their page's mentions).
 *
 * Each message is declared once here with its params schema and result type; handlers live in one
 * table per surface (entrypoints/background/handlers.ts). Params are checked at run time with
 * valibot schemas (the static param types are inferred from the same schemas, so the check and
 * the type cannot drift apart). Transport: @webext-core/messaging (platform/messaging.ts).
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

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const smallList = <T extends v.GenericSchema>(item: T) => v.optional(v.pipe(v.array(item), v.maxLength(100)));
const none = v.optional(v.undefined());

/** Params of the privileged messages (extension pages only). */
export const pageRequestSchemas = {
  lookupEntity: v.strictObject({ id }),
  search: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(500)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
    docIds: smallList(id),
    perspectives: smallList(v.pipe(v.string(), v.maxLength(200))),
    entityTypes: smallList(v.picklist(['place', 'group'])),
  }),
  findEntities: v.strictObject({
    text: v.pipe(v.string(), v.maxLength(200)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  compare: v.strictObject({ entityId: id }),
  getDocument: v.strictObject({ docId: id }),
  listEntities: none,
  facets: none,
} satisfies Record<string, v.GenericSchema>;

/** Params of what a content script may ask. */
export const contentScriptRequestSchemas = {
  matcherData: none,
} satisfies Record<string, v.GenericSchema>;

type ParamSchemas = typeof pageRequestSchemas & typeof contentScriptRequestSchemas;

export type Params<K extends keyof ParamSchemas> = v.InferOutput<ParamSchemas[K]>;

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
}

export interface Comparison {
  entity: EntitySummary;
  columns: ComparisonColumn[];
  /** Sources that never mention the entity. */
  silent: SourceMeta[];
}

export interface MatcherData {
  patterns: MatchPattern[];
  /** The patterns' automaton, prepared once for every page (lib/text/packedAutomaton.ts). */
  automaton?: PackedAutomaton;
  /** Changes whenever the corpus or gazetteer changes, so cached copies can be refreshed. */
  revision: string;
}

/** Privileged messages: the extension's pages ask, the background answers. Function syntax: (params) => result. */
export interface PageRequests {
  /** The card of one entity (asked by the card frame: the content script never holds corpus text). */
  lookupEntity(p: Params<'lookupEntity'>): EntityCard;
  search(p: Params<'search'>): SearchResult;
  /** Entities whose name or any alias matches the text (the gazetteer only: loads no corpus). */
  findEntities(p: Params<'findEntities'>): { entities: EntitySummary[] };
  compare(p: Params<'compare'>): Comparison;
  getDocument(p: Params<'getDocument'>): { document: SourceDocument; passages: Passage[] };
  listEntities(): { entities: EntitySummary[]; totalSources: number };
  facets(): Facets;
}

/** What a content script may ask the background. */
export interface ContentScriptRequests {
  matcherData(): MatcherData;
}

/** What a content script reports about its page. */
export interface PageMentions {
  url: string;
  /**
   * The page's title. The side panel shows it; it has no `tabs` permission to read tab titles
   * (README, permissions), so the page's own content script tells it.
   */
  title?: string;
  /** Entity ids with how many mentions the page has, most mentioned first. */
  entities: Array<{ id: string; count: number }>;
  /** False while the page's first scan is still running (counts may still grow). */
  complete?: boolean;
  /** Main-thread time the scan has taken so far, and its longest single slice, in ms. */
  scanMs?: number;
  maxSliceMs?: number;
}

/** Messages a content script answers (sent to a tab by the background or an extension page). */
export interface TabRequests {
  pageMentions(): PageMentions;
  /** Scroll to the next mention of the entity and flash it. */
  revealMention(p: { entityId: string }): { found: boolean };
  /** The "open-card" command (Alt+Shift+C): open the card for the mention at the selection or caret. */
  openCardAtSelection(): { opened: boolean };
}

/** Notifications the side panel listens to. */
export interface PanelNotifications {
  /** Sent by content scripts when their page's mentions change; the side panel listens. */
  pageMentionsChanged(p: PageMentions): void;
}

