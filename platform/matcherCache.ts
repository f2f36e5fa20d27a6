/**
 * The matcher data (every alias pattern) cached in storage.local by the background, so a content
 * script can scan a page without waking the service worker: most pages mention no corpus entity,
 * and they should cost the worker nothing. Falls back to asking the background when the cache is
 * missing, malformed or stale.
 *
 * Stale: cached by another version of the corpus. The background publishes the data with the
 * corpus version (platform/corpusVersion.ts) after every write and at every worker start when the
 * published version is not the store's, but a content script can read
 * the cache before that (or an update can fail to republish); its revision, a hash of the corpus's
 * content, is then not the one this build was made with. The build writes that revision into the
 * content script (`virtual:counterpoint-corpus-revision`, corpus/vitePlugin.ts), so checking it
 * costs nothing and wakes nobody. Data that adds the user's own names to this build's corpus
 * carries `<this build's revision>+<a hash of the user's patterns>` (lib/userCorpus/merge.ts): fresh too.
 */
import revision from 'virtual:counterpoint-corpus-revision';
import { browser } from 'wxt/browser';
import type { MatcherData } from '../lib/messages/protocol';
import { contentScriptClient } from './messaging';

export const MATCHER_KEY = 'counterpoint:matcher';

function isMatcherData(x: unknown): x is MatcherData {
  const d = x as MatcherData | undefined;
  return !!d && typeof d.revision === 'string' && Array.isArray(d.patterns) && d.patterns.length > 0;
}

/**
 * Resolves in a task of its own. The storage (or message) answer is turned into script objects (a few hundred
 * KB of patterns and automaton) in the task that delivers it, before any of our code runs there;
 * a page session started in that same task made it a long one (bench trace: 54–80 ms tasks, of
 * which the session's start 15–33 ms, under load).
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The matcher data of the corpus of revision `current` (by default, this build's); resolves in a task after the storage read's. */
export async function readMatcherData(current: string = revision): Promise<MatcherData> {
  try {
    const got = await browser.storage.local.get(MATCHER_KEY);
    const cached: unknown = got[MATCHER_KEY];
    if (isMatcherData(cached) && (cached.revision === current || cached.revision.startsWith(`${current}+`))) {
      await nextTask();
      return cached;
    }
  } catch {
    // storage unavailable (e.g. a sandboxed frame): ask the background instead
  }
  const asked = await contentScriptClient.matcherData();
  await nextTask();
  return asked;
}
