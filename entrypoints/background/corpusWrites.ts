/**
 * The worker's answers to the corpus writes of lib/messages/registry.ts: the user's part of the
 * corpus, over lib/userCorpus/userCorpus.ts. Privileged like every write: only the extension's
 * pages may send these (the dispatcher, lib/messages/dispatch.ts, checks the sender). After every
 * write (failed ones too: one may have committed before it failed) the corpus version is published
 * if it moved (platform/corpusVersion.ts), with the matcher data: every open tab and page drops
 * what is older, without a reload.
 */
import type { Handlers } from '../../lib/messages/dispatch';
import type { UserCorpus } from '../../lib/userCorpus/userCorpus';
import { ImportError } from '../../lib/userCorpus/limits';
import { DraftStaging } from '../../lib/userCorpus/staging';
import { describeStorageError } from '../../platform/storageError';
import { WordedError, type WordingArg } from '../../lib/i18n/wording';

export interface CorpusWritesContext {
  user: UserCorpus;
  /** Publishes the corpus version and its matcher data to every open tab and page if the version moved (storage). */
  publish(): Promise<void>;
}

export function createCorpusWriteHandlers({ user, publish }: CorpusWritesContext) {
  /** A write: storage failures become one sentence naming the cause (an ImportError already names file and reason); then the new version is published. */
  const saving = async <T,>(what: WordingArg, task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new WordedError({ key: 'importError', args: [what, describeStorageError(e)] }, { cause: e });
    } finally {
      await publish().catch(() => undefined); // (a worker start publishes what this could not)
    }
  };
  // Parts of a large import, until its last message saves them all at once (lib/userCorpus/batches.ts).
  const staging = new DraftStaging();
  return {
    importDocuments: async ({ drafts: last, importId, staged }) => {
      // A retry of an import that was saved (its answer lost): its documents, not saved again.
      const done = importId ? await user.importedDocuments(importId) : undefined;
      if (done) return { added: done };
      const drafts = staged && importId ? staging.take(importId, last) : last;
      return saving(drafts.length === 1 ? drafts[0]!.fileName : { key: 'documentCount', count: drafts.length }, async () => ({ added: await user.importDrafts(drafts, importId) }));
    },
    importStatus: async ({ importId }) => ({ added: (await user.importedDocuments(importId)) ?? [] }),
    stageDrafts: ({ importId, drafts }) => ({ staged: staging.stage(importId, drafts) }),
    restoreDocuments: ({ documents }) => saving({ key: 'undo' }, async () => ({ restored: await user.restoreDocuments(documents) })),
    updateDocument: ({ id, meta }) => saving(meta.title || id, () => user.updateDocument(id, meta)),
    deleteDocuments: ({ ids }) => saving({ key: 'delete' }, async () => ({ deleted: await user.deleteDocuments(ids) })),
    listUserCorpus: () => user.listDocuments(),
    setSeedHidden: ({ id, hidden }) => saving(id, async () => (await user.setSeedHidden(id, hidden), { ok: true as const })),
    addEntity: (params) => saving(params.name, () => user.addEntity(params)),
    addAlias: ({ entityId, text }) => saving(text, async () => (await user.addAlias(entityId, text), { ok: true as const })),
    exportCorpus: () => user.exportData(),
    importCorpus: ({ data, mode, apply }) => saving({ key: 'importWord' }, () => user.importData(data, mode, apply)),
    resetCorpus: () => saving({ key: 'resetWord' }, async () => (await user.reset(), { ok: true as const })),
  } satisfies Partial<Handlers<'background'>>;
}
