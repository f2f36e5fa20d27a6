/**
 * A team server for end-to-end tests (issue 21): a throwaway PostgreSQL cluster
 * (server/src/cluster.ts), migrated, the server listening on 127.0.0.1, and tokens of two teams —
 * Desk Iraq's writer and reader, Desk Syria's reader. Shared by team.e2e (Chromium) and
 * firefox-team.e2e.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app';
import { startCluster, type Cluster } from '../../server/src/cluster';
import { createPools, type Pools } from '../../server/src/db';
import { migrate } from '../../server/src/migrate';
import { createToken } from '../../server/src/tokens';

export interface TeamServer {
  base: string;
  tokens: Record<'writer' | 'readerA' | 'readerB', string>;
  /** Files a text to Desk Iraq as its writer, over HTTP; the response's status. */
  fileText(text: string): Promise<number>;
  /** Stops answering (the server closes; the database stays until `close`). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamServer(): Promise<TeamServer> {
  const cluster: Cluster = await startCluster();
  await migrate(cluster.url());
  const pools: Pools = createPools(cluster.url('counterpoint_app'));
  const app: FastifyInstance = await buildApp(pools);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const tokens = {
    writer: (await createToken(cluster.url(), 'desk-iraq', 'writer', 'Desk Iraq')).token,
    readerA: (await createToken(cluster.url(), 'desk-iraq', 'reader', 'Desk Iraq')).token,
    readerB: (await createToken(cluster.url(), 'desk-syria', 'reader', 'Desk Syria')).token,
  };
  let stopped = false;
  return {
    base,
    tokens,
    fileText: async (text) =>
      (
        await fetch(`${base}/v1/documents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.writer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        })
      ).status,
    stop: async () => {
      stopped = true;
      await app.close();
    },
    close: async () => {
      if (!stopped) await app.close();
      await pools.end();
      await cluster.stop();
    },
  };
}
