/**
 * Wiring only: the corpus (its manifest is part of this script; the rest are files of the
 * extension read when a message needs them, see lib/corpus/service.ts), the handler table on the
 * typed messenger, and the matcher data published to storage so content scripts can scan pages
 * without waking this worker. Listeners are registered synchronously at start, as MV3 requires.
 */
import manifest from 'virtual:counterpoint-corpus-manifest';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { assetSource, CorpusService } from '../../lib/corpus/service';
import type { BackgroundProtocol } from '../../lib/messages/protocol';
import { backgroundMessenger, contentMessenger, panelMessenger } from '../../platform/messaging';
import { publishMatcherData } from '../../platform/matcherCache';
import { openSearch, openSidePanel } from '../../platform/sidePanel';
import { createHandlers, dispatch, type BackgroundContext, type MessageName } from './handlers';

export default defineBackground({
  main() {
    const corpus = new CorpusService(assetSource(manifest, readExtensionFile));
    const ctx: BackgroundContext = {
      corpus,
      extensionId: browser.runtime.id,
      openSidePanel: (entityId, sender) =>
        openSidePanel(entityId, sender.tab, (id) => panelMessenger.sendMessage('focusEntity', { entityId: id })),
      openSearch,
    };
    // Benchmark builds only (bench/run.mjs, COUNTERPOINT_BENCH=1): lets the benchmark time the
    // store inside the worker, without message IPC. Compiled out of every other build.
    if (import.meta.env.COUNTERPOINT_BENCH) {
      Object.assign(globalThis, { __counterpointBench: { corpus, store: () => corpus.searchReady(), mainAt: performance.now() } });
    }
    const handlers = createHandlers(ctx);
    const listen = <K extends MessageName>(name: K) =>
      backgroundMessenger.onMessage(name, (message) => dispatch(handlers, ctx, name, message.data, message.sender));
    for (const name of Object.keys(handlers) as MessageName[]) listen(name);
    browser.runtime.onInstalled.addListener(() => void publishMatcherData(corpus.matcherData()));
    browser.runtime.onStartup.addListener(() => void publishMatcherData(corpus.matcherData()));
    // Keyboard shortcut: the content script of the focused frame opens the card at the selection.
    browser.commands?.onCommand.addListener((command, tab) => {
      if (command === 'open-card' && tab?.id !== undefined) {
        contentMessenger.sendMessage('openCardAtSelection', undefined, tab.id).catch(() => undefined);
      }
    });
  },
});

/** One of the corpus's files (a path of the manifest), from the extension's own folder. */
async function readExtensionFile(path: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!response.ok) throw new Error(`Corpus file ${path}: ${response.status}`);
  return response.text();
}

export type { BackgroundProtocol };
