/**
 * What the team server's messages (issue 21; lib/messages/registry.ts: teamConnect … teamFile,
 * extension pages only) answer. The token goes one way, from the options page to the worker, and
 * no message ever returns it: none of these types has a place for it.
 */

/** Why a team server could not be used. */
export type TeamProblem = 'unauthorized' | 'unreachable' | 'permission' | 'invalid-url' | 'refused' | 'forbidden';

/** What the options page shows: never the token. */
export type TeamStatus =
  | { state: 'off' }
  | { state: 'connected'; url: string; team: string; role: 'reader' | 'writer' }
  | { state: 'error'; url?: string; problem: TeamProblem };

/** The team's answer to one question: off (no server: nothing was asked), its data (none: the team has nothing on it), or that it did not answer. */
export type TeamAnswer<T> = { state: 'off' } | { state: 'ok'; team: string; data?: T } | { state: 'unreachable'; team: string };
