/**
 * The corpus reads as the worker runs them, through the registry's dispatcher, under WXT's fake
 * browser: the sender's privilege and the params are checked before any handler runs, and bad
 * messages get an error, not a crash.
 */
import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { packCorpus } from '../../lib/corpus/assets';
import { CorpusService } from '../../lib/corpus/service';
import { assetSource } from '../../lib/corpus/source';
import { CorpusStore } from '../../lib/corpus/store';
import { BadMessageError, createDispatcher } from '../../lib/messages/dispatch';
import { stubHandlers } from '../../tests/unit/stubHandlers';
import { createCorpusReadHandlers } from './corpusReads';

// The corpus as the worker gets it: the build's files, read on demand.
const store = new CorpusStore(corpus);
const { manifest, files } = packCorpus(store);
const self = { id: fakeBrowser.runtime.id, origin: `chrome-extension://${fakeBrowser.runtime.id}/` };
const reads = createCorpusReadHandlers({ corpus: new CorpusService(assetSource(manifest, async (path) => files.get(path)!)) });
const dispatch = createDispatcher('background', stubHandlers('background', reads), self);
/** The side panel (an extension page). */
const page = { id: self.id, url: `${self.origin}sidepanel.html` };
/** A content script on a web page: same extension id, the web page's URL, a tab. */
const script = { id: self.id, url: 'https://news.example/article', tab: { id: 1, windowId: 1 }, frameId: 0 };

describe('corpus reads (extension pages)', () => {
  it('answers search, facets, listEntities, findEntities, compare and getDocument like the store', async () => {
    expect(await dispatch('search', { query: 'Kirkook' }, page)).toEqual(store.search({ query: 'Kirkook' }));
    expect(await dispatch('facets', undefined, page)).toEqual(store.facets());
    expect(await dispatch('listEntities', undefined, page)).toEqual({ entities: store.listEntities(), totalSources: store.totalSources });
    expect(await dispatch('compare', { entityId: 'raqqa' }, page)).toEqual(store.compare('raqqa'));
    const docId = corpus.documents[0]!.meta.id;
    expect(await dispatch('getDocument', { docId }, page)).toEqual(store.getDocument(docId));
    const found = await dispatch('findEntities', { text: 'Daesh' }, page);
    expect(found.entities[0]?.id).toBe('isis');
  });

  it.each(['lookupEntity', 'search', 'facets', 'listEntities', 'findEntities', 'compare', 'getDocument'] as const)(
    'refuses %s from a content script, before reading its params',
    async (name) => {
      await expect(dispatch(name, undefined, script)).rejects.toThrow(/only extension pages may send it/);
    },
  );

  it('refuses another extension and a sender without a URL', async () => {
    await expect(dispatch('facets', undefined, { id: 'evil', url: 'chrome-extension://evil/popup.html' })).rejects.toThrow(BadMessageError);
    await expect(dispatch('facets', undefined, { id: self.id })).rejects.toThrow(BadMessageError);
    await expect(dispatch('facets', undefined, undefined)).rejects.toThrow(BadMessageError);
  });

  it('answers lookupEntity to the card frame (an extension page in a tab)', async () => {
    const frame = { id: self.id, url: `${self.origin}card.html#t`, tab: { id: 1, windowId: 1 }, frameId: 3 };
    const card = await dispatch('lookupEntity', { id: 'mosul' }, frame);
    expect(card.entity.name).toBe('Mosul');
  });

  it.each([
    ['lookupEntity', { id: 42 }],
    ['lookupEntity', null],
    ['lookupEntity', { id: 'mosul', extra: 1 }],
    ['search', { query: 'x'.repeat(501) }],
    ['search', { query: 'Raqqa', limit: -1 }],
    ['search', { query: 'Raqqa', entityTypes: ['planet'] }],
    ['compare', {}],
    ['findEntities', { text: 42 }],
  ] as const)('rejects %s with %j as bad params', async (name, data) => {
    await expect(dispatch(name, data, page)).rejects.toThrow(BadMessageError);
  });

  it('rejects an unknown message name, even one a tab or the side panel answers', async () => {
    await expect(dispatch('dropTables' as 'facets', {}, page)).rejects.toThrow(/Unknown message/);
    await expect(dispatch('pageMentions' as 'facets', undefined, page)).rejects.toThrow(/Unknown message/);
    await expect(dispatch('toString' as 'facets', undefined, page)).rejects.toThrow(/Unknown message/);
  });
});

