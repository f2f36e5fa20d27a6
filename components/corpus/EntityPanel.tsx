/**
 * Places and groups: proposals found in one of your documents (accept as a new entity, merge
 * into an existing one as an alias, or ignore), a form to create one by hand, and aliases for
 * any entity. What you add is private: cards open on it, but no page can read it (README,
 * "Security and privacy").
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntitySummary } from '../../lib/messages/protocol';
import type { EntityType } from '../../lib/corpus/types';
import type { Proposal } from '../../lib/userCorpus/proposals';
import { Matcher } from '../../lib/text/matcher';
import { errorText, type CorpusApi, type UserCorpusListing } from './api';

interface Props {
  api: CorpusApi;
  listing: UserCorpusListing;
  /** The document to look for proposals in, when asked. */
  proposeFor: string | null;
  refresh(): void;
}

export function EntityPanel({ api, listing, proposeFor, refresh }: Props) {
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  const [proposals, setProposals] = useState<{ title: string; items: Proposal[] } | null>(null);
  const [message, setMessage] = useState('');
  const [form, setForm] = useState({ name: '', type: 'place' as EntityType, kind: '', description: '', aliases: '' });
  const [alias, setAlias] = useState({ entityId: '', text: '' });

  useEffect(() => void api.listEntities().then((r) => setEntities([...r.entities].sort((a, b) => a.name.localeCompare(b.name)))), [listing]);

  useEffect(() => {
    if (!proposeFor) return;
    setProposals(null);
    void (async () => {
      try {
        const [{ document }, data, { proposeEntities }] = await Promise.all([api.getDocument(proposeFor), api.matcherData(), import('../../lib/userCorpus/proposals')]);
        const matcher = new Matcher(data.patterns);
        setProposals({ title: document.meta.title, items: proposeEntities(document.body, (s) => matcher.findAll(s)) });
      } catch (e) {
        setMessage(errorText(e));
      }
    })();
  }, [proposeFor]);

  const act = async (task: () => Promise<string>, done?: () => void) => {
    try {
      setMessage(await task());
      done?.();
      refresh();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const drop = (p: Proposal) => setProposals((s) => s && { ...s, items: s.items.filter((x) => x !== p) });

  return (
    <section class="corpus-section" aria-labelledby="entities-title">
      <h2 id="entities-title">Places and groups</h2>
      <p role="status" class="import-status">{message}</p>
      {proposals && (
        <div role="region" aria-label={`Proposed in ${proposals.title}`} class="proposals">
          <h3>Proposed in “{proposals.title}”</h3>
          {proposals.items.length === 0 && <p class="muted">Nothing new found: every place and group it names is known.</p>}
          <ul class="doc-list">
            {proposals.items.map((p) => (
              <li key={p.name} class="doc proposal">
                <strong>{p.name}</strong> <span class="muted">({p.type}, {p.count}×)</span>
                <q class="muted">{p.example}</q>
                <div class="row">
                  <button type="button" class="btn" aria-label={`Accept ${p.name} as a new ${p.type}`} onClick={() => void act(async () => {
                    const e = await api.addEntity({ name: p.name, type: p.type, kind: p.type === 'place' ? 'place' : 'group', description: '', aliases: [] });
                    return `Added ${e.name}.`;
                  }, () => drop(p))}>Accept as {p.type}</button>
                  <label class="sr-only" htmlFor={`merge-${p.name}`}>Merge {p.name} into</label>
                  <select id={`merge-${p.name}`} onChange={(e) => {
                    const entityId = e.currentTarget.value;
                    if (entityId) void act(async () => (await api.addAlias({ entityId, text: p.name }), `“${p.name}” is now a name of ${entities.find((x) => x.id === entityId)?.name}.`), () => drop(p));
                  }}>
                    <option value="">Merge into…</option>
                    {entities.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
                  </select>
                  <button type="button" class="btn" aria-label={`Ignore ${p.name}`} onClick={() => drop(p)}>Ignore</button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form aria-labelledby="new-entity-title" class="entity-form" onSubmit={(e) => {
        e.preventDefault();
        void act(async () => {
          const made = await api.addEntity({ ...form, aliases: form.aliases.split(',').map((s) => s.trim()).filter(Boolean) });
          return `Added ${made.name}.`;
        }, () => setForm({ name: '', type: 'place', kind: '', description: '', aliases: '' }));
      }}>
        <h3 id="new-entity-title">Create a place or group</h3>
        <div class="field"><label htmlFor="entity-name">Name</label><input id="entity-name" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} /></div>
        <div class="field"><label htmlFor="entity-type">Type</label>
          <select id="entity-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.currentTarget.value as EntityType })}>
            <option value="place">Place</option><option value="group">Group</option>
          </select>
        </div>
        <div class="field"><label htmlFor="entity-kind">Kind</label><input id="entity-kind" placeholder="town, armed group, militia…" value={form.kind} onInput={(e) => setForm({ ...form, kind: e.currentTarget.value })} /></div>
        <div class="field"><label htmlFor="entity-description">Description</label><input id="entity-description" value={form.description} onInput={(e) => setForm({ ...form, description: e.currentTarget.value })} /></div>
        <div class="field"><label htmlFor="entity-aliases">Other names (comma-separated)</label><input id="entity-aliases" value={form.aliases} onInput={(e) => setForm({ ...form, aliases: e.currentTarget.value })} /></div>
        <button type="submit" class="btn btn-primary">Create</button>
      </form>

      <form aria-labelledby="alias-title" class="entity-form" onSubmit={(e) => {
        e.preventDefault();
        void act(async () => (await api.addAlias(alias), `“${alias.text}” added.`), () => setAlias({ ...alias, text: '' }));
      }}>
        <h3 id="alias-title">Add another name to a place or group</h3>
        <div class="field"><label htmlFor="alias-entity">Place or group</label>
          <select id="alias-entity" required value={alias.entityId} onChange={(e) => setAlias({ ...alias, entityId: e.currentTarget.value })}>
            <option value="">Choose…</option>
            {entities.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        </div>
        <div class="field"><label htmlFor="alias-text">Name</label><input id="alias-text" required value={alias.text} onInput={(e) => setAlias({ ...alias, text: e.currentTarget.value })} /></div>
        <button type="submit" class="btn">Add name</button>
      </form>

      {(listing.entities.length > 0 || listing.aliases.length > 0) && (
        <p class="muted">
          Yours: {listing.entities.map((e) => e.name).join(', ') || 'no entities'}; {listing.aliases.length} added names.
        </p>
      )}
    </section>
  );
}
