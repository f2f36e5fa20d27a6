/**
 * A lifetime for everything the content script starts on a page: listeners, frames, idle
 * callbacks, timers and observers end together when the user switches the site off, or when the
 * extension is reloaded or removed (the script's lifetime ends: ./lifetime.ts).
 */
import type { Lifetime } from './lifetime';

export interface Scope {
  readonly signal: AbortSignal;
  readonly alive: boolean;
  listen<E extends Event>(target: EventTarget, type: string, fn: (e: E) => void, options?: AddEventListenerOptions): void;
  frame(fn: () => void): number;
  idle(fn: () => void, timeout: number): void;
  timeout(fn: () => void, ms: number): void;
  onDispose(fn: () => void): void;
  dispose(): void;
}

export function createScope(lifetime: Lifetime): Scope {
  const controller = new AbortController();
  const { signal } = controller;
  const disposers: Array<() => void> = [];
  const dispose = () => {
    if (signal.aborted) return;
    controller.abort();
    for (const fn of disposers.splice(0).reverse()) {
      try {
        fn();
      } catch {
        // keep disposing the rest
      }
    }
  };
  lifetime.onInvalidated(dispose);
  const live = (fn: () => void) => () => {
    if (!signal.aborted && lifetime.isValid) fn();
  };
  return {
    signal,
    get alive() {
      return !signal.aborted && lifetime.isValid;
    },
    listen(target, type, fn, options) {
      target.addEventListener(type, fn as EventListener, { ...options, signal });
    },
    // Callbacks already requested when the scope ends still run, as no-ops: cheaper than
    // keeping a list of every frame and timer to cancel.
    frame(fn) {
      return requestAnimationFrame(live(fn));
    },
    idle(fn, timeout) {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(live(fn), { timeout });
      else setTimeout(live(fn), 1);
    },
    timeout(fn, ms) {
      setTimeout(live(fn), ms);
    },
    onDispose(fn) {
      disposers.push(fn);
    },
    dispose,
  };
}
