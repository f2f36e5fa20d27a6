/**
 * One team's corpus is invisible to another's: by every route, with a reader's and a writer's
 * token; and in the database itself, where row-level security hides a team's rows from a
 * connection bound to another team (or to none) and refuses rows written under another team's id.
 * SQL injection and oversized inputs are refused, with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { createPools, withTeam } from '../src/db';
import { pasted, startHarness, type Harness } from './harness';

let h: Harness;
const tokens: Record<string, string> = {};
let iraqDoc = '';
let iraqGroup = '';

/** A word only Desk Iraq's document has. */
const SECRET = 'Zubaydiyah';

const TABLES = ['documents', 'passages', 'passage_terms', 'document_entities', 'entities', 'names', 'entity_sources', 'team_sources'];

beforeAll(async () => {
  h = await startHarness();
  for (const team of ['desk-iraq', 'desk-syria']) for (const role of ['reader', 'writer'] as const) tokens[`${team}:${role}`] = await h.token(team, role);
  iraqDoc = (await h.call(tokens['desk-iraq:writer'], 'POST', '/v1/documents', pasted(`In ${SECRET}, near Mosul, the Hashd al-Shaabi moved in, the Sinjar Resistance Units said.`))).json.ids[0];
  iraqGroup = (await h.call(tokens['desk-iraq:writer'], 'POST', '/v1/entities', { name: 'Sinjar Resistance Units', type: 'group', kind: 'armed group', description: 'Yazidi fighters.', aliases: ['YBŞ'] })).json.id;
  await h.call(tokens['desk-iraq:writer'], 'POST', '/v1/names', { entityId: 'mosul', text: SECRET });
});
afterAll(async () => h?.close());

const syria = () => [tokens['desk-syria:reader']!, tokens['desk-syria:writer']!];
/** A response as text, without the query it echoes. */
const text = (x: unknown) => JSON.stringify({ ...(x as object), query: undefined });

