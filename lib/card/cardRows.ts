/**
 * A card's rows: what its layout reads of each passage about an entity (its rank, lib/card/rank.ts;
 * its voice's key; its framing; its source's perspective), derived once per passage and entity.
 * Each user document's rows are stored with its passages, in the same write
 * (platform/userStore.ts), so a card after a worker start reads one small row per document that
 * names the entity, lays the card out (lib/card/viewpoints.ts `layoutOf`, the layout every card
 * uses) and reads only the passages it shows (`cardFromRows`). Rows hold
 * the entity's facts of the time they were derived (`factsKey`): when the entity changed since (a
 * name added), the card is not made from them. Pure.
 */
import type { EntityCard, EntitySummary, Excerpt } from '../messages/protocol';
import type { Entity, Passage, SourceMeta, Stance } from '../corpus/types';
import { bundledPart, type UserPassage } from '../corpus/partialCard';
import type { CorpusStore } from '../corpus/store';
import { fnv1a } from '../search/indexChunks';
import { factsOf, perspectiveOf, rankOf, voiceKey, type KeptRanks, type Rank } from './rank';
import { byRank, layoutOf, type CardLayout, type Ranked, type Traits } from './viewpoints';
import { voiceAt } from './voices';
import { noYield, type Yielder } from '../slices';

/**
 * One passage of the document about the entity: its place in the document, then its rank (score,
 * 2 about it, 1 in passing, 0 no role: not on the card, but counted), its best mention's offset,
 * its framing and its voice's key.
 */
export type RowEntry = [n: number, score: number, role: 0 | 1 | 2, at: number, stance: Stance, voice: string];

/** The rows of one user document about one entity. */
export interface EntityRows {
  entityId: string;
  docId: string;
  /** The document's import order (a card numbers passages as the whole store does). */
  addedAt: number;
  /** `factsKey` of the entity they were derived with. */
  facts: string;
  perspective: string;
  entries: RowEntry[];
}

/** A passage as the layout sees it from rows; `key`: where a user passage is stored (document, place). */
export interface CardRow extends Ranked {
  voice: string;
  perspective: string;
  user: boolean;
  key?: readonly [docId: string, n: number];
}

const rowTraits: Traits<CardRow> = { voice: (r) => r.voice, perspective: (r) => r.perspective, user: (r) => r.user };

/** What of the entity a row depends on, as a short key (of its facts, when already read). */
export function factsKey(entity: Entity | undefined, facts = factsOf(entity)): string {
  const json = JSON.stringify(facts);
  return `${fnv1a(json).toString(36)}.${json.length.toString(36)}`;
}

/** The layout's view of one passage about the entity (`passage.docId` is its document's); undefined when it has no role in it. */
function rowOf(passage: Passage, meta: SourceMeta, entityId: string, facts: ReturnType<typeof factsOf>): (Rank & { voice: string }) | undefined {
  const rank = rankOf(passage, entityId, facts, meta.title);
  return rank && { ...rank, voice: voiceKey(voiceAt(passage, meta, rank.at)) };
}

/** The rows of one user document (`passages` in its order), one per entity its passages mention (`only`: of that entity alone). */
export function documentRows(meta: SourceMeta, passages: readonly Passage[], addedAt: number, entity: (id: string) => Entity | undefined, only?: string): EntityRows[] {
  const rows = new Map<string, EntityRows & { of: ReturnType<typeof factsOf> }>();
  passages.forEach((p, n) => {
    const passage = { ...p, docId: meta.id };
    for (const entityId of new Set(p.entityIds)) {
      if (only !== undefined && entityId !== only) continue;
      let row = rows.get(entityId);
      if (!row) {
        const e = entity(entityId);
        const of = factsOf(e);
        rows.set(entityId, (row = { entityId, docId: meta.id, addedAt, facts: factsKey(e, of), perspective: perspectiveOf(meta, meta.id), entries: [], of }));
      }
      const r = rowOf(passage, meta, entityId, row.of);
      row.entries.push(r ? [n, r.score, r.substantive ? 2 : 1, r.at, p.stance, r.voice] : [n, 0, 0, 0, p.stance, '']);
    }
  });
  return [...rows.values()].map(({ of: _facts, ...row }) => row);
}

/** The rank an entry holds (score, role, offset), or null when its passage has no role in the entity. */
function entryRank(score: number, role: 0 | 1 | 2, at: number): Rank | null {
  return role ? { score, substantive: role === 2, at } : null;
}

