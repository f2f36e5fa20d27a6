/**
 * Wiring only: the corpus (its manifest is part of this script; the rest are files of the
 * extension read when a message needs them, see lib/corpus/service.ts) with the user's own part
 * (IndexedDB, lib/userCorpus/userCorpus.ts), the handlers of every message to the worker, answered
 * through the registry's dispatcher (lib/messages/registry.ts, dispatch.ts),
 * Dexie's stores and FlexSearch loaded on first use (platform/workerScripts.ts),
 * the corpus version with its matcher data published to storage (at start when stale,
 * after every write) so content scripts scan pages without waking this worker and every open
 * page drops what is older. Listeners are registered synchronously at start, as MV3 requires.
 */
import manifest from 'virtual:counterpoint-corpus-manifest';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CorpusService } from '../../lib/corpus/service';
import { assetSource } from '../../lib/corpus/source';
import { UserCorpus } from '../../lib/userCorpus/userCorpus';
import type { Handlers } from '../../lib/messages/dispatch';
import { answer } from '../../platform/messaging';
import { publishIfStale } from '../../platform/corpusPublisher';
import { SessionCachedStore } from '../../platform/sessionCache';
import { teamRequest } from '../../platform/teamClient';
import { dropTeamPermission, hasTeamPermission } from '../../platform/teamPermission';
import { lazyDatabase } from '../../platform/workerDatabases';
import { installWorkerScripts } from '../../platform/workerScripts';
import { setUpCommands } from './commands';
import { setUpContextMenus } from './contextMenus';
import { createCorpusReadHandlers } from './corpusReads';
import { createCorpusWriteHandlers } from './corpusWrites';
import { createTeamSide } from './team';
import { announceTeam } from '../../platform/teamFlag';

export default defineBackground({
  main() {
    // Dexie's stores and FlexSearch are loaded on first use (platform/workerScripts.ts).
    installWorkerScripts();
    const user = new UserCorpus(new SessionCachedStore(lazyDatabase((d) => d.userStore()), browser.storage.session));
    const corpus = new CorpusService(assetSource(manifest, readExtensionFile), {}, user, lazyDatabase((d) => d.indexStore()));
    user.attach(corpus);
    corpus.warmUp(); // the user's summary (storage.session, else IndexedDB) is read while the first message is on its way
    const team = createTeamSide({ store: lazyDatabase((d) => d.teamStore()), request: teamRequest, hasPermission: hasTeamPermission, dropPermission: dropTeamPermission, announce: announceTeam });
    // Benchmark builds only (bench/run.mjs, COUNTERPOINT_BENCH=1): lets the benchmark time the
    // store inside the worker, without message IPC. Compiled out of every other build.
    if (import.meta.env.COUNTERPOINT_BENCH) {
      Object.assign(globalThis, { __counterpointBench: { corpus, user, store: () => corpus.searchReady(), mainAt: performance.now() } });
    }
    const publish = () => publishIfStale(corpus).then(() => undefined);
    const handlers = { ...createCorpusReadHandlers({ corpus, teamSearch: team.search, teamCompare: team.compare, teamDocument: team.document }), ...createCorpusWriteHandlers({ user, publish }), ...team.handlers } satisfies Handlers<'background'>;
    answer('background', handlers);
    // Install, update, browser start, or a worker stopped between a write and its publication.
    void publish().catch(() => undefined);
    setUpCommands();
    setUpContextMenus();
  },
});

/** One of the corpus's files (a path of the manifest), from the extension's own folder. */
async function readExtensionFile(path: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!response.ok) throw new Error(`Corpus file ${path}: ${response.status}`);
  return response.text();
}
