/**
 * Beyond one machine: a primary and one streaming replica (two local clusters, the replica made
 * with pg_basebackup -R). The server writes to the primary and reads from the replica; a document
 * filed on the primary reaches a card served from the replica.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCluster, startReplica, type Cluster } from '../src/cluster';
import { migrate } from '../src/migrate';
import { pasted, startHarness, type Harness } from './harness';

let primary: Cluster;
let replica: Cluster;
let h: Harness;

/** Asks until `ok` holds, at most `tries` times (the replica applies the primary's WAL shortly after each commit). */
async function eventually<T>(ask: () => Promise<T>, ok: (t: T) => boolean, tries = 200): Promise<T> {
  let last = await ask();
  for (let i = 0; i < tries && !ok(last); i++) {
    await new Promise((r) => setTimeout(r, 50));
    last = await ask();
  }
  return last;
}

beforeAll(async () => {
  primary = await startCluster();
  await migrate(primary.url());
  replica = await startReplica(primary);
  h = await startHarness({}, primary, replica);
});
afterAll(async () => {
  await h?.close();
  await replica?.stop();
  await primary?.stop();
});

it('reads from the replica and writes to the primary', async () => {
  expect((await h.pools.read.query('SELECT pg_is_in_recovery() AS r')).rows[0]).toEqual({ r: true });
  expect((await h.pools.write.query('SELECT pg_is_in_recovery() AS r')).rows[0]).toEqual({ r: false });
  await expect(h.pools.read.query("INSERT INTO names (team_id, entity_id, text) VALUES (1, 'raqqa', 'x')")).rejects.toThrow(/read-only/);
});

it('a document filed on the primary reaches a card served from the replica', async () => {
  const writer = await h.token('desk-iraq', 'writer', 'Desk Iraq');
  // The token itself is written on the primary: the replica knows it once it has replayed that.
  expect((await eventually(() => h.call(writer, 'GET', '/v1/team'), (r) => r.status === 200)).json.name).toBe('Desk Iraq');
  const filed = await h.call(writer, 'POST', '/v1/documents', pasted('Forces of the SDF surrounded Raqqa and cut the last road out of the city, the coalition said on Sunday.'));
  expect(filed.status).toBe(201);
  const card = await eventually(() => h.call(writer, 'GET', '/v1/entities/raqqa/card'), (r) => r.json.totalSources === 1);
  expect(card.json.excerpts.map((e: any) => e.source.id)).toEqual([filed.json.ids[0]]);
  expect(card.json.excerpts[0].passage.text).toContain('cut the last road out of the city');
});
