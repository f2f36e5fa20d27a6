/**
 * The side panel's entity picker: corpus entities whose name matches what is typed, tolerant of
 * case, diacritics, hyphens and apostrophes ("deir ez zor", "Deir-ez-Zor"). Spellings that are
 * not the canonical name ("Daesh", "Kirkook") come from the background's 'search' answer
 * (SearchResult.entities, matched on every alias) and are merged in by `mergeEntityMatches`. Pure.
 */
import type { EntitySummary } from '../messages/protocol';
import { foldName as fold, rankName as rank } from '../search/entityLookup';

export function filterEntities(entities: readonly EntitySummary[], query: string, limit = 8): EntitySummary[] {
  const q = fold(query);
  if (!q) return [];
  return entities
    .map((e) => ({ e, r: rank(fold(e.name), q) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || b.e.sourceCount - a.e.sourceCount || a.e.name.localeCompare(b.e.name))
    .slice(0, limit)
    .map((x) => x.e);
}

/** Name matches first, then the entities the background found by alias, without duplicates. */
export function mergeEntityMatches(byName: readonly EntitySummary[], byAlias: readonly EntitySummary[], limit = 8): EntitySummary[] {
  const seen = new Set<string>();
  const out: EntitySummary[] = [];
  for (const e of [...byName, ...byAlias]) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out.slice(0, limit);
}
