/**
 * The side panel's "On this page" list: the content script's counts joined with the corpus
 * entities' names and kinds. Pure.
 */
import type { EntitySummary, PageMentions } from '../messages/protocol';
import type { EntityType } from '../corpus/types';
import { ENGLISH } from '../i18n/english';
import type { T } from '../i18n/keys';

export interface PageEntityRow {
  id: string;
  name: string;
  type: EntityType | undefined;
  kind: string;
  count: number;
  /** How many corpus sources mention it (0 when the entity is unknown to the corpus). */
  sourceCount: number;
}

/** Most mentioned first, then by name; entities with no mention are dropped. */
export function pageEntityRows(mentions: PageMentions | null | undefined, entities: ReadonlyMap<string, EntitySummary>): PageEntityRow[] {
  if (!mentions) return [];
  const counts = new Map<string, number>();
  for (const { id, count } of mentions.entities) if (count > 0) counts.set(id, (counts.get(id) ?? 0) + count);
  return [...counts]
    .map(([id, count]) => {
      const e = entities.get(id);
      return { id, name: e?.name ?? id, type: e?.type, kind: e?.kind ?? '', count, sourceCount: e?.sourceCount ?? 0 };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** "3 places and groups · 7 mentions". */
export function pageMentionsSummary(rows: readonly PageEntityRow[], t: T = ENGLISH): string {
  if (rows.length === 0) return t('pageNone');
  const total = rows.reduce((n, r) => n + r.count, 0);
  return `${t.plural('pageEntities', rows.length)} · ${t.plural('mentions', total)}`;
}
