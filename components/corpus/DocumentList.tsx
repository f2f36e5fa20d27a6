/**
 * Your documents: search and sort, edit the metadata, delete (with undo), find new places and
 * groups in one; the bundled documents, which can be hidden and shown again but never deleted.
 */
import { useState } from 'preact/hooks';
import type { CorpusWriteParams } from '../../lib/messages/corpusWrites';
import { draftProblems, metaToDraft } from '../../lib/userCorpus/draft';
import type { DraftMeta } from '../../lib/userCorpus/types';
import { errorText, type CorpusApi, type UserCorpusListing } from './api';
import { DraftFields } from './DraftFields';

interface Props {
  api: CorpusApi;
  listing: UserCorpusListing;
  refresh(): void;
  onPropose(docId: string): void;
}

type Sort = 'added' | 'title' | 'date';
type Restorable = CorpusWriteParams<'restoreDocuments'>['documents'];

export function DocumentList({ api, listing, refresh, onPropose }: Props) {
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

  const act = async (task: () => Promise<string>) => {
    try {
      setMessage(await task());
      refresh();
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <section class="corpus-section" aria-labelledby="docs-title">
      <h2 id="docs-title">Your documents ({listing.documents.length})</h2>
      <div class="row">
        <div class="field grow">
          <label htmlFor="docs-filter">Find</label>
          <input id="docs-filter" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label htmlFor="docs-sort">Sort by</label>
          <select id="docs-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="added">Newest first</option>
            <option value="title">Title</option>
            <option value="date">Date</option>
          </select>
        </div>
      </div>
      <p role="status" class="import-status">
        {message}
        {undo && (
          <button type="button" class="btn" onClick={() => void act(async () => (await api.restoreDocuments({ documents: undo }), setUndo(null), 'Restored.'))}>
            Undo
          </button>
        )}
      </p>
      {docs.length === 0 ? (
        <p class="muted">{listing.documents.length ? 'No document matches.' : 'None yet: add files, paste text, or use “Add this page” in the toolbar popup.'}</p>
      ) : (
        <ul class="doc-list" aria-label="Your documents">
          {docs.slice(0, shown).map((d) => (
            <li key={d.meta.id} class="doc">
              {editing && editing.id === d.meta.id ? (
                <form aria-label={`Edit ${d.meta.title}`} onSubmit={(e) => {
                  e.preventDefault();
                  void act(async () => (await api.updateDocument({ id: d.meta.id, meta: editing.meta }), setEditing(null), 'Saved.'));
                }}>
                  <DraftFields idPrefix={`edit-${d.meta.id}`} meta={editing.meta} onChange={(meta) => setEditing({ id: d.meta.id, meta })} />
                  <div class="row">
                    <button type="submit" class="btn btn-primary" disabled={Object.keys(draftProblems(editing.meta)).length > 0}>Save</button>
                    <button type="button" class="btn" onClick={() => setEditing(null)}>Cancel</button>
                  </div>
                </form>
              ) : (
                <>
                  <div class="doc-head">
                    <strong class="doc-title">{d.meta.title}</strong>
                    <span class="muted">
                      {[d.meta.author, d.meta.outlet, d.meta.dateLabel].filter(Boolean).join(' · ')} — {d.meta.perspective}
                    </span>
                  </div>
                  <div class="row">
                    <button type="button" class="btn" aria-label={`Edit ${d.meta.title}`} onClick={() => setEditing({ id: d.meta.id, meta: metaToDraft(d.meta) })}>Edit</button>
                    <button type="button" class="btn" aria-label={`Find new places and groups in ${d.meta.title}`} onClick={() => onPropose(d.meta.id)}>Find new places and groups</button>
                    <button type="button" class="btn" aria-label={`Delete ${d.meta.title}`} onClick={() => void act(async () => {
                      const { deleted } = await api.deleteDocuments({ ids: [d.meta.id] });
                      // Only the user's own documents can be deleted, so only they come back.
                      setUndo(deleted.map(({ meta, body }) => ({ meta: { ...meta, origin: 'user' as const }, body })));
                      return `Deleted “${d.meta.title}”.`;
                    })}>Delete</button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {docs.length > shown && (
        <button type="button" class="btn" onClick={() => setShown(shown + 200)}>
          Show more ({docs.length - shown} not shown)
        </button>
      )}
      <details class="seeds">
        <summary>Bundled documents ({listing.seeds.length})</summary>
        <ul class="doc-list">
          {listing.seeds.map((s) => (
            <li key={s.id} class="doc">
              <label class="field-check">
                <input type="checkbox" checked={!s.hidden} onChange={(e) => {
                  const show = e.currentTarget.checked;
                  void act(async () => (await api.setSeedHidden({ id: s.id, hidden: !show }), show ? `Showing “${s.title}”.` : `Hid “${s.title}”.`));
                }} />
                {s.title} <span class="muted">— {s.perspective}</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
