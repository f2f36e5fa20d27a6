/**
 * The reader: a whole corpus document (reader.html#doc=DOC_ID&passage=PASSAGE_ID), with its
 * title, author, outlet, date and perspective, scrolled to the passage it was opened at, which is
 * highlighted. The entities of that passage link to their comparison in the side panel.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { currentWindowId, openComparison } from '../../platform/extensionPages';
import { ReaderDocument } from '../../components/ReaderDocument';
import { SourceLabel } from '../../components/SourceLabel';
import { StanceBadge } from '../../components/StanceBadge';
import { parseReaderHash, type ReaderTarget } from '../../lib/messages/pageUrls';
import type { EntitySummary } from '../../lib/messages/protocol';
import { layoutDocument } from '../../lib/views/readerView';
import type { Passage, SourceDocument } from '../../lib/corpus/types';
import { pageMessenger } from '../../platform/messaging';

type Loaded = { document: SourceDocument; passages: Passage[] };

export function App() {
  const [target, setTarget] = useState<ReaderTarget | null>(() => parseReaderHash(location.hash));
  const [doc, setDoc] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [entities, setEntities] = useState<Map<string, EntitySummary>>(new Map());
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const targetRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onHash = () => setTarget(parseReaderHash(location.hash));
    addEventListener('hashchange', onHash);
    void currentWindowId().then(setWindowId);
    pageMessenger
      .sendMessage('listEntities', undefined)
      .then((r) => setEntities(new Map(r.entities.map((e) => [e.id, e]))))
      .catch(() => undefined);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    setError(null);
    if (!target) {
      setDoc(null);
      setError('No document given: open the reader from a search result or a comparison.');
      return;
    }
    if (doc?.document.meta.id === target.docId) return;
    pageMessenger
      .sendMessage('getDocument', { docId: target.docId })
      .then(setDoc)
      .catch((e: Error) => setError(e.message || 'This document could not be loaded.'));
  }, [target?.docId]);

  const layout = useMemo(
    () => (doc ? layoutDocument(doc.document.body, doc.passages, target?.passageId) : null),
    [doc, target?.passageId],
  );

  useEffect(() => {
    if (!doc) return;
    document.title = `${doc.document.meta.title} — Counterpoint reader`;
    const el = targetRef.current;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [layout]);

  if (error) {
    return (
      <main class="reader">
        <p class="reader-error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!doc || !layout) {
    return (
      <main class="reader" aria-busy="true">
        <p class="muted">Loading…</p>
      </main>
    );
  }

  const meta = doc.document.meta;
  const passage = layout.target;
  const passageEntities = (passage?.entityIds ?? []).map((id) => entities.get(id)).filter((e): e is EntitySummary => !!e);

  return (
    <main class="reader">
      <header class="reader-head">
        <p class="reader-kicker">
          <img src="/icon/32.png" alt="" width={16} height={16} /> Counterpoint · source document
        </p>
        <h1 class="reader-title">{meta.title}</h1>
        <SourceLabel source={meta} hideTitle />
        {meta.titleSupplied && <p class="reader-note muted">The text has no title; this descriptive one is ours.</p>}
        {meta.authorNote && <p class="reader-note">{meta.authorNote}</p>}
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
          <a href="#target" class="reader-jump" onClick={(e) => (e.preventDefault(), targetRef.current?.scrollIntoView({ block: 'center' }))}>
            Highlighted passage
          </a>
          <StanceBadge stance={passage.stance} cues={passage.stanceCues} small />
          {passageEntities.length > 0 && (
            <span class="reader-entities">
              <span class="muted">Compare sources on </span>
              {passageEntities.map((e) => (
                <button key={e.id} type="button" class="btn-link reader-entity" onClick={() => void openComparison(e.id, windowId)}>
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
