/**
 * The page's way of giving the main thread back between slices of work (lib/slices.ts
 * decides when): `scheduler.yield()` where the browser has it (Chromium 129+: the rest of the
 * work keeps its place ahead of other tasks), else a MessageChannel message (a new task, without
 * setTimeout's 4 ms clamp after a few nested calls; Firefox ESR).
 */
import { budgetedYielder, type Yielder } from '../../lib/slices';

type WithScheduler = typeof globalThis & { scheduler?: { yield?: () => Promise<void> } };

function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as WithScheduler).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => (port1.close(), resolve());
    port2.postMessage(null);
  });
}

/** Slices of at most ~10 ms between yields: well under the 50 ms of a long task, few enough yields to cost little. */
export const pageYielder = (budgetMs = 10): Yielder => budgetedYielder(yieldToBrowser, () => performance.now(), budgetMs);
