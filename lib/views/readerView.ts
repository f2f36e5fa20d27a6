/**
 * The reader view's layout: a document body cut into paragraphs (one per line of the body) and
 * each paragraph into text slices, flagging the slices of the passage being read and, inside it,
 * the mentions of corpus entities. Everything is text; the page renders slices as text nodes.
 * Pure.
 */
import type { Passage } from '../corpus/types';

export interface ReaderSegment {
  text: string;
  /** Offset in the body. */
  start: number;
  /** Part of the passage the reader was opened at. */
  target: boolean;
  /** Entity id when the slice is a mention inside that passage. */
  mention: string | null;
}

export interface ReaderParagraph {
  start: number;
  segments: ReaderSegment[];
}

export interface ReaderLayout {
  paragraphs: ReaderParagraph[];
  /** Index of the first paragraph holding the target passage, or -1. */
  targetParagraph: number;
  target: Passage | null;
}

export function layoutDocument(body: string, passages: readonly Passage[], targetPassageId?: number): ReaderLayout {
  const target = targetPassageId === undefined ? null : passages.find((p) => p.id === targetPassageId) ?? null;
  const ts = target ? target.start : -1;
  const te = target ? target.end : -1;
  const mentions = (target?.mentions ?? [])
    .map((m) => ({ start: ts + m.start, end: ts + m.end, entityId: m.entityId }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start);

  const paragraphs: ReaderParagraph[] = [];
  let targetParagraph = -1;
  let lineStart = 0;
  for (const line of body.split('\n')) {
    const start = lineStart;
    const end = start + line.length;
    lineStart = end + 1;
    if (!line.trim()) continue;
    const cuts = new Set([start, end]);
    for (const x of [ts, te]) if (x > start && x < end) cuts.add(x);
    for (const m of mentions) for (const x of [m.start, m.end]) if (x > start && x < end) cuts.add(x);
    const points = [...cuts].sort((a, b) => a - b);
    const segments: ReaderSegment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i]!;
      const e = points[i + 1]!;
      const inTarget = target !== null && s >= ts && e <= te;
      const mention = inTarget ? mentions.find((m) => s >= m.start && e <= m.end)?.entityId ?? null : null;
      const last = segments[segments.length - 1];
      if (last && last.target === inTarget && last.mention === null && mention === null) last.text += body.slice(s, e);
      else segments.push({ text: body.slice(s, e), start: s, target: inTarget, mention });
    }
    if (targetParagraph < 0 && segments.some((seg) => seg.target)) targetParagraph = paragraphs.length;
    paragraphs.push({ start, segments });
  }
  return { paragraphs, targetParagraph, target };
}
