/**
 * Full-text search over passages with FlexSearch 0.8 (pure JS: runs in the MV3 service worker
 * and under Vitest). One `Index` keyed by passage id; filters (source, perspective, entity type)
 * are applied afterwards on passage ids, which is cheap and keeps the index simple.
 *
 * Two encoders, for two jobs:
 * - Passages are indexed with FlexSearch's Default encoder: case and diacritics folded and doubled
 *   letters merged ("Mosull" → "mosul", "Raqa" = "Raqqa"), but no phonetics, so "Deir" finds Deir
 *   and not "there" or "terrorist". Each passage is indexed with the canonical names of the
 *   entities it mentions appended, so "Kirkuk" also finds the passage that spells it "Kirkook".
 * - Names are also keyed phonetically (LatinAdvanced: "Kerkuk"/"Kirkook"/"Kirkuk" → "kerkok",
 *   "Mossul" → "mosol"), which `PhoneticNames` uses to recognise a misspelt place or group in a
 *   query; the store then adds that entity's passages. Phonetics on names only, where a false
 *   friend is unlikely, rather than on every word of every passage.
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
/** Words shorter than this neither rescue a failed search nor get highlighted in a longer query. */
const MIN_TERM = 3;

export function prepareForIndex(text: string): string {
  return text.replace(APOSTROPHES, '');
}

export class SearchIndex {
  private readonly index = new Index({ tokenize: 'forward', encoder: Charset.Default, cache: 100 });
  private readonly encoder = new Encoder(Charset.Default);
  readonly size: number;

  constructor(passages: readonly Passage[], entitiesById: ReadonlyMap<string, Entity>) {
    for (const p of passages) {
      const names = p.entityIds.map((id) => entitiesById.get(id)?.name ?? '').join(' ');
      this.index.add(p.id, prepareForIndex(`${p.text}\n${names}`));
    }
    this.size = passages.length;
  }

  /**
   * Passage ids, best first. When no passage has every term, falls back to passages with some of
   * the query's significant words (3+ letters), so a stray short word ("b", "of") never floods
   * the results.
   */
  search(query: string, limit = 100): number[] {
    const q = prepareForIndex(query).trim();
    if (!q) return [];
    const exact = this.index.search(q, { limit }) as number[];
    if (exact.length > 0) return exact;
    const significant = [...q.matchAll(WORD)].map((m) => m[0]).filter((w) => w.length >= MIN_TERM);
    if (significant.length < 2) return [];
    return this.index.search(significant.join(' '), { limit, suggest: true }) as number[];
  }

  /** The encoded forms of the query's words, to highlight with (short words only when alone). */
  encodeQuery(query: string): string[] {
    const terms: string[] = [];
    for (const m of prepareForIndex(query).matchAll(WORD)) terms.push(...this.encodeWord(m[0]));
    const nonEmpty = terms.filter((t) => t.length > 0);
    return nonEmpty.length === 1 ? nonEmpty : nonEmpty.filter((t) => t.length >= MIN_TERM);
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

/**
 * Recognises names of corpus entities in a query by sound: every alias is keyed by its phonetic
 * encoding, and every run of up to `maxWords` query words is looked up. Exact-case aliases
 * (ISIS, US) and keys shorter than 4 letters are left out: they would match too much.
 */
export class PhoneticNames {
  private readonly encoder = new Encoder(Charset.LatinAdvanced);
  private readonly keys = new Map<string, Set<string>>();
  private maxWords = 1;

  constructor(aliases: Iterable<{ text: string; entityId: string; caseSensitive?: boolean }>) {
    for (const a of aliases) {
      if (a.caseSensitive) continue;
      const tokens = this.tokens(a.text);
      const key = tokens.join(' ');
      if (key.replace(/ /g, '').length < 4) continue;
      this.maxWords = Math.max(this.maxWords, tokens.length);
      const ids = this.keys.get(key) ?? new Set<string>();
      ids.add(a.entityId);
      this.keys.set(key, ids);
    }
  }

  /** Entity ids whose name the query contains, allowing for spelling that sounds the same. */
  find(query: string): string[] {
    const tokens = this.tokens(query);
    const found = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= this.maxWords && i + n <= tokens.length; n++) {
        for (const id of this.keys.get(tokens.slice(i, i + n).join(' ')) ?? []) found.add(id);
      }
    }
    return [...found];
  }

  private tokens(text: string): string[] {
    return [...prepareForIndex(text).matchAll(WORD)].flatMap((m) => this.encoder.encode(m[0]) as string[]).filter(Boolean);
  }
}
