/**
 * How a source is named in the UI: who wrote it and where, when, and from which perspective.
 * Shared by the popup, the side panel, the reader and (if it likes) the card. Pure.
 */
import type { SourceMeta } from '../corpus/types';

/** "Brian Dowling, Boston Herald"; "Unsigned" when neither author nor outlet is known. */
export function byline(meta: Pick<SourceMeta, 'author' | 'outlet'>): string {
  const parts = [meta.author, meta.outlet].filter((p): p is string => !!p && p.trim().length > 0);
  return parts.length ? parts.join(', ') : 'Unsigned';
}

/** "October 2017", or "c. mid-2017" when the date was inferred from the text. */
export function dateText(meta: Pick<SourceMeta, 'dateLabel' | 'dateApproximate'>): string {
  return meta.dateApproximate ? `c. ${meta.dateLabel}` : meta.dateLabel;
}

/** Tooltip for the date. */
export function dateNote(meta: Pick<SourceMeta, 'date' | 'dateApproximate'>): string {
  return meta.dateApproximate ? `Approximate (${meta.date}): inferred from events in the text` : meta.date;
}

/** The whole label on one line, for screen readers and plain-text uses. */
export function sourceLine(meta: SourceMeta): string {
  return `${meta.title} — ${byline(meta)} · ${dateText(meta)} · ${meta.perspective}`;
}

/**
 * What a reader should know about a source beyond its label, as sentences shown as text (they
 * were tooltips): a title we supplied, the author note, an approximate date.
 */
export function sourceNotes(meta: Pick<SourceMeta, 'titleSupplied' | 'authorNote' | 'date' | 'dateApproximate'>): string[] {
  const notes: string[] = [];
  if (meta.titleSupplied) notes.push('The text has no title; this descriptive one is ours.');
  if (meta.authorNote?.trim()) notes.push(meta.authorNote.trim());
  if (meta.dateApproximate) notes.push(`The date is approximate (${meta.date}): inferred from events in the text.`);
  return notes;
}
