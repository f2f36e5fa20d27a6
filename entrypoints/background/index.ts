/**
 * Wiring only: loads the compiled corpus, registers the handler table on the typed messenger,
 * and publishes the matcher data to storage so content scripts can scan pages without waking
 * this worker. Listeners are registered synchronously at start, as MV3 requires.
 */
import corpus from 'virtual:counterpoint-corpus';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CorpusStore } from '../../lib/corpusStore';
import type { BackgroundProtocol } from '../../lib/protocol';
import { backgroundMessenger, contentMessenger, panelMessenger } from '../../platform/messaging';
import { publishMatcherData } from '../../platform/matcherCache';
import { openSearch, openSidePanel } from '../../platform/sidePanel';
import { createHandlers, dispatch, type BackgroundContext, type MessageName } from './handlers';

export default defineBackground({
  main() {
    let store: CorpusStore | undefined;
    const ctx: BackgroundContext = {
      store: () => (store ??= new CorpusStore(corpus)),
      extensionId: browser.runtime.id,
      openSidePanel: (entityId, sender) =>
        openSidePanel(entityId, sender.tab, (id) => panelMessenger.sendMessage('focusEntity', { entityId: id })),
      openSearch,
    };
    // Benchmark builds only (bench/run.mjs, COUNTERPOINT_BENCH=1): lets the benchmark time the
    // store inside the worker, without message IPC. Compiled out of every other build.
    if (import.meta.env.COUNTERPOINT_BENCH) {
      Object.assign(globalThis, { __counterpointBench: { corpus, store: ctx.store, mainAt: performance.now() } });
    }
    const handlers = createHandlers(ctx);
    for (const name of Object.keys(handlers) as MessageName[]) {
      backgroundMessenger.onMessage(name, ((message: { data: unknown; sender: never }) =>
        dispatch(handlers, ctx, name, message.data, message.sender)) as never);
    }
    browser.runtime.onInstalled.addListener(() => void publishMatcherData(ctx.store().matcherData()));
    browser.runtime.onStartup.addListener(() => void publishMatcherData(ctx.store().matcherData()));
    // Keyboard shortcut: the content script of the focused frame opens the card at the selection.
    browser.commands?.onCommand.addListener((command, tab) => {
      if (command === 'open-card' && tab?.id !== undefined) {
        contentMessenger.sendMessage('openCardAtSelection', undefined, tab.id).catch(() => undefined);
      }
    });
  },
});

export type { BackgroundProtocol };
