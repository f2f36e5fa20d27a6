/**
 * The worker's requests to a team server: JSON over fetch with the Bearer token, each bounded by
 * an AbortController timeout. Errors are one of two kinds a caller tells apart: the server
 * refused (`TeamHttpError`, with its status) or it did not answer in time or at all
 * (`TeamUnreachable`). Nothing is retried or queued.
 */
import type { TeamConfig } from './teamStore';

export class TeamHttpError extends Error {
  override name = 'TeamHttpError';
  constructor(readonly status: number) {
    super(`Team server answered ${status}`);
  }
}

export class TeamUnreachable extends Error {
  override name = 'TeamUnreachable';
}

/** A request's time limit: long enough for a loaded server, short enough that nothing waits on a dead one for long. */
const TEAM_TIMEOUT_MS = 4000;

export async function teamRequest<T>(
  server: Pick<TeamConfig, 'base' | 'token'>,
  path: string,
  body?: unknown,
  timeoutMs = TEAM_TIMEOUT_MS,
): Promise<T> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetch(server.base + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${server.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) throw new TeamHttpError(response.status);
    return (await response.json()) as T;
  } catch (e) {
    if (e instanceof TeamHttpError) throw e;
    throw new TeamUnreachable(e instanceof Error ? e.message : String(e), { cause: e });
  } finally {
    clearTimeout(timer);
  }
}
