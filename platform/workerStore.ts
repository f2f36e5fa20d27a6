/**
 * The corpus store as background.js sees it: wxt.config.ts resolves every import of
 * lib/corpus/store.ts and lib/corpus/liveStore.ts to this file in the background's build only,
 * and this reads the two classes from worker-store.js (entrypoints/worker-store.ts) when one is
 * first used (platform/workerScripts.ts). The store and the card computation it holds (viewpoints,
 * aboutness, event roles: ~25 KB) are needed to search, compare, read a document or compute a
 * card the user's data changes; never for a card read from its file, the worker's first answer
 * after a cold start. Tests, the build step and every other script import the modules themselves.
 */
import type { CorpusStore as Store } from '../lib/corpus/store';
import type { LiveCorpusStore as LiveStore } from '../lib/corpus/liveStore';
import { loadWorkerScript } from './workerScripts';

interface Classes {
  CorpusStore: typeof Store;
  LiveCorpusStore: typeof LiveStore;
}

/**
 * Stands for the class `name` of the script: `new`, `instanceof` and static members reach the
 * real class, loaded then. (Nothing in background.js extends it at load: that would load it.)
 */
function deferredClass<K extends keyof Classes>(name: K): Classes[K] {
  const real = () => loadWorkerScript<Classes>('worker-store.js')[name];
  const stand: Classes[K] = new Proxy(function () {} as unknown as Classes[K], {
    construct: (_, args, newTarget): object => Reflect.construct(real(), args, newTarget === stand ? real() : newTarget) as object,
    get: (_, key) => Reflect.get(real(), key) as unknown,
  });
  return stand;
}

export const CorpusStore = deferredClass('CorpusStore');
export const LiveCorpusStore = deferredClass('LiveCorpusStore');
