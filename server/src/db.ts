/**
 * The server's connections: a pool to the primary for writes and one for reads (a streaming
 * replica when configured, else the primary too), both as counterpoint_app, which row-level
 * security binds (server/migrations/002_security.sql). Every query on a team's rows runs in a
 * transaction that first sets the team (`set_config(..., true)` is SET LOCAL: it ends with the
 * transaction, so a pooled connection never carries one team's setting into another's request).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface Pools {
  read: pg.Pool;
  write: pg.Pool;
  end(): Promise<void>;
}

export function createPools(writeUrl: string, readUrl = writeUrl, max = 20): Pools {
  const write = new pg.Pool({ connectionString: writeUrl, max });
  const read = readUrl === writeUrl ? write : new pg.Pool({ connectionString: readUrl, max });
  return {
    read,
    write,
    async end() {
      await write.end();
      if (read !== write) await read.end();
    },
  };
}

/**
 * Runs `fn` in a transaction bound to `teamId` (read-only on the read pool).
 *
 * Under load every `await` costs a turn of the event loop (the bench saw it run 90 ms late at p50
 * with 55 clients), so a request pays for each round trip it waits on, not for the statement's time
 * in PostgreSQL. Two are not waited for: BEGIN (the statements `fn` sends queue behind it on this
 * connection, and node-postgres sends each as soon as the one before is answered; if BEGIN failed,
 * they ran with no team set, saw no row, and the request fails with BEGIN's error), and a read-only
 * transaction's COMMIT (nothing to make durable: the answer goes out while it runs, and the
 * connection returns to the pool once it is done, so no other request's statements can come before it).
 */
export async function withTeam<T>(pool: pg.Pool, teamId: number, fn: (client: pg.PoolClient) => Promise<T>, readOnly = false): Promise<T> {
  // One round trip for both (a request's fixed cost): the simple protocol takes no parameters, and
  // the team is an integer this server read from its own database, never text from a request.
  if (!Number.isSafeInteger(teamId)) throw new Error(`Not a team id: ${teamId}`);
  const client = await pool.connect();
  const begin = client.query(`${readOnly ? 'BEGIN READ ONLY' : 'BEGIN'}; SELECT set_config('counterpoint.team', '${teamId}', true)`);
  begin.catch(() => undefined); // awaited below
  let result: T;
  try {
    result = await fn(client);
    await begin;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    throw e;
  }
  if (readOnly) {
    client.query('COMMIT').then(
      () => client.release(),
      (e: Error) => client.release(e),
    );
    return result;
  }
  try {
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  return result;
}

export type Role = 'reader' | 'writer';

export interface Team {
  id: number;
  slug: string;
  name: string;
  role: Role;
}

/** SHA-256 of a token: what the tokens table keeps. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The team and role a token gives, or undefined (unknown or revoked). */
export async function authenticate(pool: pg.Pool, token: string): Promise<Team | undefined> {
  const { rows } = await pool.query<{ team_id: number; slug: string; name: string; role: Role }>('SELECT * FROM cp_auth($1)', [tokenHash(token)]);
  const r = rows[0];
  return r && { id: r.team_id, slug: r.slug, name: r.name, role: r.role };
}
