/**
 * Text normalisation for matching gazetteer aliases against page text.
 *
 * Rules (applied per code point, identically to page text and to aliases):
 *  - Unicode diacritics are removed: each code point is NFD-decomposed and its combining marks
 *    (`\p{M}`) dropped, so "é" → "e", "ṭ" → "t"; text that is already decomposed ("e" + U+0301)
 *    loses its free-standing marks the same way. A few letters that have no decomposition but are
 *    a base letter with a stroke are mapped too (ł ø đ ħ → l o d h), and each language's letters
 *    that match as another (Turkish ı → i; Arabic ة → ه, ى → ي, ٱ → ا…: lib/text/languages/). If
 *    stripping would turn one code point into several characters (Hangul syllables), the code
 *    point is kept as it is.
 *  - Apostrophe look-alikes (’ ‘ ‛ ʼ ʻ ʾ ʿ ` ´ ′ ＇) become "'".
 *  - Every hyphen/dash variant (- ‐ ‑ ‒ – — ― − ﹘ ﹣ －) and every whitespace character (incl. NBSP
 *    and the other Unicode spaces, line/paragraph separators) counts as a separator; any run of
 *    separators becomes one " ". So "Deir-ez-Zor", "Deir ez‑Zor" and "Deir  ez Zor" are alike.
 *  - Zero-width and invisible characters (U+200B–U+200D, U+2060, U+FEFF, soft hyphen U+00AD,
 *    Arabic tatweel U+0640) are dropped.
 *  - `folded` is `text` lower-cased one code point at a time; a code point whose lower case has a
 *    different UTF-16 length keeps its case, so `text` and `folded` always have the same length.
 *
 * Pure logic: no DOM, no `browser`.
 */
import { LETTER_FOLD } from './languages';

export interface Normalized {
  /** Normalised text, case kept. */
  text: string;
  /** `text` lower-cased; same length as `text`. */
  folded: string;
  /**
   * Offsets back into the original string; length is `text.length + 1`.
   * `map[i]` is the index in the original of the code point that produced normalised char i
   * (for a collapsed separator run, the start of the run); `map[text.length]` is the original length.
   *
   * A normalised span `[s, e)` corresponds to the original span `[map[s], map[e])`.
   * (This includes combining marks that follow the last char, e.g. the accent of a decomposed
   * "a\u0301", and any dropped zero-width characters between the span and the next kept char.)
   */
  map: Uint32Array;
}

/* ---------- per-code-unit classification (BMP), filled lazily ---------- *
 * Internal tables shared with lib/text/matcher.ts (which normalises on the fly in its scan loop).
 * KIND[c] is 0 until `classifyCodeUnit(c)` has run; ASCII is filled at load time. */

/** @internal */ export const K_UNKNOWN = 0;
/** @internal Emit NORM_KEEP[c] / NORM_FOLD[c]. */ export const K_CHAR = 1;
/** @internal Drop the code unit. */ const K_DROP = 2;
/** @internal Separator: part of a run that becomes one space. */ export const K_SEP = 3;
/** @internal High or low surrogate: slow path. */ export const K_SURROGATE = 4;

/** @internal */ export const NORM_KIND = new Uint8Array(0x10000);
/** @internal */ export const NORM_KEEP = new Uint16Array(0x10000);
/** @internal */ export const NORM_FOLD = new Uint16Array(0x10000);

const APOSTROPHES = "\u2019\u2018\u201B\u02BC\u02BB\u02BE\u02BF`\u00B4\u2032\uFF07";
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
const DROPPED = '\u200B\u200C\u200D\u2060\uFEFF\u00AD\u0640';

const MARK_RE = /\p{M}/gu;
const WORD_RE = /^[\p{L}\p{N}]/u;

/** The one definition of whitespace (a UTF-16 code unit that `/\s/` and `trim` count), without a regexp. */
export function isWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const NOT_WHITESPACE = /\S/;
/** Has `s` a code unit that is not whitespace? One native test, no script loop (`\S` is `isWhitespace`'s complement: normalize.test.ts). */
export function hasText(s: string): boolean {
  return NOT_WHITESPACE.test(s);
}

/** Lower-case one code point, keeping it when the lower case has a different length. */
function lowerSameLength(s: string): string {
  const l = s.toLowerCase();
  return l.length === s.length ? l : s;
}

