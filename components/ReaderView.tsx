/**
 * The reader page, drawn from lib/views/readerController.ts: a whole corpus document with its
 * title, author, outlet, date, perspective and notes, scrolled to the passage it was opened at
 * (highlighted, focused so the keyboard starts there), whose stance, cue words and entities are
 * shown above it. Every state has an h1 (the error state too).
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { EntitySummary } from '../lib/messages/protocol';
import type { ReaderController } from '../lib/views/readerController';
import { layoutDocument } from '../lib/views/readerView';
import { sourceNotes } from '../lib/views/sourceLabel';
import { scrollBehavior } from './motion';
import { ReaderDocument } from './ReaderDocument';
import { SourceLabel } from './SourceLabel';
import { StanceBadge } from './StanceBadge';
import { useStore } from './useStore';

export interface ReaderViewProps {
  reader: ReaderController;
  onCompare: (entity: EntitySummary) => void;
}

const Kicker = () => (
  <p class="reader-kicker">
    <img src="/icon/32.png" alt="" width={16} height={16} /> Counterpoint · source document
  </p>
);

export function ReaderView({ reader, onCompare }: ReaderViewProps) {
  const { target, doc, error, entities } = useStore(reader);
  const targetRef = useRef<HTMLElement>(null);
  const layout = useMemo(() => (doc ? layoutDocument(doc.document.body, doc.passages, target?.passageId) : null), [doc, target?.passageId]);

  useEffect(() => {
    if (!doc) return;
    document.title = `${doc.document.meta.title} — Counterpoint reader`;
    targetRef.current?.scrollIntoView({ block: 'center' });
    targetRef.current?.focus({ preventScroll: true });
  }, [layout]);

  if (error || !doc || !layout) {
    return (
      <main class="reader" aria-busy={!error}>
        <Kicker />
        <h1 class="reader-title">{error ? 'No document to show' : 'Loading…'}</h1>
        {error && (
          <p class="reader-error" role="alert">
            {error}
          </p>
        )}
      </main>
    );
  }

  const meta = doc.document.meta;
  const passage = layout.target;
  const passageEntities = (passage?.entityIds ?? []).map((id) => entities.get(id)).filter((e): e is EntitySummary => !!e);

  return (
    <main class="reader">
      <header class="reader-head">
        <Kicker />
        <h1 class="reader-title">{meta.title}</h1>
        <SourceLabel source={meta} hideTitle />
        {sourceNotes(meta).map((note) => (
          <p key={note} class="reader-note muted">
            {note}
          </p>
        ))}
        {meta.url && (
          <p class="reader-note">
            <a href={meta.url} rel="noreferrer noopener" target="_blank">
              Original
            </a>
          </p>
        )}
      </header>

      {passage && (
        <aside class="reader-passage-info" aria-label="The highlighted passage">
          <a
            href="#target"
            class="reader-jump"
            onClick={(e) => (e.preventDefault(), targetRef.current?.scrollIntoView({ block: 'center', behavior: scrollBehavior() }), targetRef.current?.focus({ preventScroll: true }))}
          >
            Highlighted passage
          </a>
          <StanceBadge stance={passage.stance} small />
          {passage.stanceCues.length > 0 && (
            <span class="stance-cues">
              <span class="visually-hidden">Cue words: </span>“{passage.stanceCues.join('”, “')}”
            </span>
          )}
          {passageEntities.length > 0 && (
            <span class="reader-entities">
              <span class="muted">Compare sources on </span>
              {passageEntities.map((e) => (
                <button key={e.id} type="button" class="btn-link reader-entity" onClick={() => onCompare(e)}>
                  {e.name}
                </button>
              ))}
            </span>
          )}
        </aside>
      )}

      <article class="reader-article" aria-label={meta.title}>
        <ReaderDocument layout={layout} targetRef={targetRef} />
      </article>
    </main>
  );
}
