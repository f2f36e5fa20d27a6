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

/** Runs `fn` in a transaction bound to `teamId` (read-only on the read pool). */
export async function withTeam<T>(pool: pg.Pool, teamId: number, fn: (client: pg.PoolClient) => Promise<T>, readOnly = false): Promise<T> {
  const client = await pool.connect();
  try {
    // One round trip for both (a request's fixed cost): the simple protocol takes no parameters, and
    // the team is an integer this server read from its own database, never text from a request.
    if (!Number.isSafeInteger(teamId)) throw new Error(`Not a team id: ${teamId}`);
    await client.query(`${readOnly ? 'BEGIN READ ONLY' : 'BEGIN'}; SELECT set_config('counterpoint.team', '${teamId}', true)`);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
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
