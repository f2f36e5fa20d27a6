/**
 * What a page's content script reports to the side panel: entity ids with mention counts, most
 * mentioned first. Pure logic: no DOM, no `browser`.
 */
import type { PageMentions } from './protocol';

export function summarizeMentions(url: string, entityIds: Iterable<string>): PageMentions {
  const counts = new Map<string, number>();
  for (const id of entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const entities = [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { url, entities };
}

/** Same report (so an unchanged page does not notify the panel again)? */
export function sameMentions(a: PageMentions | undefined, b: PageMentions): boolean {
  if (!a || a.url !== b.url || a.entities.length !== b.entities.length) return false;
  return a.entities.every((e, i) => e.id === b.entities[i]!.id && e.count === b.entities[i]!.count);
}
