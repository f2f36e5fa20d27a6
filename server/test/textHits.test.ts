/**
 * Full-text search's newest matches (cp_text_hits, server/migrations/007_text_hits_backwards.sql)
 * are those of a plain query, whatever road the function takes for a word's frequency: found at the
 * first look, read backwards through the filing order, through the GIN index, or backwards and then
 * through the GIN index when the word is rarer in older passages than in the newest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTeam } from '../src/db';
import { startHarness, type Harness } from './harness';

let h: Harness;
let team = 0;

const DOCUMENTS = 2000;
/** Passage `n` of document `i` (1…DOCUMENTS, filed in that order): which test words it holds. */
function words(i: number, n: number): string[] {
  const w = ['report'];
  if (n === 0) w.push('everywhere'); // a third of all passages: the first look finds enough
  if ((i * 3 + n) % 12 === 0) w.push('frequent'); // 1 in 12: backwards
  if ((i * 3 + n) % 60 === 1) w.push('middling'); // 1 in 60: the GIN index
  if (n === 1 && (i > DOCUMENTS - 400 ? i % 2 === 0 : i % 50 === 0)) w.push('surge'); // common lately, rare before: both
  if (n === 2 && [3, 17, 400, 999, 1200].includes(i)) w.push('seldom'); // none among the newest: the GIN index
  if (n === 2 && i % 7 === 0) w.push('northern camps'); // a phrase
  if (n === 0 && i % 9 === 0) w.push('camps in the north');
  return w;
}

beforeAll(async () => {
  h = await startHarness();
  await h.token('desk-text', 'reader');
  team = (await h.admin<{ id: number }>("SELECT id FROM teams WHERE slug = 'desk-text'"))[0]!.id;
  const ids = Array.from({ length: DOCUMENTS }, (_, k) => `doc-${k + 1}`);
  // Filed in order, one statement per table (as the database owner: these rows are the test's fixture).
  await h.admin(
    `INSERT INTO documents (team_id, id, meta, body, language)
     SELECT $1, id, jsonb_build_object('id', id), 'body', 'english' FROM unnest($2::text[]) WITH ORDINALITY AS u(id, i) ORDER BY i`,
    [team, ids],
  );
  const rows = ids.flatMap((id, k) => [0, 1, 2].map((n) => ({ id, n, text: `${words(k + 1, n).join(' and ')}.` })));
  await h.admin(
    `INSERT INTO passages (team_id, doc_id, n, text, data, entity_ids, config, seq)
     SELECT $1, r.id, r.n, r.text, '{}', '{}', 'cp_english', d.seq
     FROM unnest($2::text[], $3::int[], $4::text[]) AS r(id, n, text) JOIN documents d ON d.team_id = $1 AND d.id = r.id`,
    [team, rows.map((r) => r.id), rows.map((r) => r.n), rows.map((r) => r.text)],
  );
  await h.admin('INSERT INTO passage_terms (team_id, doc_id, n, seq, tsv) SELECT team_id, doc_id, n, seq, tsv FROM passages WHERE team_id = $1', [team]);
  await h.admin('ANALYZE passage_terms');
});
afterAll(async () => h?.close());

const CONFIGS = "ARRAY['cp_english','cp_simple']::regconfig[]";

/** What the server's search reads (as the app, bound to the team). */
const hits = (query: string) =>
  withTeam(h.pools.read, team, (c) => c.query(`SELECT doc_id, n, rank FROM cp_text_hits($1, ${CONFIGS}, 250, 100)`, [query]), true).then((r) => r.rows);

/** The same answer by a plain query: the newest 250 matches (a document's later passages first), of them the best 100. */
async function plain(query: string) {
  const q = `(SELECT websearch_to_tsquery('cp_english', $2) || websearch_to_tsquery('cp_simple', $2))`;
  return h.admin(
    `SELECT doc_id, n, ts_rank_cd(tsv, ${q}) AS rank FROM (
       SELECT doc_id, n, tsv FROM passage_terms WHERE team_id = $1 AND tsv @@ ${q} ORDER BY seq DESC, n DESC LIMIT 250
     ) m ORDER BY rank DESC, doc_id, n LIMIT 100`,
    [team, query],
  );
}

describe('cp_text_hits', () => {
  it.each([
    ['everywhere', 100],
    ['frequent', 100],
    ['middling', 100],
    ['surge', 100],
    ['seldom', 5],
    ['"northern camps"', 100],
    ['camps north', 100],
    ['nowhere', 0],
  ])('"%s": the newest matches, as a plain query finds them', async (query, count) => {
    const found = await hits(query);
    expect(found).toHaveLength(count);
    expect(found).toEqual(await plain(query));
  });

  it('a word common lately and rare before: every match, older ones included', async () => {
    const all = await withTeam(h.pools.read, team, (c) => c.query(`SELECT doc_id FROM cp_text_hits('surge', ${CONFIGS}, 250, 250)`), true);
    // 200 among the newest 400 documents, 32 before them (every 50th).
    expect(all.rows).toHaveLength(232);
    expect(all.rows.map((r) => r.doc_id)).toContain('doc-50');
  });
});
