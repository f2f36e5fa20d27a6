/**
 * The background's side of platform/corpusVersion.ts: publishes the corpus version and the matcher
 * data pages read in ONE storage.local write, when what was published is of another version —
 * after every write, and at every worker start (a worker stopped between a write and its
 * publication publishes on its next start).
 */
import { browser } from 'wxt/browser';
import type { MatcherData } from '../lib/messages/protocol';
import { CORPUS_VERSION_KEY } from './corpusVersion';
import { MATCHER_KEY } from './matcherCache';

/** What the background publishes from: the corpus service. */
export interface CorpusVersionSource {
  version(): Promise<string>;
  matcherData(): Promise<MatcherData>;
}

/** The version last published (undefined: never). */
async function publishedVersion(): Promise<string | undefined> {
  const got = await browser.storage.local.get(CORPUS_VERSION_KEY);
  const v: unknown = got[CORPUS_VERSION_KEY];
  return typeof v === 'string' ? v : undefined;
}

/** Publishes the corpus's version and matcher data if what was published is of another version; true if it did. */
export async function publishIfStale(corpus: CorpusVersionSource): Promise<boolean> {
  const [published, current] = await Promise.all([publishedVersion(), corpus.version()]);
  if (published === current) return false;
  const data = await corpus.matcherData();
  await browser.storage.local.set({ [CORPUS_VERSION_KEY]: current, [MATCHER_KEY]: data });
  return true;
}
