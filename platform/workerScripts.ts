/**
 * Scripts of the worker loaded on first use rather than with background.js: a stopped worker (the
 * common case: after 30 s idle) starts again for a card, which the bundled card files and
 * storage.session answer, and a worker's start grows with the size of its script (read and parsed
 * before its first line runs: ARCHITECTURE.md, The worker's start). Each script hands what it
 * holds to the worker under its file's name.
 *
 * Chrome: a service worker may import, after its installation, only the scripts it imported while
 * installing ("importScripts() of new scripts after service worker installation is not allowed"):
 * each is imported in the `install` event, and later synchronously on first use.
 * Firefox: the background is a page, with no importScripts: the scripts are listed before
 * background.js in the manifest (wxt.config.ts), so they are there already.
 *
 * Chrome imports them as one file, `WORKER_BUNDLE` (the four joined after the build, wxt.config.ts):
 * a service worker's every start reads each script it imported at install, at a cost per file
 * (ARCHITECTURE.md, The worker's start). The first use of any of them so evaluates all four, once
 * per worker life; a card lookup answered from its file uses none.
 */

/** The scripts, at the extension's root (each the name of its entrypoint, entrypoints/<name>.ts). */
export const WORKER_SCRIPTS = ['worker-databases.js', 'worker-search.js', 'worker-english.js', 'worker-store.js'] as const;
export type WorkerScript = (typeof WORKER_SCRIPTS)[number];
/** Chrome: the one file holding the four, in WORKER_SCRIPTS's order (each evaluated before the next needs it). */
export const WORKER_BUNDLE = 'worker-scripts.js';

type Scope = { __counterpointScripts?: Partial<Record<WorkerScript, unknown>>; importScripts?: (...urls: string[]) => void };
const scope = globalThis as unknown as Scope;

/** In a script: hands its content to the worker. */
export function provideWorkerScript(file: WorkerScript, content: unknown): void {
  (scope.__counterpointScripts ??= {})[file] = content;
}

/** In the worker, at its start (an install listener must be registered synchronously then). */
export function installWorkerScripts(): void {
  if (typeof scope.importScripts !== 'function') return;
  globalThis.addEventListener('install', () => scope.importScripts?.(`/${WORKER_BUNDLE}`));
}

/** The script's content, importing the script first if needed (synchronous). */
export function loadWorkerScript<T>(file: WorkerScript): T {
  if (scope.__counterpointScripts?.[file] === undefined) scope.importScripts?.(`/${WORKER_BUNDLE}`);
  const content = scope.__counterpointScripts?.[file];
  if (content === undefined) throw new Error(`${file} did not load`);
  return content as T;
}
