/**
 * Text with emphasised ranges, as Preact text nodes inside <mark> elements: the ranges are
 * offsets ([start, end)) into `text`, never HTML.
 */
import { segmentText, type Span } from '../lib/text/emphasis';

export function Highlighted({ text, ranges, markClass }: { text: string; ranges: readonly Span[]; markClass?: string }) {
  return (
    <>
      {segmentText(text, ranges).map((s) =>
        s.marked ? (
          <mark key={s.start} class={markClass}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
