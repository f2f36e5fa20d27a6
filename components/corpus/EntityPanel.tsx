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
import { errorText } from '../../lib/i18n/wording';
import type { CorpusApi, UserCorpusListing } from './api';
import { useT } from '../i18n';

interface Props {
  api: CorpusApi;
  listing: UserCorpusListing;
  /** The document to look for proposals in, when asked. */
  proposeFor: string | null;
  refresh(): void;
}

export function EntityPanel({ api, listing, proposeFor, refresh }: Props) {
  const t = useT();
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
        const [{ document }, data, { proposeEntities }] = await Promise.all([api.getDocument({ docId: proposeFor }), api.matcherData(), import('../../lib/userCorpus/proposals')]);
        const matcher = new Matcher(data.patterns);
        setProposals({ title: document.meta.title, items: proposeEntities(document.body, (s) => matcher.findAll(s)) });
      } catch (e) {
        setMessage(errorText(e, t));
      }
    })();
  }, [proposeFor]);

  const act = async (task: () => Promise<string>, done?: () => void) => {
    try {
      setMessage(await task());
      done?.();
      refresh();
    } catch (e) {
      setMessage(errorText(e, t));
    }
  };
  const drop = (p: Proposal) => setProposals((s) => s && { ...s, items: s.items.filter((x) => x !== p) });

  return (
    <section class="corpus-section" aria-labelledby="entities-title">
      <h2 id="entities-title">{t('placesAndGroups')}</h2>
      <p role="status" class="import-status">{message}</p>
      {proposals && (
        <div role="region" aria-label={t('proposedIn', proposals.title)} class="proposals">
          <h3>{t('proposedInQuoted', proposals.title)}</h3>
          {proposals.items.length === 0 && <p class="muted">{t('proposedNone')}</p>}
          <ul class="doc-list">
            {proposals.items.map((p) => (
              <li key={p.name} class="doc proposal">
                <strong dir="auto">{p.name}</strong> <span class="muted">{t('inParens', t(p.type === 'place' ? 'entityPlace' : 'entityGroup') + t('listSeparator') + t('timesCount', p.count))}</span>
                <q class="muted" dir="auto">{p.example}</q>
                <div class="row">
                  <button type="button" class="btn" aria-label={t(p.type === 'place' ? 'acceptPlaceName' : 'acceptGroupName', p.name)} onClick={() => void act(async () => {
                    const e = await api.addEntity({ name: p.name, type: p.type, kind: p.type === 'place' ? 'place' : 'group', description: '', aliases: [] });
                    return t('entityAdded', e.name);
                  }, () => drop(p))}>{t(p.type === 'place' ? 'acceptPlace' : 'acceptGroup')}</button>
                  <label class="sr-only" htmlFor={`merge-${p.name}`}>{t('mergeNameInto', p.name)}</label>
                  <select id={`merge-${p.name}`} onChange={(e) => {
                    const entityId = e.currentTarget.value;
                    if (entityId) void act(async () => (await api.addAlias({ entityId, text: p.name }), t('aliasNowName', p.name, entities.find((x) => x.id === entityId)?.name ?? entityId)), () => drop(p));
                  }}>
                    <option value="">{t('mergeInto')}</option>
                    {entities.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
                  </select>
                  <button type="button" class="btn" aria-label={t('ignoreName', p.name)} onClick={() => drop(p)}>{t('ignore')}</button>
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
          return t('entityAdded', made.name);
        }, () => setForm({ name: '', type: 'place', kind: '', description: '', aliases: '' }));
      }}>
        <h3 id="new-entity-title">{t('entityCreateTitle')}</h3>
        <div class="field"><label htmlFor="entity-name">{t('entityName')}</label><input id="entity-name" required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} /></div>
        <div class="field"><label htmlFor="entity-type">{t('entityType')}</label>
          <select id="entity-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.currentTarget.value as EntityType })}>
            <option value="place">{t('entityPlaceCap')}</option><option value="group">{t('entityGroupCap')}</option>
          </select>
        </div>
        <div class="field"><label htmlFor="entity-kind">{t('entityKind')}</label><input id="entity-kind" placeholder={t('entityKindHint')} value={form.kind} onInput={(e) => setForm({ ...form, kind: e.currentTarget.value })} /></div>
        <div class="field"><label htmlFor="entity-description">{t('entityDescription')}</label><input id="entity-description" value={form.description} onInput={(e) => setForm({ ...form, description: e.currentTarget.value })} /></div>
        <div class="field"><label htmlFor="entity-aliases">{t('entityAliases')}</label><input id="entity-aliases" value={form.aliases} onInput={(e) => setForm({ ...form, aliases: e.currentTarget.value })} /></div>
        <button type="submit" class="btn btn-primary">{t('create')}</button>
      </form>

      <form aria-labelledby="alias-title" class="entity-form" onSubmit={(e) => {
        e.preventDefault();
        void act(async () => (await api.addAlias(alias), t('aliasAdded', alias.text)), () => setAlias({ ...alias, text: '' }));
      }}>
        <h3 id="alias-title">{t('aliasTitle')}</h3>
        <div class="field"><label htmlFor="alias-entity">{t('aliasEntity')}</label>
          <select id="alias-entity" required value={alias.entityId} onChange={(e) => setAlias({ ...alias, entityId: e.currentTarget.value })}>
            <option value="">{t('choose')}</option>
            {entities.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        </div>
        <div class="field"><label htmlFor="alias-text">{t('entityName')}</label><input id="alias-text" required value={alias.text} onInput={(e) => setAlias({ ...alias, text: e.currentTarget.value })} /></div>
        <button type="submit" class="btn">{t('aliasAdd')}</button>
      </form>

      {(listing.entities.length > 0 || listing.aliases.length > 0) && (
        <p class="muted">
          {t('entitiesYours', listing.entities.map((e) => e.name).join(t('listSeparator')) || t('entitiesNone'), t.plural('namesAdded', listing.aliases.length))}
        </p>
      )}
    </section>
  );
}
