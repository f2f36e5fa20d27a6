/**
 * When a page session starts again: a change of the corpus's names does (the page must match the
 * new ones), a change of the corpus version alone does not (the card frame fetches its cards
 * itself), and neither does a change heard while the session was starting whose names it read.
 */
import { describe, expect, it, vi } from 'vitest';
import { withDefaults } from '../../lib/settings/settings';
import type { MatcherData } from '../../lib/messages/protocol';
import type { PageSession } from './page';
import { createSessionSync } from './sessionSync';

function setUp(revisions: string[]) {
  const reads: Array<(data: MatcherData) => void> = [];
  const started: string[] = [];
  const sync = createSessionSync({
    settings: () => withDefaults(undefined),
    readMatcherData: () => new Promise<MatcherData>((resolve) => reads.push(resolve)),
    start: (_settings, data) => {
      started.push(data.revision);
      return { applySettings: vi.fn(), dispose: vi.fn() } as unknown as PageSession;
    },
    isValid: () => true,
    hostname: () => 'news.example',
  });
  /** Answers the pending read of the matcher data with the next revision. */
  const answer = async () => {
    reads.shift()!({ revision: revisions.shift()!, patterns: [] });
    await new Promise((r) => setTimeout(r));
  };
  return { sync, started, answer, reads };
}

describe('page session and corpus changes', () => {
  it('a version-only change while the session starts: it starts once', async () => {
    const { sync, started, answer, reads } = setUp(['names-1']);
    const first = sync.sync();
    sync.corpusChanged(undefined); // (the user's documents changed: the names did not)
    await answer();
    await first;
    expect(started).toEqual(['names-1']);
    expect(reads).toHaveLength(0);
  });

  it('new names announced while the session starts, and already in the data it read: it starts once', async () => {
    const { sync, started, answer, reads } = setUp(['names-2']);
    const first = sync.sync();
    sync.corpusChanged('names-2');
    await answer();
    await first;
    expect(started).toEqual(['names-2']);
    expect(reads).toHaveLength(0);
  });

  it('new names announced while the session starts from older data: it starts again on the new names', async () => {
    const { sync, started, answer } = setUp(['names-1', 'names-2']);
    const first = sync.sync();
    sync.corpusChanged('names-2');
    await answer();
    await first;
    await answer();
    expect(started).toEqual(['names-1', 'names-2']);
  });

  it('a running session: new names restart it, a version-only change does not', async () => {
    const { sync, started, answer, reads } = setUp(['names-1', 'names-2']);
    const first = sync.sync();
    await answer();
    await first;
    sync.corpusChanged(undefined);
    expect(reads).toHaveLength(0);
    sync.corpusChanged('names-2');
    await answer();
    expect(started).toEqual(['names-1', 'names-2']);
  });
});
