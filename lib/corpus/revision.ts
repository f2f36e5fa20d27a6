/**
 * The corpus's revision: a hash of everything the extension derives from it, so that any change
 * a reader could see gives a new revision. That is the gazetteer (every entity's id, name,
 * description and every alias's text with its case and ambiguity flags: the content scripts'
 * matcher data) and the compiled documents (metadata, bodies, passages with their mentions and
 * stances, the entity index: what cards, search and comparisons are made of).
 *
 * Used to check that the corpus files the worker reads belong to its manifest (lib/corpus/assets.ts)
 * and by content scripts to drop matcher data cached by an older version (platform/matcherCache.ts).
 *
 * Computed at build time (it reads the whole corpus; the worker never needs to). Values are
 * serialised with sorted keys, so the same data gives the same revision however its objects were
 * put together (a corpus unpacked from its files, for instance).
 *
 * Pure logic: no DOM, no `browser`.
 */
import type { CompiledCorpus } from './types';

/** `value` as JSON with every object's keys sorted. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * A 53-bit streaming string hash (two 32-bit multiply-xor lanes mixed at the end, after cyrb53).
 * Not cryptographic: it tells versions of one corpus apart. Each piece is fed with its length,
 * so ["ab", "c"] and ["a", "bc"] differ.
 */
class Hasher {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(s: string): this {
    this.unit(s.length & 0xffff);
    this.unit(s.length >>> 16);
    for (let i = 0; i < s.length; i++) this.unit(s.charCodeAt(i));
    return this;
  }

  private unit(c: number): void {
    this.h1 = Math.imul(this.h1 ^ c, 2654435761);
    this.h2 = Math.imul(this.h2 ^ c, 1597334677);
  }

  digest(): string {
    let { h1, h2 } = this;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }
}

/** The revision of a compiled corpus: its size, then a hash of its whole content. */
export function corpusRevision(corpus: CompiledCorpus): string {
  const h = new Hasher();
  h.add(String(corpus.version));
  h.add(canonicalJson(corpus.entities));
  for (const d of corpus.documents) h.add(canonicalJson(d.meta)).add(d.body);
  for (const p of corpus.passages) h.add(canonicalJson(p));
  h.add(canonicalJson(corpus.entityPassages));
  return `${corpus.documents.length}:${corpus.passages.length}:${corpus.entities.length}:${h.digest()}`;
}
