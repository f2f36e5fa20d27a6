/**
 * Every message the background answers, in one table per privilege (lib/messages/protocol.ts):
 * what extension pages may ask, and what content scripts may ask. `dispatch` checks the sender
 * for the table the message belongs to (lib/messages/senders.ts) and the params against their
 * schema before any handler runs; bad messages get an error the caller sees, never a crash.
 */
import type { GetReturnType } from '@webext-core/messaging';
import * as v from 'valibot';
import type { CorpusService } from '../../lib/corpus/service';
import {
  contentScriptRequestSchemas,
  pageRequestSchemas,
  type ContentScriptRequests,
  type PageRequests,
  type Params,
  type SearchResult,
} from '../../lib/messages/protocol';
import { isExtensionPage, isOwnContentScript, type Self, type Sender } from '../../lib/messages/senders';
import type { TeamAnswer } from '../../lib/messages/team';
import { mergeSearch } from '../../lib/team/merge';

export type { Sender };

export interface BackgroundContext {
  /** The corpus, loaded piece by piece as messages need it. */
  corpus: CorpusService;
  /** Our own id and origin: who may ask what is decided from these. */
  self: Self;
  /** The team server's hits for a search (entrypoints/background/team.ts): `{ state: 'off' }` when none is configured. */
  teamSearch?(params: Params<'search'>): Promise<TeamAnswer<SearchResult>>;
}

type Schemas<P> = { [K in keyof P]: v.GenericSchema };
type Table<P, S extends Schemas<P>> = {
  [K in keyof P]: P[K] extends (...args: never[]) => infer R
    ? (params: v.InferOutput<S[K]>, sender: Sender) => Awaited<R> | Promise<Awaited<R>>
    : never;
};

/** A surface: its schemas, its handlers, and who may send to it. */
export interface Surface<P, S extends Schemas<P>> {
  name: string;
  /** Every message name of the protocol. */
  names: Array<keyof P & string>;
  schemas: S;
  handlers: Table<P, S>;
  allowed(sender: Sender | undefined, self: Self): boolean;
}

export function createSurfaces(ctx: BackgroundContext) {
  const pages: Surface<PageRequests, typeof pageRequestSchemas> = {
    name: 'extension pages',
    names: keysOf(pageRequestSchemas),
    schemas: pageRequestSchemas,
    allowed: isExtensionPage,
    handlers: {
      lookupEntity: ({ id }) => ctx.corpus.lookupEntity(id),
      // Local and team searches run together; the team's hits follow the local ones (lib/team/merge.ts).
      search: async (params) => {
        const [local, team] = await Promise.all([ctx.corpus.search(params), ctx.teamSearch?.(params) ?? { state: 'off' as const }]);
        return mergeSearch(local, team, params.limit);
      },
      findEntities: async ({ text, limit }) => ({ entities: await ctx.corpus.findEntities(text, limit) }),
      compare: ({ entityId }) => ctx.corpus.compare(entityId),
      getDocument: ({ docId }) => ctx.corpus.getDocument(docId),
      listEntities: () => ctx.corpus.listEntities(),
      facets: () => ctx.corpus.facets(),
    },
  };
  const contentScripts: Surface<ContentScriptRequests, typeof contentScriptRequestSchemas> = {
    name: 'content scripts',
    names: keysOf(contentScriptRequestSchemas),
    schemas: contentScriptRequestSchemas,
    allowed: isOwnContentScript,
    handlers: {
      matcherData: () => ctx.corpus.matcherData(),
    },
  };
  return { pages, contentScripts };
}

const keysOf = <T extends object>(o: T) => Object.keys(o) as Array<keyof T & string>;

export class BadMessageError extends Error {
  override name = 'BadMessageError';
}

/** Checks the sender and the params, then runs the handler. */
export async function dispatch<P, S extends Schemas<P>, K extends keyof P & string>(
  surface: Surface<P, S>,
  self: Self,
  name: K,
  data: unknown,
  sender: Sender | undefined,
): Promise<GetReturnType<P[K]>> {
  if (!Object.hasOwn(surface.schemas, name)) throw new BadMessageError(`Unknown message "${name}"`);
  if (!surface.allowed(sender, self)) throw new BadMessageError(`"${name}" refused: only ${surface.name} may send it`);
  const parsed = v.safeParse(surface.schemas[name], data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') || 'params';
    throw new BadMessageError(`Bad params for "${name}": ${where}: ${issue.message}`);
  }
  // The table's type ties each handler to its schema's output and its protocol's result; here the
  // name is only known at run time, so the handler is called through its erased signature.
  const handler = surface.handlers[name] as (params: unknown, sender: Sender) => GetReturnType<P[K]> | Promise<GetReturnType<P[K]>>;
  return handler(parsed.output, sender!);
}
