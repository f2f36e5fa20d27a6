/**
 * The matcher's patterns from the entities' aliases (lib/text/matcher.ts re-exports this).
 * Pure logic: no DOM, no `browser`.
 */
import type { Entity, MatchPattern } from '../corpus/types';
import { articleVariant } from './languages';
import { normalizeAlias } from './normalize';

/**
 * Every alias of every entity as a pattern (caseSensitive / ambiguous default to false), plus the
 * form an Arabic alias with the article takes after the preposition ل (الرقة → للرقة, the ل not
 * underlined: lib/text/languages/arabic.ts).
 */
export function patternsFromEntities(entities: readonly Entity[]): MatchPattern[] {
  const out: MatchPattern[] = [];
  for (const e of entities) {
    for (const a of e.aliases) {
      const p: MatchPattern = {
        text: a.text,
        entityId: e.id,
        caseSensitive: a.caseSensitive ?? false,
        ambiguous: a.ambiguous ?? false,
        type: e.type,
      };
      out.push(p);
      const variant = articleVariant(normalizeAlias(a.text).folded);
      if (variant) out.push({ ...p, text: variant.text, lead: variant.lead });
    }
  }
  return out;
}
