/**
 * Long work in the worker in slices: it yields to the event loop between them, so a message that
 * arrives meanwhile (a card lookup) is answered within a slice, not after the whole work.
 */

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
