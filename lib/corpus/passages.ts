/**
 * Passage chunking for the corpus: the sentences of each paragraph (lib/text/sentences.ts, the
 * project's one sentence splitter) grouped into passages of a few sentences.
 *
 * Pure and offset-exact: every span is `[start, end)` in UTF-16 indices of the input, trimmed of
 * whitespace, and `text.slice(start, end)` is the passage itself. Every non-whitespace character
 * of the input lies in exactly one span.
 */
import { splitSentences, type Span } from '../text/sentences';

export { splitSentences, type Span };

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
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
