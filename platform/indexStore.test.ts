/**
 * The search index kept across worker restarts, over the real storage code (Dexie on
 * fake-indexeddb) and the real service with the user's corpus: a restarted worker answers
 * searches from the saved index, user documents included, and one that cannot be read is rebuilt.
 */
import corpus from 'virtual:counterpoint-corpus';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { packCorpus } from '../lib/corpus/assets';
import { CorpusService } from '../lib/corpus/service';
import { assetSource } from '../lib/corpus/source';
import { CorpusStore } from '../lib/corpus/store';
import { UserCorpus } from '../lib/userCorpus/userCorpus';
import { IndexDatabase, IndexStore } from './indexStore';
import { UserDatabase, UserStore } from './userStore';

const { manifest, files } = packCorpus(new CorpusStore(corpus), { chunkChars: 20_000 });
const immediate = () => Promise.resolve();
const draft = (title: string, body: string) => ({ fileName: `${title}.md`, meta: { title, author: 'A. Writer', outlet: 'Notes', date: '2019-10', dateApproximate: false, perspective: 'Field notes', url: '' }, body });

/** A worker over one browser profile's IndexedDB (`idb` survives "restarts"). */
function worker(idb: IDBFactory) {
  const user = new UserCorpus(new UserStore(new UserDatabase('user', { indexedDB: idb, IDBKeyRange })), Date.now, immediate);
  const indexDb = new IndexDatabase('index', { indexedDB: idb, IDBKeyRange });
  const source = assetSource(manifest, async (path) => files.get(path) ?? Promise.reject(new Error(`no file ${path}`)));
  const service = new CorpusService(source, { pause: immediate }, user, new IndexStore(indexDb));
  user.attach(service);
  return { service, user, indexDb };
}

const titles = async (w: ReturnType<typeof worker>, query: string) => (await w.service.search({ query })).hits.map((h) => h.source.title);

describe('The search index across worker restarts', { timeout: 30_000 }, () => {
  it('is read back, not rebuilt, and finds the user’s documents and the bundled ones', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    await first.user.importDrafts([draft('Quinces of Manbij', 'The quince orchards near Manbij were replanted in spring.')]);
    expect(await titles(first, 'quince orchards')).toContain('Quinces of Manbij');
    expect(first.service.timings.index).toBe('imported');
    await first.user.settled();
    await first.service.indexSaver!.settled();
    expect(await first.indexDb.chunks.count()).toBeGreaterThan(0);

    const second = worker(idb);
    expect(await titles(second, 'quince orchards')).toContain('Quinces of Manbij');
    // Answered from the query's part of the saved index, before the store was loaded; then the whole index is read back.
    expect(second.service.timings.firstSearch).toBe('quick');
    await second.service.searchReady();
    expect(second.service.timings.index).toBe('restored');
    expect(await titles(second, 'Kirkook')).toEqual(await titles(first, 'Kirkook'));
  });

  it('follows documents imported and deleted after it was saved', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    const [kept] = await first.user.importDrafts([draft('Quinces of Manbij', 'The quince orchards near Manbij were replanted in spring.')]);
    await first.service.searchReady();
    await first.service.indexSaver!.settled();
    // The next worker imports and deletes before any search (its index is not loaded yet).
    const second = worker(idb);
    await second.user.importDrafts([draft('Apricots of Idlib', 'Apricot harvests in Idlib fell by half.')]);
    await second.user.deleteDocuments([kept!.id]);
    expect(await titles(second, 'apricot harvests')).toContain('Apricots of Idlib');
    expect(await titles(second, 'quince orchards')).toEqual([]);
    expect(second.service.timings.index).toBe('restored');
    await second.service.indexSaver!.settled();
    const third = worker(idb);
    expect(await titles(third, 'apricot harvests')).toContain('Apricots of Idlib');
    expect(await titles(third, 'quince orchards')).toEqual([]);
  });

  it('that cannot be read is rebuilt, never fatal', async () => {
    const idb = new IDBFactory();
    const first = worker(idb);
    await first.user.importDrafts([draft('Quinces of Manbij', 'The quince orchards near Manbij were replanted in spring.')]);
    await first.service.searchReady();
    await first.service.indexSaver!.settled();
    await first.indexDb.chunks.update(1, { data: '{"not an index' });
    const second = worker(idb);
    expect(await titles(second, 'quince orchards')).toContain('Quinces of Manbij');
    await second.service.searchReady();
    expect(second.service.timings.index).toBe('imported');
  });
});
