/**
 * Emphasis as data, never as HTML: turns `[start, end)` ranges over a text into plain text
 * slices flagged `marked`, which the UI renders as text nodes inside <mark> elements
 * (components/Highlighted.tsx). Also clips a long text to a window around its first range, for
 * result lists and cards. Pure.
 */
import { splitSentences } from './sentences';

export type Span = readonly [start: number, end: number];

export interface TextSegment {
  text: string;
  /** Offset of `text` in the original string. */
  start: number;
  marked: boolean;
}

/** Clamps ranges to the text, drops empty ones, sorts them and merges overlapping or touching ones. */
export function normalizeRanges(length: number, ranges: readonly Span[]): Array<[number, number]> {
  const clamped = ranges
    .map(([s, e]): [number, number] => [Math.max(0, Math.min(length, s)), Math.max(0, Math.min(length, e))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of clamped) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The text cut into alternating plain and marked slices; concatenated, they give back the text. */
export function segmentText(text: string, ranges: readonly Span[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [s, e] of normalizeRanges(text.length, ranges)) {
    if (s > at) segments.push({ text: text.slice(at, s), start: at, marked: false });
    segments.push({ text: text.slice(s, e), start: s, marked: true });
    at = e;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), start: at, marked: false });
  return segments;
}

export interface Clipped {
  text: string;
  /** The ranges shifted into `text` (those outside the window are dropped or cut). */
  ranges: Array<[number, number]>;
  clippedStart: boolean;
  clippedEnd: boolean;
}

const ELLIPSIS = '…';

/**
 * At most about `max` characters of `text`, chosen so that the first range shows with some
 * context before it. Cuts fall on sentence boundaries where one is near (lib/text/sentences.ts),
 * else between words — never inside a word — and an ellipsis marks only text left out.
 */
export function clipAround(text: string, ranges: readonly Span[], max = 260, before = 60): Clipped {
  const merged = normalizeRanges(text.length, ranges);
  if (text.length <= max) return { text, ranges: merged, clippedStart: false, clippedEnd: false };
  const first = merged[0]?.[0] ?? 0;
  const sentences = splitSentences(text);
  let start = 0;
  if (first > before) {
    // The start of the sentence holding the first range, if it leaves enough room; else a word boundary.
    const own = sentences.find(([, e]) => first < e)?.[0] ?? 0;
    if (own >= first - before * 2 && own <= first) start = own;
    else start = wordStart(text, first - before, first);
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const sentenceEnd = sentences.map(([, e]) => e).filter((e) => e > first && e <= end).pop();
    end = sentenceEnd !== undefined && sentenceEnd > start + max / 2 ? sentenceEnd : wordEnd(text, end, start + max / 2);
  }
  if (text.length - end < 20) end = text.length;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shifted = normalizeRanges(end - start, merged.map(([s, e]) => [s - start, e - start] as const)).map(
    ([s, e]): [number, number] => [s + prefix.length, e + prefix.length],
  );
  return {
    text: prefix + text.slice(start, end).trimEnd() + suffix,
    ranges: shifted,
    clippedStart: start > 0,
    clippedEnd: end < text.length,
  };
}

/** The first word start at or after `from` (before `limit`), so a cut never splits a word. */
function wordStart(text: string, from: number, limit: number): number {
  const back = text.lastIndexOf(' ', from);
  if (back > 0 && from - back < 40) return back + 1;
  const fwd = text.indexOf(' ', from);
  return fwd >= 0 && fwd < limit ? fwd + 1 : Math.max(0, from);
}

/** The last word end at or before `to` (after `floor`), so a cut never splits a word. */
function wordEnd(text: string, to: number, floor: number): number {
  const space = text.lastIndexOf(' ', to);
  return space > floor ? space : to;
}
