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
