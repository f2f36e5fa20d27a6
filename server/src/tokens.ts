/**
 * Teams and their tokens, as the database owner (the CLI: `npm run server -- token create --team
 * desk-iraq --role writer`). A token is 32 random bytes, base64url, prefixed "cpt_"; it is printed
 * once and only its SHA-256 is stored.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { tokenHash, type Role } from './db';

/** Makes the team when it does not exist yet (named `name`, else after its slug). */
export async function createToken(adminUrl: string, slug: string, role: Role, name?: string): Promise<{ token: string; teamId: number }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      'INSERT INTO teams (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO UPDATE SET name = COALESCE($3, teams.name) RETURNING id',
      [slug, name ?? slug, name ?? null],
    );
    const teamId = rows[0]!.id;
    const token = `cpt_${randomBytes(32).toString('base64url')}`;
    await client.query('INSERT INTO tokens (team_id, role, hash) VALUES ($1, $2, $3)', [teamId, role, tokenHash(token)]);
    return { token, teamId };
  } finally {
    await client.end();
  }
}

/** Revokes every token of `slug` (returns how many). */
export async function revokeTokens(adminUrl: string, slug: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('UPDATE tokens SET revoked_at = now() FROM teams WHERE teams.id = tokens.team_id AND teams.slug = $1 AND revoked_at IS NULL', [slug]);
    return r.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
