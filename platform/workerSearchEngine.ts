/**
 * FlexSearch as background.js sees it: wxt.config.ts resolves lib/search/searchIndex.ts's
 * `import FlexSearch from 'flexsearch'` to this file in the background's build only, and this
 * reads FlexSearch from worker-search.js (entrypoints/worker-search.ts) on its first use
 * (platform/workerScripts.ts): a card lookup never searches, and FlexSearch was ~23 % of
 * background.js once Dexie was out. Tests, the build step and every other script import the
 * package itself.
 */
import type FlexSearch from 'flexsearch';
import { loadWorkerScript } from './workerScripts';

type Engine = typeof FlexSearch;

export default new Proxy({} as Engine, {
  get: (_, key): unknown => Reflect.get(loadWorkerScript<Engine>('worker-search.js'), key),
});
