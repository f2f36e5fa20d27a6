/**
 * The one channel by which an entity reaches the side panel and a query reaches the popup:
 * storage.session, one key per target. The writer (a card through the background, the popup, the
 * reader) calls `handOff`; the page calls `watchHandOff` once at start. It reads the value already
 * there (for a page that is just starting: Chrome opens the panel after the click, so the write may
 * land before or after the page's first read), clears it so it is taken once, and follows
 * storage.onChanged for a page that is already open.
 *
 * Every hand-off carries a fresh id, so handing the same entity twice still reaches an open
 * panel, and a value seen both by the first read and by onChanged is delivered once.
 */
import { browser } from 'wxt/browser';
import type { PageExtraction } from '../lib/userCorpus/pageExtract';

export interface HandOffPayloads {
  sidepanel: { entityId: string };
  popup: { query: string };
  /** A page's article (or why there is none) for the options page to confirm: platform/addPage.ts. */
  addpage: PageExtraction;
}
export type HandOffTarget = keyof HandOffPayloads;

const KEYS: Record<HandOffTarget, string> = {
  sidepanel: 'counterpoint:handoff:sidepanel',
  popup: 'counterpoint:handoff:popup',
  addpage: 'counterpoint:handoff:addpage',
};

interface Envelope<T> {
  id: string;
  payload: T;
}

function isEnvelope(x: unknown): x is Envelope<Record<string, unknown>> {
  const e = x as Envelope<unknown> | undefined;
  return !!e && typeof e.id === 'string' && !!e.payload && typeof e.payload === 'object';
}

function valid<T extends HandOffTarget>(target: T, payload: Record<string, unknown>): payload is HandOffPayloads[T] & Record<string, unknown> {
  // Checked field by field where it is read (lib/userCorpus/pageExtract.ts readExtraction).
  if (target === 'addpage') return typeof payload.ok === 'boolean';
  const field = target === 'sidepanel' ? payload.entityId : payload.query;
  return typeof field === 'string' && field.length > 0 && field.length <= 500;
}

let counter = 0;

/** Leaves `payload` for the target page. Resolves once stored; never rejects. */
export async function handOff<T extends HandOffTarget>(target: T, payload: HandOffPayloads[T]): Promise<void> {
  const envelope: Envelope<HandOffPayloads[T]> = { id: `${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`, payload };
  await browser.storage.session?.set({ [KEYS[target]]: envelope }).catch(() => undefined);
}

/**
 * Calls `onPayload` with the hand-off waiting for this target, if any, then with every new one.
 * Each is taken once (cleared from storage). Returns the function that stops watching.
 */
export function watchHandOff<T extends HandOffTarget>(target: T, onPayload: (payload: HandOffPayloads[T]) => void): () => void {
  const key = KEYS[target];
  const seen = new Set<string>();
  let stopped = false;
  const take = (value: unknown) => {
    if (stopped || !isEnvelope(value) || seen.has(value.id) || !valid(target, value.payload)) return;
    seen.add(value.id);
    void browser.storage.session?.remove(key).catch(() => undefined);
    onPayload(value.payload);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[key]) take(changes[key].newValue);
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.session
    ?.get(key)
    .then((got) => take(got[key]))
    .catch(() => undefined);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}
