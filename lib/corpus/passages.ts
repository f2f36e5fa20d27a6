/**
 * Sentence splitting and passage chunking for the corpus.
 *
 * Pure and offset-exact: every span is `[start, end)` in UTF-16 indices of the input, trimmed of
 * whitespace, and `text.slice(start, end)` is the sentence/passage itself. Every non-whitespace
 * character of the input lies in exactly one span.
 *
 * Rules, in order of precedence:
 * - A line break (\n, \r, U+2028, U+2029) always ends a sentence, so sentences never cross a
 *   paragraph (= the text between line breaks) and never cross a blank line.
 * - Inside a line, a sentence ends after a run of terminators (. ! ? …), plus any closing quotes
 *   or brackets glued to it ("…capital.”"), when followed by whitespace and then a character that
 *   is not a lower-case letter. `6.5`, `U.S.-backed`, `news.com` never split (no whitespace).
 * - The corpus's odd spacing "ISIS . What" / "defeated .The" is handled: a period standing on its
 *   own after whitespace is always a terminator (it cannot be an abbreviation), and it also splits
 *   when glued to the next sentence's capital letter.
 * - A period after an abbreviation does not end the sentence:
 *   titles and the like ("Col.", "Dr.", "St.", "e.g.") never end one; company suffixes, months,
 *   dotted acronyms ("U.S.", "U.N.") and single-letter initials ("J.") end one only when the next
 *   word is a common sentence opener ("… in the U.S. The war …" splits, "U.S. Army" does not).
 */

export type Span = [start: number, end: number];

/** Abbreviations whose period never ends a sentence (they precede a name or continue the clause). */
const NEVER_END = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'col', 'gen', 'lt', 'sgt', 'cpl', 'pvt', 'capt', 'maj', 'adm',
    'cmdr', 'brig', 'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'amb', 'st', 'mt', 'ft', 'fr',
    'vs', 'cf', 'approx', 'dept', 'univ', 'no', 'nos', 'vol', 'fig', 'art', 'ch', 'sec', 'para',
    'e.g', 'i.e', 'viz', 'al', // "et al."
  ],
);

/** Abbreviations whose period ends a sentence only before a common sentence opener. */
const MAYBE_END = new Set([
  'corp', 'inc', 'ltd', 'co', 'bros', 'plc', 'llc', 'jr', 'sr', 'etc',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'a.m', 'p.m',
]);

/** Words that typically open a sentence; used to decide "U.S. The…" (split) vs "U.S. Army" (no split). */
const OPENERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'my', 'a', 'an', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at',
  'as', 'if', 'when', 'while', 'after', 'before', 'since', 'there', 'here', 'what', 'who', 'why',
  'how', 'where', 'some', 'many', 'most', 'all', 'one', 'two', 'meanwhile', 'however', 'still',
  'even', 'also', 'then', 'for', 'with', 'by', 'from', 'to', 'of', 'now', 'today', 'yesterday',
  'last', 'according', 'although', 'though', 'because', 'despite', 'both', 'each', 'no', 'not',
]);

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

// Character classes by code unit (the hot loops run over every character of the corpus).
function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}
/** . ! ? … */
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
/** Closing quotes and brackets that stay with the sentence they close: " ' ’ ” » ) ] */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x2019 || c === 0x201d || c === 0xbb || c === 0x29 || c === 0x5d;
}
/** Same set as the regex `\s` (and String.prototype.trim). */
function isWsCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
function isWs(ch: string | undefined): boolean {
  return ch !== undefined && isWsCode(ch.charCodeAt(0));
}

