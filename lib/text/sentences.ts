/**
 * The project's one sentence splitter (passages, framing, voices, clipping all use it).
 *
 * `Intl.Segmenter` (Unicode UAX #29 sentence boundaries, built into every engine we run in:
 * Node, Chromium, Firefox ≥ 125) proposes the boundaries; a small pass then corrects what UAX #29
 * gets wrong on news text:
 *
 * - **Abbreviations** (removes a boundary). UAX #29 ends a sentence at "Col. Ryan", "Dr. Smith",
 *   "J. R. Tolkien", "the U.S. Army". Titles and the like ("Col.", "Dr.", "St.", "e.g.") never end
 *   a sentence; company suffixes, months, dotted acronyms ("U.S.") and initials ("J.") end one only
 *   when the next word is a common sentence opener ("… to the U.S. The coalition …").
 * - **Lower-case continuation** (removes a boundary): `“Why?” he asked.` is one sentence.
 * - **Free-standing periods** (adds a boundary): some texts space their periods ("over ISIS . What",
 *   "defeated .The"); a period standing after whitespace cannot be an abbreviation, so it ends the
 *   sentence unless a lower-case word follows.
 * - **The ellipsis character** (adds a boundary): "Yes… It did." splits as "Yes..." does.
 *
 * Pure and offset-exact: every span is `[start, end)` in UTF-16 indices of the input, trimmed of
 * whitespace, `text.slice(start, end)` is the sentence, and a line break always ends a sentence
 * (UAX #29 rule SB4), so sentences never cross a paragraph.
 */
import { isWhitespace } from './normalize';
import { GERMAN_MONTHS, SENTENCE_ABBREVIATIONS } from './languages';
import { lazy } from '../lazy';

export type Span = [start: number, end: number];

/** Abbreviations whose period never ends a sentence (they precede a name or continue the clause). */
const NEVER_END = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'col', 'gen', 'lt', 'sgt', 'cpl', 'pvt', 'capt', 'maj', 'adm',
  'cmdr', 'brig', 'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'amb', 'st', 'mt', 'ft', 'fr',
  'vs', 'cf', 'approx', 'dept', 'univ', 'no', 'nos', 'vol', 'fig', 'art', 'ch', 'sec', 'para',
  'e.g', 'i.e', 'viz', 'al', // "et al."
  ...SENTENCE_ABBREVIATIONS, // French, German, Arabic (lib/text/languages/)
]);

/** Abbreviations whose period ends a sentence only before a common sentence opener. */
const MAYBE_END = new Set([
  'corp', 'inc', 'ltd', 'co', 'bros', 'plc', 'llc', 'jr', 'sr', 'etc',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'a.m', 'p.m',
]);

/** Words that typically open a sentence: "U.S. The…" splits, "U.S. Army" does not. */
const OPENERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'my', 'a', 'an', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at',
  'as', 'if', 'when', 'while', 'after', 'before', 'since', 'there', 'here', 'what', 'who', 'why',
  'how', 'where', 'some', 'many', 'most', 'all', 'one', 'two', 'meanwhile', 'however', 'still',
  'even', 'also', 'then', 'for', 'with', 'by', 'from', 'to', 'of', 'now', 'today', 'yesterday',
  'last', 'according', 'although', 'though', 'because', 'despite', 'both', 'each', 'no', 'not',
]);

const SEGMENTER = lazy(() => new Intl.Segmenter('en', { granularity: 'sentence' }));
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = '"\'’”»)]';

/** Split `text` into sentences: trimmed `[start, end)` spans, in order; blank lines yield nothing. */
export function splitSentences(text: string): Span[] {
  // Candidate boundaries: UAX #29's, plus free-standing periods and ellipsis characters.
  const cuts = new Set<number>();
  for (const s of SEGMENTER().segment(text)) cuts.add(s.index + s.segment.length);
  for (const m of text.matchAll(/(?<=\s)\.(?=\s*\S)|…(?=\s)/g)) cuts.add(afterClosers(text, m.index + 1));
  const sorted = [...cuts].sort((a, b) => a - b);

  const out: Span[] = [];
  let start = 0;
  for (const cut of sorted) {
    if (cut < text.length && !keep(text, start, cut)) continue;
    pushTrimmed(text, start, cut, out);
    start = cut;
  }
  if (start < text.length) pushTrimmed(text, start, text.length, out);
  return out;
}

function afterClosers(text: string, i: number): number {
  while (i < text.length && CLOSERS.includes(text[i]!)) i++;
  return i;
}

/** Whether a boundary at `cut` (the sentence so far starts at `from`) really ends a sentence. */
function keep(text: string, from: number, cut: number): boolean {
  // The text before the cut, without trailing whitespace; a line break in it always ends the sentence.
  let end = cut;
  while (end > from && isWhitespace(text.charCodeAt(end - 1))) {
    if (LINE_BREAK.test(text[end - 1]!)) return true;
    end--;
  }
  let next = cut;
  while (next < text.length && isWhitespace(text.charCodeAt(next))) {
    if (LINE_BREAK.test(text[next]!)) return true;
    next++;
  }
  if (next >= text.length || end <= from) return true;
  if (next === end && !freeStandingPeriod(text, end)) return false; // glued: "6.5", "U.S.-backed"
  const nextCh = text[next]!;
  if (LOWER.test(nextCh)) return false; // "approx. five", "“Why?” he asked"
  // The terminator run before any closing quotes.
  let t = end;
  while (t > from && CLOSERS.includes(text[t - 1]!)) t--;
  if (text[t - 1] !== '.' || text[t - 2] === '.' || t !== end) return true; // "?", "!", "…", "...", ".”"
  if (t - 2 < from || isWhitespace(text.charCodeAt(t - 2))) return true; // a free-standing period is never an abbreviation
  const word = wordBefore(text, from, t - 1);
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (NEVER_END.has(lower)) return (lower === 'no' || lower === 'nos') && !/\d/.test(nextCh); // "No. 5" vs "No. The…"
  if (/^\d{1,2}$/.test(word) && GERMAN_MONTHS.has(nextWord(text, next).toLowerCase())) return false; // "am 3. Oktober"
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(word); // "U.S", "a.m" (the final period is the terminator)
  const initial = /^\p{Lu}$/u.test(word); // "J." in "J. Smith"
  if (MAYBE_END.has(lower) || dotted || initial) return OPENERS.has(nextWord(text, next).toLowerCase());
  return true;
}

/** " .The": a period after whitespace glued to a capital ends a sentence. */
function freeStandingPeriod(text: string, end: number): boolean {
  return text[end - 1] === '.' && (end < 2 || isWhitespace(text.charCodeAt(end - 2))) && UPPER.test(text[end] ?? '');
}

/** The token just before `pos` (letters, digits and inner periods), without leading periods. */
function wordBefore(text: string, from: number, pos: number): string {
  let s = pos;
  while (s > from && /[\p{L}\p{N}.]/u.test(text[s - 1]!)) s--;
  return text.slice(s, pos).replace(/^\.+/, '');
}

function nextWord(text: string, pos: number): string {
  const m = /^\p{L}+/u.exec(text.slice(pos, pos + 40));
  return m ? m[0] : '';
}

function pushTrimmed(text: string, s: number, e: number, out: Span[]): void {
  while (s < e && isWhitespace(text.charCodeAt(s))) s++;
  while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push([s, e]);
}

/** The sentence spans of `text` as strings (convenience for tests and the evaluation). */
export function sentenceTexts(text: string): string[] {
  return splitSentences(text).map(([s, e]) => text.slice(s, e));
}
