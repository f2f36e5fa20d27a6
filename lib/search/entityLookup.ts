/**
 * Finding entities by what a reader types: their name or any alias ("Daesh", "Kirkook", "deir ez
 * zor"), tolerant of case, diacritics, hyphens and apostrophes. Works on the gazetteer alone (the
 * manifest's entity list and matcher patterns), so the side panel's picker never loads the corpus
 * or its index. Pure.
 */
import type { EntitySummary } from '../messages/protocol';
import type { MatchPattern } from '../corpus/types';
import { normalizeAlias } from '../text/normalize';

/** A name as compared: folded (case, diacritics, separators), apostrophes dropped. */
export function foldName(s: string): string {
  return normalizeAlias(s).folded.replace(/'/g, '').trim();
}

/** How well `name` matches `query` (both folded): 0 exact, 1 prefix, 2 a word starts with it, 3 contains it; -1 no match. */
export function rankName(name: string, query: string): number {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (name.split(' ').some((w) => w.startsWith(query)) || name.includes(' ' + query)) return 2;
  return name.includes(query) ? 3 : -1;
}

/**
 * Entities whose name or an alias matches `text`, best first: by how well their best spelling
 * matches (a match on the name beating the same match on an alias), then by how many sources
 * mention them, then by name.
 */
export function findEntities(
  entities: readonly EntitySummary[],
  patterns: readonly MatchPattern[],
  text: string,
  limit = 8,
): EntitySummary[] {
  const q = foldName(text);
  if (!q) return [];
  const best = new Map<string, number>();
  const consider = (id: string, r: number) => {
    if (r >= 0 && r < (best.get(id) ?? Infinity)) best.set(id, r);
  };
  for (const e of entities) consider(e.id, rankName(foldName(e.name), q) * 2);
  for (const p of patterns) consider(p.entityId, rankName(foldName(p.text), q) * 2 + 1);
  return entities
    .filter((e) => best.has(e.id))
    .sort((a, b) => best.get(a.id)! - best.get(b.id)! || b.sourceCount - a.sourceCount || a.name.localeCompare(b.name))
    .slice(0, limit);
}
