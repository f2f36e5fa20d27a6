/**
 * Applies server/migrations/*.sql in name order, each once and in its own transaction (recorded in
 * schema_migrations), as the database owner; then writes the bundled gazetteer's names
 * (corpus/gazetteer.ts) for trigram lookups. Idempotent: run at every start.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { gazetteer } from '../../corpus/gazetteer';

const DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export async function migrate(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    for (const name of readdirSync(DIR).filter((f) => f.endsWith('.sql')).sort()) {
      if (done.has(name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(DIR + name, 'utf8'));
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${name} failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(name);
    }
    const names = gazetteer.flatMap((e) => e.aliases.map((a) => [e.id, a.text] as const));
    await client.query(
      'INSERT INTO gazetteer_names (entity_id, text) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
      [names.map((n) => n[0]), names.map((n) => n[1])],
    );
  } finally {
    await client.end();
  }
  return applied;
}