describe('one team cannot read, search or write another team\'s rows', () => {
  it('Desk Iraq sees its own document everywhere (the control)', async () => {
    const t = tokens['desk-iraq:reader'];
    expect(text((await h.call(t, 'GET', '/v1/entities/mosul/compare')).json)).toContain(SECRET);
    // Asked first by Desk Iraq, so the card is kept when Desk Syria asks for it below.
    expect(text((await h.call(t, 'GET', '/v1/entities/mosul/card')).json)).toContain(SECRET);
    expect((await h.call(t, 'POST', '/v1/search', { query: SECRET })).json.hits).toHaveLength(1);
    expect((await h.call(t, 'GET', `/v1/documents/${iraqDoc}`)).status).toBe(200);
    expect((await h.call(t, 'GET', `/v1/entities/${iraqGroup}/card`)).status).toBe(200);
  });

  it.each([0, 1])('Desk Syria (%s: reader, writer) finds nothing of it by any read route', async (i) => {
    const t = syria()[i];
    for (const url of ['/v1/entities/mosul/card', '/v1/entities/mosul/compare', '/v1/entities/hashd-al-shaabi/card']) {
      const res = await h.call(t, 'GET', url);
      expect(text(res.json)).not.toContain(SECRET);
      expect(text(res.json)).not.toContain(iraqDoc);
    }
    const search = await h.call(t, 'POST', '/v1/search', { query: SECRET });
    expect(search.json.hits).toEqual([]);
    expect(text(search.json)).not.toContain(SECRET);
    expect((await h.call(t, 'GET', `/v1/documents/${iraqDoc}`)).status).toBe(404);
    expect((await h.call(t, 'GET', `/v1/entities/${iraqGroup}/card`)).status).toBe(404);
    expect((await h.call(t, 'POST', '/v1/search', { query: 'Sinjar Resistance Units', docIds: [iraqDoc] })).json.hits).toEqual([]);
  });

  it('Desk Syria\'s writer cannot name, extend or overwrite Desk Iraq\'s rows', async () => {
    const t = tokens['desk-syria:writer'];
    expect((await h.call(t, 'POST', '/v1/names', { entityId: iraqGroup, text: 'SRU' })).status).toBe(404);
    // Its own document with the same entities stays its own; Iraq's is unchanged.
    const own = await h.call(t, 'POST', '/v1/documents', pasted('Near Mosul, the Hashd al-Shaabi moved in, the Sinjar Resistance Units said.'));
    expect(own.status).toBe(201);
    const rows = await h.admin<{ team: string; n: string }>('SELECT t.slug AS team, count(*) AS n FROM documents d JOIN teams t ON t.id = d.team_id GROUP BY t.slug ORDER BY t.slug');
    expect(rows).toEqual([{ team: 'desk-iraq', n: '1' }, { team: 'desk-syria', n: '1' }]);
    // Syria's card of Mosul counts its own source only, and never Iraq's added name.
    const card = (await h.call(tokens['desk-syria:reader'], 'GET', '/v1/entities/mosul/card')).json;
    expect(card.totalSources).toBe(1);
    expect(card.excerpts.every((e: any) => e.source.id === own.json.ids[0])).toBe(true);
  });

  it('in the database, a connection bound to another team, or to none, sees no row and cannot write one', async () => {
    const [iraq] = await h.admin<{ id: number }>("SELECT id FROM teams WHERE slug = 'desk-iraq'");
    const [syriaTeam] = await h.admin<{ id: number }>("SELECT id FROM teams WHERE slug = 'desk-syria'");
    const pool = h.pools.read;
    for (const table of TABLES) {
      const seen = await withTeam(pool, syriaTeam!.id, (c) => c.query(`SELECT count(*) AS n FROM ${table} WHERE team_id = $1`, [iraq!.id]), true);
      expect(seen.rows[0]).toEqual({ n: '0' });
      const unbound = await pool.query(`SELECT count(*) AS n FROM ${table}`);
      expect(unbound.rows[0]).toEqual({ n: '0' });
    }
    await expect(withTeam(pool, syriaTeam!.id, (c) => c.query("INSERT INTO entities (team_id, id, data) VALUES ($1, 'x', '{}')", [iraq!.id]))).rejects.toThrow(/row-level security/);
    await expect(withTeam(pool, syriaTeam!.id, (c) => c.query('UPDATE documents SET body = $1 WHERE team_id = $2', ['gone', iraq!.id]))).resolves.toMatchObject({ rowCount: 0 });
    // Full text runs past row-level security, in cp_text_hits (server/migrations/003_text_hits.sql): it answers for the bound team only.
    const hits = (team?: number) => {
      const sql = "SELECT count(*) AS n FROM cp_text_hits($1, ARRAY['cp_english']::regconfig[], 500, 100)";
      return (team === undefined ? pool.query(sql, [SECRET]) : withTeam(pool, team, (c) => c.query(sql, [SECRET]), true)).then((r) => r.rows[0]);
    };
    expect(await hits(iraq!.id)).toEqual({ n: '1' });
    expect(await hits(syriaTeam!.id)).toEqual({ n: '0' });
    expect(await hits()).toEqual({ n: '0' });
    await expect(pool.query('SET ROLE counterpoint_search')).rejects.toThrow(/permission denied/);
    await expect(pool.query('SELECT * FROM tokens')).rejects.toThrow(/permission denied/);
    await expect(pool.query('SELECT * FROM teams')).rejects.toThrow(/permission denied/);
    expect((await h.admin<{ body: string }>('SELECT body FROM documents WHERE id = $1', [iraqDoc]))[0]!.body).toContain(SECRET);
  });

  it('one pooled connection answering both teams in turn never carries one\'s team into the other\'s request', async () => {
    // A read's COMMIT is not waited for (server/src/db.ts): with a single connection, each request
    // must still find it out of the last one's transaction.
    const pools = createPools(h.cluster.url('counterpoint_app'), undefined, 1);
    const app = await buildApp(pools, { rateLimit: 1e9 });
    try {
      const ask = (i: number) =>
        app.inject({ method: 'GET', url: '/v1/entities/mosul/card', headers: { authorization: `Bearer ${tokens[i % 2 ? 'desk-syria:reader' : 'desk-iraq:reader']}` } });
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => ask(i)));
      answers.forEach((res, i) => {
        expect(res.statusCode).toBe(200);
        if (i % 2) expect(res.body).not.toContain(SECRET);
        else expect(res.body).toContain(SECRET);
      });
    } finally {
      await app.close();
      await pools.end();
    }
  });

  it('keeps only a hash of each token', async () => {
    const rows = await h.admin<Record<string, unknown>>("SELECT *, encode(hash, 'escape') AS raw FROM tokens");
    expect(rows).toHaveLength(4);
    const stored = JSON.stringify(rows);
    for (const t of Object.values(tokens)) {
      expect(stored).not.toContain(t);
      expect(stored).not.toContain(t.slice(4));
    }
  });
});

