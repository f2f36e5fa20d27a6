/**
 * The popup's search as data: the request built from the box and the filters, the hits grouped
 * by the document they come from, the status line read out to screen readers, and the keyboard
 * selection over the results (focus stays in the box; ↑/↓ move an active result). Pure.
 */
import type { EntityType, SourceMeta } from '../corpus/types';
import type { SearchHit } from '../messages/protocol';
import type { Params } from '../messages/registry';
import { ENGLISH } from '../i18n/english';
import type { MessageKey, T } from '../i18n/keys';
import { localDateLabel } from '../i18n/dates';

export interface HitGroup {
  source: SourceMeta;
  /** In reading order (position in the document). */
  hits: SearchHit[];
  /** Score of the group's best hit: groups are ordered by it. */
  bestScore: number;
}

/**
 * Groups hits (best first, as the background returns them) by document. Groups keep the order of
 * their best hit; inside a group, hits are in reading order so a document reads top to bottom.
 */
export function groupHitsByDocument(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.source.id);
    if (group) {
      group.hits.push(hit);
      group.bestScore = Math.max(group.bestScore, hit.score);
    } else {
      groups.set(hit.source.id, { source: hit.source, hits: [hit], bestScore: hit.score });
    }
  }
  const ordered = [...groups.values()];
  for (const g of ordered) g.hits.sort((a, b) => a.passage.start - b.passage.start || a.passage.id - b.passage.id);
  return ordered;
}

/** The hits in the order they are shown, which is the order ↑/↓ walk through. */
export function flattenGroups(groups: readonly HitGroup[]): SearchHit[] {
  return groups.flatMap((g) => g.hits);
}

export function hitKey(hit: SearchHit): string {
  return `${hit.passage.docId}:${hit.passage.id}`;
}

// ---------------------------------------------------------------------------------------------
// Filters

export interface SearchFilters {
  docIds: string[];
  perspectives: string[];
  entityTypes: EntityType[];
}

export const NO_FILTERS: SearchFilters = { docIds: [], perspectives: [], entityTypes: [] };

export function activeFilterCount(filters: SearchFilters): number {
  return (filters.docIds.length ? 1 : 0) + (filters.perspectives.length ? 1 : 0) + (filters.entityTypes.length ? 1 : 0);
}

/** The 'search' message's params: empty filters are left out rather than sent as []. */
export function toSearchParams(query: string, filters: SearchFilters, limit = 60): Params<'search'> {
  const params: Params<'search'> = { query: query.slice(0, 500), limit };
  if (filters.docIds.length) params.docIds = [...filters.docIds];
  if (filters.perspectives.length) params.perspectives = [...filters.perspectives];
  if (filters.entityTypes.length) params.entityTypes = [...filters.entityTypes];
  return params;
}

/**
 * The same filters applied to hits already in hand, with the background's semantics (a passage
 * passes the entity-type filter when it mentions at least one entity of a chosen type). Used to
 * narrow the shown results at once while the background answers, and to check the background.
 */
export function applyFilters(
  hits: readonly SearchHit[],
  filters: SearchFilters,
  typeOf: (entityId: string) => EntityType | undefined,
): SearchHit[] {
  const docIds = new Set(filters.docIds);
  const perspectives = new Set(filters.perspectives);
  const types = new Set(filters.entityTypes);
  return hits.filter(
    (h) =>
      (!docIds.size || docIds.has(h.source.id)) &&
      (!perspectives.size || perspectives.has(h.source.perspective)) &&
      (!types.size || h.passage.entityIds.some((id) => types.has(typeOf(id) as EntityType))),
  );
}

export interface FacetOption {
  value: string;
  label: string;
}

/** Source filter options, oldest first, labelled by title and date (in the language of `t`). */
export function sourceOptions(sources: readonly SourceMeta[], t: T = ENGLISH): FacetOption[] {
  return [...sources]
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
    .map((s) => ({ value: s.id, label: `${s.title} (${localDateLabel(s.dateLabel, s.date, t)})` }));
}

export function perspectiveOptions(perspectives: readonly string[]): FacetOption[] {
  return [...new Set(perspectives)].sort((a, b) => a.localeCompare(b)).map((p) => ({ value: p, label: p }));
}

/** The entity types as options, labelled by message key (`t` words them). */
export const ENTITY_TYPE_OPTIONS: ReadonlyArray<{ value: EntityType; key: MessageKey }> = [
  { value: 'place', key: 'typePlace' },
  { value: 'group', key: 'typeGroup' },
];

// ---------------------------------------------------------------------------------------------
// Status line

/** The result count announced through aria-live. Empty while there is no query. */
export function resultStatus(query: string, groups: readonly HitGroup[], filtered: boolean, t: T = ENGLISH): string {
  if (!query.trim()) return '';
  const hits = groups.reduce((n, g) => n + g.hits.length, 0);
  if (hits === 0) return t(filtered ? 'statusNoMatchFiltered' : 'statusNoMatch', t('quoted', query.trim()));
  return t('statusFound', t.plural('passages', hits), t.plural('sources', groups.length));
}

// ---------------------------------------------------------------------------------------------
// Keyboard selection: -1 is "nothing selected" (the caret is in the box).

export type SelectionKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

export function moveSelection(index: number, key: SelectionKey, count: number): number {
  if (count <= 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return index < 0 ? 0 : Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return index <= 0 ? -1 : Math.min(index - 1, count - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}

/** Keeps the same result selected when the list changes under it, else selects nothing. */
export function reconcileSelection(previousKey: string | null, keys: readonly string[]): number {
  return previousKey === null ? -1 : keys.indexOf(previousKey);
}

// ---------------------------------------------------------------------------------------------
// Out-of-order answers

/**
 * Numbers requests so that only the newest one's answer is used: the index answers in about a
 * millisecond, but message round trips can still overtake each other.
 */
export class LatestOnly {
  private seq = 0;
  next(): number {
    return ++this.seq;
  }
  isCurrent(ticket: number): boolean {
    return ticket === this.seq;
  }
}
