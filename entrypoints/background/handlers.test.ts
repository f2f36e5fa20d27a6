/**
 * The handler table as the worker runs it, under WXT's fake browser: params validation and
 * sender checks happen before any handler runs, and bad messages get an error, not a crash.
 */
import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { packCorpus } from '../../lib/corpus/assets';
import { assetSource, CorpusService } from '../../lib/corpus/service';
import { CorpusStore } from '../../lib/corpus/store';
import { BadMessageError, createHandlers, dispatch, type BackgroundContext, type MessageName } from './handlers';

// The corpus as the worker gets it: the build's files, read on demand.
const store = new CorpusStore(corpus);
const { manifest, files } = packCorpus(store);
const ctx: BackgroundContext = {
  corpus: new CorpusService(assetSource(manifest, async (path) => files.get(path)!)),
  extensionId: fakeBrowser.runtime.id,
  openSidePanel: async () => true,
  openSearch: async () => true,
};
const handlers = createHandlers(ctx);
const own = { id: fakeBrowser.runtime.id, tab: { id: 1, windowId: 1 } };

describe('dispatch', () => {
  it('answers lookupEntity from our own sender', async () => {
    const card = await dispatch(handlers, ctx, 'lookupEntity', { id: 'mosul' }, own);
    expect(card.entity.name).toBe('Mosul');
  });

  it('refuses a sender from another extension', async () => {
    await expect(dispatch(handlers, ctx, 'lookupEntity', { id: 'mosul' }, { id: 'evil' })).rejects.toThrow(/not sent by this extension/);
  });

  it.each([
    ['lookupEntity', { id: 42 }],
    ['lookupEntity', null],
    ['lookupEntity', { id: 'mosul', extra: 1 }],
    ['search', { query: 'x'.repeat(501) }],
    ['search', { query: 'Raqqa', limit: -1 }],
    ['search', { query: 'Raqqa', entityTypes: ['planet'] }],
    ['compare', {}],
  ] as const)('rejects %s with %j as bad params', async (name, data) => {
    await expect(dispatch(handlers, ctx, name, data, own)).rejects.toThrow(BadMessageError);
  });

  it('rejects an unknown message name', async () => {
    await expect(dispatch(handlers, ctx, 'dropTables' as MessageName, {}, own)).rejects.toThrow(/Unknown message/);
  });

  it('answers matcherData with every alias of the gazetteer', async () => {
    const data = await dispatch(handlers, ctx, 'matcherData', undefined, own);
    const aliases = corpus.entities.reduce((n: number, e: { aliases: unknown[] }) => n + e.aliases.length, 0);
    expect(data.patterns.length).toBe(aliases);
    expect(data.revision).toBe(store.revision);
  });

  it('answers search, facets, listEntities, compare and getDocument like the store', async () => {
    const found = await dispatch(handlers, ctx, 'search', { query: 'Kirkook' }, own);
    expect(found).toEqual(store.search({ query: 'Kirkook' }));
    expect(await dispatch(handlers, ctx, 'facets', undefined, own)).toEqual(store.facets());
    expect(await dispatch(handlers, ctx, 'listEntities', undefined, own)).toEqual({ entities: store.listEntities(), totalSources: store.totalSources });
    expect(await dispatch(handlers, ctx, 'compare', { entityId: 'raqqa' }, own)).toEqual(store.compare('raqqa'));
    const docId = corpus.documents[0]!.meta.id;
    expect(await dispatch(handlers, ctx, 'getDocument', { docId }, own)).toEqual(store.getDocument(docId));
  });
});
