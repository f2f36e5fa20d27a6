/**
 * The user's part of the corpus, as data: their documents, the entities they created, the
 * aliases they added (to any entity, bundled or theirs) and the bundled documents they hid.
 * Pure types, shared by the store (platform/userStore.ts), the background and the options page.
 */
import type { Alias, Entity, Passage, SourceDocument, SourceMeta } from '../corpus/types';
import type { EntityRows } from '../card/cardRows';

/** The metadata a user sees and edits before saving a document. */
export interface DraftMeta {
  title: string;
  author: string;
  outlet: string;
  /** "2016", "2016-10" or "2016-10-17"; empty when unknown. */
  date: string;
  dateApproximate: boolean;
  perspective: string;
  url: string;
}

/** A document read from a file, a paste or a page, not yet saved. */
export interface DocumentDraft {
  /** Where it came from, for messages: a file name, "Pasted text", a page's URL. */
  fileName: string;
  meta: DraftMeta;
  body: string;
}

/** An alias a user added, to a bundled entity or to one of theirs. */
export interface UserAlias extends Alias {
  entityId: string;
}

/** Everything the user added, in one value (what an export bundle holds, settings aside). */
export interface UserCorpusData {
  documents: SourceDocument[];
  /** Entities the user created (their ids start with "user-"). */
  entities: Entity[];
  aliases: UserAlias[];
  /** Ids of bundled documents the user hid. */
  hiddenSeeds: string[];
}

/** A stored user document: its passages compiled when it was saved (ids 0…n-1 within the document). */
export interface StoredDocument {
  meta: SourceMeta;
  body: string;
  passages: Passage[];
  /** Every entity its passages mention (IndexedDB multi-entry index). */
  entityIds: string[];
  /** Order of import (ms since epoch, then position in the import). */
  addedAt: number;
  /** What a card's layout reads of its passages, per entity they mention (lib/card/cardRows.ts); stored with it. */
  cardRows?: EntityRows[];
}