describe('hostile input', () => {
  const injections = ["'; DROP TABLE documents; --", "raqqa' OR '1'='1", 'x") OR 1=1 --', "1; UPDATE tokens SET role='writer'", '\\x00\u0000', "mosul'::regconfig"];

  it.each(injections)('%j is data: no rows leak, nothing changes', async (s) => {
    const before = await h.admin('SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM tokens) AS t, (SELECT count(*) FROM names) AS n');
    const t = tokens['desk-syria:writer'];
    const search = await h.call(t, 'POST', '/v1/search', { query: s });
    expect([200, 400]).toContain(search.status);
    expect(text(search.json)).not.toContain(SECRET);
    expect((await h.call(t, 'GET', `/v1/entities/${encodeURIComponent(s)}/card`)).status).toBeGreaterThanOrEqual(400);
    expect((await h.call(t, 'GET', `/v1/documents/${encodeURIComponent(s)}`)).status).toBeGreaterThanOrEqual(400);
    expect((await h.call(t, 'POST', '/v1/names', { entityId: s, text: s })).status).toBeGreaterThanOrEqual(400);
    expect(await h.admin('SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM tokens) AS t, (SELECT count(*) FROM names) AS n')).toEqual(before);
  });

  it('refuses oversized inputs with 400 or 413 and stores nothing', async () => {
    const t = tokens['desk-syria:writer'];
    const before = await h.admin('SELECT count(*) AS n FROM documents');
    expect(await h.call(t, 'POST', '/v1/search', { query: 'a'.repeat(501) })).toMatchObject({ status: 400 });
    expect(await h.call(t, 'POST', '/v1/search', { query: 'a'.repeat(2 * 1024 * 1024) })).toMatchObject({ status: 413, json: { error: 'too-large' } });
    expect(await h.call(t, 'POST', '/v1/documents', { text: 'Raqqa '.repeat(6 * 1024 * 1024) })).toMatchObject({ status: 413 });
    expect(await h.call(t, 'POST', '/v1/names', { entityId: 'mosul', text: 'M'.repeat(201) })).toMatchObject({ status: 400 });
    expect(await h.call(t, 'GET', `/v1/entities/${'r'.repeat(201)}/card`)).toMatchObject({ status: 400 });
    const many = Array.from({ length: 101 }, (_, i) => ({ name: `${i}.txt`, base64: Buffer.from('Raqqa').toString('base64') }));
    expect(await h.call(t, 'POST', '/v1/documents', { files: many })).toMatchObject({ status: 400 });
    expect(await h.admin('SELECT count(*) AS n FROM documents')).toEqual(before);
  });

  it('refuses a token past its rate limit with 429', async () => {
    const limited = await startHarness({ rateLimit: 3 }, h.cluster);
    try {
      const t = await limited.token('desk-limited', 'reader');
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await limited.call(t, 'GET', '/v1/team')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await limited.call(t, 'GET', '/v1/team')).json.error).toBe('rate-limited');
    } finally {
      await limited.close();
    }
  });
});
