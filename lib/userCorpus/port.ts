/**
 * What the user corpus needs from storage (platform/userStore.ts implements it with Dexie over
 * IndexedDB; tests use the same class over fake-indexeddb). Pure types.
 */
import type { EntityCard } from '../messages/protocol';
import type { Entity } from '../corpus/types';
import type { StoredDocument, UserAlias } from './types';

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
}

export interface UserStorePort {
  summary(): Promise<UserSummary>;
  /** Every user document with its passages, in import order. */
  documents(): Promise<StoredDocument[]>;
  write(change: UserChange): Promise<void>;
  card(entityId: string): Promise<EntityCard | undefined>;
  saveCard(entityId: string, card: EntityCard): Promise<void>;
}
