/**
 * Long work in slices, so that what else waits for the thread is served in between: in the worker,
 * a message that arrives meanwhile (a card lookup during an index build, a search during a card);
 * in a page, the reader's input (the options page's import: no long task > 50 ms, issue 10). A loop
 * calls `pause()` between items, and it gives the thread back only when `budgetMs` have passed since
 * it last did, so a thousand small items cost a few dozen yields, not a thousand, and no slice runs
 * much longer than the budget. Pure: the clock and the actual yield are given (the worker's:
 * `nextTask`; the page's: components/corpus/yielder.ts).
 */

/** Gives the main thread back, maybe: resolves at once while the slice's budget lasts. */
export type Yielder = () => Promise<void>;

export function budgetedYielder(yieldNow: () => Promise<void>, now: () => number, budgetMs = 10): Yielder {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < budgetMs) return;
    await yieldNow();
    sliceStart = now();
  };
}

/** For tests and callers that need no slicing. */
export const noYield: Yielder = () => Promise.resolve();

export interface SliceOptions {
  /** Work this long (ms) before yielding. */
  sliceMs?: number;
  /** Yields to the event loop (default: a macrotask, so queued messages are answered first). */
  pause?: () => Promise<void>;
}

/**
 * Yields to the event loop: a macrotask, so messages that arrived meanwhile are handled first.
 * (setTimeout: a MessageChannel message, which is not clamped to 4 ms, starved the worker's other
 * tasks in Chromium, bench/: card lookups waited up to a second.)
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
