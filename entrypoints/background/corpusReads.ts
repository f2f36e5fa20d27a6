/**
 * The worker's answers to the corpus reads of lib/messages/registry.ts (extension pages) and to
 * the matcher data (content scripts). The dispatcher (lib/messages/dispatch.ts) has checked the
 * sender's privilege and the params before any of these runs.
 */
import type { CorpusService } from '../../lib/corpus/service';
import type { Handlers } from '../../lib/messages/dispatch';
import type { SearchResult } from '../../lib/messages/protocol';
import type { Params } from '../../lib/messages/registry';
import type { TeamAnswer } from '../../lib/messages/team';
import { mergeSearch } from '../../lib/team/merge';

export interface CorpusReadsContext {
  /** The corpus, loaded piece by piece as messages need it. */
  corpus: CorpusService;
  /** The team server's hits for a search (entrypoints/background/team.ts): `{ state: 'off' }` when none is configured. */
  teamSearch?(params: Params<'search'>): Promise<TeamAnswer<SearchResult>>;
}

export function createCorpusReadHandlers(ctx: CorpusReadsContext) {
  return {
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
    matcherData: () => ctx.corpus.matcherData(),
  } satisfies Partial<Handlers<'background'>>;
}
