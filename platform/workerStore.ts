/**
 * The corpus store and the document compiler as background.js sees them: wxt.config.ts resolves
 * every import of lib/corpus/store.ts, liveStore.ts, compile.ts, lib/card/cardRows.ts,
 * lib/text/matcher.ts and packedAutomaton.ts to this file in the background's build only, and this
 * reads them from worker-store.js (entrypoints/worker-store.ts) when one is first used
 * (platform/workerScripts.ts). The store and the card computation it holds (viewpoints,
 * aboutness, event roles), and the compiler (passages, framing, voices) are needed to search,
 * compare, read a document, compute a card the user's data changes or take the user's writes;
 * the text matcher and its automaton (which the store and compiler hold anyway) to take a write of
 * the user's names or publish their patterns; never for a card read from its file, the worker's
 * first answer after a cold start (~47 KB of background.js, whose every byte each start reads:
 * ARCHITECTURE.md, The worker's start). Tests, the build step and every other script import the
 * modules themselves.
 */
import type { CorpusStore as Store } from '../lib/corpus/store';
import type { LiveCorpusStore as LiveStore } from '../lib/corpus/liveStore';
import type { createCompiler as compilerOf } from '../lib/corpus/compile';
import type * as CardRows from '../lib/card/cardRows';
import type { Matcher as TextMatcher } from '../lib/text/matcher';
import type { packAutomaton as packOf } from '../lib/text/packedAutomaton';
import { loadWorkerScript } from './workerScripts';

interface Classes {
  CorpusStore: typeof Store;
  LiveCorpusStore: typeof LiveStore;
  createCompiler: typeof compilerOf;
  cardRows: Pick<typeof CardRows, 'cardFromRows' | 'documentRows' | 'factsKey'>;
  Matcher: typeof TextMatcher;
  packAutomaton: typeof packOf;
}

const script = () => loadWorkerScript<Classes>('worker-store.js');

/**
 * Stands for the class `name` of the script: `new`, `instanceof` and static members reach the
 * real class, loaded then. (Nothing in background.js extends it at load: that would load it.)
 */
function deferredClass<K extends 'CorpusStore' | 'LiveCorpusStore' | 'Matcher'>(name: K): Classes[K] {
  const real = () => script()[name];
  const stand: Classes[K] = new Proxy(function () {} as unknown as Classes[K], {
    construct: (_, args, newTarget): object => Reflect.construct(real(), args, newTarget === stand ? real() : newTarget) as object,
    get: (_, key) => Reflect.get(real(), key) as unknown,
  });
  return stand;
}

export const CorpusStore = deferredClass('CorpusStore');
export const LiveCorpusStore = deferredClass('LiveCorpusStore');
// (lib/text/matcher.ts and packedAutomaton.ts: the user's names matched in their documents, and packed for content scripts.)
export const Matcher = deferredClass('Matcher');
export const packAutomaton: Classes['packAutomaton'] = (...args) => script().packAutomaton(...args);
export const createCompiler: Classes['createCompiler'] = (...args) => script().createCompiler(...args);
// (lib/card/cardRows.ts: a card's rows, made and read with the store's card computation.)
export const cardFromRows: typeof CardRows.cardFromRows = (...args) => script().cardRows.cardFromRows(...args);
export const documentRows: typeof CardRows.documentRows = (...args) => script().cardRows.documentRows(...args);
export const factsKey: typeof CardRows.factsKey = (...args) => script().cardRows.factsKey(...args);
