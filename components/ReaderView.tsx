/**
 * The reader page, drawn from lib/views/readerController.ts: a whole corpus document with its
 * title, author, outlet, date, perspective and notes, scrolled to the passage it was opened at
 * (highlighted, focused so the keyboard starts there), whose stance, cue words and entities are
 * shown above it. Every state has an h1 (the error state too).
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { EntitySummary } from '../lib/messages/protocol';
import { NO_DOCUMENT, type ReaderController } from '../lib/views/readerController';
import { layoutDocument } from '../lib/views/readerView';
import { sourceNotes } from '../lib/views/sourceLabel';
import { scrollBehavior } from './motion';
import { ReaderDocument } from './ReaderDocument';
import { SourceLabel } from './SourceLabel';
import { StanceBadge } from './StanceBadge';
import { useStore } from './useStore';
import { useT } from './i18n';

export interface ReaderViewProps {
  reader: ReaderController;
  onCompare: (entity: EntitySummary) => void;
}

function Kicker() {
  const t = useT();
  return (
    <p class="reader-kicker">
      <img src="/icon/32.png" alt="" width={16} height={16} /> {t('readerKicker')}
    </p>
  );
}

export function ReaderView({ reader, onCompare }: ReaderViewProps) {
  const t = useT();
  const { target, doc, error, entities } = useStore(reader);
  const targetRef = useRef<HTMLElement>(null);
  const layout = useMemo(() => (doc ? layoutDocument(doc.document.body, doc.passages, target?.passageId) : null), [doc, target?.passageId]);

  useEffect(() => {
    if (!doc) return;
    document.title = t('readerDocTitle', doc.document.meta.title);
    targetRef.current?.scrollIntoView({ block: 'center' });
    targetRef.current?.focus({ preventScroll: true });
  }, [layout]);

  if (error || !doc || !layout) {
    return (
      <main class="reader" aria-busy={!error}>
        <Kicker />
        <h1 class="reader-title">{error ? t('readerNoDoc') : t('loading')}</h1>
        {error && (
          <p class="reader-error" role="alert">
            {error === NO_DOCUMENT ? t('readerNoDocument') : error}
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
        <h1 class="reader-title" dir="auto">
          {meta.title}
        </h1>
        <SourceLabel source={meta} hideTitle origin={doc.origin} />
        {sourceNotes(meta, t).map((note) => (
          <p key={note} class="reader-note muted" dir="auto">
            {note}
          </p>
        ))}
        {meta.url && (
          <p class="reader-note">
            <a href={meta.url} rel="noreferrer noopener" target="_blank">
              {t('readerOriginal')}
            </a>
          </p>
        )}
      </header>

      {passage && (
        <aside class="reader-passage-info" aria-label={t('readerPassageInfo')}>
          <a
            href="#target"
            class="reader-jump"
            onClick={(e) => (e.preventDefault(), targetRef.current?.scrollIntoView({ block: 'center', behavior: scrollBehavior() }), targetRef.current?.focus({ preventScroll: true }))}
          >
            {t('readerJump')}
          </a>
          <StanceBadge stance={passage.stance} small />
          {passage.stanceCues.length > 0 && (
            <span class="stance-cues">
              <span class="visually-hidden">{t('cueWords')}</span>
              <bdi>{t('quoted', passage.stanceCues.join(t('listSep')))}</bdi>
            </span>
          )}
          {passageEntities.length > 0 && (
            <span class="reader-entities">
              <span class="muted">{t('pickerLabel')} </span>
              {passageEntities.map((e) => (
                <button key={e.id} type="button" class="btn-link reader-entity" onClick={() => onCompare(e)}>
                  {e.name}
                </button>
              ))}
            </span>
          )}
        </aside>
      )}

      <article class="reader-article" aria-label={meta.title} dir="auto">
        <ReaderDocument layout={layout} targetRef={targetRef} />
      </article>
    </main>
  );
}
