/**
 * Your documents: search and sort, edit the metadata, delete (with undo), find new places and
 * groups in one; the bundled documents, which can be hidden and shown again but never deleted.
 */
import { useState } from 'preact/hooks';
import type { Params } from '../../lib/messages/registry';
import { draftProblemKeys, metaToDraft } from '../../lib/userCorpus/draft';
import type { DraftMeta } from '../../lib/userCorpus/types';
import { errorText } from '../../lib/i18n/wording';
import { localDateLabel } from '../../lib/i18n/dates';
import type { CorpusApi, UserCorpusListing } from './api';
import { useT } from '../i18n';
import { DraftFields } from './DraftFields';
import { LIST_ROWS_PER_FRAME, useRowsByFrame } from './rowsByFrame';

interface Props {
  api: CorpusApi;
  listing: UserCorpusListing;
  refresh(): void;
  onPropose(docId: string): void;
}

type Sort = 'added' | 'title' | 'date';
type Restorable = Params<'restoreDocuments'>['documents'];

export function DocumentList({ api, listing, refresh, onPropose }: Props) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('added');
  const [editing, setEditing] = useState<{ id: string; meta: DraftMeta } | null>(null);
  const [undo, setUndo] = useState<Restorable | null>(null);
  const [message, setMessage] = useState('');
  const [shown, setShown] = useState(50);

  const q = query.trim().toLowerCase();
  const docs = listing.documents
    .filter((d) => !q || [d.meta.title, d.meta.author, d.meta.outlet, d.meta.perspective].some((s) => s?.toLowerCase().includes(q)))
    .sort((a, b) => (sort === 'title' ? a.meta.title.localeCompare(b.meta.title) : sort === 'date' ? b.meta.date.localeCompare(a.meta.date) : 0));
  if (sort === 'added') docs.reverse();
  // Drawn a few new rows per frame (rowsByFrame.ts): the first listing after a large import is 50 new rows.
  const drawn = useRowsByFrame(docs.slice(0, shown).map((d) => d.meta.id), LIST_ROWS_PER_FRAME);

  const act = async (task: () => Promise<string>) => {
    try {
      setMessage(await task());
      refresh();
    } catch (e) {
      setMessage(errorText(e, t));
    }
  };

  return (
    <section class="corpus-section" aria-labelledby="docs-title">
      <h2 id="docs-title">{t('docsTitle', listing.documents.length)}</h2>
      <div class="row">
        <div class="field grow">
          <label htmlFor="docs-filter">{t('docsFind')}</label>
          <input id="docs-filter" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label htmlFor="docs-sort">{t('docsSort')}</label>
          <select id="docs-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="added">{t('docsNewest')}</option>
            <option value="title">{t('fieldTitle')}</option>
            <option value="date">{t('fieldDate')}</option>
          </select>
        </div>
      </div>
      <p role="status" class="import-status">
        {message}
        {undo && (
          <button type="button" class="btn" onClick={() => void act(async () => (await api.restoreDocuments({ documents: undo }), setUndo(null), t('docsRestored')))}>
            {t('undo')}
          </button>
        )}
      </p>
      {docs.length === 0 ? (
        <p class="muted">{t(listing.documents.length ? 'docsNoMatch' : 'docsNone')}</p>
      ) : (
        <ul class="doc-list" aria-label={t('docsList')}>
          {docs.slice(0, drawn).map((d) => (
            <li key={d.meta.id} class="doc">
              {editing && editing.id === d.meta.id ? (
                <form aria-label={t('docsEdit', d.meta.title)} onSubmit={(e) => {
                  e.preventDefault();
                  void act(async () => (await api.updateDocument({ id: d.meta.id, meta: editing.meta }), setEditing(null), t('docsSaved')));
                }}>
                  <DraftFields idPrefix={`edit-${d.meta.id}`} meta={editing.meta} onChange={(meta) => setEditing({ id: d.meta.id, meta })} />
                  <div class="row">
                    <button type="submit" class="btn btn-primary" disabled={Object.keys(draftProblemKeys(editing.meta)).length > 0}>{t('save')}</button>
                    <button type="button" class="btn" onClick={() => setEditing(null)}>{t('cancel')}</button>
                  </div>
                </form>
              ) : (
                <>
                  <div class="doc-head">
                    <strong class="doc-title" dir="auto">{d.meta.title}</strong>
                    <span class="muted">
                      <bdi dir="auto">{[d.meta.author, d.meta.outlet, localDateLabel(d.meta.dateLabel, d.meta.date, t)].filter(Boolean).join(' · ')}</bdi> — <bdi dir="auto">{d.meta.perspective}</bdi>
                    </span>
                  </div>
                  <div class="row">
                    <button type="button" class="btn" aria-label={t('docsEdit', d.meta.title)} onClick={() => setEditing({ id: d.meta.id, meta: metaToDraft(d.meta) })}>{t('edit')}</button>
                    <button type="button" class="btn" aria-label={t('docsProposeIn', d.meta.title)} onClick={() => onPropose(d.meta.id)}>{t('docsPropose')}</button>
                    <button type="button" class="btn" aria-label={t('docsDelete', d.meta.title)} onClick={() => void act(async () => {
                      const { deleted } = await api.deleteDocuments({ ids: [d.meta.id] });
                      // Only the user's own documents can be deleted, so only they come back.
                      setUndo(deleted.map(({ meta, body }) => ({ meta: { ...meta, origin: 'user' as const }, body })));
                      return t('docsDeleted', d.meta.title);
                    })}>{t('delete')}</button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {docs.length > shown && (
        <button type="button" class="btn" onClick={() => setShown(shown + 200)}>
          {t('docsShowMore', docs.length - shown)}
        </button>
      )}
      <details class="seeds">
        <summary>{t('docsSeeds', listing.seeds.length)}</summary>
        <ul class="doc-list">
          {listing.seeds.map((s) => (
            <li key={s.id} class="doc">
              <label class="field-check">
                <input type="checkbox" checked={!s.hidden} onChange={(e) => {
                  const show = e.currentTarget.checked;
                  void act(async () => (await api.setSeedHidden({ id: s.id, hidden: !show }), t(show ? 'docsShowing' : 'docsHid', s.title)));
                }} />
                <bdi dir="auto">{s.title}</bdi> <span class="muted">— <bdi dir="auto">{s.perspective}</bdi></span>
              </label>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
