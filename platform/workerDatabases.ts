/**
 * The worker's IndexedDB stores (Dexie: the user's documents, the saved search index, the team
 * configuration) live in a script of their own, worker-databases.js (entrypoints/
 * worker-databases.ts), loaded the first time one of them is used. A stopped worker (the common
 * case: after 30 s idle) starts again for a card, which the bundled card files and storage.session
 * answer without IndexedDB; Dexie was ~30 % of background.js, and a worker's start grows with the
 * size of its script (read and parsed before its first line runs), so the first answer does not
 * pay for it (bench/PERFORMANCE.md, cold start).
 *
 * Chrome: a service worker may import, after its installation, only the scripts it imported while
 * installing ("importScripts() of new scripts after service worker installation is not allowed"):
 * it imports this one in its `install` event, and later synchronously on first use.
 * Firefox: the background is a page, with no importScripts: the script is listed before
 * background.js in the manifest (wxt.config.ts), so it is there already.
 */
import type { IndexStore } from './indexStore';
import type { TeamStore } from './teamStore';
import type { UserStore } from './userStore';

/** The script's file, at the extension's root (the name of its entrypoint). */
export const DATABASES_SCRIPT = 'worker-databases.js';
const GLOBAL = '__counterpointDatabases';

/** What the script gives the worker: a maker for each store. */
export interface WorkerDatabases {
  userStore(): UserStore;
  indexStore(): IndexStore;
  teamStore(): TeamStore;
}

type Scope = { [GLOBAL]?: WorkerDatabases; importScripts?: (...urls: string[]) => void };
const scope = globalThis as unknown as Scope;

/** In the script: hands its makers to the worker. */
export function provideDatabases(databases: WorkerDatabases): void {
  scope[GLOBAL] = databases;
}

/** In the worker, at its start (an install listener must be registered synchronously then). */
export function installDatabasesScript(): void {
  if (typeof scope.importScripts !== 'function') return;
  globalThis.addEventListener('install', () => void loadDatabases());
}

function loadDatabases(): WorkerDatabases {
  if (!scope[GLOBAL]) scope.importScripts?.(`/${DATABASES_SCRIPT}`);
  const databases = scope[GLOBAL];
  if (!databases) throw new Error(`${DATABASES_SCRIPT} did not load`);
  return databases;
}

/**
 * A store made on first use: every property read (a method call) loads the script if needed and
 * makes the store once; until then nothing of the script runs.
 */
export function lazyDatabase<T extends object>(make: (databases: WorkerDatabases) => T): T {
  let made: T | undefined;
  const store = () => (made ??= make(loadDatabases()));
  return new Proxy({} as T, {
    get(_, key) {
      const target = store();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
