/**
 * The background's side of platform/corpusVersion.ts: publishes the corpus version and, when the
 * names changed, the matcher data pages read and its revision, in ONE storage.local write, when
 * what was published is of another version — after every write, and at every worker start (a
 * worker stopped between a write and its publication publishes on its next start).
 */
import { browser } from 'wxt/browser';
import type { MatcherData } from '../lib/messages/protocol';
import { CORPUS_VERSION_KEY, NAMES_REVISION_KEY } from './corpusVersion';
import { MATCHER_KEY } from './matcherCache';

/** What the background publishes from: the corpus service. */
export interface CorpusVersionSource {
  version(): Promise<string>;
  matcherData(): Promise<MatcherData>;
}

/** The version and names' revision last published (undefined: never). */
async function published(): Promise<{ version?: string; names?: string }> {
  const got = await browser.storage.local.get([CORPUS_VERSION_KEY, NAMES_REVISION_KEY]);
  const [v, n]: unknown[] = [got[CORPUS_VERSION_KEY], got[NAMES_REVISION_KEY]];
  return { version: typeof v === 'string' ? v : undefined, names: typeof n === 'string' ? n : undefined };
}

/** Publishes the corpus's version (and its matcher data, when the names changed) if what was published is of another version; true if it did. */
export async function publishIfStale(corpus: CorpusVersionSource): Promise<boolean> {
  const [was, current] = await Promise.all([published(), corpus.version()]);
  if (was.version === current) return false;
  const data = await corpus.matcherData();
  const write: Record<string, unknown> = { [CORPUS_VERSION_KEY]: current };
  if (data.revision !== was.names) Object.assign(write, { [MATCHER_KEY]: data, [NAMES_REVISION_KEY]: data.revision });
  await browser.storage.local.set(write);
  return true;
}
