/**
 * The search index's export format (lib/search/searchIndex.ts `export`, `load`): FlexSearch 0.8's
 * exported pieces cut into chunks of a bounded size, the passage ids of its term map
 * delta-encoded; and, on import, decoded and optionally moved to another numbering
 * (lib/search/persistedIndex.ts). Pure.
 */

/** One piece of an exported index: FlexSearch's key ("3.map") and its JSON. */
export interface IndexChunk {
  key: string;
  data: string;
}

/**
 * One entry of FlexSearch 0.8's exported term map, [term, score buckets of passage ids (or
 * null)], with `f` applied to each bucket. Anything else means FlexSearch changed its format:
 * the build fails rather than ship an index the worker would misread.
 */
function mapEntry(entry: unknown, f: (ids: number[]) => number[]): unknown {
  // (Checked when exporting, at build time; `load` trusts what the build wrote.)
  const ok = Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && Array.isArray(entry[1]);
  if (!ok) throw new Error('Unexpected FlexSearch export format (term map entry)');
  const buckets = (entry[1] as unknown[]).map((b) => {
    if (b == null) return b;
    if (!Array.isArray(b) || !b.every((id) => typeof id === 'number')) throw new Error('Unexpected FlexSearch export format (ids)');
    return f(b);
  });
  return [entry[0], buckets];
}

function deltaEncode(ids: number[]): number[] {
  return ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]!));
}

/** In place. */
function deltaDecode(deltas: number[]): void {
  for (let i = 1; i < deltas.length; i++) deltas[i]! += deltas[i - 1]!;
}

/**
 * One piece of FlexSearch's export (`key` "3.map", `data` its JSON) cut into chunks of about
 * `maxChars`, between entries, term map ids delta-encoded; appended to `out`, numbered on.
 */
export function splitChunk(key: string, data: string, maxChars: number, out: IndexChunk[]): void {
  const kind = key.split('.').pop()!;
  const entries = JSON.parse(data) as unknown[];
  let piece: string[] = [];
  let chars = 0;
  const flush = () => {
    if (piece.length) out.push({ key: `${out.length + 1}.${kind}`, data: `[${piece.join(',')}]` });
    piece = [];
    chars = 0;
  };
  for (const entry of entries) {
    const json = JSON.stringify(kind === 'map' ? mapEntry(entry, deltaEncode) : entry);
    if (chars + json.length > maxChars) flush();
    piece.push(json);
    chars += json.length + 1;
  }
  flush();
}

/**
 * A chunk's entries, parsed, ids decoded; with `remap`, each id moved to `remap(id)` or dropped
 * (-1), and a bucket or a term left without ids dropped (FlexSearch expects none empty).
 */
export function parseChunk(key: string, data: string, remap?: (id: number) => number): unknown[] {
  const entries = JSON.parse(data) as unknown[];
  const moved = (ids: number[]) => ids.map((id) => remap!(id)).filter((id) => id >= 0);
  if (key.endsWith('.map')) {
    const terms = entries as Array<[string, Array<number[] | null>]>;
    for (const [, buckets] of terms) for (const ids of buckets) if (ids) deltaDecode(ids);
    if (!remap) return terms;
    return terms.map(([term, buckets]) => [term, buckets.map((ids) => (ids?.length ? moved(ids) : ids)).map((ids) => (ids?.length ? ids : null))] as const).filter(([, buckets]) => buckets.some(Boolean));
  }
  return remap && key.endsWith('.reg') ? moved(entries as number[]) : entries;
}

/** FNV-1a, 32 bits (unsigned). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The bucket a term of the saved index is kept in (of `count`): a cold worker reads its query's buckets only. */
export function termBucket(term: string, count: number): number {
  return fnv1a(term) % count;
}

/**
 * FlexSearch's exported pieces regrouped for a lazy read (lib/search/lazyIndex.ts): the term
 * map's entries by bucket of their term, each bucket cut into chunks of about `maxChars`
 * (bucket 0's chunks first, then bucket 1's…), then the other pieces (the id register). `starts[k]`
 * is bucket k's first chunk, `starts[count]` the first chunk after the buckets.
 */
export class BucketedExport {
  private readonly buckets: string[][];
  private readonly rest: IndexChunk[] = [];

  constructor(
    private readonly count: number,
    private readonly maxChars: number,
  ) {
    this.buckets = Array.from({ length: count }, () => []);
  }

  /** One piece of FlexSearch's export. */
  add(key: string, data: string): void {
    if (!key.endsWith('.map')) return splitChunk(key, data, this.maxChars, this.rest);
    for (const entry of JSON.parse(data) as unknown[]) {
      const mapped = mapEntry(entry, deltaEncode) as [string, unknown];
      this.buckets[termBucket(mapped[0], this.count)]!.push(JSON.stringify(mapped));
    }
  }

  finish(): { chunks: IndexChunk[]; starts: number[] } {
    const chunks: IndexChunk[] = [];
    const starts: number[] = [];
    const push = (kind: string, data: string) => chunks.push({ key: `${chunks.length + 1}.${kind}`, data });
    for (const entries of this.buckets) {
      starts.push(chunks.length);
      let piece: string[] = [];
      let chars = 0;
      for (const json of entries) {
        if (piece.length && chars + json.length > this.maxChars) {
          push('map', `[${piece.join(',')}]`);
          piece = [];
          chars = 0;
        }
        piece.push(json);
        chars += json.length + 1;
      }
      if (piece.length) push('map', `[${piece.join(',')}]`);
    }
    starts.push(chunks.length);
    for (const c of this.rest) push(c.key.split('.').pop()!, c.data);
    return { chunks, starts };
  }
}
