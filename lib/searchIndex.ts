/**
 * Full-text search over passages with FlexSearch 0.8 (pure JS: runs in the MV3 service worker
 * and under Vitest). One `Index` keyed by passage id; filters (source, perspective, entity type)
 * are applied afterwards on passage ids, which is cheap and keeps the index simple.
 *
 * The LatinAdvanced encoder folds the spelling variants of this field: "Kirkook"/"Kirkuk" →
 * "kerkok", "Raqqah"/"Rakka"/"Raqqa" → "raka", "Mosull" → "mosol". Each passage is indexed with
 * the canonical names of the entities it mentions appended, so "Kirkuk" also finds the passage
 * that spells it "Kirkook" and a typed prefix ("kirk") finds it too.
 *
 * Highlights are computed here as character ranges over the passage text: FlexSearch's own
 * highlighter returns HTML, which must never reach the DOM.
 */
import FlexSearch from 'flexsearch';
import type { Entity, Passage } from './types';

const { Index, Charset, Encoder } = FlexSearch;

/** Apostrophes inside words are dropped before encoding ("Da'esh" → "Daesh", "ISIS'" → "ISIS"). */
const APOSTROPHES = /['’‘ʼ`´]/g;
const WORD = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/gu;

export function prepareForIndex(text: string): string {
  return text.replace(APOSTROPHES, '');
}

export class SearchIndex {
  private readonly index = new Index({ tokenize: 'forward', encoder: Charset.LatinAdvanced, cache: 100 });
  private readonly encoder = new Encoder(Charset.LatinAdvanced);
  readonly size: number;

  constructor(passages: readonly Passage[], entitiesById: ReadonlyMap<string, Entity>) {
    for (const p of passages) {
      const names = p.entityIds.map((id) => entitiesById.get(id)?.name ?? '').join(' ');
      this.index.add(p.id, prepareForIndex(`${p.text}\n${names}`));
    }
    this.size = passages.length;
  }

  /** Passage ids, best first. Falls back to partial matches (`suggest`) when no passage has every term. */
  search(query: string, limit = 100): number[] {
    const q = prepareForIndex(query).trim();
    if (!q) return [];
    const exact = this.index.search(q, { limit }) as number[];
    if (exact.length > 0) return exact;
    return this.index.search(q, { limit, suggest: true }) as number[];
  }

  /** The encoded forms of the query's words, to highlight with. */
  encodeQuery(query: string): string[] {
    const terms: string[] = [];
    for (const m of prepareForIndex(query).matchAll(WORD)) terms.push(...this.encodeWord(m[0]));
    return terms.filter((t) => t.length > 0);
  }

  /**
   * Ranges of words in `text` whose encoded form equals a query term, or starts with the last
   * query term when `prefixLast` (search-as-you-type: the last word is still being typed).
   */
  highlight(text: string, terms: string[], prefixLast = true): Array<[number, number]> {
    if (terms.length === 0) return [];
    const last = terms[terms.length - 1]!;
    const full = new Set(terms);
    const out: Array<[number, number]> = [];
    for (const m of text.matchAll(WORD)) {
      const encoded = this.encodeWord(m[0]);
      const hit = encoded.some((e) => full.has(e) || (prefixLast && last.length >= 2 && e.startsWith(last)));
      if (hit) out.push([m.index!, m.index! + m[0].length]);
    }
    return out;
  }

  private encodeWord(word: string): string[] {
    return this.encoder.encode(prepareForIndex(word)) as string[];
  }
}
