/**
 * The user's entities and aliases merged with the bundled gazetteer, their matcher patterns,
 * and stored document rows. Pure.
 */
import type { LiveCorpusStore } from '../corpus/liveStore';
import type { Entity, EntityType, MatchPattern, Passage, SourceDocument, SourceMeta } from '../corpus/types';
import type { EntitySummary, MatcherData } from '../messages/protocol';
import type { OverlayState } from '../corpus/overlay';
import { patternsFromEntities } from '../text/patterns';
import { documentRows } from '../card/cardRows';
import { packAutomaton } from '../text/packedAutomaton';
import type { UserSummary } from './port';
import type { StoredDocument, UserAlias, UserCorpusData } from './types';

/** The bundled entities with the user's aliases added, then the user's entities. */
export function mergeEntities(seed: readonly Entity[], user: readonly Entity[], aliases: readonly UserAlias[]): Entity[] {
  const extra = new Map<string, UserAlias[]>();
  for (const a of aliases) extra.set(a.entityId, [...(extra.get(a.entityId) ?? []), a]);
  const withAliases = (e: Entity): Entity => {
    const more = extra.get(e.id);
    if (!more) return e;
    const have = new Set(e.aliases.map((a) => a.text));
    return { ...e, aliases: [...e.aliases, ...more.filter((a) => !have.has(a.text)).map(({ entityId: _id, ...alias }) => alias)] };
  };
  return [...seed.map(withAliases), ...user.map(withAliases)];
}

/** The matcher patterns the user added (their entities' aliases, their aliases of bundled entities), flagged `user`. */
export function userPatterns(user: readonly Entity[], aliases: readonly UserAlias[]): MatchPattern[] {
  const fromEntities = patternsFromEntities(user);
  const fromAliases = aliases.map((a) => ({ text: a.text, entityId: a.entityId, caseSensitive: a.caseSensitive ?? false, ambiguous: a.ambiguous ?? false }));
  return [...fromEntities, ...fromAliases].map((p) => ({ ...p, user: true as const }));
}

export function summaryOf(e: Entity, sourceCount = 0): EntitySummary {
  const { id, name, type, kind, description } = e;
  return { id, name, type, kind, description, sourceCount };
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** A document's passages numbered 0…n-1, as stored. */
function relative(passages: readonly Passage[]): Passage[] {
  return passages.map((p, i) => ({ ...p, id: i }));
}

/** A document as stored; with `entities` (those its passages were compiled with), its card rows too (the extension's store keeps them). */
export function stored(document: SourceDocument, passages: readonly Passage[], addedAt: number, entities?: ReadonlyMap<string, Entity>): StoredDocument {
  const entityIds = [...new Set(passages.flatMap((p) => p.entityIds))];
  const rows = entities && { cardRows: documentRows(document.meta, passages, addedAt, (id) => entities.get(id)) };
  return { meta: document.meta, body: document.body, passages: relative(passages), entityIds, addedAt, ...rows };
}

export interface NewEntity {
  name: string;
  type: EntityType;
  kind: string;
  description: string;
  aliases: string[];
}

export interface UserDocumentInfo {
  meta: SourceMeta;
  chars: number;
  entityIds: string[];
}

/** What the options page lists: the user's documents, the bundled ones (hidden or not), the user's entities and aliases. */
export interface UserCorpusListing {
  documents: UserDocumentInfo[];
  seeds: Array<SourceMeta & { hidden: boolean }>;
  entities: Entity[];
  aliases: UserAlias[];
}

export function listUserCorpus(store: LiveCorpusStore, s: UserSummary): UserCorpusListing {
  const user: UserDocumentInfo[] = [];
  const seeds: UserCorpusListing['seeds'] = [];
  const entityIdsOf = new Map<string, Set<string>>();
  for (const p of store.corpus.passages) for (const id of p.entityIds) entityIdsOf.set(p.docId, (entityIdsOf.get(p.docId) ?? new Set()).add(id));
  for (const d of store.corpus.documents) {
    if (d.meta.origin === 'user') user.push({ meta: d.meta, chars: d.body.length, entityIds: [...(entityIdsOf.get(d.meta.id) ?? [])] });
    else seeds.push({ ...d.meta, hidden: false });
  }
  for (const { id } of s.hidden) {
    const meta = store.hiddenDocument(id)?.document.meta;
    if (meta) seeds.push({ ...meta, hidden: true });
  }
  return { documents: user, seeds, entities: s.entities, aliases: s.aliases };
}

export function exportUserCorpus(store: LiveCorpusStore, s: UserSummary): UserCorpusData {
  return {
    documents: store.corpus.documents.filter((d) => d.meta.origin === 'user').map((d) => ({ meta: d.meta, body: d.body })),
    entities: s.entities,
    aliases: s.aliases,
    hiddenSeeds: s.hidden.map((h) => h.id),
  };
}

/** A user's new entity from what they typed (names trimmed, the name first among its aliases), its id unique among `taken`. */
export function newUserEntity(input: NewEntity, taken: ReadonlySet<string>): Entity {
  const name = input.name.trim();
  const aliasTexts = [...new Set([name, ...input.aliases.map((a) => a.trim()).filter(Boolean)])];
  return {
    id: userEntityId(name, taken),
    type: input.type,
    kind: input.kind.trim() || (input.type === 'place' ? 'place' : 'group'),
    name,
    description: input.description.trim(),
    aliases: aliasTexts.map((text) => ({ text })),
  };
}

/** A kebab-case id for a user entity: "user-" + the name folded, unique among `taken`. */
export function userEntityId(name: string, taken: ReadonlySet<string>): string {
  const base =
    'user-' +
    (name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'entity');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The user's aliases of bundled entities take the entity's type from the bundled patterns (its own entities' patterns have theirs). */
function withTypes(patterns: MatchPattern[], base: readonly MatchPattern[]): MatchPattern[] {
  const types = new Map(base.map((p) => [p.entityId, p.type]));
  return patterns.map((p) => {
    const type = p.type ?? types.get(p.entityId);
    return type ? { ...p, type } : p;
  });
}

/** What the service needs to know at start, from the summary alone (no document bodies). */
export function overlayStateOf(s: UserSummary): OverlayState {
  const patterns = userPatterns(s.entities, s.aliases);
  const active = s.documentCount > 0 || s.hidden.length > 0 || patterns.length > 0;
  const touched = new Set([...s.touched, ...s.entities.map((e) => e.id), ...s.aliases.map((a) => a.entityId), ...s.hidden.flatMap((h) => h.entityIds)]);
  let merged: MatcherData | undefined;
  return {
    active,
    touched,
    touchesAll: !s.compiled,
    entities: s.entities.map((e) => summaryOf(e)),
    sourceDelta: s.documentCount - s.hidden.length,
    changes: s.version,
    matcherData: (base: MatcherData) => {
      if (!patterns.length) return base;
      const revision = `${base.revision}+${hash(JSON.stringify(patterns))}`;
      // The user's names go into the one automaton, prepared here once per change of them (not by every page).
      if (merged?.revision !== revision) {
        const all = [...base.patterns, ...withTypes(patterns, base.patterns)];
        merged = { patterns: all, automaton: packAutomaton(all), revision };
      }
      return merged;
    },
  };
}
