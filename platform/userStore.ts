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
 *   3 — passages: the user documents' passages move out of the document rows into a table of
 *       their own, one row each with its document's metadata, indexed by the entities it mentions
 *       (multi-entry), so a card after a worker start reads the passages of its entity only, not
 *       10,000 documents. Version-1 documents (no passages yet) are listed in state "uncompiled"
 *       until the background writes them back compiled (until then a card reads every document).
 *   4 — cardRows: per document and entity its passages mention, what a card's layout reads of them
 *       (lib/card/cardRows.ts), written with the document; a card reads these and then only the
 *       passages it shows. Documents stored before are listed in state "rowless" until the
 *       background stores their rows (`putCardRows`); until then cards read the passages.
 *
 * Every write moves the change log's version (`state` row "version", lib/corpus/version.ts) in
 * its own transaction: the version a summary reads is exactly the data it reads with.
 *
 * All-or-nothing: `write` runs one read-write transaction over every table; a failure inside it
 * (quota reached, the worker stopped, a bug) aborts it and IndexedDB keeps what it had.
 */
import Dexie, { type Table } from 'dexie';
import type { EntityCard } from '../lib/messages/protocol';
import type { Entity, Passage } from '../lib/corpus/types';
import type { HiddenSeed, StoredPassage, UserChange, UserStorePort, UserSummary } from '../lib/userCorpus/port';
import type { StoredDocument, UserAlias } from '../lib/userCorpus/types';
import type { EntityRows } from '../lib/card/cardRows';

const USER_DB_NAME = 'counterpoint-user';

/** Since version 3 a document's passages are in `passages` only (before, in the row: `passages` read by the upgrade). */
type DocumentRow = Omit<StoredDocument, 'passages'> & { id: string; passages?: Passage[] };
/** A passage of a user document, `n`-th in it (version 3). */
type PassageRow = StoredPassage & { docId: string; n: number; entityIds: string[] };
interface StateRow {
  key: 'touched' | 'uncompiled' | 'rowless' | 'staleRows' | 'version' | `import:${string}`;
  /** ("version": one decimal string; "import:<id>": the ids of the documents that import saved; "staleRows": "<former facts key> <entity id>".) */
  value: string[];
}

const versionOf = (row: StateRow | undefined): number => Number(row?.value[0] ?? 0) || 0;

function passageRows(doc: Pick<StoredDocument, 'meta' | 'addedAt'> & { passages?: Passage[] }): PassageRow[] {
  return (doc.passages ?? []).map((passage, n) => ({ docId: doc.meta.id, n, addedAt: doc.addedAt, meta: doc.meta, entityIds: passage.entityIds, passage }));
}

export class UserDatabase extends Dexie {
  documents!: Table<DocumentRow, string>;
  entities!: Table<Entity, string>;
  aliases!: Table<UserAlias, [string, string]>;
  hidden!: Table<HiddenSeed, string>;
  cards!: Table<{ entityId: string; card: EntityCard }, string>;
  state!: Table<StateRow, string>;
  passages!: Table<PassageRow, [string, number]>;
  cardRows!: Table<EntityRows, [string, string]>;

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
    this.version(3)
      .stores({ passages: '[docId+n], docId, *entityIds' })
      .upgrade(async (tx) => {
        const uncompiled: string[] = [];
        const rows: PassageRow[] = [];
        await tx
          .table('documents')
          .toCollection()
          .modify((row: DocumentRow) => {
            if (row.passages) rows.push(...passageRows(row));
            else uncompiled.push(row.id);
            delete row.passages;
          });
        await tx.table('passages').bulkPut(rows);
        if (uncompiled.length) await tx.table('state').put({ key: 'uncompiled', value: uncompiled });
      });
    this.version(4)
      .stores({ cardRows: '[entityId+docId], docId' })
      .upgrade(async (tx) => {
        const ids = await tx.table('documents').toCollection().primaryKeys();
        if (ids.length) await tx.table('state').put({ key: 'rowless', value: ids });
      });
  }
}

