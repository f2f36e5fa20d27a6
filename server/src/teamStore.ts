/**
 * A team's corpus in PostgreSQL: the SQL of every read and write, on a client whose transaction is
 * already bound to the team (server/src/db.ts `withTeam`; row-level security adds the team to
 * every statement, so none names it). Rows come back as the extension's own types
 * (lib/corpus/types.ts): the card, search and compare logic runs on them unchanged (./answers.ts).
 */
import type pg from 'pg';
import type { Entity, Passage, SourceMeta } from '../../lib/corpus/types';
import type { UserPassage } from '../../lib/corpus/partialCard';
import type { StoredDocument, UserAlias } from '../../lib/userCorpus/types';
import { passageRanks, type PassageRanks } from '../../lib/card/cardRows';

/** A passage with its document's metadata and the ranks kept with it (server/migrations/005_passage_ranks.sql; null: none). */
export type KeptPassage = UserPassage & { ranks: PassageRanks | null };

/** Languages with a text search configuration (server/migrations/001_schema.sql). */
export const LANGUAGES = ['english', 'french', 'german', 'turkish', 'arabic', 'simple'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How many of an entity's documents (the newest) a card, a comparison or a search reads. */
const ENTITY_DOCS = 50;
/** How many passages full-text search hands to the ranking (lib/corpus/store.ts, which then ranks them with FlexSearch). */
const TEXT_HITS = 100;
/**
 * Of how many matches, the newest, full-text search picks its best `TEXT_HITS`: a word in every
 * fourth passage matches 250,000 of a million, and ranking them all took seconds; reading the
 * newest 250 of them takes a few ms (server/migrations/003_text_hits.sql).
 */
const TEXT_NEWEST = 250;

type Client = pg.PoolClient;

/** The places, groups and names the team added. */
export async function teamAdditions(client: Client): Promise<{ entities: Entity[]; aliases: UserAlias[] }> {
  // One statement, one round trip: every request reads them.
  const { rows } = await client.query<{ entities: Entity[]; names: Array<{ entity_id: string; text: string; case_sensitive: boolean; ambiguous: boolean }> }>(
    `SELECT coalesce((SELECT jsonb_agg(data ORDER BY id) FROM entities), '[]') AS entities,
            coalesce((SELECT jsonb_agg(jsonb_build_object('entity_id', entity_id, 'text', text, 'case_sensitive', case_sensitive, 'ambiguous', ambiguous) ORDER BY entity_id, text) FROM names), '[]') AS names`,
  );
  const { entities, names } = rows[0]!;
  return {
    entities,
    aliases: names.map((r) => ({ entityId: r.entity_id, text: r.text, ...(r.case_sensitive ? { caseSensitive: true } : {}), ...(r.ambiguous ? { ambiguous: true } : {}) })),
  };
}

/** Document ids already taken among `ids`. */
export async function takenIds(client: Client, ids: string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM documents WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** Stores documents with their compiled passages (one statement per table, whatever the count). */
export async function insertDocuments(client: Client, docs: StoredDocument[], language: Language): Promise<void> {
  if (!docs.length) return;
  const { rows } = await client.query<{ id: string; seq: string }>(
    'INSERT INTO documents (id, meta, body, language) SELECT id, meta, body, $4 FROM unnest($1::text[], $2::jsonb[], $3::text[]) AS u(id, meta, body) RETURNING id, seq',
    [docs.map((d) => d.meta.id), docs.map((d) => JSON.stringify(d.meta)), docs.map((d) => d.body), language],
  );
  const seqOf = new Map(rows.map((r) => [r.id, r.seq]));
  const passages = docs.flatMap((d) => {
    const ranks = d.cardRows && passageRanks(d.cardRows);
    return d.passages.map((p) => ({ doc: d.meta.id, p, ranks: ranks?.get(p.id) }));
  });
  await client.query(
    // With their search terms, in the same statement (server/migrations/006_passage_terms.sql).
    `WITH p AS (
       INSERT INTO passages (doc_id, seq, n, text, data, entity_ids, config, ranks)
       SELECT doc_id, seq, n, text, data, ARRAY(SELECT jsonb_array_elements_text(ids)), $7::regconfig, ranks
       FROM unnest($1::text[], $2::bigint[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[], $8::jsonb[]) AS u(doc_id, seq, n, text, data, ids, ranks)
       RETURNING doc_id, n, seq, tsv)
     INSERT INTO passage_terms (doc_id, n, seq, tsv) SELECT doc_id, n, seq, tsv FROM p`,
    [passages.map((x) => x.doc), passages.map((x) => seqOf.get(x.doc)!), passages.map((x) => x.p.id), passages.map((x) => x.p.text), passages.map((x) => JSON.stringify(x.p)), passages.map((x) => JSON.stringify(x.p.entityIds)), `cp_${language}`, passages.map((x) => (x.ranks ? JSON.stringify(x.ranks) : null))],
  );
  const links = docs.flatMap((d) => d.entityIds.map((e) => [e, seqOf.get(d.meta.id)!, d.meta.id] as const));
  await client.query(
    'INSERT INTO document_entities (entity_id, seq, doc_id) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])',
    [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
  );
}

/**
 * Up to `limit` of the team's documents filed after `after` (documents.seq), oldest first, with their
 * passages in order, that have a passage filed before its ranks were kept (server/migrations/005_passage_ranks.sql);
 * `last`: the seq to go on after.
 */
export async function documentsWithoutRanks(client: Client, after: string, limit: number): Promise<{ docs: Array<{ meta: SourceMeta; passages: Passage[]; addedAt: number }>; last: string | undefined }> {
  const { rows } = await client.query<{ seq: string; meta: SourceMeta; added: number; passages: Passage[] | null; missing: boolean }>(
    `SELECT d.seq, d.meta, extract(epoch FROM d.added_at) * 1000 AS added,
            (SELECT jsonb_agg(p.data ORDER BY p.n) FROM passages p WHERE p.team_id = cp_team() AND p.doc_id = d.id) AS passages,
            EXISTS (SELECT 1 FROM passages p WHERE p.team_id = cp_team() AND p.doc_id = d.id AND p.ranks IS NULL AND p.entity_ids <> '{}') AS missing
     FROM documents d WHERE d.team_id = cp_team() AND d.seq > $1 ORDER BY d.seq LIMIT $2`,
    [after, limit],
  );
  return { docs: rows.filter((r) => r.missing).map((r) => ({ meta: r.meta, passages: r.passages ?? [], addedAt: Number(r.added) })), last: rows.at(-1)?.seq };
}

/** Writes passages' kept ranks (by document and place). */
export async function setRanks(client: Client, ranks: Array<{ docId: string; n: number; ranks: PassageRanks }>): Promise<void> {
  await client.query(
    `UPDATE passages p SET ranks = u.ranks FROM unnest($1::text[], $2::int[], $3::jsonb[]) AS u(doc_id, n, ranks)
     WHERE p.team_id = cp_team() AND p.doc_id = u.doc_id AND p.n = u.n`,
    [ranks.map((r) => r.docId), ranks.map((r) => r.n), ranks.map((r) => JSON.stringify(r.ranks))],
  );
}

/** Replaces a document's passages (its text mentions a name added since). */
export async function replacePassages(client: Client, doc: StoredDocument): Promise<void> {
  const { rows } = await client.query<{ language: Language }>('DELETE FROM documents WHERE id = $1 RETURNING language', [doc.meta.id]);
  await insertDocuments(client, [doc], rows[0]?.language ?? 'simple');
}

export async function insertEntity(client: Client, entity: Entity): Promise<void> {
  await client.query('INSERT INTO entities (id, data) VALUES ($1, $2)', [entity.id, JSON.stringify(entity)]);
}

export async function insertName(client: Client, alias: UserAlias): Promise<boolean> {
  const r = await client.query('INSERT INTO names (entity_id, text) VALUES ($1, $2) ON CONFLICT DO NOTHING', [alias.entityId, alias.text]);
  return (r.rowCount ?? 0) > 0;
}

/** Documents whose text may hold `text` (full-text candidates in any language; the caller's matcher decides). */
export async function documentsNaming(client: Client, text: string): Promise<Array<{ meta: SourceMeta; body: string; addedAt: number }>> {
  const { rows } = await client.query<{ meta: SourceMeta; body: string; added: number }>(
    `SELECT d.meta, d.body, extract(epoch FROM d.added_at) * 1000 AS added FROM documents d
     WHERE EXISTS (SELECT 1 FROM passages p WHERE p.doc_id = d.id AND p.tsv @@ phraseto_tsquery(p.config, $1))`,
    [text],
  );
  return rows.map((r) => ({ meta: r.meta, body: r.body, addedAt: Number(r.added) }));
}

/** The passages that mention `entityId` in its newest `ENTITY_DOCS` documents, oldest first, with their metadata and kept ranks. */
export async function entityPassages(client: Client, entityId: string): Promise<KeptPassage[]> {
  return (await entitiesPassages(client, [entityId]))[0]!;
}

/** `entityPassages` of each of `entityIds`, in that order, in one statement (a search naming several entities). */
export async function entitiesPassages(client: Client, entityIds: readonly string[]): Promise<KeptPassage[][]> {
  const { rows } = await client.query<{ i: string; meta: SourceMeta; data: Passage; ranks: PassageRanks | null }>(
    `SELECT u.i, d.meta, p.data, p.ranks FROM unnest($1::text[]) WITH ORDINALITY AS u(entity_id, i)
     CROSS JOIN LATERAL (SELECT doc_id, seq FROM document_entities WHERE entity_id = u.entity_id ORDER BY seq DESC LIMIT ${ENTITY_DOCS}) e
     JOIN documents d ON d.team_id = cp_team() AND d.id = e.doc_id
     JOIN passages p ON p.team_id = cp_team() AND p.doc_id = e.doc_id AND p.entity_ids @> ARRAY[u.entity_id]
     ORDER BY u.i, e.seq, p.n`,
    [entityIds],
  );
  const out = entityIds.map((): KeptPassage[] => []);
  for (const r of rows) out[Number(r.i) - 1]!.push({ meta: r.meta, passage: r.data, ranks: r.ranks });
  return out;
}

/** How many of the team's documents mention `entityId`, and how many it has in all (kept by triggers: server/migrations/004_source_counts.sql). */
export async function counts(client: Client, entityId: string): Promise<{ sources: number; total: number }> {
  const { rows } = await client.query<{ sources: string; total: string }>(
    'SELECT coalesce((SELECT documents FROM entity_sources WHERE entity_id = $1), 0) AS sources, coalesce((SELECT documents FROM team_sources), 0) AS total',
    [entityId],
  );
  return { sources: Number(rows[0]!.sources), total: Number(rows[0]!.total) };
}

/**
 * The passages that best match `query` in full text, in any of the languages, best first: of the
 * newest `TEXT_NEWEST` matches, the best `TEXT_HITS` (cp_text_hits: the GIN index cannot serve a
 * query under row-level security, server/migrations/003_text_hits.sql). Ids only (`textPassages`
 * reads them): a search whose candidates have not changed is answered from ./revisionCache.ts.
 */
export async function textHits(client: Client, query: string): Promise<Array<{ doc_id: string; n: number; seq: string }>> {
  // With each passage's filing order: a document filed again (a name added since) keeps its id and
  // passage numbers, not its `seq`.
  const { rows } = await client.query<{ doc_id: string; n: number; seq: string }>(
    `SELECT h.doc_id, h.n, p.seq FROM cp_text_hits($1, $2::regconfig[], ${TEXT_NEWEST}, ${TEXT_HITS}) h
       JOIN passages p ON p.team_id = cp_team() AND p.doc_id = h.doc_id AND p.n = h.n
     ORDER BY h.rank DESC, h.doc_id, h.n`,
    [query, LANGUAGES.map((l) => `cp_${l}`)],
  );
  return rows;
}

/** The passages `hits` names, in that order, with their metadata and kept ranks. */
export async function textPassages(client: Client, hits: Array<{ doc_id: string; n: number }>): Promise<KeptPassage[]> {
  const { rows } = await client.query<{ meta: SourceMeta; data: Passage; ranks: PassageRanks | null }>(
    `SELECT d.meta, p.data, p.ranks FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS h(doc_id, n, i)
       JOIN passages p ON p.team_id = cp_team() AND p.doc_id = h.doc_id AND p.n = h.n
       JOIN documents d ON d.team_id = cp_team() AND d.id = h.doc_id
     ORDER BY h.i`,
    [hits.map((h) => h.doc_id), hits.map((h) => h.n)],
  );
  return rows.map((r) => ({ meta: r.meta, passage: r.data, ranks: r.ranks }));
}

/**
 * What an answer about these entities was computed from, as the database has it now: the team this
 * transaction is bound to and, per entity, its newest document's filing order and its document count.
 * Documents are only ever inserted or deleted (a recompiled one is filed again, with a new `seq`),
 * so the pair changes whenever the entity's passages do (./revisionCache.ts).
 */
export async function entityRevisions(client: Client, ids: string[]): Promise<{ team: number; revisions: string[] }> {
  const { rows } = await client.query<{ team: number; revisions: string[] }>(
    `SELECT cp_team() AS team, ARRAY(
       SELECT coalesce((SELECT seq FROM document_entities WHERE entity_id = e ORDER BY seq DESC LIMIT 1), 0) || ':' ||
              coalesce((SELECT documents FROM entity_sources WHERE entity_id = e), 0)
       FROM unnest($1::text[]) WITH ORDINALITY AS u(e, i) ORDER BY i) AS revisions`,
    [ids],
  );
  return rows[0]!;
}

/** Entities whose names look like `query` (trigram similarity, accents and case folded): the team's names and the gazetteer's. */
export async function similarNames(client: Client, query: string): Promise<string[]> {
  const { rows } = await client.query<{ entity_id: string }>(
    `SELECT entity_id FROM (
       SELECT entity_id, similarity(cp_fold(text), cp_fold($1)) AS s FROM names WHERE cp_fold(text) % cp_fold($1)
       UNION ALL
       SELECT entity_id, similarity(cp_fold(text), cp_fold($1)) FROM gazetteer_names WHERE cp_fold(text) % cp_fold($1)
     ) n GROUP BY entity_id ORDER BY max(s) DESC LIMIT 5`,
    [query],
  );
  return rows.map((r) => r.entity_id);
}

/** A document with its passages, or undefined. */
export async function documentRow(client: Client, id: string): Promise<{ meta: SourceMeta; body: string; passages: Passage[] } | undefined> {
  const { rows } = await client.query<{ meta: SourceMeta; body: string; passages: Passage[] | null }>(
    'SELECT d.meta, d.body, (SELECT jsonb_agg(p.data ORDER BY p.n) FROM passages p WHERE p.doc_id = d.id) AS passages FROM documents d WHERE d.id = $1',
    [id],
  );
  const r = rows[0];
  return r && { meta: r.meta, body: r.body, passages: r.passages ?? [] };
}
