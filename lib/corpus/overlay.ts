/**
 * What the background's CorpusService needs from the user's part of the corpus
 * (lib/userCorpus/userCorpus.ts implements it). Pure types.
 */
import type { EntityCard, EntitySummary, MatcherData } from '../messages/protocol';
import type { LiveCorpusStore } from './liveStore';
import type { SearchParts } from './quickSearch';
import type { Passage } from './types';
import type { CardSteps } from './indexLoad';

/**
 * The user's additions on top of the bundled corpus (lib/userCorpus/userCorpus.ts): what cards can
 * be answered with before the corpus is loaded, and how to apply itself to the loaded store.
 */
export interface CorpusOverlay {
  /** Small, read once at start (and after every change): whether anything was added, and what it touches. */
  state(): Promise<OverlayState>;
  /**
   * Puts the user's entities and aliases into the freshly loaded bundled store, and takes hidden
   * documents out. `compiled`: the bundled documents' passages with these names, saved at this
   * corpus version (lib/corpus/quickSearch.ts `SavedOpening`): taken instead of compiling again.
   */
  applyNames(store: LiveCorpusStore, pause: () => Promise<void>, compiled?: ReadonlyArray<readonly [string, Passage[]]>): Promise<void>;
  /** Then adds the user's documents to it, a page at a time. */
  applyDocuments(store: LiveCorpusStore, pause: () => Promise<void>): Promise<void>;
  /**
   * The card of an entity the user's data touches, from `base` (after `applyNames`; the user's
   * documents may or may not be in it yet; still loading: the entity's part of storage is read
   * meanwhile) and the user's passages of that entity alone; undefined when that cannot be done
   * (documents stored before their passages were).
   */
  entityCard?(base: Promise<LiveCorpusStore>, entityId: string, totalSources: number, steps?: CardSteps): Promise<EntityCard | undefined>;
  /** A card computed earlier for an entity the user's data touches (kept across worker restarts). */
  cachedCard?(entityId: string): Promise<EntityCard | undefined>;
  saveCard?(entityId: string, card: EntityCard): void;
  /** What a search before the store is loaded reads (lib/corpus/quickSearch.ts). */
  searchParts?: SearchParts;
}

export interface OverlayState {
  /** False: nothing added or hidden; the bundled files answer everything. */
  active: boolean;
  /** Entities whose cards the user's data changes (its documents mention them, they have user aliases, a hidden document mentions them). */
  touched: ReadonlySet<string>;
  /** Every card may differ (documents stored without their passages yet: which entities they mention is not known). */
  touchesAll?: boolean;
  /** The user's own entities. */
  entities: EntitySummary[];
  /** How many sources the user added, minus the bundled ones hidden (every card's "of M sources"). */
  sourceDelta: number;
  /** The change log's position (lib/corpus/version.ts). */
  changes: number;
  /** The bundled matcher data plus the user's patterns (flagged `user`). */
  matcherData(base: MatcherData): MatcherData;
}

