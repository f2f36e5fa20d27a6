import corpus from 'virtual:counterpoint-corpus';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { packCorpus } from '../../lib/corpus/assets';
import { CorpusService } from '../../lib/corpus/service';
import { assetSource } from '../../lib/corpus/source';
import { CorpusStore } from '../../lib/corpus/store';
import type { DocumentDraft } from '../../lib/userCorpus/types';
import { UserCorpus } from '../../lib/userCorpus/userCorpus';
import { UserDatabase, UserStore } from '../../platform/userStore';
import { createDispatcher } from '../../lib/messages/dispatch';
import { stubHandlers } from '../../tests/unit/stubHandlers';
import { createCorpusWriteHandlers } from './corpusWrites';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const SELF = { id: ID, origin: `${ORIGIN}/` };
const writes = createCorpusWriteHandlers({ user: new UserCorpus(new UserStore(new UserDatabase('w', { indexedDB: new IDBFactory(), IDBKeyRange }))), publish: async () => undefined });
const dispatch = createDispatcher('background', stubHandlers('background', writes), SELF);
const send = (name: 'resetCorpus' | 'addAlias', data: unknown, sender: { id?: string; url?: string }) => dispatch(name, data, sender);

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

describe('corpus writes: a large import sent in parts (lib/userCorpus/batches.ts) is all or nothing', () => {
  const { manifest, files } = packCorpus(new CorpusStore(corpus), { chunkChars: 20_000 });
  /** A worker over `idb`; a new one over the same idb is the worker after a restart. */
  function worker(idb: IDBFactory) {
    const user = new UserCorpus(new UserStore(new UserDatabase('parts', { indexedDB: idb, IDBKeyRange })));
    const service = new CorpusService(assetSource(manifest, async (path) => files.get(path) ?? Promise.reject(new Error(`no file ${path}`))), { pause: () => Promise.resolve() }, user);
    user.attach(service);
    const dispatch = createDispatcher('background', stubHandlers('background', createCorpusWriteHandlers({ user, publish: async () => undefined })), SELF);
    return (name: 'stageDrafts' | 'importDocuments' | 'importStatus' | 'listUserCorpus', data?: unknown) => dispatch(name, data, { id: ID, url: `${ORIGIN}/options.html` });
  }
  const draft = (i: number, date = '2017-03'): DocumentDraft => ({
    fileName: `article-${i}.md`,
    meta: { title: `Article ${i}`, author: 'Bench', outlet: '', date, dateApproximate: false, perspective: '', url: '' },
    body: `Paragraph ${i} about Raqqa and Mosul.`,
  });
  const titles = async (send: ReturnType<typeof worker>) => ((await send('listUserCorpus')) as { documents: Array<{ meta: { title: string } }> }).documents.map((d) => d.meta.title).sort();

  it('saves every part with the last message, in one go', async () => {
    const send = worker(new IDBFactory());
    await send('stageDrafts', { importId: 'imp-1', drafts: [draft(1), draft(2)] });
    await send('stageDrafts', { importId: 'imp-1', drafts: [draft(3)] });
    expect(await titles(send)).toEqual([]); // staged, not stored
    const { added } = (await send('importDocuments', { importId: 'imp-1', staged: true, drafts: [draft(4)] })) as { added: unknown[] };
    expect(added).toHaveLength(4);
    expect(await titles(send)).toEqual(['Article 1', 'Article 2', 'Article 3', 'Article 4']);
  });

  it('a bad draft in any part refuses the whole import: nothing stored', async () => {
    const send = worker(new IDBFactory());
    await send('stageDrafts', { importId: 'imp-2', drafts: [draft(1), draft(2, 'soon')] });
    await expect(send('importDocuments', { importId: 'imp-2', staged: true, drafts: [draft(3)] })).rejects.toThrow(/^article-2\.md: Write the date/);
    expect(await titles(send)).toEqual([]);
  });

  it('an import retried after a lost answer (same import id, a restarted worker) stores each document once', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    expect(await first('importStatus', { importId: 'imp-r' })).toEqual({ added: [] }); // "Nothing was saved"
    await first('stageDrafts', { importId: 'imp-r', drafts: [draft(1), draft(2)] });
    await first('importDocuments', { importId: 'imp-r', staged: true, drafts: [draft(3)] }); // (its answer lost)
    const restarted = worker(idb);
    const status = (await restarted('importStatus', { importId: 'imp-r' })) as { added: Array<{ title: string }> };
    expect(status.added.map((m) => m.title)).toEqual(['Article 1', 'Article 2', 'Article 3']); // "Saved 3 documents"
    // Save clicked again: the parts are gone with the old worker, but the import is known as saved.
    const again = (await restarted('importDocuments', { importId: 'imp-r', staged: true, drafts: [draft(3)] })) as { added: unknown[] };
    expect(again.added).toHaveLength(3);
    expect(await titles(restarted)).toEqual(['Article 1', 'Article 2', 'Article 3']);
  });

  it('parts lost with a worker restart: the commit is refused with a message, nothing stored', async () => {
    const idb = new IDBFactory();
    await worker(idb)('stageDrafts', { importId: 'imp-3', drafts: [draft(1), draft(2)] });
    const restarted = worker(idb);
    await expect(restarted('importDocuments', { importId: 'imp-3', staged: true, drafts: [draft(3)] })).rejects.toThrow(/The import: was interrupted before it was saved/);
    expect(await titles(restarted)).toEqual([]);
  });
});
