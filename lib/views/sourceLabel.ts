/**
 * How a source is named in the UI: who wrote it and where, when, and from which perspective.
 * Shared by the popup, the side panel, the reader and (if it likes) the card. Pure.
 */
import type { SourceMeta } from '../corpus/types';
import { ENGLISH } from '../i18n/english';
import type { T } from '../i18n/keys';
import { localDateLabel } from '../i18n/dates';

/** "Brian Dowling, Boston Herald"; "Unsigned" when neither author nor outlet is known. */
export function byline(meta: Pick<SourceMeta, 'author' | 'outlet'>, t: T = ENGLISH): string {
  const parts = [meta.author, meta.outlet].filter((p): p is string => !!p && p.trim().length > 0);
  return parts.length ? parts.join(', ') : t('sourceUnsigned');
}

/** "October 2017", or "c. mid-2017" when the date was inferred from the text; in the language of `t` ("vers octobre 2017"). */
export function dateText(meta: Pick<SourceMeta, 'dateLabel' | 'dateApproximate'> & { date?: string }, t: T = ENGLISH): string {
  const label = localDateLabel(meta.dateLabel, meta.date, t);
  return meta.dateApproximate ? t('sourceDateApprox', label) : label;
}

/** Tooltip for the date. */
export function dateNote(meta: Pick<SourceMeta, 'date' | 'dateApproximate'>, t: T = ENGLISH): string {
  return meta.dateApproximate ? t('sourceDateNote', meta.date) : meta.date;
}

/** The whole label on one line, for screen readers and plain-text uses. */
export function sourceLine(meta: SourceMeta): string {
  return `${meta.title} — ${byline(meta)} · ${dateText(meta)} · ${meta.perspective}`;
}

/**
 * What a reader should know about a source beyond its label, as sentences shown as text (they
 * were tooltips): a title we supplied, the author note, an approximate date.
 */
export function sourceNotes(meta: Pick<SourceMeta, 'titleSupplied' | 'authorNote' | 'date' | 'dateApproximate'>, t: T = ENGLISH): string[] {
  const notes: string[] = [];
  if (meta.titleSupplied) notes.push(t('sourceNoteTitle'));
  if (meta.authorNote?.trim()) notes.push(meta.authorNote.trim());
  if (meta.dateApproximate) notes.push(t('sourceNoteDate', meta.date));
  return notes;
}
