/**
 * The content script's matcher data: from the cache when it is of this build's corpus, from the
 * background otherwise. Under WXT's fake browser (storage), with the content scripts' client mocked.
 */
import corpus from 'virtual:counterpoint-corpus';
import manifest from 'virtual:counterpoint-corpus-manifest';
import { CorpusStore } from '../lib/corpus/store';
import revision from 'virtual:counterpoint-corpus-revision';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MatcherData } from '../lib/messages/protocol';
import { MATCHER_KEY, readMatcherData } from './matcherCache';
import { contentScriptClient } from './messaging';

vi.mock('./messaging', () => ({ contentScriptClient: { matcherData: vi.fn() } }));
const askWorker = vi.mocked(contentScriptClient.matcherData);

const data = (rev: string, alias: string): MatcherData => ({
  revision: rev,
  patterns: [{ text: alias, entityId: 'raqqa', caseSensitive: false, ambiguous: false }],
});
const fresh = data('new', 'Raqqa');
/** As the background publishes it (platform/corpusVersion.ts, with the version). */
const publishMatcherData = (d: MatcherData) => fakeBrowser.storage.local.set({ [MATCHER_KEY]: d });

beforeEach(() => {
  fakeBrowser.reset();
  askWorker.mockReset();
  askWorker.mockResolvedValue(fresh);
});

describe('readMatcherData', () => {
  it('reads the cache of the current revision without asking the background', async () => {
    await publishMatcherData(data('new', 'Raqqah'));
    expect(await readMatcherData('new')).toEqual(data('new', 'Raqqah'));
    expect(askWorker).not.toHaveBeenCalled();
  });

  it('reads the cache of the current revision with the user’s own names added', async () => {
    await publishMatcherData(data('new+u1', 'Nicephorium'));
    expect(await readMatcherData('new')).toEqual(data('new+u1', 'Nicephorium'));
    await publishMatcherData(data('newer+u1', 'Nicephorium'));
    expect(await readMatcherData('new')).toEqual(fresh);
    expect(askWorker).toHaveBeenCalledOnce();
  });

  it('drops a cache of another revision and asks the background', async () => {
    await publishMatcherData(data('old', 'Rakka'));
    expect(await readMatcherData('new')).toEqual(fresh);
    expect(askWorker).toHaveBeenCalledExactlyOnceWith();
  });

  it('asks the background when there is no cache, or a malformed one', async () => {
    expect(await readMatcherData('new')).toEqual(fresh);
    await fakeBrowser.storage.local.set({ 'counterpoint:matcher': { revision: 'new', patterns: [] } });
    expect(await readMatcherData('new')).toEqual(fresh);
    expect(askWorker).toHaveBeenCalledTimes(2);
  });

  it('compares with the revision built into the script, which is the one the background publishes', async () => {
    expect(revision).toBe(manifest.revision);
    const built = new CorpusStore(corpus).matcherData(); // (what the build writes to corpus/matcher.json)
    expect(built.revision).toBe(revision);
    await publishMatcherData(built);
    expect(await readMatcherData()).toEqual(built);
    await publishMatcherData({ ...built, revision: `${revision}-old` });
    expect(await readMatcherData()).toEqual(fresh);
    expect(askWorker).toHaveBeenCalledOnce();
  });
});
