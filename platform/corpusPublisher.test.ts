/**
 * The corpus version's publication under WXT's fake browser (storage.local, storage.onChanged):
 * published once per version with its matcher data, not again while it holds, and heard by every
 * listener when it moves.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MatcherData } from '../lib/messages/protocol';
import { publishIfStale } from './corpusPublisher';
import { onCorpusChanged } from './corpusVersion';
import { readMatcherData } from './matcherCache';

const corpus = (version: string, alias: string) => ({
  version: async () => version,
  // (The user's names are in the revision, as lib/userCorpus/merge.ts writes it.)
  matcherData: async (): Promise<MatcherData> => ({ revision: `r+${alias}`, patterns: [{ text: alias, entityId: 'x', caseSensitive: false, ambiguous: false }] }),
});

beforeEach(() => fakeBrowser.reset());

describe('publishIfStale', () => {
  it('publishes a version once, with its matcher data; each listener hears each new version once, and whether the names moved', async () => {
    const heard: string[] = [];
    const stop = onCorpusChanged((v, names) => heard.push(names ? `${v} ${names}` : v));
    expect(await publishIfStale(corpus('r@1', 'Mossoul'))).toBe(true);
    expect(await publishIfStale(corpus('r@1', 'Mossoul'))).toBe(false); // a worker start with nothing new
    expect((await readMatcherData('r')).patterns.map((p) => p.text)).toEqual(['Mossoul']);
    expect(await publishIfStale(corpus('r@2', 'Raqqa'))).toBe(true); // a reset the worker did not publish before it stopped
    expect((await readMatcherData('r')).patterns.map((p) => p.text)).toEqual(['Raqqa']);
    // A document imported: a new version, the same names (not written again: no tab reads or is sent them).
    await fakeBrowser.storage.local.set({ 'counterpoint:matcher': { revision: 'r+Raqqa', patterns: [{ text: 'marker', entityId: 'x', caseSensitive: false, ambiguous: false }] } });
    expect(await publishIfStale(corpus('r@3', 'Raqqa'))).toBe(true);
    expect((await readMatcherData('r')).patterns.map((p) => p.text)).toEqual(['marker']);
    expect(heard).toEqual(['r@1 r+Mossoul', 'r@2 r+Raqqa', 'r@3']);
    stop();
    await publishIfStale(corpus('r@4', 'Raqqa'));
    expect(heard).toEqual(['r@1 r+Mossoul', 'r@2 r+Raqqa', 'r@3']);
  });
});
