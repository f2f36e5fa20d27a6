/**
 * The handlers of lib/messages/corpusWrites.ts: a fragment of the background's handler table
 * (same shape as createHandlers in handlers.ts, `(params, sender) => result`), over the user
 * corpus (lib/userCorpus/userCorpus.ts). After every write the matcher data is published again,
 * so every tab's matcher follows without a reload.
 *
 * Until the privileged table of handlers.ts takes these, `dispatchCorpusWrite` checks what
 * handlers.ts will: the sender is this extension AND one of its pages (its URL's origin is the
 * extension's), never a content script (whose sender URL is the web page's).
 */
import * as v from 'valibot';
import { corpusWriteSchemas, type CorpusWriteName, type CorpusWritesProtocol } from '../../lib/messages/corpusWrites';
import type { UserCorpus } from '../../lib/userCorpus/userCorpus';
import { ImportError } from '../../lib/userCorpus/limits';
import { describeStorageError } from '../../platform/userStore';
import type { Sender } from './handlers';

type Result<K extends CorpusWriteName> = ReturnType<CorpusWritesProtocol[K]>;
export type CorpusWriteHandlers = {
  [K in CorpusWriteName]: (params: v.InferOutput<(typeof corpusWriteSchemas)[K]>, sender: Sender) => Promise<Result<K>>;
};

export interface CorpusWritesContext {
  user: UserCorpus;
  /** Sends the matcher data (with the user's patterns) to every tab's content script (storage). */
  publishMatcher(): Promise<void>;
}

/** Storage failures become one sentence naming the cause; an ImportError already names file and reason. */
async function saving<T>(what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new Error(`${what}: ${describeStorageError(e)}`);
  }
}

export function createCorpusWriteHandlers({ user, publishMatcher }: CorpusWritesContext): CorpusWriteHandlers {
  const thenPublish = async <T>(result: T): Promise<T> => {
    await publishMatcher();
    return result;
  };
  return {
    importDocuments: ({ drafts }) =>
      saving(drafts.length === 1 ? drafts[0]!.fileName : `${drafts.length} documents`, async () => ({ added: await user.importDrafts(drafts) })),
    restoreDocuments: ({ documents }) => saving('Undo', async () => ({ restored: await user.restoreDocuments(documents) })),
    updateDocument: ({ id, meta }) => saving(meta.title || id, () => user.updateDocument(id, meta)),
    deleteDocuments: ({ ids }) => saving('Delete', async () => ({ deleted: await user.deleteDocuments(ids) })),
    listUserCorpus: () => user.listDocuments(),
    setSeedHidden: ({ id, hidden }) => saving(id, async () => (await user.setSeedHidden(id, hidden), { ok: true as const })),
    addEntity: (params) => saving(params.name, async () => thenPublish(await user.addEntity(params))),
    addAlias: ({ entityId, text }) => saving(text, async () => thenPublish((await user.addAlias(entityId, text), { ok: true as const }))),
    exportCorpus: () => user.exportData(),
    importCorpus: ({ data, mode, apply }) => saving('Import', async () => {
      const preview = await user.importData(data, mode, apply);
      return apply ? thenPublish(preview) : preview;
    }),
    resetCorpus: () => saving('Reset', async () => thenPublish((await user.reset(), { ok: true as const }))),
  };
}

export class RefusedError extends Error {
  override name = 'BadMessageError';
}

/** Checks the sender (an extension page of ours) and the params, then runs the handler. */
export async function dispatchCorpusWrite<K extends CorpusWriteName>(
  handlers: CorpusWriteHandlers,
  /** browser.runtime.getURL('/'): "chrome-extension://<id>/", "moz-extension://<uuid>/". */
  extensionBase: string,
  extensionId: string,
  name: K,
  data: unknown,
  sender: Sender,
): Promise<Result<K>> {
  // (A prefix, not URL.origin: origins of extension schemes are "null" in some engines.)
  const base = extensionBase.endsWith('/') ? extensionBase : `${extensionBase}/`;
  const fromOurPage = sender?.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(base);
  if (!fromOurPage) throw new RefusedError(`"${name}" refused: only Counterpoint's own pages may send it`);
  const parsed = v.safeParse(corpusWriteSchemas[name], data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || 'params';
    throw new RefusedError(`Bad params for "${name}": ${where}: ${issue.message}`);
  }
  return handlers[name](parsed.output as never, sender) as Promise<Result<K>>;
}