/** In a write: documents deleted or stored again leave the "rowless" list; those stored without rows join it. */
async function putRowless(db: UserDatabase, replaced: readonly string[], puts: readonly StoredDocument[]): Promise<void> {
  const old = (await db.state.get('rowless'))?.value ?? [];
  const gone = new Set([...replaced, ...puts.map((d) => d.meta.id)]);
  const value = [...old.filter((id) => !gone.has(id)), ...puts.filter((d) => !d.cardRows).map((d) => d.meta.id)];
  if (value.length || old.length) await db.state.put({ key: 'rowless', value });
}

export class UserStore implements UserStorePort {
  constructor(readonly db: UserDatabase = new UserDatabase()) {}

  async summary(): Promise<UserSummary> {
    const db = this.db;
    return db.transaction('r', [db.entities, db.aliases, db.hidden, db.state, db.documents], async () => {
      const [entities, aliases, hidden, touched, uncompiled, documentCount, version] = await Promise.all([
        db.entities.toArray(),
        db.aliases.toArray(),
        db.hidden.toArray(),
        db.state.get('touched'),
        db.state.get('uncompiled'),
        db.documents.orderBy('addedAt').count(), // (the index's entries are small; the rows hold whole documents)
        db.state.get('version'),
      ]);
      return { entities, aliases, hidden, touched: touched?.value ?? [], documentCount, compiled: !uncompiled?.value.length, version: versionOf(version) };
    });
  }

  async documents(offset: number, limit: number): Promise<StoredDocument[]> {
    const db = this.db;
    return db.transaction('r', [db.documents, db.passages, db.state], async () => {
      const rows = await db.documents.orderBy('addedAt').offset(offset).limit(limit).toArray();
      const uncompiled = new Set((await db.state.get('uncompiled'))?.value ?? []);
      // One key range per document (a getAll each, all at once; `anyOf` would walk a cursor row by row).
      const lists = await Promise.all(rows.map((r) => db.passages.where('[docId+n]').between([r.id, Dexie.minKey], [r.id, Dexie.maxKey]).toArray()));
      const byDoc = new Map(rows.map((r, i) => [r.id, lists[i]!.map((p) => p.passage)]));
      // (A document stored by version 1 has no passages yet: undefined, compiled by the background.)
      return rows.map(({ id, passages: _none, ...doc }) => ({ ...doc, passages: (uncompiled.has(id) ? undefined : (byDoc.get(id) ?? [])) as Passage[] }));
    });
  }

