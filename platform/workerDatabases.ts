/**
 * The worker's IndexedDB stores (Dexie: the user's documents, the saved search index, the team
 * configuration) live in worker-databases.js (entrypoints/worker-databases.ts), a script loaded the
 * first time one of them is used (platform/workerScripts.ts): a card answered from its file and
 * storage.session needs none, and Dexie was ~30 % of background.js.
 */
import type { IndexStore } from './indexStore';
import type { TeamStore } from './teamStore';
import type { UserStore } from './userStore';
import { loadWorkerScript, provideWorkerScript } from './workerScripts';

/** What the script gives the worker: a maker for each store. */
export interface WorkerDatabases {
  userStore(): UserStore;
  indexStore(): IndexStore;
  teamStore(): TeamStore;
}

/** In the script: hands its makers to the worker. */
export function provideDatabases(databases: WorkerDatabases): void {
  provideWorkerScript('worker-databases.js', databases);
}

/**
 * A store made on first use: every property read (a method call) loads the script if needed and
 * makes the store once; until then nothing of the script runs.
 */
export function lazyDatabase<T extends object>(make: (databases: WorkerDatabases) => T): T {
  let made: T | undefined;
  const store = () => (made ??= make(loadWorkerScript<WorkerDatabases>('worker-databases.js')));
  return new Proxy({} as T, {
    get(_, key) {
      const target = store();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
