/**
 * The answers the extension's worker gives (lib/messages/registry.ts), computed for a
 * team's corpus by the extension's own code: PostgreSQL narrows (an entity's newest documents, the
 * full-text best matches, names by trigrams), then lib/ decides — the card by
 * lib/corpus/partialCard.ts `cardFromParts` (the worker's card from an entity's passages alone),
 * search and compare by lib/corpus/store.ts `CorpusStore` over those passages. Writes compile
 * documents like the extension's imports (lib/userCorpus: drafts, ids, stored rows; the compile
 * step's passages).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { cardFromParts, type UserPassage } from '../../lib/corpus/partialCard';
import { documentRows, keptRanks, passageRanks, type PassageRanks } from '../../lib/card/cardRows';
import type { KeptRanks } from '../../lib/card/rank';
import { NotFoundError } from '../../lib/corpus/storeShared';
import type { CompiledCorpus, Entity, Passage, SourceDocument } from '../../lib/corpus/types';
import type { Comparison, EntityCard, SearchResult } from '../../lib/messages/protocol';
import type { Params } from '../../lib/messages/registry';
import { finishDraft, newDocumentId } from '../../lib/userCorpus/draft';
import { newUserEntity, stored, summaryOf, type NewEntity } from '../../lib/userCorpus/merge';
import type { DocumentDraft } from '../../lib/userCorpus/types';
import { Matcher, patternsFromEntities } from '../../lib/text/matcher';
import * as db from './teamStore';
import { CandidateStore, teamEntities, type TeamEntities } from './teamEntities';
import type { RevisionCache } from './revisionCache';

type Client = pg.PoolClient;

/** The gazetteer with the team's names, then the team's own places and groups (./teamEntities.ts). */
async function teamOf(client: Client): Promise<TeamEntities> {
  return teamEntities(await db.teamAdditions(client));
}

/**
 * The ranks kept with these passages (server/migrations/005_passage_ranks.sql), by document and
 * offset (a card or a search numbers its passages anew): those derived with the entity's facts of now.
 */
function keptOf(team: TeamEntities, parts: readonly db.KeptPassage[]): KeptRanks {
  const ranks = new Map<string, PassageRanks>();
  for (const { meta, passage, ranks: r } of parts) if (r) ranks.set(`${meta.id}\u0000${passage.start}`, r);
  return keptRanks((id) => team.names.entities.get(id), (p) => ranks.get(`${p.docId}\u0000${p.start}`));
}

/** A corpus of just these passages (numbered in order) and their sources. */
function corpusOf(entities: Entity[], parts: readonly UserPassage[]): CompiledCorpus {
  const documents = new Map<string, SourceDocument>();
  const passages: Passage[] = [];
  const entityPassages: Record<string, number[]> = {};
  for (const { meta, passage } of parts) {
    if (!documents.has(meta.id)) documents.set(meta.id, { meta, body: '' });
    const p = { ...passage, id: passages.length, docId: meta.id };
    passages.push(p);
    for (const e of p.entityIds) (entityPassages[e] ??= []).push(p.id);
  }
  return { version: 1, documents: [...documents.values()], entities, passages, entityPassages };
}

function known(entities: Entity[], id: string): void {
  if (!entities.some((e) => e.id === id)) throw new NotFoundError(`No entity "${id}"`);
}

/**
 * The entity's card: computed from its newest documents' passages, or the one already computed at the
 * same revision (the team, its additions, the entity's newest document and count:
 * `db.entityRevisions`); the counts are read at each request.
 */
export async function card(client: Client, entityId: string, cards: RevisionCache<EntityCard>): Promise<EntityCard> {
  // Sent together: each waits for the one before on the connection, not for this code (./db.ts).
  const [team, now, { sources, total }] = await Promise.all([teamOf(client), db.entityRevisions(client, [entityId]), db.counts(client, entityId)]);
  known(team.entities, entityId);
  const result = await cards.get(`${now.team}\u0000${entityId}`, `${team.id}|${now.revisions[0]}`, async () => {
    const parts = await db.entityPassages(client, entityId);
    return cardFromParts(team.names, entityId, parts, 0, keptOf(team, parts));
  });
  return { ...result, totalSources: total, entity: { ...result.entity, sourceCount: sources } };
}

export async function compare(client: Client, entityId: string): Promise<Comparison> {
  const [{ entities }, parts, { sources }] = await Promise.all([teamOf(client), db.entityPassages(client, entityId), db.counts(client, entityId)]);
  known(entities, entityId);
  const result = new CandidateStore(corpusOf(entities, parts)).compare(entityId);
  // Sources that never name the entity are not listed: at a team's scale that is most of the corpus.
  return { ...result, entity: { ...result.entity, sourceCount: sources }, silent: [] };
}

/**
 * Search over the candidates PostgreSQL finds: the best full-text matches and the passages of the
 * entities the query names (or that look like it, by trigrams). The answer depends on nothing else,
 * so one already computed over the same candidates (the same passages in the same order, the same
 * entities at the same revisions, the same additions) is given again (./revisionCache.ts).
 */
