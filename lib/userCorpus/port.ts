/**
 * What the user corpus needs from storage (platform/userStore.ts implements it with Dexie over
 * IndexedDB; tests use the same class over fake-indexeddb). Pure types.
 */
import type { EntityCard } from '../messages/protocol';
import type { Entity, Passage, SourceMeta } from '../corpus/types';
import type { StoredDocument, UserAlias } from './types';
import type { EntityRows } from '../card/cardRows';

/** A bundled document the user hid, with the entities it mentions (their cards change). */
export interface HiddenSeed {
  id: string;
  entityIds: string[];
}

/** The small part, read at every worker start: no document bodies. */
export interface UserSummary {
  entities: Entity[];
  aliases: UserAlias[];
  hidden: HiddenSeed[];
  /** Entities whose cards differ from the bundled precomputed ones. */
  touched: string[];
  documentCount: number;
  /** False while documents stored by schema version 1 wait to be compiled (they are in no per-entity list yet). */
  compiled: boolean;
  /** The change log's position: moved by every write, in the write's own transaction, never back (a reset moves it too). */
  version: number;
}

/** One passage of a user document with its document's metadata: what a card of an entity it mentions reads. */
export interface StoredPassage {
  meta: SourceMeta;
  /** Its document's import order. */
  addedAt: number;
  /** Numbered 0…n-1 within its document, as stored. */
  passage: Passage;
}

/** One write, applied in ONE transaction: all of it or nothing. */
export interface UserChange {
  /** Delete everything first (reset, import that replaces). */
  clear?: boolean;
  putDocuments?: StoredDocument[];
  deleteDocuments?: string[];
  putEntities?: Entity[];
  putAliases?: UserAlias[];
  hide?: HiddenSeed[];
  unhide?: string[];
  /** Entities whose cards this change alters: their saved cards are dropped, they join `touched`. */
  touched: string[];
  /** Entities whose card rows this change makes stale, each with its facts key before (lib/card/cardRows.ts): listed until `rowsRefreshed`, so that a worker stopped first refreshes them at its next start. */
  staleRows?: ReadonlyArray<readonly [entityId: string, former: string]>;
  /** The import this write saves (its documents' ids are kept under it, in the same transaction): a retried import finds it done. */
  importId?: string;
}

export interface UserStorePort {
  summary(): Promise<UserSummary>;
  /** The user's documents with their passages, in import order: `limit` of them from `offset` (the worker reads them a page at a time). */
  documents(offset: number, limit: number): Promise<StoredDocument[]>;
  /** The user's passages that mention the entity, in import order: a card reads these, not every document. */
  passagesMentioning(entityId: string): Promise<StoredPassage[]>;
  /** The rows of the user's documents about the entity (lib/card/cardRows.ts); undefined while some document has none stored. */
  cardRows(entityId: string): Promise<EntityRows[] | undefined>;
  /** The documents stored without rows (before rows existed). */
  rowless(): Promise<string[]>;
  /** Stores rows derived for documents stored without them (derived data: the corpus and its version do not change). */
  putCardRows(docIds: readonly string[], rows: readonly EntityRows[]): Promise<void>;
  /** Replaces rows still derived with the facts `former` (an entity changed since) by `rows`; others are left as they are. */
  refreshCardRows(former: string, rows: readonly EntityRows[]): Promise<void>;
  /** The entities whose rows are stale (`UserChange.staleRows`), with their former facts key. */
  staleRows(): Promise<Array<[entityId: string, former: string]>>;
  /** The entity's rows derived with the facts `former` are all refreshed: it leaves `staleRows`. */
  rowsRefreshed(entityId: string, former: string): Promise<void>;
  /** The user's document ids in import order (keys only: no document is read). */
  documentOrder(): Promise<string[]>;
  /** Passages by document id and place (undefined where none is stored). */
  passagesAt(keys: ReadonlyArray<readonly [docId: string, n: number]>): Promise<Array<StoredPassage | undefined>>;
  write(change: UserChange): Promise<void>;
  card(entityId: string): Promise<EntityCard | undefined>;
  saveCard(entityId: string, card: EntityCard): Promise<void>;
  /** The entities whose cards are saved. */
  savedCards(): Promise<string[]>;
  /** The ids of the documents the import `importId` saved; undefined when it saved nothing (never ran, failed, or a reset since). */
  imported(importId: string): Promise<string[] | undefined>;
}
