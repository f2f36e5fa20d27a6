/**
 * An entity's card from the passages that mention it, without the rest of the corpus: the
 * bundled store (with the user's entities and aliases, hidden documents taken out) and the user's
 * passages of that entity read from storage (its per-entity list). A card only ever reads the
 * entity's passages and their sources, so this is the card the whole store would give (passage
 * ids aside: they are numbered within the card), at a worker start, without loading 10,000 user
 * documents first. Pure.
 */
import type { EntityCard } from '../messages/protocol';
import type { KeptRanks } from '../card/rank';
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
export function cardFromParts(base: CorpusStore, entityId: string, user: readonly UserPassage[], totalSources: number, kept?: KeptRanks): EntityCard {
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
  return { ...new CorpusStore(corpus, undefined, kept).lookupEntity(entityId), totalSources };
}

/** The entity's passages in the bundled documents still in view (numbered from 0, as in a card of its own), with their documents. */
export function bundledPart(base: CorpusStore, entityId: string): { documents: Map<string, SourceDocument>; passages: Passage[] } {
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

/** A stored card as this code writes it (storage written by another version, or damaged, is not trusted). */
export function isCardOf(x: unknown, id: string): x is EntityCard {
  const c = x as Partial<EntityCard> | null | undefined;
  return !!c && typeof c === 'object' && c.entity?.id === id && Array.isArray(c.excerpts) && Array.isArray(c.viewpoints);
}
