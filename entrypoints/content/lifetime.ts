/**
 * How long the content script lives: until the extension is reloaded, updated or removed (then
 * `browser.runtime.id` is gone and every extension API throws). Our own, not WXT's
 * ContentScriptContext: that one posts the extension's id to every page and frame
 * (`window.postMessage`, its "content script started" message) and stops the script when the page
 * dispatches a DOM event of a guessable name, so any page could switch Counterpoint off (issue 9).
 * Nothing here listens to the page: an orphaned script notices at its next callback
 * (`isValid`), and ends then.
 */
import { browser } from 'wxt/browser';

export interface Lifetime {
  readonly signal: AbortSignal;
  /** False once ended, or once the extension that started this script is gone. */
  readonly isValid: boolean;
  onInvalidated(fn: () => void): () => void;
  end(): void;
}

export function createLifetime(): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const lifetime: Lifetime = {
    signal,
    get isValid() {
      if (!signal.aborted && !extensionAlive()) controller.abort();
      return !signal.aborted;
    },
    onInvalidated(fn) {
      signal.addEventListener('abort', fn, { once: true });
      return () => signal.removeEventListener('abort', fn);
    },
    end: () => controller.abort(),
  };
  return lifetime;
}

function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}
