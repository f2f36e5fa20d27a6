/**
 * The worker's answers to the team messages of lib/messages/registry.ts: connect to a team server,
 * disconnect, its status, and its part of a card or a search. Privileged: only the extension's
 * pages may send these (the dispatcher, lib/messages/dispatch.ts, checks the sender). The token
 * is read here, in the worker, from the extension origin's IndexedDB (platform/teamStore.ts), and
 * never returned by any message.
 *
 * With no server configured no request is made: every team answer is `{ state: 'off' }` from
 * the stored configuration alone (kept in memory after its first read).
 */
import type { Handlers } from '../../lib/messages/dispatch';
import type { Comparison, DocumentView, EntityCard, SearchResult } from '../../lib/messages/protocol';
import type { Params } from '../../lib/messages/registry';
import type { TeamAnswer, TeamProblem, TeamStatus } from '../../lib/messages/team';
import { teamAddress } from '../../lib/team/url';
import { TeamHttpError, TeamUnreachable } from '../../platform/teamClient';
import type { TeamConfig } from '../../platform/teamStore';

/** How long a search waits for the team's hits before answering with the local ones and "unreachable". */
const SEARCH_WAIT_MS = 1500;
/** How long filing may take (the server compiles the documents before it answers). */
const FILE_WAIT_MS = 60_000;

export interface TeamPorts {
  store: { get(): Promise<TeamConfig | undefined>; set(c: TeamConfig): Promise<void>; clear(): Promise<void> };
  request<T>(server: Pick<TeamConfig, 'base' | 'token'>, path: string, body?: unknown, timeoutMs?: number): Promise<T>;
  /** Whether the browser lets the extension reach the origin (asked by the options page, in the click). */
  hasPermission(pattern: string): Promise<boolean>;
  dropPermission(pattern: string): Promise<void>;
  /** Tells every card frame whether a server is connected (platform/teamFlag.ts). */
  announce?(connected: boolean): Promise<void>;
}

export function createTeamSide(ports: TeamPorts) {
  let config: Promise<TeamConfig | undefined> | undefined;
  const current = () => (config ??= ports.store.get().catch(() => undefined));

  /** The team's answer to one read, or that it did not give one. */
  const ask = async <T,>(path: string, body?: unknown, timeoutMs?: number): Promise<TeamAnswer<T>> => {
    const server = await current();
    if (!server) return { state: 'off' };
    try {
      return { state: 'ok', team: server.team, data: await ports.request<T>(server, path, body, timeoutMs) };
    } catch (e) {
      if (e instanceof TeamHttpError && e.status === 404) return { state: 'ok', team: server.team };
      return { state: 'unreachable', team: server.team };
    }
  };

  /** What a refusal or a silence means to the user. */
  const problemOf = (e: unknown): TeamProblem =>
    e instanceof TeamUnreachable ? 'unreachable' : !(e instanceof TeamHttpError) ? 'refused' : e.status === 401 ? 'unauthorized' : e.status === 403 ? 'forbidden' : 'refused';

  const connect = async (url: string, token: string): Promise<TeamStatus> => {
    const address = teamAddress(url);
    if (!address) return { state: 'error', problem: 'invalid-url' };
    if (!(await ports.hasPermission(address.pattern))) return { state: 'error', url: address.base, problem: 'permission' };
    try {
      const who = await ports.request<{ name: string; role: 'reader' | 'writer' }>({ base: address.base, token }, '/v1/team');
      const saved: TeamConfig = { base: address.base, pattern: address.pattern, token, team: who.name, role: who.role };
      await ports.store.set(saved);
      config = Promise.resolve(saved);
      await ports.announce?.(true).catch(() => undefined);
      return { state: 'connected', url: saved.base, team: saved.team, role: saved.role };
    } catch (e) {
      return { state: 'error', url: address.base, problem: problemOf(e) };
    }
  };

  const handlers = {
    teamConnect: ({ url, token }) => connect(url, token),
    teamDisconnect: async () => {
      const server = await current();
      await ports.store.clear();
      config = Promise.resolve(undefined);
      await ports.announce?.(false).catch(() => undefined);
      if (server) await ports.dropPermission(server.pattern).catch(() => undefined);
      return { state: 'off' };
    },
    teamStatus: async () => {
      const server = await current();
      return server ? { state: 'connected', url: server.base, team: server.team, role: server.role } : { state: 'off' };
    },
    teamLookup: ({ id }) => ask<EntityCard>(`/v1/entities/${encodeURIComponent(id)}/card`),
    teamSearch: (params) => ask<SearchResult>('/v1/search', params),
    teamFile: async ({ drafts }) => {
      const server = await current();
      if (!server) return { state: 'error', problem: 'refused' };
      try {
        const { ids } = await ports.request<{ ids: string[] }>(server, '/v1/documents', { drafts }, FILE_WAIT_MS);
        return { state: 'filed', count: ids.length };
      } catch (e) {
        return { state: 'error', problem: problemOf(e) };
      }
    },
  } satisfies Partial<Handlers<'background'>>;
  return {
    handlers,
    /** The team's hits for the worker's own search (corpusReads.ts), waited for at most SEARCH_WAIT_MS. */
    search: (params: Params<'search'>) => ask<SearchResult>('/v1/search', params, SEARCH_WAIT_MS),
    /** The team's sources on an entity for the side panel's comparison (corpusReads.ts), waited for as long as a search's hits. */
    compare: (entityId: string) => ask<Comparison>(`/v1/entities/${encodeURIComponent(entityId)}/compare`, undefined, SEARCH_WAIT_MS),
    /** A team document for the reader (a team hit opened). */
    document: (docId: string) => ask<Omit<DocumentView, 'origin'>>(`/v1/documents/${encodeURIComponent(docId)}`),
  };
}
