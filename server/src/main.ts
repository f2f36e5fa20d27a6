/**
 * `npm run server`: the team server against a local PostgreSQL (Debian's package; a cluster kept in
 * .server-data/, made on first start, 127.0.0.1 only), or against COUNTERPOINT_DATABASE_URL (the
 * owner's connection: migrations) with COUNTERPOINT_APP_URL (counterpoint_app's) and optionally
 * COUNTERPOINT_READ_URL (a replica). Migrates, then listens on COUNTERPOINT_HOST:COUNTERPOINT_PORT
 * (127.0.0.1:8787).
 *
 * `npm run server -- token create --team desk-iraq --role writer [--name "Desk Iraq"]` prints a
 * new token once. `npm run server -- token revoke --team desk-iraq` revokes the team's tokens.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startCluster, type Cluster } from './cluster';
import { createPools } from './db';
import { migrate } from './migrate';
import { createToken, revokeTokens } from './tokens';
import { buildApp } from './app';

const env = process.env;

async function database(): Promise<{ admin: string; app: string; read?: string; cluster?: Cluster }> {
  if (env.COUNTERPOINT_DATABASE_URL) {
    return { admin: env.COUNTERPOINT_DATABASE_URL, app: env.COUNTERPOINT_APP_URL ?? env.COUNTERPOINT_DATABASE_URL, read: env.COUNTERPOINT_READ_URL };
  }
  const cluster = await startCluster({ dir: resolve(env.COUNTERPOINT_PGDATA ?? '.server-data'), port: Number(env.COUNTERPOINT_PG_PORT ?? 54329) });
  return { admin: cluster.url(), app: cluster.url('counterpoint_app'), cluster };
}

async function tokenCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { team: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  const role = values.role ?? 'reader';
  if (!values.team || (role !== 'reader' && role !== 'writer') || !['create', 'revoke'].includes(positionals[0] ?? '')) {
    throw new Error('Usage: npm run server -- token create --team <slug> --role reader|writer [--name "Desk Iraq"] | token revoke --team <slug>');
  }
  const db = await database();
  try {
    await migrate(db.admin);
    if (positionals[0] === 'revoke') {
      console.log(`Revoked ${await revokeTokens(db.admin, values.team)} token(s) of ${values.team}.`);
      return;
    }
    const { token } = await createToken(db.admin, values.team, role, values.name);
    console.log(`A ${role} token for team ${values.team} (shown once; only its hash is kept):\n${token}`);
  } finally {
    await db.cluster?.stop();
  }
}

async function serve(): Promise<void> {
  const db = await database();
  await migrate(db.admin);
  const pools = createPools(db.app, db.read);
  const app = await buildApp(pools, { logger: true, rateLimit: Number(env.COUNTERPOINT_RATE_LIMIT ?? 600) });
  await app.listen({ host: env.COUNTERPOINT_HOST ?? '127.0.0.1', port: Number(env.COUNTERPOINT_PORT ?? 8787) });
  const stop = async () => {
    await app.close();
    await pools.end();
    await db.cluster?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

const [command, ...rest] = process.argv.slice(2);
(command === 'token' ? tokenCommand(rest) : serve()).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
