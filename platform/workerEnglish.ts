/**
 * The English message table as background.js sees it: wxt.config.ts resolves lib/i18n/english.ts's
 * import of public/_locales/en/messages.json to this file in the background's build only, and
 * this reads the table from worker-english.js (entrypoints/worker-english.ts) when a message is
 * first worded (platform/workerScripts.ts): the worker words English only for an error's message
 * (lib/i18n/wording.ts), and the table was 13 % of background.js. Every other script imports the file.
 */
import type en from '../public/_locales/en/messages.json';
import { loadWorkerScript } from './workerScripts';

type Table = typeof en;

export default new Proxy({} as Table, {
  get: (_, key): unknown => Reflect.get(loadWorkerScript<Table>('worker-english.js'), key),
});
