/**
 * Emphasis as data, never as HTML: turns `[start, end)` ranges over a text into plain text
 * slices flagged `marked`, which the UI renders as text nodes inside <mark> elements
 * (components/Highlighted.tsx). Also clips a long text to a window around its first range, for
 * result lists. Pure.
 */

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
 * context before it; cuts fall on spaces where possible and are marked with an ellipsis.
 */
export function clipAround(text: string, ranges: readonly Span[], max = 260, before = 60): Clipped {
  const merged = normalizeRanges(text.length, ranges);
  if (text.length <= max) return { text, ranges: merged, clippedStart: false, clippedEnd: false };
  const first = merged[0]?.[0] ?? 0;
  let start = Math.max(0, first - before);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space > 0 && first - space < before * 2 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  if (text.length - end < 20) end = text.length;
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shifted = normalizeRanges(end - start, merged.map(([s, e]) => [s - start, e - start] as const)).map(
    ([s, e]): [number, number] => [s + prefix.length, e + prefix.length],
  );
  return {
    text: prefix + text.slice(start, end) + suffix,
    ranges: shifted,
    clippedStart: start > 0,
    clippedEnd: end < text.length,
  };
}
