/**
 * "The corpus changed" (Yomitan's "database updated"): the background publishes the corpus
 * version (lib/corpus/version.ts) ONCE per change, in the same storage.local write as the matcher
 * data pages read (platform/matcherCache.ts), so no reader sees one without the other. Every open
 * consumer listens through storage.onChanged — content scripts (their matcher: a removed name stops
 * opening cards, a new one works), card frames (their cards), the popup, side panel and options
 * page (what they show) — and drops what it holds of an older version. storage.onChanged reaches
 * every tab and extension page without the worker keeping a list of them, and a content script
 * learns only a version string: no corpus text.
 *
 * A worker that starts compares the published version with the store's (`publishIfStale`,
 * platform/corpusPublisher.ts): a worker stopped between a write and its publication (a reset,
 * an import) publishes on its next start, so no tab keeps a removed name.
 */
import { browser } from 'wxt/browser';

/** Where the version is published (storage.local; platform/corpusPublisher.ts writes it). */
export const CORPUS_VERSION_KEY = 'counterpoint:corpus-version';

/** Where the revision of the published matcher data is (written with it; a content script compares it, never the data). */
export const NAMES_REVISION_KEY = 'counterpoint:names-revision';

/**
 * Calls back with the new version whenever the corpus changes, and the new matcher data's
 * revision when the names changed with it (the publisher writes the data only then: a document
 * imported or deleted sends no tab the 250 KB of names, and no tab reads them to compare).
 * Returns the unsubscribe function.
 */
export function onCorpusChanged(callback: (version: string, names?: string) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const v = changes[CORPUS_VERSION_KEY]?.newValue;
    const names = changes[NAMES_REVISION_KEY]?.newValue;
    if (area === 'local' && typeof v === 'string') callback(v, typeof names === 'string' ? names : undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