  async passagesMentioning(entityId: string): Promise<StoredPassage[]> {
    const rows = await this.db.passages.where('entityIds').equals(entityId).toArray();
    rows.sort((a, b) => a.addedAt - b.addedAt || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0) || a.n - b.n);
    return rows.map(({ meta, addedAt, passage }) => ({ meta, addedAt, passage }));
  }

  async cardRows(entityId: string): Promise<EntityRows[] | undefined> {
    const db = this.db;
    return db.transaction('r', [db.cardRows, db.state], async () => {
      const [rows, rowless] = await Promise.all([db.cardRows.where('[entityId+docId]').between([entityId, Dexie.minKey], [entityId, Dexie.maxKey]).toArray(), db.state.get('rowless')]);
      return rowless?.value.length ? undefined : rows;
    });
  }

  async refreshCardRows(former: string, rows: readonly EntityRows[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.cardRows], async () => {
      const now = await db.cardRows.bulkGet(rows.map((r) => [r.entityId, r.docId] as [string, string]));
      await db.cardRows.bulkPut(rows.filter((_, i) => now[i]?.facts === former));
    });
  }

  async staleRows(): Promise<Array<[string, string]>> {
    return ((await this.db.state.get('staleRows'))?.value ?? []).map((s) => {
      const at = s.indexOf(' ');
      return [s.slice(at + 1), s.slice(0, at)];
    });
  }

  async rowsRefreshed(entityId: string, former: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.state], async () => {
      const old = (await db.state.get('staleRows'))?.value ?? [];
      await db.state.put({ key: 'staleRows', value: old.filter((s) => s !== `${former} ${entityId}`) });
    });
  }

  async rowless(): Promise<string[]> {
    return (await this.db.state.get('rowless'))?.value ?? [];
  }

  async putCardRows(docIds: readonly string[], rows: readonly EntityRows[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.cardRows, db.state, db.documents], async () => {
      // (Only documents still stored and still without rows: a write meanwhile stored its own.)
      const rowless = new Set((await db.state.get('rowless'))?.value ?? []);
      const stored = new Set(await db.documents.where(':id').anyOf([...docIds]).primaryKeys());
      const done = new Set(docIds.filter((id) => rowless.has(id) && stored.has(id)));
      await db.cardRows.bulkPut(rows.filter((r) => done.has(r.docId)));
      await db.state.put({ key: 'rowless', value: [...rowless].filter((id) => !done.has(id) && stored.has(id)) });
    });
  }

  async documentOrder(): Promise<string[]> {
    return this.db.documents.orderBy('addedAt').primaryKeys();
  }

  async passagesAt(keys: ReadonlyArray<readonly [string, number]>): Promise<Array<StoredPassage | undefined>> {
    const rows = await this.db.passages.bulkGet(keys.map(([docId, n]) => [docId, n] as [string, number]));
    return rows.map((row) => row && { meta: row.meta, addedAt: row.addedAt, passage: row.passage });
  }

  async write(change: UserChange): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.documents, db.entities, db.aliases, db.hidden, db.cards, db.state, db.passages, db.cardRows], async () => {
      const version = versionOf(await db.state.get('version'));
      if (change.clear) await Promise.all([db.documents.clear(), db.entities.clear(), db.aliases.clear(), db.hidden.clear(), db.cards.clear(), db.state.clear(), db.passages.clear(), db.cardRows.clear()]);
      const puts = change.putDocuments ?? [];
      // The passages of documents deleted or stored again go (keys alone tell which exist: an import's are new).
      const existing = puts.length ? await db.documents.where(':id').anyOf(puts.map((d) => d.meta.id)).primaryKeys() : [];
      const replaced = [...(change.deleteDocuments ?? []), ...existing];
      if (replaced.length) await Promise.all([db.passages.where('docId').anyOf(replaced).delete(), db.cardRows.where('docId').anyOf(replaced).delete()]);
      if (change.deleteDocuments?.length) await db.documents.bulkDelete(change.deleteDocuments);
      if (replaced.length || puts.length) await putRowless(db, replaced, puts);
      if (puts.length) {
        await db.documents.bulkPut(puts.map(({ passages: _apart, cardRows: _rows, ...doc }) => ({ ...doc, id: doc.meta.id })));
        await db.passages.bulkPut(puts.flatMap(passageRows));
        await db.cardRows.bulkPut(puts.flatMap((d) => d.cardRows ?? []));
        const uncompiled = (await db.state.get('uncompiled'))?.value;
        const done = new Set(puts.map((d) => d.meta.id));
        if (uncompiled?.length) await db.state.put({ key: 'uncompiled', value: uncompiled.filter((id) => !done.has(id)) });
      }
      if (change.putEntities?.length) await db.entities.bulkPut(change.putEntities);
      if (change.putAliases?.length) await db.aliases.bulkPut(change.putAliases);
      if (change.hide?.length) await db.hidden.bulkPut(change.hide);
      if (change.unhide?.length) await db.hidden.bulkDelete(change.unhide);
      if (change.touched.length) {
        await db.cards.bulkDelete(change.touched);
        const old = change.clear ? [] : ((await db.state.get('touched'))?.value ?? []);
        await db.state.put({ key: 'touched', value: [...new Set([...old, ...change.touched])] });
      }
      if (change.staleRows?.length) {
        const old = (await db.state.get('staleRows'))?.value ?? [];
        await db.state.put({ key: 'staleRows', value: [...new Set([...old, ...change.staleRows.map(([id, former]) => `${former} ${id}`)])] });
      }
      if (change.importId) await db.state.put({ key: `import:${change.importId}`, value: puts.map((d) => d.meta.id) });
      await db.state.put({ key: 'version', value: [String(version + 1)] });
    });
  }

  async card(entityId: string): Promise<EntityCard | undefined> {
    return (await this.db.cards.get(entityId))?.card;
  }

  async savedCards(): Promise<string[]> {
    return this.db.cards.toCollection().primaryKeys();
  }

  async imported(importId: string): Promise<string[] | undefined> {
    return (await this.db.state.get(`import:${importId}`))?.value;
  }

  async saveCard(entityId: string, card: EntityCard): Promise<void> {
    await this.db.cards.put({ entityId, card });
  }
}
