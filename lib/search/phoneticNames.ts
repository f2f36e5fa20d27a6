/**
 * Names in a query recognised by sound (the search's other half, ./searchIndex.ts: passages by
 * FlexSearch). Phonetics on names only, where a false friend is unlikely, rather than on every
 * word of every passage.
 */
import { PHONETIC_ENCODER, prepareForIndex, WORD } from './searchIndex';

/**
 * Recognises names of corpus entities in a query by sound: every alias is keyed by its phonetic
 * encoding, and every run of up to `maxWords` query words is looked up. Exact-case aliases
 * (ISIS, US) and keys shorter than 4 letters are left out: they would match too much.
 */
export class PhoneticNames {
  private readonly encoder = PHONETIC_ENCODER();
  private readonly keys = new Map<string, Set<string>>();
  private maxWords = 1;

  constructor(aliases: Iterable<{ text: string; entityId: string; caseSensitive?: boolean }>, saved?: ReturnType<PhoneticNames['saved']>) {
    if (saved) this.maxWords = saved.maxWords; // (`saved()` of the same aliases, lib/corpus/savedOpening.ts: none encoded again)
    for (const [key, ids] of saved?.keys ?? []) this.keys.set(key, new Set(ids));
    for (const a of saved ? [] : aliases) {
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

  /** The keys, to save and give back to the constructor (`saved`) instead of encoding every alias again. */
  saved(): { keys: Array<[key: string, entityIds: string[]]>; maxWords: number } {
    return { keys: [...this.keys].map(([key, ids]) => [key, [...ids]]), maxWords: this.maxWords };
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
    return [...prepareForIndex(text).matchAll(WORD)].flatMap((m) => this.encoder.encode(m[0])).filter(Boolean);
  }
}
