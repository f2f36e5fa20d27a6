/**
 * FlexSearch, as a script the worker loads on its first search (platform/workerSearchEngine.ts
 * says why and how): wiring only.
 */
import FlexSearch from 'flexsearch';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideWorkerScript } from '../platform/workerScripts';

export default defineUnlistedScript(() => provideWorkerScript('worker-search.js', FlexSearch));
