/**
 * A saved card that cannot be read is computed again, never served and never fatal (issue 16):
 * after a worker restart, a card row damaged (or written by another version of the code) and a
 * card whose read fails both give the card a worker with no saved cards computes.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { EntityCard } from '../lib/messages/protocol';
import { userWorker } from '../tests/unit/userWorker';

const draft = {
  fileName: 'note.md',
  meta: { title: 'Field note', author: 'A. Reader', outlet: '', date: '2017-06', dateApproximate: false, perspective: '', url: '' },
  body: 'Convoys left Raqqa for Mosul at dawn, the drivers said.',
};

/** A card as the reader sees it: passage ids are positions in one worker's store, not shown (a card computed from the entity's passages alone numbers them otherwise). */
const shown = (c: EntityCard) => JSON.parse(JSON.stringify(c, (k, v: unknown) => (k === 'id' && typeof v === 'number' ? undefined : v))) as unknown;

describe('saved cards that cannot be read', () => {
  it('are computed again after a restart: a damaged row, and a read that fails', async () => {
    const idb = new IDBFactory();
    const first = userWorker(idb);
    await first.user.importDrafts([draft]);
    await first.user.settled();
    const fresh = { raqqa: await first.service.lookupEntity('raqqa'), mosul: await first.service.lookupEntity('mosul') };
    expect(fresh.raqqa.excerpts.some((e) => e.source.title === 'Field note')).toBe(true);
    // Both cards were saved ahead; one is damaged in storage, reading the other fails.
    expect((await first.storage.savedCards()).sort()).toEqual(expect.arrayContaining(['mosul', 'raqqa']));
    await first.db.cards.put({ entityId: 'raqqa', card: { entity: { id: 'raqqa' }, excerpts: 'not a list' } as unknown as EntityCard });
    first.db.close();

    const next = userWorker(idb, {
      wrap: (storage) => {
        const card = storage.card.bind(storage);
        storage.card = (id) => (id === 'mosul' ? Promise.reject(new DOMException('read failed', 'UnknownError')) : card(id));
        return storage;
      },
    });
    expect(shown(await next.service.lookupEntity('raqqa'))).toEqual(shown(fresh.raqqa));
    expect(shown(await next.service.lookupEntity('mosul'))).toEqual(shown(fresh.mosul));
  });
});
