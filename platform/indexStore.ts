/**
 * The search index of the corpus with the user's data, kept across worker restarts
 * (lib/search/persistedIndex.ts decides what and when): a header (format, version, passage
 * table) and the index's chunks, in an IndexedDB database of its own (Dexie), apart from the
 * user's documents: it is derived data, and dropping it only costs a rebuild.
 *
 * One index is stored; `save` replaces it in one transaction (a worker stopped mid-save leaves
 * the previous one whole).
 */
import Dexie, { type Table } from 'dexie';
import type { IndexChunk } from '../lib/search/searchIndex';
import type { IndexStorePort, QuickHeader, StoredIndexHeader } from '../lib/search/persistedIndex';
import type { UserPassage } from '../lib/corpus/partialCard';

const INDEX_DB_NAME = 'counterpoint-index';
/** Chunks read per request (all requests are made at once; the first arrive first). */
const READ_AHEAD = 4;

interface ChunkRow extends IndexChunk {
  n: number;
}

/**
 * The header as stored, in rows: 'search', what a worker reads before its first answer;
 * 'keys', its passage table as one string (a structured clone of 100,000 short strings is what
 * took time to read), read by a whole restore only; and 'ranked:<entity id>', a much-mentioned
 * entity's best passages, read by a search naming it (one read instead of one per passage).
 */
type HeaderRow = (QuickHeader & { name: 'search' }) | { name: 'keys'; keys: string; keyCount: number } | { name: `${typeof RANKED}${string}`; passages: UserPassage[] };
const RANKED = 'ranked:';
/** Between two passage keys (never in a document id). */
const KEY_SEPARATOR = '\u0001';

export class IndexDatabase extends Dexie {
  header!: Table<HeaderRow, string>;
  chunks!: Table<ChunkRow, number>;

  constructor(name = INDEX_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ header: 'name', chunks: 'n' });
  }
}

export class IndexStore implements IndexStorePort {
  constructor(readonly db: IndexDatabase = new IndexDatabase()) {}

  async header(): Promise<StoredIndexHeader | undefined> {
    const [header, table] = await Promise.all([this.quickHeader(), this.db.header.get('keys')]);
    if (!header || table?.name !== 'keys') return undefined;
    return { ...header, keys: table.keyCount ? table.keys.split(KEY_SEPARATOR) : [] };
  }

  async quickHeader(): Promise<QuickHeader | undefined> {
    const row = await this.db.header.get('search');
    if (row?.name !== 'search') return undefined;
    const { name: _name, ...header } = row;
    return header;
  }

  async rankedPassages(entityId: string): Promise<UserPassage[] | undefined> {
    const row = await this.db.header.get(`${RANKED}${entityId}`);
    return row && 'passages' in row ? row.passages : undefined;
  }

  chunks(count: number): Array<Promise<IndexChunk>> {
    const out: Array<Promise<IndexChunk>> = [];
    for (let start = 0; start < count; start += READ_AHEAD) {
      const rows = this.db.chunks.where('n').between(start, start + READ_AHEAD).toArray();
      for (let n = start; n < Math.min(count, start + READ_AHEAD); n++) {
        const chunk = rows.then((list) => {
          const row = list.find((r) => r.n === n);
          if (!row) throw new Error(`Search index chunk ${n} is missing`);
          return { key: row.key, data: row.data };
        });
        chunk.catch(() => undefined); // (the import stops at the first failure; the rest go unheard)
        out.push(chunk);
      }
    }
    return out;
  }

  async chunksAt(numbers: readonly number[]): Promise<IndexChunk[]> {
    const rows = await this.db.chunks.bulkGet([...numbers]);
    return rows.map((row, i) => {
      if (!row) throw new Error(`Search index chunk ${numbers[i]} is missing`);
      return { key: row.key, data: row.data };
    });
  }

  async save(header: StoredIndexHeader, chunks: readonly IndexChunk[]): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.header, db.chunks], async () => {
      await db.chunks.clear();
      await db.chunks.bulkPut(chunks.map((c, n) => ({ n, key: c.key, data: c.data })));
      const { keys, rankedPassages = {}, ...quick } = header;
      await db.header.where('name').startsWith(RANKED).delete();
      const ranked = Object.entries(rankedPassages).map(([id, passages]) => ({ name: `${RANKED}${id}` as const, passages }));
      await db.header.bulkPut([{ name: 'search', ...quick }, { name: 'keys', keys: keys.join(KEY_SEPARATOR), keyCount: keys.length }, ...ranked]);
    });
  }
}