/**
 * Split `text` into sentences. Returns trimmed `[start, end)` spans in order; empty lines yield nothing.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || isLineBreak(text.charCodeAt(i))) {
      splitLine(text, lineStart, i, out);
      lineStart = i + 1;
    }
  }
  return out;
}

/** Push the trimmed span [s, e) if it has any non-whitespace character. */
function pushTrimmed(text: string, s: number, e: number, out: Span[]): void {
  while (s < e && isWsCode(text.charCodeAt(s))) s++;
  while (e > s && isWsCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push([s, e]);
}

function splitLine(text: string, from: number, to: number, out: Span[]): void {
  let sentStart = from;
  let i = from;
  while (i < to) {
    if (!isTerminator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // The run of terminators ("?!", "...", "…").
    const termStart = i;
    let j = i;
    while (j < to && isTerminator(text.charCodeAt(j))) j++;
    // Closing quotes/brackets glued to it.
    let k = j;
    while (k < to && isCloser(text.charCodeAt(k))) k++;
    const end = k;
    if (isBoundary(text, from, to, termStart, j, end)) {
      pushTrimmed(text, sentStart, end, out);
      sentStart = end;
    }
    i = Math.max(end, i + 1);
  }
  pushTrimmed(text, sentStart, to, out);
}

/**
 * Is there a sentence boundary after the terminator run text[termStart, termEnd) followed by
 * closers up to `end`? `lineStart`/`lineEnd` bound the current line.
 */
function isBoundary(text: string, lineStart: number, lineEnd: number, termStart: number, termEnd: number, end: number): boolean {
  if (end >= lineEnd) return true; // end of line
  const spaceBefore = termStart === lineStart || isWs(text[termStart - 1]);
  const next = text[end]!;
  if (!isWs(next)) {
    // Glued to what follows: "6.5", "U.S.-backed", "news.com". Only the corpus's odd " .The" splits.
    return spaceBefore && termEnd - termStart === 1 && text[termStart] === '.' && end === termEnd && UPPER.test(next);
  }
  // Find the first character of the next word.
  let m = end;
  while (m < lineEnd && isWs(text[m])) m++;
  if (m >= lineEnd) return true;
  const nextCh = text[m]!;
  if (LOWER.test(nextCh)) return false; // "approx. five", "etc. and", "U.S. airstrikes"
  if (spaceBefore) return true; // "ISIS . What" — a free-standing period is never an abbreviation
  if (text[termStart] !== '.' || termEnd - termStart !== 1 || end !== termEnd) return true; // "?", "!", "...", ".”"
  const word = wordBefore(text, lineStart, termStart);
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (NEVER_END.has(lower)) {
    // "No. 5" is an abbreviation, "No. The…" is a sentence "No."
    if (lower === 'no' || lower === 'nos') return !/\d/.test(nextCh);
    return false;
  }
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(word); // "U.S", "U.N", "a.m" (final period is the terminator)
  const initial = /^\p{Lu}$/u.test(word); // "J." in "J. Smith"
  if (MAYBE_END.has(lower) || dotted || initial) {
    return OPENERS.has(nextWord(text, m, lineEnd).toLowerCase());
  }
  return true;
}

/** The token immediately before position `pos` (letters, digits and inner periods). */
function wordBefore(text: string, lineStart: number, pos: number): string {
  let s = pos;
  while (s > lineStart && /[\p{L}\p{N}.]/u.test(text[s - 1]!)) s--;
  return text.slice(s, pos).replace(/^\.+/, '');
}

function nextWord(text: string, pos: number, lineEnd: number): string {
  let e = pos;
  while (e < lineEnd && /\p{L}/u.test(text[e]!)) e++;
  return text.slice(pos, e);
}

export interface ChunkOptions {
  /** Preferred passage length in characters (default 300). */
  targetChars?: number;
  /** Hard maximum, exceeded only by a single sentence longer than it (default 600). */
  maxChars?: number;
}

/**
 * Group the sentences of each paragraph into passages of a few sentences.
 *
 * Within a paragraph, sentences are partitioned into consecutive groups by a small dynamic
 * programme minimising Σ (length − target)², subject to length ≤ maxChars unless the group is
 * a single sentence. This keeps passages near the target and avoids a tiny leftover passage at a
 * paragraph's end (which greedy packing produces). Passages never cross a paragraph boundary.
 */
export function chunkPassages(body: string, opts: ChunkOptions = {}): Span[] {
  const target = opts.targetChars ?? 300;
  const max = Math.max(opts.maxChars ?? 600, 1);
  const sentences = splitSentences(body);
  const out: Span[] = [];
  // Sentences of one paragraph are consecutive in `sentences` with no line break between them.
  let p = 0;
  while (p < sentences.length) {
    let q = p + 1;
    while (q < sentences.length && !lineBreakBetween(body, sentences[q - 1]![1], sentences[q]![0])) q++;
    partition(sentences, p, q, target, max, out);
    p = q;
  }
  return out;
}

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isLineBreak(text.charCodeAt(i))) return true;
  return false;
}

/** Optimal partition of sentences[p, q) (one paragraph) into passages; appends to `out`. */
function partition(sentences: Span[], p: number, q: number, target: number, max: number, out: Span[]): void {
  const n = q - p;
  if (n === 1) {
    out.push([sentences[p]![0], sentences[p]![1]]);
    return;
  }
  // cost[i] = best cost of partitioning the first i sentences; cut[i] = start index of the last group.
  const cost = new Float64Array(n + 1).fill(Infinity);
  const cut = new Int32Array(n + 1);
  cost[0] = 0;
  for (let i = 1; i <= n; i++) {
    const end = sentences[p + i - 1]![1];
    // Last group = sentences [j, i). Walk j backwards while the group fits (a single sentence always does).
    for (let j = i - 1; j >= 0; j--) {
      const len = end - sentences[p + j]![0];
      if (len > max && j < i - 1) break;
      const d = len - target;
      const c = cost[j]! + d * d;
      if (c < cost[i]!) {
        cost[i] = c;
        cut[i] = j;
      }
    }
  }
  const groups: Span[] = [];
  for (let i = n; i > 0; i = cut[i]!) {
    const j = cut[i]!;
    groups.push([sentences[p + j]![0], sentences[p + i - 1]![1]]);
  }
  for (let g = groups.length - 1; g >= 0; g--) out.push(groups[g]!);
}
