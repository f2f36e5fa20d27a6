/**
 * A storage-quota error during an import (issue 16): the store is left as it was, and the page is
 * told what happened and what to do, naming the import. The quota is "reached" by a Dexie
 * middleware that fails the write of the import's passages with the browser's QuotaExceededError,
 * inside the import's one transaction.
 */
import { IDBFactory } from 'fake-indexeddb';
import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../lib/i18n/wording';
import type { DocumentDraft } from '../../lib/userCorpus/types';
import { userWorker } from '../../tests/unit/userWorker';
import { createCorpusWriteSurface } from './corpusWrites';

const draft = (i: number): DocumentDraft => ({
  fileName: `report-${i}.md`,
  meta: { title: `Report ${i}`, author: 'A. Reader', outlet: '', date: '2017-05', dateApproximate: false, perspective: '', url: '' },
  body: `Report ${i}: convoys reached Raqqa and Mosul.`,
});

describe('an import that meets the storage quota', () => {
  it('stores nothing, and says the storage is full, that nothing was saved and what to do', async () => {
    let full = false;
    const { user, service } = userWorker(new IDBFactory(), {
      name: 'quota',
      wrap: (storage) => {
        storage.db.use({
          stack: 'dbcore',
          name: 'quota',
          create: (down: DBCore): DBCore => ({
            ...down,
            table: (name) => {
              const t = down.table(name);
              return { ...t, mutate: (req) => (full && name === 'passages' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : t.mutate(req)) };
            },
          }),
        });
        return storage;
      },
    });
    const surface = createCorpusWriteSurface({ user, publish: async () => undefined });
    await surface.handlers.importDocuments({ drafts: [draft(1)], importId: 'first' }, {});
    const before = await user.listDocuments();
    const raqqa = (await service.lookupEntity('raqqa')).entity.sourceCount;

    full = true;
    const refused = await Promise.resolve(surface.handlers.importDocuments({ drafts: [draft(2), draft(3)], importId: 'second' }, {})).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(errorText(refused)).toBe('2 documents: the browser’s storage for Counterpoint is full; nothing was saved. Delete some documents or free disk space');

    full = false;
    expect(await user.listDocuments()).toEqual(before);
    expect(await user.importedDocuments('second')).toBeUndefined();
    expect((await service.lookupEntity('raqqa')).entity.sourceCount).toBe(raqqa);
    // The same import, tried again once there is room, is stored once.
    const { added } = (await surface.handlers.importDocuments({ drafts: [draft(2), draft(3)], importId: 'second' }, {})) as { added: unknown[] };
    expect(added).toHaveLength(2);
    expect((await user.listDocuments()).documents.map((d) => d.meta.title).sort()).toEqual(['Report 1', 'Report 2', 'Report 3']);
  });
});
