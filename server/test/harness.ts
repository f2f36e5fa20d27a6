/**
 * A team server on a throwaway PostgreSQL cluster for a test file: the cluster (a temporary
 * directory, a free port on 127.0.0.1), migrated, the app on counterpoint_app's pool, and helpers
 * to make teams' tokens and call the routes (Fastify's inject: the whole HTTP handling, no socket).
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { startCluster, type Cluster } from '../src/cluster';
import { createPools, type Pools } from '../src/db';
import { migrate } from '../src/migrate';
import { createToken } from '../src/tokens';
import { buildApp, type AppOptions } from '../src/app';

export interface Harness {
  cluster: Cluster;
  pools: Pools;
  app: FastifyInstance;
  token(team: string, role: 'reader' | 'writer', name?: string): Promise<string>;
  call(token: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** A query as the database owner (to look at what is stored, past row-level security). */
  admin<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** `cluster`: an already migrated one to share (left running by close); `replica`: reads go there. */
export async function startHarness(options: AppOptions = {}, cluster?: Cluster, replica?: Cluster): Promise<Harness> {
  const c = cluster ?? (await startCluster());
  if (!cluster) await migrate(c.url());
  const pools = createPools(c.url('counterpoint_app'), replica?.url('counterpoint_app'));
  const app = await buildApp(pools, options);
  const adminPool = new pg.Pool({ connectionString: c.url(), max: 2 });
  return {
    cluster: c,
    pools,
    app,
    token: async (team, role, name) => (await createToken(c.url(), team, role, name)).token,
    async call(token, method, url, body) {
      const res = await app.inject({
        method,
        url,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(body === undefined ? {} : typeof body === 'string' ? { payload: body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } } : { payload: body as object }),
      });
      return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : undefined };
    },
    admin: async (sql, params) => (await adminPool.query(sql, params)).rows,
    async close() {
      await app.close();
      await pools.end();
      await adminPool.end();
      if (!cluster) await c.stop();
    },
  };
}

/** A pasted document's upload body. */
export const pasted = (text: string, language?: string) => ({ text, ...(language ? { language } : {}) });
