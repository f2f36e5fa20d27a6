/**
 * The handler table as the worker runs it, under WXT's fake browser: params validation and
 * sender checks happen before any handler runs, and bad messages get an error, not a crash.
 */
import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CorpusStore } from '../../lib/corpusStore';
import { BadMessageError, createHandlers, dispatch, type BackgroundContext } from './handlers';

const store = new CorpusStore(corpus);
const ctx: BackgroundContext = {
  store: () => store,
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
    await expect(dispatch(handlers, ctx, 'dropTables' as never, {}, own)).rejects.toThrow(/Unknown message/);
  });

  it('answers matcherData with every alias of the gazetteer', async () => {
    const data = await dispatch(handlers, ctx, 'matcherData', undefined, own);
    const aliases = corpus.entities.reduce((n: number, e: { aliases: unknown[] }) => n + e.aliases.length, 0);
    expect(data.patterns.length).toBe(aliases);
    expect(data.revision).toBe(store.revision);
  });
});
