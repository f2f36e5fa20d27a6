/**
 * The worker's answers to the corpus reads of lib/messages/registry.ts (extension pages) and to
 * the matcher data (content scripts). The dispatcher (lib/messages/dispatch.ts) has checked the
 * sender's privilege and the params before any of these runs.
 */
import type { CorpusService } from '../../lib/corpus/service';
import type { Handlers } from '../../lib/messages/dispatch';
import type { Comparison, DocumentView, SearchResult } from '../../lib/messages/protocol';
import type { Params } from '../../lib/messages/registry';
import type { TeamAnswer } from '../../lib/messages/team';
import { WordedError } from '../../lib/i18n/wording';
import { mergeComparison, mergeSearch } from '../../lib/team/merge';

export interface CorpusReadsContext {
  /** The corpus, loaded piece by piece as messages need it. */
  corpus: CorpusService;
  /** The team server's hits for a search (entrypoints/background/team.ts): `{ state: 'off' }` when none is configured. */
  teamSearch?(params: Params<'search'>): Promise<TeamAnswer<SearchResult>>;
  /** The team server's comparison on an entity, likewise. */
  teamCompare?(entityId: string): Promise<TeamAnswer<Comparison>>;
  /** A document of the team server's, likewise. */
  teamDocument?(docId: string): Promise<TeamAnswer<Omit<DocumentView, 'origin'>>>;
}

const OFF = { state: 'off' } as const;

export function createCorpusReadHandlers(ctx: CorpusReadsContext) {
  return {
    lookupEntity: ({ id }) => ctx.corpus.lookupEntity(id),
    // Local and team searches run together; the team's hits follow the local ones (lib/team/merge.ts).
    search: async (params) => {
      const [local, team] = await Promise.all([ctx.corpus.search(params), ctx.teamSearch?.(params) ?? OFF]);
      return mergeSearch(local, team, params.limit);
    },
    findEntities: async ({ text, limit }) => ({ entities: await ctx.corpus.findEntities(text, limit) }),
    // The team's sources follow the local ones as labelled columns (lib/team/merge.ts).
    compare: async ({ entityId }) => {
      const [local, team] = await Promise.all([ctx.corpus.compare(entityId), ctx.teamCompare?.(entityId) ?? OFF]);
      return mergeComparison(local, team);
    },
    // A team hit opened in the reader is asked of the team server; the reader says why it cannot show one.
    getDocument: async ({ docId, team }) => {
      if (!team) return ctx.corpus.getDocument(docId);
      const answer = (await ctx.teamDocument?.(docId)) ?? OFF;
      if (answer.state === 'ok' && answer.data) return { ...answer.data, origin: answer.team };
      throw new WordedError(answer.state === 'ok' ? { key: 'readerTeamMissing', args: [answer.team] } : answer.state === 'unreachable' ? { key: 'readerTeamUnreachable', args: [answer.team] } : { key: 'readerTeamOff' });
    },
    listEntities: () => ctx.corpus.listEntities(),
    facets: () => ctx.corpus.facets(),
    matcherData: () => ctx.corpus.matcherData(),
  } satisfies Partial<Handlers<'background'>>;
}