describe('the matcher data (content scripts)', () => {
  it('answers matcherData with every alias of the gazetteer', async () => {
    const data = await dispatch('matcherData', undefined, script);
    const aliases = corpus.entities.reduce((n: number, e: { aliases: unknown[] }) => n + e.aliases.length, 0);
    // Plus, for each Arabic alias with the article, its form after ل (للرقة), whose ل is not underlined.
    expect(data.patterns.filter((p: { lead?: number }) => !p.lead).length).toBe(aliases);
    expect(data.revision).toBe(store.revision);
  });

  it('refuses a sender from another extension, and params where there are none', async () => {
    await expect(dispatch('matcherData', undefined, { ...script, id: 'evil' })).rejects.toThrow(BadMessageError);
    await expect(dispatch('matcherData', { all: true }, script)).rejects.toThrow(BadMessageError);
  });
});

describe('corpus reads with a team server', () => {
  const service = new CorpusService(assetSource(manifest, async (path) => files.get(path)!));
  const local = store.compare('raqqa');
  const teamColumn = { ...local.columns[0]!, source: { ...local.columns[0]!.source, id: 'team-doc' }, passages: [{ ...local.columns[0]!.passages[0]!, docId: 'team-doc', text: 'The desk’s own filing on Raqqa.' }] };
  const teamDoc = { document: { meta: { ...local.columns[0]!.source, id: 'team-doc' }, body: 'The desk’s own filing on Raqqa.' }, passages: teamColumn.passages };
  const withTeam = (state: 'ok' | 'unreachable') =>
    createDispatcher(
      'background',
      stubHandlers(
        'background',
        createCorpusReadHandlers({
          corpus: service,
          teamCompare: async () => (state === 'ok' ? { state, team: 'Desk Iraq', data: { ...local, columns: [teamColumn] } } : { state, team: 'Desk Iraq' }),
          teamDocument: async (docId) => (state === 'ok' ? { state, team: 'Desk Iraq', ...(docId === 'team-doc' ? { data: teamDoc } : {}) } : { state, team: 'Desk Iraq' }),
        }),
      ),
      self,
    );

  it('the comparison gains the team’s sources as labelled columns; the reader opens a team document, labelled', async () => {
    const d = withTeam('ok');
    const compared = await d('compare', { entityId: 'raqqa' }, page);
    expect(compared.columns.slice(0, local.columns.length)).toEqual(local.columns);
    expect(compared.columns.slice(local.columns.length).map((c) => [c.source.id, c.origin])).toEqual([['team-doc', 'Desk Iraq']]);
    expect(await d('getDocument', { docId: 'team-doc', team: true }, page)).toEqual({ ...teamDoc, origin: 'Desk Iraq' });
    // Without the flag the local corpus is asked, which has no such document.
    await expect(d('getDocument', { docId: 'team-doc' }, page)).rejects.toThrow();
    await expect(d('getDocument', { docId: 'gone', team: true }, page)).rejects.toThrow('Desk Iraq’s team corpus no longer has this document.');
  });

  it('a team that does not answer: the local comparison says so; the reader says why it shows nothing', async () => {
    const d = withTeam('unreachable');
    const compared = await d('compare', { entityId: 'raqqa' }, page);
    expect(compared).toEqual({ ...local, team: { name: 'Desk Iraq', unreachable: true } });
    await expect(d('getDocument', { docId: 'team-doc', team: true }, page)).rejects.toThrow('The team corpus (Desk Iraq) is unreachable');
    // No team server: a team address is refused with the way to connect one.
    await expect(dispatch('getDocument', { docId: 'team-doc', team: true }, page)).rejects.toThrow('no team server is connected');
  });
});
