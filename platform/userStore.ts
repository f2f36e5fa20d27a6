/**
 * The user's documents, entities and aliases in IndexedDB, through Dexie (the best-kept
 * IndexedDB wrapper: schema versions with upgrade functions, transactions that roll back on any
 * error, multi-entry indexes). Used by the background only: every write goes through it, so
 * there is one writer.
 *
 * Schema versions (each upgrade is tested in userStore.test.ts):
 *   1 — documents { id, meta, body, addedAt }
 *   2 — documents also hold their compiled passages and the entities they mention (multi-entry
 *       index, so "which documents mention X" is one query); entities, aliases, hidden bundled
 *       documents, saved cards and a summary row. Version-1 rows get `passages: undefined`: the
 *       background compiles them on the next load and writes them back.
 *
 * All-or-nothing: `write` runs one read-write transaction over every table; a failure inside it
 * (quota reached, the worker stopped, a bug) aborts it and IndexedDB keeps what it had.
 */
import Dexie, { type Table } from 'dexie';
import type { EntityCard } from '../lib/messages/protocol';
import type { Entity } from '../lib/corpus/types';
import type { HiddenSeed, UserChange, UserStorePort, UserSummary } from '../lib/userCorpus/port';
import type { StoredDocument, UserAlias } from '../lib/userCorpus/types';

const USER_DB_NAME = 'counterpoint-user';

type DocumentRow = StoredDocument & { id: string };
interface StateRow {
  key: 'touched';
  value: string[];
}

export class UserDatabase extends Dexie {
  documents!: Table<DocumentRow, string>;
  entities!: Table<Entity, string>;
  aliases!: Table<UserAlias, [string, string]>;
  hidden!: Table<HiddenSeed, string>;
  cards!: Table<{ entityId: string; card: EntityCard }, string>;
  state!: Table<StateRow, string>;

  constructor(name = USER_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ documents: 'id, addedAt' });
    this.version(2)
      .stores({
        documents: 'id, addedAt, *entityIds',
        entities: 'id',
        aliases: '[entityId+text], entityId',
        hidden: 'id',
        cards: 'entityId',
        state: 'key',
      })
      .upgrade((tx) =>
        tx
          .table('documents')
          .toCollection()
          .modify((row: Partial<DocumentRow>) => {
            row.entityIds ??= [];
            // passages stay undefined: compiled on the next load (lib/userCorpus/userCorpus.ts)
          }),
      );
  }
}

/** "Storage is full" and other failures of a write, as a sentence for the user. */
export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return 'the browser’s storage for Counterpoint is full; nothing was saved. Delete some documents or free disk space';
  if (name === 'AbortError' || inner === 'AbortError') return 'the write was interrupted; nothing was saved';
  return `it could not be saved (${(e as Error)?.message ?? String(e)}); nothing was saved`;
}

export class UserStore implements UserStorePort {
  constructor(readonly db: UserDatabase = new UserDatabase()) {}

  async summary(): Promise<UserSummary> {
    const db = this.db;
    return db.transaction('r', [db.entities, db.aliases, db.hidden, db.state, db.documents], async () => {
      const [entities, aliases, hidden, touched, documentCount] = await Promise.all([
        db.entities.toArray(),
        db.aliases.toArray(),
        db.hidden.toArray(),
        db.state.get('touched'),
        db.documents.count(),
      ]);
      return { entities, aliases, hidden, touched: touched?.value ?? [], documentCount };
    });
  }

  async documents(): Promise<StoredDocument[]> {
    const rows = await this.db.documents.orderBy('addedAt').toArray();
    return rows.map(({ id: _id, ...doc }) => doc);
  }

  async write(change: UserChange): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.documents, db.entities, db.aliases, db.hidden, db.cards, db.state], async () => {
      if (change.clear) await Promise.all([db.documents.clear(), db.entities.clear(), db.aliases.clear(), db.hidden.clear(), db.cards.clear(), db.state.clear()]);
      if (change.deleteDocuments?.length) await db.documents.bulkDelete(change.deleteDocuments);
      for (const doc of change.putDocuments ?? []) await db.documents.put({ ...doc, id: doc.meta.id });
      if (change.putEntities?.length) await db.entities.bulkPut(change.putEntities);
      if (change.putAliases?.length) await db.aliases.bulkPut(change.putAliases);
      if (change.hide?.length) await db.hidden.bulkPut(change.hide);
      if (change.unhide?.length) await db.hidden.bulkDelete(change.unhide);
      if (change.touched.length) {
        await db.cards.bulkDelete(change.touched);
        const old = change.clear ? [] : ((await db.state.get('touched'))?.value ?? []);
        await db.state.put({ key: 'touched', value: [...new Set([...old, ...change.touched])] });
      }
    });
  }

  async card(entityId: string): Promise<EntityCard | undefined> {
    return (await this.db.cards.get(entityId))?.card;
  }

  async saveCard(entityId: string, card: EntityCard): Promise<void> {
    await this.db.cards.put({ entityId, card });
  }
}
