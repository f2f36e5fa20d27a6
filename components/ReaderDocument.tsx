/**
 * A whole document as text: one paragraph per line of its body, the passage being read
 * highlighted and its mentions emphasised (lib/views/readerView.ts decides the slices).
 */
import type { Ref } from 'preact';
import type { ReaderLayout } from '../lib/views/readerView';

export function ReaderDocument({ layout, targetRef }: { layout: ReaderLayout; targetRef?: Ref<HTMLElement> }) {
  return (
    <div class="reader-body">
      {layout.paragraphs.map((para, i) => {
        const isFirstTarget = i === layout.targetParagraph;
        return (
          <p key={para.start} dir="auto" class={para.segments.some((s) => s.target) ? 'has-target' : undefined}>
            {para.segments.map((s, j) => {
              if (!s.target) return s.text;
              const first = isFirstTarget && j === para.segments.findIndex((x) => x.target);
              return (
                <mark
                  key={s.start}
                  class={`target${s.mention ? ' target-mention' : ''}`}
                  data-entity={s.mention ?? undefined}
                  id={first ? 'target' : undefined}
                  ref={first ? targetRef : undefined}
                  tabIndex={first ? -1 : undefined}
                >
                  {s.text}
                </mark>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}
