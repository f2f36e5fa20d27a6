/** The team client over a stubbed fetch: the token as a Bearer header, a refusal kept apart from a server that does not answer in time. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamHttpError, TeamUnreachable, teamRequest } from './teamClient';

const server = { base: 'http://127.0.0.1:8787', token: 'cp_token' };

afterEach(() => vi.unstubAllGlobals());

describe('teamRequest', () => {
  it('sends the token as a Bearer header and the body as JSON', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    expect(await teamRequest(server, '/v1/search', { query: 'raqqa' })).toEqual({ ok: true });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:8787/v1/search');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ authorization: 'Bearer cp_token' });
    expect(init.credentials).toBe('omit');
  });

  it('tells a refusal from a server that does not answer in time', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 401 }));
    await expect(teamRequest(server, '/v1/team')).rejects.toEqual(new TeamHttpError(401));
    // A server that never answers: the request is aborted at its time limit.
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))));
    await expect(teamRequest(server, '/v1/team', undefined, 20)).rejects.toBeInstanceOf(TeamUnreachable);
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(teamRequest(server, '/v1/team')).rejects.toBeInstanceOf(TeamUnreachable);
  });
});