export async function search(client: Client, params: Params<'search'>, searches: RevisionCache<SearchResult>): Promise<SearchResult> {
  const query = params.query.trim();
  if (!query) return { query: '', entities: [], hits: [], sources: [] };
  const [team, hits, similar] = await Promise.all([teamOf(client), db.textHits(client, query), db.similarNames(client, query)]);
  const byId = team.names.entities;
  const named = [...new Set([...team.names.entitiesInQuery(query).map((e) => e.id), ...similar.filter((id) => byId.has(id))])];
  const now = await db.entityRevisions(client, named);
  const candidates = JSON.stringify([team.id, hits.map((h) => [h.doc_id, h.n, h.seq]), similar, named, now.revisions]);
  const revision = createHash('sha256').update(candidates).digest('base64');
  return searches.get(`${now.team}\u0000${JSON.stringify(params)}`, revision, async () => {
    const [text, ofNamed] = await Promise.all([db.textPassages(client, hits), db.entitiesPassages(client, named)]);
    const parts = [...text, ...ofNamed.flat()];
    const seen = new Set<string>();
    const unique = parts.filter(({ meta, passage }) => !seen.has(`${meta.id}\u0000${passage.id}`) && !!seen.add(`${meta.id}\u0000${passage.id}`));
    const result = new CandidateStore(corpusOf(team.entities, unique), team.names, keptOf(team, unique)).search(params);
    // Names found by trigrams only (a misspelling the extension's matcher does not know) are offered too.
    const have = new Set(result.entities.map((e) => e.id));
    const types = params.entityTypes;
    const more = similar.filter((id) => !have.has(id) && byId.has(id) && (!types?.length || types.includes(byId.get(id)!.type)));
    return { ...result, entities: [...result.entities, ...more.map((id) => summaryOf(byId.get(id)!))] };
  });
}

export async function getDocument(client: Client, docId: string): Promise<{ document: SourceDocument; passages: Passage[] }> {
  const row = await db.documentRow(client, docId);
  if (!row) throw new NotFoundError(`No document "${docId}"`);
  return { document: { meta: row.meta, body: row.body }, passages: row.passages.map((p) => ({ ...p, docId })) };
}

/** Files drafts as documents of the team (`team`: its name, the perspective of a draft that names none); returns their ids. */
export async function addDocuments(client: Client, drafts: DocumentDraft[], language: db.Language, team: string): Promise<string[]> {
  const { compiler: compilerOf, names } = await teamOf(client);
  const compiler = compilerOf();
  const salt = String(Date.now());
  const fresh = drafts.map((d) => newDocumentId(d.body, salt, new Set()));
  const taken = await db.takenIds(client, fresh);
  const ids = new Set<string>();
  const now = Date.now();
  const rows = drafts.map((draft, i) => {
    const id = newDocumentId(draft.body, salt, new Set([...taken, ...ids]));
    ids.add(id);
    const document = finishDraft(draft, id, team);
    // With its card rows: each passage's rank about what it names, kept with it (./teamStore.ts).
    return stored(document, compiler.passages(document, 0), now + i / 1000, names.entities);
  });
  await db.insertDocuments(client, rows, language);
  return [...ids];
}

/**
 * Keeps the ranks of up to `limit` documents filed before ranks were kept (after `after`, a
 * documents.seq), as filing does now (their card rows, lib/card/cardRows.ts); returns where to go
 * on, or undefined at the end. Answers are the same before and after: ranks not kept are derived.
 */
export async function keepMissingRanks(client: Client, after: string, limit: number): Promise<string | undefined> {
  const { names } = await teamOf(client);
  const { docs, last } = await db.documentsWithoutRanks(client, after, limit);
  const ranks = docs.flatMap(({ meta, passages, addedAt }) =>
    [...passageRanks(documentRows(meta, passages, addedAt, (id) => names.entities.get(id)))].map(([n, r]) => ({ docId: meta.id, n, ranks: r })),
  );
  if (ranks.length) await db.setRanks(client, ranks);
  return last;
}

/** After names were added: the documents that now mention one of them are compiled again. */
async function recompileFor(client: Client, texts: string[]): Promise<number> {
  const { entities, compiler: compilerOf, names } = await teamOf(client);
  const compiler = compilerOf();
  const finder = new Matcher(patternsFromEntities(entities).filter((p) => texts.includes(p.text)));
  let n = 0;
  for (const text of texts) {
    for (const d of await db.documentsNaming(client, text)) {
      if (!finder.findAll(d.body).length) continue;
      const document = { meta: d.meta, body: d.body };
      await db.replacePassages(client, stored(document, compiler.passages(document, 0), d.addedAt, names.entities));
      n++;
    }
  }
  return n;
}

export async function addName(client: Client, entityId: string, text: string): Promise<{ recompiled: number }> {
  known((await teamOf(client)).entities, entityId);
  if (!(await db.insertName(client, { entityId, text }))) return { recompiled: 0 };
  return { recompiled: await recompileFor(client, [text]) };
}

export async function addEntity(client: Client, input: NewEntity): Promise<{ id: string; recompiled: number }> {
  const { entities } = await teamOf(client);
  const entity = newUserEntity(input, new Set(entities.map((x) => x.id)));
  await db.insertEntity(client, entity);
  return { id: entity.id, recompiled: await recompileFor(client, entity.aliases.map((a) => a.text)) };
}
