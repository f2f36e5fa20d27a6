/**
 * How much one passage is about one entity (lib/card/aboutness.ts), with what of the entity that
 * depends on, and the key that tells two voices apart: what a card's layout reads of each passage,
 * whether computed from the corpus (lib/card/viewpoints.ts) or stored with a user document's
 * passages (lib/card/cardRows.ts). Pure.
 */
import type { Entity, Passage, SourceMeta, Voice } from '../corpus/types';
import { aboutness } from './aboutness';

/** A passage's rank about an entity: its score, whether about it (not a passing mention), the offset of its best mention. */
export interface Rank {
  score: number;
  substantive: boolean;
  at: number;
}

/** The entity's part of what aboutness reads (rows derived with other facts are stale: lib/card/cardRows.ts). */
export function factsOf(entity: Entity | undefined): { kind?: string; type?: Entity['type']; names?: string[] } {
  return { kind: entity?.kind, type: entity?.type, names: entity?.aliases.filter((a) => !a.ambiguous).map((a) => a.text) };
}

/** How much one passage is about the entity; undefined when it has no role in it (not ranked). */
export function rankOf(passage: Passage, entityId: string, facts: ReturnType<typeof factsOf>, title: string | undefined): Rank | undefined {
  const a = aboutness(passage, entityId, { ...facts, title });
  return a.roles.length > 0 ? { score: a.score, substantive: a.substantive, at: a.best } : undefined;
}

/**
 * A passage's rank about one entity derived before and kept with the passage (a team server keeps
 * lib/card/cardRows.ts's entries per passage, server/src/answers.ts): null when it had no role,
 * undefined when none is kept for the entity's facts of now (then `rankOf` derives it again).
 * Kept ranks come from `rankOf` itself, so a ranking with them equals one without.
 */
export type KeptRank = (passage: Passage) => Rank | null | undefined;

/** The kept ranks about an entity, if any are (for a corpus of passages read with them). */
export type KeptRanks = (entityId: string) => KeptRank | undefined;

/** The perspective a card compares a passage's source by: its document's id when unknown. */
export const perspectiveOf = (meta: SourceMeta | undefined, docId: string): string => meta?.perspective ?? docId;

/** Two passages have the same voice when the same person speaks, or the same author writes. */
export function voiceKey(v: Voice): string {
  return `${v.kind === 'author' ? 'author' : 'speaker'}:${v.name.toLowerCase()}`;
}

