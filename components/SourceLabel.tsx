/**
 * Who says it: a source's title, author/outlet, approximate date and perspective. Shared by the
 * popup, the side panel, the reader and the card (it only needs components/theme.css's .source-*
 * classes or its own).
 *
 * The separators are real text (" · "), so a screen reader hears the parts as separate phrases,
 * and there is a real space before "(title supplied)". With `notes`, what used to be tooltips (a
 * supplied title, the author note, an approximate date) is a disclosure the keyboard can open.
 */
import { byline, dateText, sourceNotes } from '../lib/views/sourceLabel';
import type { SourceMeta } from '../lib/corpus/types';
import { useT } from './i18n';

export interface SourceLabelProps {
  source: SourceMeta;
  /** Leave the title out (when a heading already shows it). */
  hideTitle?: boolean;
  /** Heading level for the title, or plain text when absent. */
  titleAs?: 'h2' | 'h3' | 'h4' | 'span';
  titleId?: string;
  /** Offer the source's notes in an "About this source" disclosure. */
  notes?: boolean;
  /** Leave the perspective out (when a heading beside it already shows it). */
  hidePerspective?: boolean;
  /** The team whose server it comes from ("Team · Desk Iraq"); absent for the local corpus. */
  origin?: string;
}

const SEP = ' · ';

export function SourceLabel({ source, hideTitle, titleAs = 'span', titleId, notes, hidePerspective, origin }: SourceLabelProps) {
  const t = useT();
  const Title = titleAs;
  const about = notes ? sourceNotes(source, t) : [];
  return (
    <div class="source-label">
      {!hideTitle && (
        <Title class="source-title" id={titleId}>
          <bdi>{source.title}</bdi>
          {source.titleSupplied && (
            <>
              {' '}
              <span class="source-title-note">{t('sourceTitleSupplied')}</span>
            </>
          )}
        </Title>
      )}
      <span class="source-meta">
        {origin && (
          <>
            <bdi class="source-origin">{t('teamOrigin', origin)}</bdi>
            {SEP}
          </>
        )}
        <bdi class="source-byline">{byline(source, t)}</bdi>
        {SEP}
        <time class="source-date" dateTime={source.date}>
          <bdi>{dateText(source, t)}</bdi>
        </time>
        {!hidePerspective && (
          <>
            {SEP}
            <bdi class="source-perspective">{source.perspective}</bdi>
          </>
        )}
      </span>
      {about.length > 0 && (
        <details class="source-notes">
          <summary>
            {t('sourceAbout')}
            <span class="visually-hidden">: {source.title}</span>
          </summary>
          {about.map((note) => (
            <p key={note} dir="auto">
              {note}
            </p>
          ))}
        </details>
      )}
    </div>
  );
}
