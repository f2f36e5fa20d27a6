/**
 * A saved search index read a query at a time (issue 16: the first search after a cold start
 * waits neither for the whole index nor for the whole store). The saved term map is kept in
 * buckets by a hash of the term (lib/search/indexChunks.ts `BucketedExport`); a query's terms are
 * encoded by the index's own encoder (`SearchIndex.lookupTerms`), only their buckets are read and
 * imported, and FlexSearch, holding every entry of those terms, answers the query as the whole
 * index does (lib/corpus/quickSearch.test.ts compares them). Buckets read stay imported for the
 * next queries. A bucket that cannot be read throws (the caller falls back to the whole index,
 * rebuilt if need be). Pure: storage is an IndexStorePort.
 */
import type { IndexStorePort, QuickHeader } from './persistedIndex';
import { termBucket } from './indexChunks';
import { SearchIndex } from './searchIndex';

export class LazyIndex {
  readonly index = new SearchIndex();
  private readonly buckets = new Map<number, Promise<void>>();

  /** `remap`: each stored id's id in the store as it will be loaded, or -1 (as for `SearchIndex.load`). */
  constructor(
    private readonly port: IndexStorePort,
    private readonly header: QuickHeader,
    private readonly remap?: (id: number) => number,
  ) {}

  /** The index, with every term `query` looks up imported. */
  async forQuery(query: string): Promise<SearchIndex> {
    const count = this.header.buckets.length - 1;
    const needed = new Set(this.index.lookupTerms(query).map((term) => termBucket(term, count)));
    await Promise.all([...needed].map((b) => this.bucket(b)));
    return this.index;
  }

  /** How many buckets were read (diagnostics: bench/). */
  get bucketsRead(): number {
    return this.buckets.size;
  }

  private bucket(b: number): Promise<void> {
    let read = this.buckets.get(b);
    if (!read) {
      const numbers: number[] = [];
      for (let n = this.header.buckets[b]!; n < this.header.buckets[b + 1]!; n++) numbers.push(n);
      read = this.port.chunksAt(numbers).then((chunks) => {
        for (const chunk of chunks) this.index.importChunk(chunk, this.remap);
      });
      read.catch(() => this.buckets.delete(b));
      this.buckets.set(b, read);
    }
    return read;
  }
}
