/**
 * Keeps the ranks of the passages filed before server/migrations/005_passage_ranks.sql, in a kept
 * bench cluster (bench/measure-server.mjs `--keep DIR`), as filing now does (server/src/answers.ts
 * `keepMissingRanks`), so that a cluster seeded by an older server is measured as one seeded now.
 *
 *   npx vite-node bench/keep-ranks.mjs -- DIR [--batch 200]
 */
import { resolve } from 'node:path';
import pg from 'pg';
import { startCluster } from '../server/src/cluster.ts';
import { migrate } from '../server/src/migrate.ts';
import { createPools, withTeam } from '../server/src/db.ts';
import { keepMissingRanks } from '../server/src/answers.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
const batch = args.includes('--batch') ? Number(args[args.indexOf('--batch') + 1]) : 200;
const cluster = await startCluster({ dir: resolve(args[0]) });
const pools = createPools(cluster.url('counterpoint_app'), undefined, 2);
try {
  await migrate(cluster.url());
  const admin = new pg.Client(cluster.url());
  await admin.connect();
  const teams = (await admin.query('SELECT id, slug FROM teams ORDER BY id')).rows;
  await admin.end();
  const t0 = performance.now();
  for (const { id, slug } of teams) {
    let after = '0';
    let done = 0;
    for (;;) {
      const next = await withTeam(pools.write, id, (client) => keepMissingRanks(client, after, batch));
      if (next === undefined) break;
      after = next;
      done += batch;
      if (done % 10000 === 0) console.error(`[keep-ranks] ${slug}: ${done} documents (${Math.round((performance.now() - t0) / 1000)} s)`);
    }
  }
  // The rows the updates left behind, as after an import (bench/measure-server.mjs).
  const vacuum = new pg.Client(cluster.url());
  await vacuum.connect();
  await vacuum.query('VACUUM ANALYZE passages');
  await vacuum.end();
  console.error(`[keep-ranks] done in ${Math.round((performance.now() - t0) / 1000)} s`);
} finally {
  await pools.end();
  await cluster.stop();
}
