/**
 * An entity's card from the passages that mention it, without the rest of the corpus: the
 * bundled store (with the user's entities and aliases, hidden documents taken out) and the user's
 * passages of that entity read from storage (its per-entity list). A card only ever reads the
 * entity's passages and their sources, so this is the card the whole store would give (passage
 * ids aside: they are numbered within the card), at a worker start, without loading 10,000 user
 * documents first. Pure.
 */
import type { EntityCard, Excerpt } from '../messages/protocol';
import { cardOf, factsKey, perspectiveOf, rowOf, rowTraits, type CardRow, type EntityRows } from '../card/cardRows';
import { factsOf } from '../card/rank';
import { byRank, layoutOf } from '../card/viewpoints';
import { voiceAt } from '../card/voices';
import { CorpusStore } from './store';
import { REMOVED } from './storeShared';
import type { CompiledCorpus, Passage, SourceDocument, SourceMeta } from './types';

/** A user document's passage with its document's metadata, in import order. */
export interface UserPassage {
  meta: SourceMeta;
  passage: Passage;
}

/**
 * The card of `entityId` from the bundled part of `base` (documents of origin "seed" still in
 * view) and `user`, the user's passages that mention it in import order (after every bundled one,
 * as in the whole store). `totalSources`: the whole corpus's count.
 */
export function cardFromParts(base: CorpusStore, entityId: string, user: readonly UserPassage[], totalSources: number): EntityCard {
  const { documents, passages } = bundledPart(base, entityId);
  for (const { meta, passage } of user) {
    if (!passage.entityIds.includes(entityId)) continue;
    if (!documents.has(meta.id)) documents.set(meta.id, { meta, body: '' });
    passages.push({ ...passage, id: passages.length, docId: meta.id });
  }
  const corpus: CompiledCorpus = {
    ...base.corpus,
    documents: [...documents.values()],
    passages,
    entityPassages: { [entityId]: passages.map((p) => p.id) },
  };
  return { ...new CorpusStore(corpus).lookupEntity(entityId), totalSources };
}

/** The entity's passages in the bundled documents still in view (numbered from 0, as in a card of its own), with their documents. */
function bundledPart(base: CorpusStore, entityId: string): { documents: Map<string, SourceDocument>; passages: Passage[] } {
  const documents = new Map<string, SourceDocument>();
  const passages: Passage[] = [];
  for (const pid of base.corpus.entityPassages[entityId] ?? []) {
    const p = base.corpus.passages[pid];
    const document = p && p.docId !== REMOVED ? base.documents.get(p.docId) : undefined;
    if (!p || document?.meta.origin !== 'seed') continue;
    documents.set(p.docId, document);
    passages.push({ ...p, id: passages.length });
  }
  return { documents, passages };
}

/**
 * The same card as `cardFromParts`, from the entity's rows (lib/card/cardRows.ts: one per user
 * document that names it, in any order) instead of its passages: laid out from the rows, then only
 * the user passages it shows are read (`read`, by document and place). Undefined when the rows were
 * derived with other facts of the entity, or a passage shown is not stored.
 */
export async function cardFromRows(base: CorpusStore, entityId: string, rows: readonly EntityRows[], read: (keys: ReadonlyArray<readonly [string, number]>) => Promise<Array<UserPassage | undefined>>, totalSources: number): Promise<EntityCard | undefined> {
  const entity = base.entity(entityId);
  if (rows.some((r) => r.facts !== factsKey(entity))) return undefined;
  const { documents, passages } = bundledPart(base, entityId);
  const facts = factsOf(entity);
  const ranked: CardRow[] = [];
  for (const passage of passages) {
    const meta = documents.get(passage.docId)!.meta;
    const r = rowOf(passage, meta, entityId, facts);
    if (r) ranked.push({ ...r, passage, perspective: perspectiveOf(meta), user: meta.origin === 'user' });
  }
  // The user's passages after the bundled ones, in import order (as `cardFromParts` numbers them).
  let id = passages.length;
  for (const row of [...rows].sort((a, b) => a.addedAt - b.addedAt || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0))) {
    for (const [n, score, role, at, stance, voice] of [...row.entries].sort((a, b) => a[0] - b[0])) {
      const passage = { id: id++, docId: row.docId, stance };
      if (role) ranked.push({ passage, score, substantive: role === 2, at, voice, perspective: row.perspective, user: true, key: [row.docId, n] });
    }
  }
  const layout = layoutOf(ranked.sort(byRank), rowTraits);
  const shown = [...layout.excerpts, ...layout.viewpoints].filter((r) => r.key);
  const got = await read(shown.map((r) => r.key!));
  const stored = new Map(shown.map((r, i) => [r, got[i]]));
  if (got.some((p) => !p)) return undefined;
  const excerpt = (r: CardRow): Excerpt => {
    const user = stored.get(r);
    const meta = user?.meta ?? documents.get(r.passage.docId)!.meta;
    const passage = user ? { ...user.passage, id: r.passage.id, docId: meta.id } : (r.passage as Passage);
    return { passage, source: meta, voice: voiceAt(passage, meta, r.at) };
  };
  const sources = new Set([...documents.keys(), ...rows.map((r) => r.docId)]).size;
  return cardOf({ ...base.summary(entity), sourceCount: sources }, totalSources, layout, excerpt);
}

/** A stored card as this code writes it (storage written by another version, or damaged, is not trusted). */
export function isCardOf(x: unknown, id: string): x is EntityCard {
  const c = x as Partial<EntityCard> | null | undefined;
  return !!c && typeof c === 'object' && c.entity?.id === id && Array.isArray(c.excerpts) && Array.isArray(c.viewpoints);
}