/** Base form of one code point: diacritics stripped, case kept. Returns '' for a bare mark. */
function stripCodePoint(ch: string): string {
  const folded = LETTER_FOLD[ch];
  if (folded !== undefined) return folded;
  const nfd = ch.normalize('NFD');
  // Fast path for Latin letters, punctuation and symbols (most of any page), without the \p{M}
  // regexp, whose first use compiles a large character class: no code point below U+0300 or in
  // U+2000–U+20CF is a mark, and one that decomposes into a first code point followed only by
  // marks of U+0300–U+036F strips to that first code point.
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && (c < 0x300 || (c >= 0x2000 && c < 0x20d0))) {
    let i = 1;
    while (i < nfd.length && nfd.charCodeAt(i) >= 0x300 && nfd.charCodeAt(i) <= 0x36f) i++;
    if (i === nfd.length) return nfd[0]!;
  }
  const stripped = nfd.replace(MARK_RE, '');
  if (stripped.length === 0) return '';
  // Keep a 1:1 (or 2:2 for astral) correspondence: if stripping changes the length otherwise
  // (Hangul syllables → jamo), keep the original code point.
  if (stripped.length !== ch.length) return ch;
  return stripped;
}

/** @internal Classify a BMP code unit, filling NORM_KIND/KEEP/FOLD; returns its kind. */
export function classifyCodeUnit(c: number): number {
  const ch = String.fromCharCode(c);
  let kind: number;
  if (c >= 0xd800 && c <= 0xdfff) kind = K_SURROGATE;
  else if (DROPPED.includes(ch)) kind = K_DROP;
  else if (DASHES.includes(ch) || isWhitespace(c)) kind = K_SEP;
  else if (APOSTROPHES.includes(ch)) {
    kind = K_CHAR;
    NORM_KEEP[c] = 0x27;
    NORM_FOLD[c] = 0x27;
  } else {
    const base = stripCodePoint(ch);
    if (base.length === 0) kind = K_DROP;
    else if (base !== ch) {
      // A canonical singleton may land on a char with its own rule (U+1FEF GREEK VARIA → "`").
      const b = base.charCodeAt(0);
      kind = NORM_KIND[b] !== K_UNKNOWN ? NORM_KIND[b]! : classifyCodeUnit(b);
      NORM_KEEP[c] = NORM_KEEP[b]!;
      NORM_FOLD[c] = NORM_FOLD[b]!;
    } else {
      kind = K_CHAR;
      NORM_KEEP[c] = base.charCodeAt(0);
      NORM_FOLD[c] = lowerSameLength(base).charCodeAt(0);
    }
  }
  NORM_KIND[c] = kind;
  return kind;
}
// ASCII at load, directly (what classifyCodeUnit gives, without its regexps and NFD: this runs
// on every page): tab, line feed, vertical tab, form feed, return, space and the hyphen separate;
// the backtick is an apostrophe; every other code unit is itself, A–Z folded to a–z.
for (let c = 0; c < 0x80; c++) {
  const sep = isWhitespace(c) || c === 0x2d;
  NORM_KIND[c] = sep ? K_SEP : K_CHAR;
  if (sep) continue;
  const k = c === 0x60 ? 0x27 : c;
  NORM_KEEP[c] = k;
  NORM_FOLD[c] = k >= 0x41 && k <= 0x5a ? k + 0x20 : k;
}

/** @internal Astral code point (surrogate pair) → [kept, folded] (2 units each), or null to drop. */
const astralCache = new Map<number, readonly [string, string] | null>();
export function classifyAstral(cp: number): readonly [string, string] | null {
  let r = astralCache.get(cp);
  if (r !== undefined) return r;
  const ch = String.fromCodePoint(cp);
  const base = stripCodePoint(ch);
  r = base.length === 0 ? null : ([base, lowerSameLength(base)] as const);
  astralCache.set(cp, r);
  return r;
}

/* ---------- the normaliser ---------- */

function codesToString(codes: Uint16Array, len: number): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < len; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** Normalised code units (internal form, no strings built). `len` is the normalised length. */
interface NormalizedCodes {
  keep: Uint16Array;
  fold: Uint16Array;
  map: Uint32Array;
  len: number;
}

