/**
 * Long loops in slices: a loop calls `pause()` between items, and it gives the main thread back
 * only when `budgetMs` have passed since it last did, so a thousand small items cost a few
 * dozen yields, not a thousand, and no slice runs much longer than the budget (the options
 * page's import: no long task > 50 ms, issue 10). Pure: the clock and the actual yield are
 * given (components/corpus/yielder.ts has the browser's).
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
