/**
 * Messages about the team server (issue 21): connect, disconnect, status, and the team's part of a
 * card or a search. Privileged like every corpus message: only the extension's own pages may send
 * them (entrypoints/background/team.ts checks the sender, lib/messages/senders.ts), never a
 * content script. The token goes one way, from the options page to the worker, and no message
 * ever returns it.
 */
import * as v from 'valibot';
import { pageRequestSchemas, type EntityCard, type SearchResult } from './protocol';
import { corpusWriteSchemas } from './corpusWrites';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const teamSchemas = {
  teamConnect: v.strictObject({
    url: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000)),
    token: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)),
  }),
  teamDisconnect: v.optional(v.undefined()),
  teamStatus: v.optional(v.undefined()),
  teamLookup: v.strictObject({ id }),
  teamSearch: pageRequestSchemas.search,
  /** Files documents (the drafts the options page makes, e.g. of a page handed over by "Add this page") to the team corpus: a writer's choice. */
  teamFile: v.strictObject({ drafts: corpusWriteSchemas.importDocuments.entries.drafts }),
} satisfies Record<string, v.GenericSchema>;

type TeamParams<K extends keyof typeof teamSchemas> = v.InferOutput<(typeof teamSchemas)[K]>;

/** Why a team server could not be used. */
export type TeamProblem = 'unauthorized' | 'unreachable' | 'permission' | 'invalid-url' | 'refused' | 'forbidden';

/** What the options page shows: never the token. */
export type TeamStatus =
  | { state: 'off' }
  | { state: 'connected'; url: string; team: string; role: 'reader' | 'writer' }
  | { state: 'error'; url?: string; problem: TeamProblem };

/** The team's answer to one question: off (no server: nothing was asked), its data (none: the team has nothing on it), or that it did not answer. */
export type TeamAnswer<T> = { state: 'off' } | { state: 'ok'; team: string; data?: T } | { state: 'unreachable'; team: string };

export interface TeamProtocol {
  /** Saves URL and token after one authenticated request proved them (the permission was asked by the page first). */
  teamConnect(p: TeamParams<'teamConnect'>): TeamStatus;
  /** Forgets the token and gives the origin's permission back. */
  teamDisconnect(): TeamStatus;
  teamStatus(): TeamStatus;
  teamLookup(p: TeamParams<'teamLookup'>): TeamAnswer<EntityCard>;
  teamSearch(p: TeamParams<'teamSearch'>): TeamAnswer<SearchResult>;
  teamFile(p: TeamParams<'teamFile'>): { state: 'filed'; count: number } | { state: 'error'; problem: TeamProblem };
}
