/**
 * Every message the background answers, in one table. Each handler gets params already checked
 * against lib/messages/protocol.ts's schema; `dispatch` rejects unknown senders and malformed params with
 * an error the caller sees, never a crash of the worker.
 */
import * as v from 'valibot';
import type { CorpusService } from '../../lib/corpus/service';
import { paramSchemas, type BackgroundProtocol } from '../../lib/messages/protocol';

export type MessageName = keyof BackgroundProtocol;
type Result<K extends MessageName> = ReturnType<BackgroundProtocol[K]>;

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

export interface BackgroundContext {
  /** The corpus, loaded piece by piece as messages need it. */
  corpus: CorpusService;
  /** Our own extension id: messages from anywhere else are refused. */
  extensionId: string;
  openSidePanel(entityId: string | undefined, sender: Sender): Promise<boolean>;
  openSearch(query: string): Promise<boolean>;
}

type Handlers = {
  [K in MessageName]: (params: v.InferOutput<(typeof paramSchemas)[K]>, sender: Sender) => Result<K> | Promise<Result<K>>;
};

export function createHandlers(ctx: BackgroundContext): Handlers {
  return {
    lookupEntity: ({ id }) => ctx.corpus.lookupEntity(id),
    matcherData: () => ctx.corpus.matcherData(),
    search: (params) => ctx.corpus.search(params),
    compare: ({ entityId }) => ctx.corpus.compare(entityId),
    getDocument: ({ docId }) => ctx.corpus.getDocument(docId),
    listEntities: () => ctx.corpus.listEntities(),
    facets: () => ctx.corpus.facets(),
    openSidePanel: async (params, sender) => ({ opened: await ctx.openSidePanel(params?.entityId, sender) }),
    openSearch: async ({ query }) => ({ opened: await ctx.openSearch(query) }),
  };
}

export class BadMessageError extends Error {
  override name = 'BadMessageError';
}

export async function dispatch<K extends MessageName>(
  handlers: Handlers,
  ctx: BackgroundContext,
  name: K,
  data: unknown,
  sender: Sender,
): Promise<Result<K>> {
  if (!sender || sender.id !== ctx.extensionId) throw new BadMessageError(`"${String(name)}" refused: not sent by this extension`);
  const schema = paramSchemas[name];
  if (!schema) throw new BadMessageError(`Unknown message "${String(name)}"`);
  const parsed = v.safeParse(schema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || 'params';
    throw new BadMessageError(`Bad params for "${String(name)}": ${where}: ${issue.message}`);
  }
  return handlers[name](parsed.output, sender);
}