/** Normalise to typed arrays. Arrays may be longer than `len`; `map[len]` is the original length. */
function normalizeToCodes(src: string): NormalizedCodes {
  const n = src.length;
  // Never grows: each original code unit yields at most one normalised unit.
  const keep = new Uint16Array(n);
  const fold = new Uint16Array(n);
  const map = new Uint32Array(n + 1);
  let j = 0;
  let lastSep = false;
  for (let i = 0; i < n; i++) {
    const c = src.charCodeAt(i);
    let kind = NORM_KIND[c]!;
    if (kind === K_UNKNOWN) kind = classifyCodeUnit(c);
    if (kind === K_CHAR) {
      keep[j] = NORM_KEEP[c]!; fold[j] = NORM_FOLD[c]!; map[j++] = i; lastSep = false;
    } else if (kind === K_SEP) {
      if (!lastSep) { keep[j] = 0x20; fold[j] = 0x20; map[j++] = i; lastSep = true; }
    } else if (kind === K_SURROGATE) {
      const d = i + 1 < n ? src.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const r = classifyAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        if (r !== null) {
          const [k, f] = r;
          for (let u = 0; u < k.length; u++) {
            keep[j] = k.charCodeAt(u); fold[j] = f.charCodeAt(u); map[j++] = i + u;
          }
          lastSep = false;
        }
        i++;
      } else {
        // Lone surrogate: keep as is.
        keep[j] = c; fold[j] = c; map[j++] = i; lastSep = false;
      }
    }
    // K_DROP: nothing (does not break a separator run either).
  }
  map[j] = n;
  return { keep, fold, map, len: j };
}

/**
 * Normalise page text for matching. See the module comment for the rules and `Normalized.map`
 * for how to map a span back to the original: original span = `[map[s], map[e])`.
 */
export function normalizeForMatch(src: string): Normalized {
  const { keep, fold, map, len } = normalizeToCodes(src);
  return {
    text: codesToString(keep, len),
    folded: codesToString(fold, len),
    map: map.subarray(0, len + 1),
  };
}

/**
 * Normalise a gazetteer alias with the same rules, trimming separators at either end: the
 * trimmed `normalizeForMatch(alias)` without its map. Every page builds a matcher from a few
 * hundred aliases, so this builds no typed arrays (they cost an allocation each, and GC).
 */
export function normalizeAlias(alias: string): { text: string; folded: string } {
  const n = alias.length;
  let text = '';
  let folded = '';
  let sep = false; // a separator run is pending: emitted only before a following char (trim)
  for (let i = 0; i < n; i++) {
    const c = alias.charCodeAt(i);
    let kind = NORM_KIND[c]!;
    if (kind === K_UNKNOWN) kind = classifyCodeUnit(c);
    if (kind === K_SEP) {
      sep = text.length > 0;
      continue;
    }
    if (kind === K_DROP) continue;
    let k: string;
    let f: string;
    if (kind === K_CHAR) {
      k = String.fromCharCode(NORM_KEEP[c]!);
      f = String.fromCharCode(NORM_FOLD[c]!);
    } else {
      const d = i + 1 < n ? alias.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        i++;
        const r = classifyAstral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        if (r === null) continue;
        [k, f] = r;
      } else {
        k = f = String.fromCharCode(c); // lone surrogate: kept as is
      }
    }
    if (sep) {
      text += ' ';
      folded += ' ';
      sep = false;
    }
    text += k;
    folded += f;
  }
  return { text, folded };
}

/** BMP cache for isWordCodePoint: 0 unknown, 1 word, 2 not. */
const WORD = new Uint8Array(0x10000);

/** True for a Unicode letter or digit code point (`\p{L}\p{N}`). Apostrophes are not word chars. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  }
  if (cp < 0x10000) {
    let w = WORD[cp]!;
    if (w === 0) {
      w = WORD_RE.test(String.fromCharCode(cp)) ? 1 : 2;
      WORD[cp] = w;
    }
    return w === 1;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** True if the first code point of `ch` is a Unicode letter or digit. False for ''. */
export function isWordChar(ch: string): boolean {
  const cp = ch.codePointAt(0);
  return cp !== undefined && isWordCodePoint(cp);
}
