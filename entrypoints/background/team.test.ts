/**
 * The team's handlers with fake ports, through the registry's dispatcher: who may send it, what each refusal says, that no request is
 * made with no server configured, and that no answer ever carries the token.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../lib/messages/dispatch';
import type { NameTo } from '../../lib/messages/registry';
import { stubHandlers } from '../../tests/unit/stubHandlers';
import { createTeamSide, type TeamPorts } from './team';
import { TeamHttpError, TeamUnreachable } from '../../platform/teamClient';
import type { TeamConfig } from '../../platform/teamStore';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const script = { id: 'ext', url: 'https://news.example/', tab: { id: 1 }, frameId: 0 };
const TOKEN = 'cp_secret_token';

function fake(answer: (path: string) => unknown, permitted = true) {
  let saved: TeamConfig | undefined;
  const requests: string[] = [];
  const dropped: string[] = [];
  const announced: boolean[] = [];
  const ports: TeamPorts = {
    store: { get: async () => saved, set: async (c) => void (saved = c), clear: async () => void (saved = undefined) },
    request: async <T,>(_server: unknown, path: string) => (requests.push(path), answer(path) as T),
    hasPermission: async () => permitted,
    dropPermission: async (p) => void dropped.push(p),
    announce: async (on) => void announced.push(on),
  };
  return { side: createTeamSide(ports), requests, dropped, announced, saved: () => saved };
}
const ask = <K extends keyof ReturnType<typeof createTeamSide>['handlers'] & NameTo<'background'>>(side: ReturnType<typeof createTeamSide>, name: K, data?: unknown, sender: object = page) =>
  createDispatcher('background', stubHandlers('background', side.handlers), self)(name, data, sender);

describe('team messages', () => {
  it('makes no request at all with no server configured', async () => {
    const f = fake(() => ({}));
    expect(await ask(f.side, 'teamStatus')).toEqual({ state: 'off' });
    expect(await ask(f.side, 'teamLookup', { id: 'raqqa' })).toEqual({ state: 'off' });
    expect(await f.side.search({ query: 'raqqa' })).toEqual({ state: 'off' });
    expect(f.requests).toEqual([]);
  });

  it('refuses every team message from a content script', async () => {
    const f = fake(() => ({ name: 'Desk Iraq', role: 'reader' }));
    for (const [name, data] of [['teamStatus'], ['teamConnect', { url: 'http://127.0.0.1:1', token: TOKEN }], ['teamLookup', { id: 'raqqa' }]] as const) {
      await expect(ask(f.side, name, data, script)).rejects.toThrow(/refused/);
    }
    expect(f.requests).toEqual([]);
  });

  it('connects after one authenticated request and never answers with the token', async () => {
    const f = fake((path) => (path === '/v1/team' ? { slug: 'desk-iraq', name: 'Desk Iraq', role: 'reader' } : { card: true }));
    const status = await ask(f.side, 'teamConnect', { url: 'http://127.0.0.1:8787/', token: TOKEN });
    expect(status).toEqual({ state: 'connected', url: 'http://127.0.0.1:8787', team: 'Desk Iraq', role: 'reader' });
    expect(f.saved()?.token).toBe(TOKEN);
    expect(JSON.stringify([status, await ask(f.side, 'teamStatus'), await ask(f.side, 'teamLookup', { id: 'raqqa' })])).not.toContain(TOKEN);
    expect(await ask(f.side, 'teamDisconnect')).toEqual({ state: 'off' });
    expect(f.saved()).toBeUndefined();
    expect(f.dropped).toEqual(['http://127.0.0.1:8787/*']);
    // Card frames are told (platform/teamFlag.ts): they ask for the team's part only while connected.
    expect(f.announced).toEqual([true, false]);
  });

  it('says why a connection failed', async () => {
    const refused = fake(() => {
      throw new TeamHttpError(401);
    });
    expect(await ask(refused.side, 'teamConnect', { url: 'http://127.0.0.1:8787', token: 'x' })).toMatchObject({ state: 'error', problem: 'unauthorized' });
    const down = fake(() => {
      throw new TeamUnreachable('ECONNREFUSED');
    });
    expect(await ask(down.side, 'teamConnect', { url: 'http://127.0.0.1:8787', token: 'x' })).toMatchObject({ problem: 'unreachable' });
    const denied = fake(() => ({}), false);
    expect(await ask(denied.side, 'teamConnect', { url: 'http://127.0.0.1:8787', token: 'x' })).toMatchObject({ problem: 'permission' });
    expect(denied.requests).toEqual([]);
    expect(await ask(denied.side, 'teamConnect', { url: 'ftp://x', token: 'x' })).toMatchObject({ problem: 'invalid-url' });
    for (const f of [refused, down, denied]) expect(f.saved()).toBeUndefined();
  });

  it('answers "unreachable" for a server that stops answering, and "nothing" for what the team does not have', async () => {
    let up = true;
    const f = fake((path) => {
      if (path === '/v1/team') return { name: 'Desk Iraq', role: 'reader' };
      if (!up) throw new TeamUnreachable('down');
      throw new TeamHttpError(404);
    });
    await ask(f.side, 'teamConnect', { url: 'http://127.0.0.1:8787', token: TOKEN });
    expect(await ask(f.side, 'teamLookup', { id: 'nowhere' })).toEqual({ state: 'ok', team: 'Desk Iraq' });
    up = false;
    expect(await ask(f.side, 'teamLookup', { id: 'raqqa' })).toEqual({ state: 'unreachable', team: 'Desk Iraq' });
  });
});

describe('filing to the team', () => {
  const draft = { fileName: 'https://news.example/a', meta: { title: 'A', author: '', outlet: '', date: '', dateApproximate: false, perspective: '', url: '' }, body: 'Raqqa.' };

  it('files a writer’s drafts, and says why a reader’s are refused', async () => {
    let role = 'writer';
    const f = fake((path) => {
      if (path === '/v1/team') return { name: 'Desk Iraq', role };
      if (role === 'reader') throw new TeamHttpError(403);
      return { ids: ['d1'] };
    });
    expect(await ask(f.side, 'teamFile', { drafts: [draft] })).toEqual({ state: 'error', problem: 'refused' }); // no server: nothing sent
    expect(f.requests).toEqual([]);
    await ask(f.side, 'teamConnect', { url: 'http://127.0.0.1:8787', token: TOKEN });
    expect(await ask(f.side, 'teamFile', { drafts: [draft] })).toEqual({ state: 'filed', count: 1 });
    role = 'reader';
    expect(await ask(f.side, 'teamFile', { drafts: [draft] })).toEqual({ state: 'error', problem: 'forbidden' });
    await expect(ask(f.side, 'teamFile', { drafts: [draft] }, script)).rejects.toThrow(/refused/);
  });
});
