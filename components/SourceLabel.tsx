/**
 * Who says it: a source's title, author/outlet, approximate date and perspective. Shared by the
 * popup, the side panel, the reader and the card (styled by components/theme.css).
 */
import type { SourceMeta } from '../lib/corpus/types';
import { byline, dateNote, dateText } from '../lib/views/sourceLabel';

export interface SourceLabelProps {
  source: SourceMeta;
  /** Leave the title out (when a heading already shows it). */
  hideTitle?: boolean;
  /** Heading level for the title, or plain text when absent. */
  titleAs?: 'h2' | 'h3' | 'h4' | 'span';
  titleId?: string;
  /** Leave the perspective out (when a heading beside it already shows it). */
  hidePerspective?: boolean;
}

export function SourceLabel({ source, hideTitle, titleAs = 'span', titleId, hidePerspective }: SourceLabelProps) {
  const Title = titleAs;
  return (
    <div class="source-label">
      {!hideTitle && (
        <Title class="source-title" id={titleId}>
          {source.title}
          {source.titleSupplied && (
            <span class="source-title-note" title="The text has no title; this descriptive one is ours.">
              (title supplied)
            </span>
          )}
        </Title>
      )}
      <div class="source-meta">
        <span class="source-byline" title={source.authorNote}>
          {byline(source)}
        </span>
        <time class="source-date" dateTime={source.date} title={dateNote(source)}>
          {dateText(source)}
        </time>
        {!hidePerspective && <span class="source-perspective">{source.perspective}</span>}
      </div>
    </div>
  );
}
