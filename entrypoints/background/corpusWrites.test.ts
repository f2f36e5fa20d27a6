import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { UserCorpus } from '../../lib/userCorpus/userCorpus';
import { UserDatabase, UserStore } from '../../platform/userStore';
import { createCorpusWriteSurface } from './corpusWrites';
import { dispatch } from './handlers';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const surface = createCorpusWriteSurface({ user: new UserCorpus(new UserStore(new UserDatabase('w', { indexedDB: new IDBFactory(), IDBKeyRange }))), publishMatcher: async () => undefined });
const send = (name: 'resetCorpus' | 'addAlias', data: unknown, sender: { id?: string; url?: string }) => dispatch(surface, { id: ID, origin: `${ORIGIN}/` }, name, data, sender);

describe('corpus writes: who may send them', () => {
  it('refuses a content script (our id, but a web page’s URL), another extension, and no sender', async () => {
    await expect(send('resetCorpus', undefined, { id: ID, url: 'https://news.example/article' })).rejects.toThrow(/only extension pages may send it/);
    await expect(send('resetCorpus', undefined, { id: 'other', url: 'chrome-extension://other/options.html' })).rejects.toThrow(/only extension pages may send it/);
    await expect(send('resetCorpus', undefined, {})).rejects.toThrow(/only extension pages may send it/);
    await expect(send('resetCorpus', undefined, { id: ID, url: `https://${ID}.evil.example/options.html` })).rejects.toThrow(/only extension pages may send it/);
  });

  it('checks params from our own pages', async () => {
    await expect(send('addAlias', { entityId: 'raqqa', text: '' }, { id: ID, url: `${ORIGIN}/options.html` })).rejects.toThrow(/Bad params for "addAlias": text/);
  });
});
