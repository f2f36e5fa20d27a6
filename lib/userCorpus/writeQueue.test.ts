import { describe, expect, it } from 'vitest';
import type { LiveCorpusStore } from '../corpus/liveStore';
import type { EntityCard } from '../messages/protocol';
import { WriteQueue } from './writeQueue';

const store = (ids: string[]) => ({ entities: new Map(ids.map((id) => [id, {}])), lookupEntity: (id: string) => ({ entity: { id } }) as unknown as EntityCard }) as unknown as LiveCorpusStore;

const card = async (loaded: LiveCorpusStore, id: string) => loaded.lookupEntity(id);

describe('WriteQueue', () => {
  it('runs tasks one after another, in order', async () => {
    const q = new WriteQueue(async () => undefined, async () => undefined, card);
    const seen: number[] = [];
    const slow = q.run(async () => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(1);
    });
    const fast = q.run(async () => void seen.push(2));
    await Promise.all([slow, fast]);
    expect(seen).toEqual([1, 2]);
  });

  it('saves the cards of touched entities after the writes, giving way to a write that comes meanwhile', async () => {
    const saved: string[] = [];
    const order: string[] = [];
    const q: WriteQueue = new WriteQueue(
      async (id) => {
        saved.push(id);
        order.push(`card ${id}`);
        // A write arrives while the first card is saved: it goes before the other cards.
        if (saved.length === 1) void q.run(async () => void order.push('write'));
      },
      async () => undefined,
      card,
    );
    q.touched(['a', 'b', 'c', 'gone']);
    q.refresh(async () => store(['a', 'b', 'c']));
    await q.settled();
    expect(order).toEqual(['card a', 'write']);
    q.refresh(async () => store(['a', 'b', 'c']));
    await q.settled();
    expect(order).toEqual(['card a', 'write', 'card b', 'card c']); // an entity no longer there is skipped
    q.refresh(async () => store(['a', 'b', 'c']));
    await q.settled();
    expect(saved).toEqual(['a', 'b', 'c']); // nothing pending: nothing computed again
  });
});