/** One passage's ranks, kept with it (a team server's passages, server/src/teamStore.ts): per entity it names, its rows' facts key and entry. */
export type PassageRanks = Record<string, [facts: string, score: number, role: 0 | 1 | 2, at: number]>;

/** Each passage's ranks (by its place in the document) from the document's rows. */
export function passageRanks(rows: readonly EntityRows[]): Map<number, PassageRanks> {
  const byPassage = new Map<number, PassageRanks>();
  for (const row of rows) {
    for (const [n, score, role, at] of row.entries) {
      let ranks = byPassage.get(n);
      if (!ranks) byPassage.set(n, (ranks = {}));
      ranks[row.entityId] = [row.facts, score, role, at];
    }
  }
  return byPassage;
}

/**
 * The kept ranks (lib/card/rank.ts) of passages read with their `PassageRanks` (`ranksOf`): those
 * derived with the entity's facts of now (`entity`: the entities the corpus has now).
 */
export function keptRanks(entity: (id: string) => Entity | undefined, ranksOf: (p: Passage) => PassageRanks | undefined): KeptRanks {
  return (entityId) => {
    const facts = factsKey(entity(entityId));
    return (p) => {
      const kept = ranksOf(p)?.[entityId];
      return kept && kept[0] === facts ? entryRank(kept[1], kept[2], kept[3]) : undefined;
    };
  };
}

/** The card of a layout, its excerpts made by `excerpt` (the one shape of a card, whatever it was laid out from). */
export function cardOf<R extends Ranked>(entity: EntitySummary, totalSources: number, layout: CardLayout<R>, excerpt: (r: R) => Excerpt): EntityCard {
  return {
    entity,
    totalSources,
    excerpts: layout.excerpts.map((r) => (r.substantive ? excerpt(r) : { ...excerpt(r), inPassing: true })),
    viewpoints: layout.viewpoints.map(excerpt),
    alsoMentioned: layout.alsoMentioned,
  };
}

/**
 * The same card as `cardFromParts`, from the entity's rows (lib/card/cardRows.ts: one per user
 * document that names it, in any order) instead of its passages: laid out from the rows, then only
 * the user passages it shows are read (`read`, by document and place). Undefined when there are no
 * rows (`rows` resolves to undefined), the rows were derived with other facts of the entity, or a
 * passage shown is not stored. `rows` may still be being read: the bundled passages are ranked
 * meanwhile (they need the base alone). `pause`: where the work gives way (lib/slices.ts),
 * so that a search or card asked meanwhile is answered between slices, not after the whole card.
 */
export async function cardFromRows(base: CorpusStore, entityId: string, rows: readonly EntityRows[] | PromiseLike<readonly EntityRows[] | undefined>, read: (keys: ReadonlyArray<readonly [string, number]>) => Promise<Array<UserPassage | undefined>>, totalSources: number, pause: Yielder = noYield): Promise<EntityCard | undefined> {
  const entity = base.entity(entityId);
  const facts = factsOf(entity);
  const key = factsKey(entity, facts);
  const { documents, passages } = bundledPart(base, entityId);
  const ranked: CardRow[] = [];
  for (const passage of passages) {
    const meta = documents.get(passage.docId)!.meta;
    const r = rowOf(passage, meta, entityId, facts);
    if (r) ranked.push({ ...r, passage, perspective: perspectiveOf(meta, meta.id), user: meta.origin === 'user' });
  }
  const all = await rows;
  if (!all || all.some((r) => r.facts !== key)) return undefined;
  await pause();
  // The user's passages after the bundled ones, in import order (as `cardFromParts` numbers them).
  let id = passages.length;
  const inOrder = [...all].sort((a, b) => a.addedAt - b.addedAt || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  for (let i = 0; i < inOrder.length; i++) {
    if (i % 256 === 255) await pause();
    const row = inOrder[i]!;
    for (const [n, score, role, at, stance, voice] of [...row.entries].sort((a, b) => a[0] - b[0])) {
      const passage = { id: id++, docId: row.docId, stance };
      const rank = entryRank(score, role, at);
      if (rank) ranked.push({ passage, ...rank, voice, perspective: row.perspective, user: true, key: [row.docId, n] });
    }
  }
  await pause();
  ranked.sort(byRank);
  await pause();
  const layout = layoutOf(ranked, rowTraits);
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
  const sources = new Set([...documents.keys(), ...all.map((r) => r.docId)]).size;
  return cardOf({ ...base.summary(entity), sourceCount: sources }, totalSources, layout, excerpt);
}
