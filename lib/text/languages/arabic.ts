/**
 * Arabic script (Arabic, and Sorani Kurdish written in it): the letters matching folds together,
 * and the clitics that attach to a name.
 *
 * Folding (applied by lib/text/normalize.ts to page text and aliases alike, one code unit to one):
 *  - alef forms: أ إ آ already lose their hamza/madda as combining marks (NFD); ٱ (wasla) → ا.
 *  - ta marbuta ة and Sorani ە → ه (الرقة / الرقه, ڕەققە / رەققه).
 *  - alef maqsura ى and Persian/Kurdish yeh ی → ي; keheh ک → ك (Sorani and Persian keyboards).
 *  - Sorani ڕ → ر and ڵ → ل: writers without a Sorani keyboard type the plain letters.
 *  - tashkeel are combining marks and tatweel is dropped (normalize.ts), so "المَوْصِل" = "الموصل".
 *
 * Clitics: a conjunction (و ف), then a preposition (ب ل ك), then the article ال attach to the
 * next word without a space: والرقة، بالموصل، لداعش، وللرقة. A name may be preceded by any such
 * run inside its word (`isProcliticRun`); the underline stays on the name, article included.
 * ل + ال is written لل (للرقة): `articleVariant` gives an alias with the article the ل-form, whose
 * first letter (the preposition) is not underlined.
 *
 * Pure logic: no DOM, no `browser`.
 */

export const ARABIC_FOLD: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ → ا
  '\u0629': '\u0647', // ة → ه
  '\u06D5': '\u0647', // ە → ه
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // ی → ي
  '\u06A9': '\u0643', // ک → ك
  '\u0695': '\u0631', // ڕ → ر
  '\u06B5': '\u0644', // ڵ → ل
};

const CONJ = ['', '\u0648', '\u0641']; // و ف
const PREP = ['', '\u0628', '\u0644', '\u0643']; // ب ل ك
const ART = '\u0627\u0644'; // ال

/** Every run of clitics that may stand before a name inside its word (folded; no empty run). */
const PROCLITICS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const c of CONJ) {
    for (const p of PREP) {
      out.add(c + p);
      // ل + ال → لل
      out.add(p === '\u0644' ? c + '\u0644\u0644' : c + p + ART);
    }
  }
  out.delete('');
  return out;
})();

/** Longest clitic run, in code units. */
export const MAX_PROCLITIC = 4;

/** True if the UTF-16 unit `c` is in the Arabic block (where the clitic rule applies). */
export function isArabicUnit(c: number): boolean {
  return c >= 0x0600 && c <= 0x06ff;
}

/** True if `run` (folded letters just before an Arabic-script name, inside its word) is clitics only. */
export function isProcliticRun(run: string): boolean {
  return PROCLITICS.has(run);
}

/**
 * The form an alias that starts with the article takes after the preposition ل (الرقة → للرقة),
 * with how many leading units are the preposition (not underlined); null for any other alias.
 */
export function articleVariant(folded: string): { text: string; lead: number } | null {
  if (!folded.startsWith(ART) || folded.length < 4) return null;
  return { text: '\u0644' + folded.slice(1), lead: 1 };
}

const ARABIC_CHAR = /[\u0600-\u06ff]/u;
const MARKS = /[\p{M}\u0640]/gu;
const FOLD_CHARS = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'gu');
/** The article, with what may precede it, at the start of a word of at least two more letters. */
const ARTICLE_START = /(^|[^\p{L}\p{N}])(?:[وف]?(?:[بك]?ال|لل))(?=\p{L}{2})/gu;

/**
 * Arabic-script text as the passage index compares it (FlexSearch's `prepare`, after its own NFKD
 * and lower-casing): marks and tatweel dropped, letters folded as for matching, and the article
 * with the clitics before it taken off each word, so "الموصل" finds "بالموصل" and "الموصل" and
 * "موصل" find each other. Text without Arabic script is returned as it is.
 */
export function prepareArabicForSearch(s: string): string {
  if (!ARABIC_CHAR.test(s)) return s;
  return s.replace(MARKS, '').replace(FOLD_CHARS, (c) => ARABIC_FOLD[c]!).replace(ARTICLE_START, '$1');
}

/** Abbreviations whose period never ends a sentence: د. (doctor), أ. (professor). */
export const ARABIC_ABBREVIATIONS = ['د', 'أ'];
