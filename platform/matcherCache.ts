/**
 * The matcher data (every alias pattern) cached in storage.local by the background, so a content
 * script can scan a page without waking the service worker: most pages mention no corpus entity,
 * and they should cost the worker nothing. Falls back to asking the background when the cache is
 * missing or malformed.
 */
import { browser } from 'wxt/browser';
import type { MatcherData } from '../lib/messages/protocol';
import { contentScriptMessenger } from './messaging';

const KEY = 'counterpoint:matcher';

export async function publishMatcherData(data: MatcherData): Promise<void> {
  await browser.storage.local.set({ [KEY]: data });
}

function isMatcherData(x: unknown): x is MatcherData {
  const d = x as MatcherData | undefined;
  return !!d && typeof d.revision === 'string' && Array.isArray(d.patterns) && d.patterns.length > 0;
}

export async function readMatcherData(): Promise<MatcherData> {
  try {
    const got = await browser.storage.local.get(KEY);
    if (isMatcherData(got[KEY])) return got[KEY];
  } catch {
    // storage unavailable (e.g. a sandboxed frame): ask the background instead
  }
  return contentScriptMessenger.sendMessage('matcherData', undefined);
}
