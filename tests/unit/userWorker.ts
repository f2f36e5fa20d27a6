/**
 * A background worker for unit tests: the bundled corpus's files (as the build packs them), the
 * user's part on real storage code (platform/userStore.ts, Dexie on fake-indexeddb; the same
 * `idb` survives "restarts"), the CorpusService over both. Shared by the user-corpus tests.
 */
import corpus from 'virtual:counterpoint-corpus';
import { IDBKeyRange, type IDBFactory } from 'fake-indexeddb';
import { packCorpus } from '../../lib/corpus/assets';
import { CorpusService } from '../../lib/corpus/service';
import { assetSource, type CorpusSource } from '../../lib/corpus/source';
import { CorpusStore } from '../../lib/corpus/store';
import type { UserStorePort } from '../../lib/userCorpus/port';
import { UserCorpus } from '../../lib/userCorpus/userCorpus';
import { UserDatabase, UserStore } from '../../platform/userStore';
import { IndexDatabase, IndexStore } from '../../platform/indexStore';

const { manifest, files } = packCorpus(new CorpusStore(corpus), { chunkChars: 20_000 });
const immediate = () => Promise.resolve();

/** The bundled corpus as the extension's files. */
const bundledSource = (): CorpusSource => assetSource(manifest, async (path) => files.get(path) ?? Promise.reject(new Error(`no file ${path}`)));

/**
 * A worker over `idb`; `wrap` puts something between the UserCorpus and the storage (a fault
 * injector); `now` is its clock (document ids and import order depend on it); `index`: the search
 * index is saved in (and read back from) `idb` too, as the extension's worker does.
 */
export function userWorker(
  idb: IDBFactory,
  { source = bundledSource(), name = 'test', wrap = (s: UserStorePort) => s, now, index = false }: { source?: CorpusSource; name?: string; wrap?: (s: UserStore) => UserStorePort; now?: () => number; index?: boolean } = {},
) {
  const db = new UserDatabase(name, { indexedDB: idb, IDBKeyRange });
  const storage = new UserStore(db);
  const user = new UserCorpus(wrap(storage), now);
  const indexDb = index ? new IndexDatabase(`${name}-index`, { indexedDB: idb, IDBKeyRange }) : undefined;
  const service = new CorpusService(source, { pause: immediate }, user, indexDb && new IndexStore(indexDb));
  user.attach(service);
  return { service, user, db, storage, indexDb };
}
