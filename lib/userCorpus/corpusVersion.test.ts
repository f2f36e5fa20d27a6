/**
 * One corpus, one version: what a read can compute (the "of M sources" of every card) is computed
 * at read, so no card keeps a total of another version; every write moves the corpus version
 * (lib/corpus/version.ts) exactly once, a reset too, and a restarted worker reads the same one.
 */
import corpus from 'virtual:counterpoint-corpus';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { userWorker as worker } from '../../tests/unit/userWorker';
import type { DocumentDraft } from './types';

const draft = (title: string, body: string): DocumentDraft => ({
  fileName: `${title}.txt`,
  meta: { title, author: 'Test', outlet: '', date: '2018', dateApproximate: false, perspective: 'Test', url: '' },
  body,
});
const raqqaNote = draft('Raqqa note', 'Families returned to Raqqa in the spring and began clearing the rubble from their streets by hand.');
const mosulNote = draft('Mosul note', 'In Mosul the old market reopened, and traders said the bridges across the Tigris were the first thing they needed.');
const M = corpus.documents.length;

describe('the corpus version', () => {
  it('two imports: every card counts the same total, before and after a worker restart', async () => {
    const idb = new IDBFactory();
    const w = worker(idb);
    await w.user.importDrafts([raqqaNote]);
    expect((await w.service.lookupEntity('raqqa')).totalSources).toBe(M + 1);
    await w.user.settled(); // raqqa's card is saved ahead with the total of then
    await w.user.importDrafts([mosulNote]);
    await w.user.settled();
    const totals = async (s: typeof w.service) => Promise.all(['raqqa', 'mosul', 'aleppo'].map(async (id) => (await s.lookupEntity(id)).totalSources));
    expect(await totals(w.service)).toEqual([M + 2, M + 2, M + 2]);
    expect(await totals(worker(idb).service)).toEqual([M + 2, M + 2, M + 2]);
    // The saved cards are those of the entity, not of a total.
    expect((await worker(idb).service.lookupEntity('raqqa')).entity.sourceCount).toBe((await w.service.lookupEntity('raqqa')).entity.sourceCount);
  });

  it('every write moves it once, a reset too, and a restarted worker reads the same', async () => {
    const idb = new IDBFactory();
    const w = worker(idb);
    const seen = [await w.service.version()];
    const step = async (write: () => Promise<unknown>) => {
      await write();
      const v = await w.service.version();
      expect(seen).not.toContain(v);
      seen.push(v);
      expect(await worker(idb).service.version()).toBe(v);
    };
    await step(() => w.user.importDrafts([raqqaNote]));
    await step(() => w.user.addAlias('mosul', 'Mosul-on-Tigris'));
    await step(() => w.user.setSeedHidden(corpus.documents[0]!.meta.id, true));
    await step(() => w.user.reset());
    await step(() => w.user.importDrafts([mosulNote]));
    expect(seen[0]).toMatch(new RegExp(`^${w.service.manifest.revision}@`));
  });
});
