/**
 * The corpus store with its card computation, the document compiler and the text matcher, as a script the worker loads on first use
 * (platform/workerStore.ts says why and how): wiring only.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CorpusStore } from '../lib/corpus/store';
import { LiveCorpusStore } from '../lib/corpus/liveStore';
import { createCompiler } from '../lib/corpus/compile';
import { cardFromRows, documentRows, factsKey } from '../lib/card/cardRows';
import { Matcher } from '../lib/text/matcher';
import { packAutomaton } from '../lib/text/packedAutomaton';
import { provideWorkerScript } from '../platform/workerScripts';

export default defineUnlistedScript(() => provideWorkerScript('worker-store.js', { CorpusStore, LiveCorpusStore, createCompiler, cardRows: { cardFromRows, documentRows, factsKey }, Matcher, packAutomaton }));
