import { describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../lib/messages/protocol';
import type { UserChange, UserStorePort, UserSummary } from '../lib/userCorpus/port';
import type { StoredDocument } from '../lib/userCorpus/types';
import { SessionCachedStore, type SessionArea } from './sessionCache';

/** storage.session as a Map (values copied, as the browser does). */
function area(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => Object.fromEntries([...data].filter(([k]) => key === null || k === key).map(([k, v]) => [k, structuredClone(v)])),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (keys) => void [keys].flat().forEach((k) => data.delete(k)),
  };
}

const summary = (documentCount: number): UserSummary => ({ entities: [], aliases: [], hidden: [], touched: ['raqqa'], documentCount, compiled: true, version: documentCount });
const card = (n: number) => ({ entity: { id: 'raqqa', name: `Raqqa ${n}` } }) as unknown as EntityCard;

/** IndexedDB's part, in memory, counting its reads. */
function inner() {
  const state = { summary: summary(1), cards: new Map<string, EntityCard>() };
  const port = {
    summary: vi.fn(async () => structuredClone(state.summary)),
    card: vi.fn(async (id: string) => state.cards.get(id)),
    saveCard: vi.fn(async (id: string, c: EntityCard) => void state.cards.set(id, c)),
    write: vi.fn(async (change: UserChange) => {
      state.summary = summary(state.summary.documentCount + (change.putDocuments?.length ?? 0));
      for (const id of change.touched) state.cards.delete(id);
      if (change.clear) state.cards.clear();
    }),
    documents: vi.fn(),
    passagesMentioning: vi.fn(),
    savedCards: vi.fn(),
  };
  return { state, port: port as typeof port & UserStorePort };
}

describe('SessionCachedStore', () => {
  it('a restarted worker reads the summary and a saved card from the session, not IndexedDB', async () => {
    const session = area();
    const db = inner();
    const first = new SessionCachedStore(db.port, session);
    expect(await first.summary()).toEqual(summary(1));
    await first.saveCard('raqqa', card(1));
    const restarted = new SessionCachedStore(db.port, session);
    expect(await restarted.summary()).toEqual(summary(1));
    expect(await restarted.card('raqqa')).toEqual(card(1));
    expect(db.port.summary).toHaveBeenCalledTimes(1);
    expect(db.port.card).not.toHaveBeenCalled();
  });

  it('a write drops what it changes before writing: the next reads are of the new data', async () => {
    const session = area();
    const db = inner();
    const store = new SessionCachedStore(db.port, session);
    await store.summary();
    await store.saveCard('raqqa', card(1));
    await store.saveCard('mosul', card(2));
    await store.write({ putDocuments: [{} as StoredDocument], touched: ['raqqa'] });
    expect(session.data.has('counterpoint:user:card:raqqa')).toBe(false);
    await new Promise((ok) => setTimeout(ok, 0));
    expect(session.data.get('counterpoint:user:summary')).toEqual(summary(2)); // read again at once, for the next start
    expect(await store.summary()).toEqual(summary(2));
    expect(await store.card('raqqa')).toBeUndefined();
    expect(await store.card('mosul')).toEqual(card(2)); // untouched: still cached
    await store.write({ clear: true, touched: [] });
    expect([...session.data.keys()].filter((k) => k.includes(':card:'))).toEqual([]);
  });

  it('a write that fails halfway leaves nothing stale in the session', async () => {
    const session = area();
    const db = inner();
    const store = new SessionCachedStore(db.port, session);
    await store.summary();
    db.port.write.mockImplementationOnce(async () => {
      db.state.summary = summary(5); // (what IndexedDB would hold had the change half-happened: it never does; read again anyway)
      throw new Error('aborted');
    });
    await expect(store.write({ touched: ['raqqa'] })).rejects.toThrow('aborted');
    expect(await store.summary()).toEqual(summary(5));
  });

  it('a summary read from IndexedDB while a write begins is not cached', async () => {
    const session = area();
    const db = inner();
    const store = new SessionCachedStore(db.port, session);
    let release!: () => void;
    db.port.summary.mockImplementationOnce(() => new Promise((ok) => (release = () => ok(summary(1)))));
    const reading = store.summary();
    await Promise.resolve();
    await store.write({ putDocuments: [{} as StoredDocument], touched: [] });
    release();
    expect(await reading).toEqual(summary(1));
    expect(await store.summary()).toEqual(summary(2));
  });

  it('without storage.session (an older browser), everything is read from IndexedDB', async () => {
    const db = inner();
    const store = new SessionCachedStore(db.port, undefined);
    await store.saveCard('raqqa', card(1));
    expect(await store.card('raqqa')).toEqual(card(1));
    expect(db.port.card).toHaveBeenCalledTimes(1);
  });
});
