/**
 * The team's corpus beside the local one (issue 21): a card, a search or a comparison answered locally, with
 * what the team server answered added after it. Local first; every team excerpt and hit carries
 * its origin (the team's name, shown as "Team · <name>"); a passage already shown (the same
 * words, whatever their source) is not shown twice; the team adds at most a few excerpts, so a
 * card keeps its size. Pure: the worker fetches, the card frame and the search merge.
 */
import type { TeamAnswer } from '../messages/team';
import type { Comparison, ComparisonColumn, EntityCard, Excerpt, SearchHit, SearchResult } from '../messages/protocol';

/** How many excerpts and viewpoints the team may add to a card. */
export const TEAM_EXCERPTS = 3;
const TEAM_VIEWPOINTS = 2;

/** Two passages with the same words are one, whatever their ids (a document filed locally and to the team). */
const sameWords = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** `extra` labelled with `origin`, without what `shown` already has, at most `max`. */
function added<E extends Excerpt>(shown: readonly Excerpt[], extra: readonly E[], origin: string, max: number): E[] {
  const seen = new Set(shown.map((e) => sameWords(e.passage.text)));
  const out: E[] = [];
  for (const e of extra) {
    const key = sameWords(e.passage.text);
    if (seen.has(key) || out.length >= max) continue;
    seen.add(key);
    out.push({ ...e, origin });
  }
  return out;
}

/** The local card with the team's excerpts, viewpoints and counts added (or its note that the team did not answer). */
export function mergeCard(local: EntityCard, answer: TeamAnswer<EntityCard>): EntityCard {
  if (answer.state === 'off') return local;
  if (answer.state === 'unreachable') return { ...local, team: { name: answer.team, unreachable: true } };
  const team = answer.data;
  if (!team || team.entity.id !== local.entity.id) return { ...local, team: { name: answer.team } };
  const about = (list: Excerpt[], inPassing: boolean) => list.filter((e) => !!e.inPassing === inPassing);
  const teamAbout = added(local.excerpts, about(team.excerpts, false), answer.team, TEAM_EXCERPTS);
  const teamPassing = added([...local.excerpts, ...teamAbout], about(team.excerpts, true), answer.team, TEAM_EXCERPTS - teamAbout.length);
  const alsoMentioned = (local.alsoMentioned ?? 0) + (team.alsoMentioned ?? 0);
  return {
    entity: { ...local.entity, sourceCount: local.entity.sourceCount + team.entity.sourceCount },
    totalSources: local.totalSources + team.totalSources,
    excerpts: [...about(local.excerpts, false), ...teamAbout, ...about(local.excerpts, true), ...teamPassing],
    viewpoints: [...local.viewpoints, ...added(local.viewpoints, team.viewpoints, answer.team, TEAM_VIEWPOINTS)],
    ...(alsoMentioned ? { alsoMentioned } : {}),
    team: { name: answer.team },
  };
}

/** The local search with the team's hits after its own (at most `limit` in all), their sources listed after the local ones. */
export function mergeSearch(local: SearchResult, answer: TeamAnswer<SearchResult>, limit = Infinity): SearchResult {
  if (answer.state === 'off') return local;
  if (answer.state === 'unreachable') return { ...local, team: { name: answer.team, unreachable: true } };
  const team = answer.data;
  if (!team) return { ...local, team: { name: answer.team } };
  const hits: SearchHit[] = [...local.hits, ...added(local.hits, team.hits, answer.team, Math.max(0, limit - local.hits.length))];
  const sourceIds = new Set(local.sources.map((s) => s.id));
  const teamSources = team.sources.filter((s) => !sourceIds.has(s.id) && hits.some((h) => h.origin && h.source.id === s.id));
  const entityIds = new Set(local.entities.map((e) => e.id));
  return {
    query: local.query,
    entities: [...local.entities, ...team.entities.filter((e) => !entityIds.has(e.id))],
    hits,
    sources: [...local.sources, ...teamSources],
    team: { name: answer.team },
  };
}

/**
 * The side panel's comparison with the team's sources as columns after the local ones, each
 * labelled with its origin; a team column whose passages are all already shown (the same words:
 * a document filed locally and to the team) is left out. The silent sources stay the local
 * corpus's: a team's archive would list thousands.
 */
export function mergeComparison(local: Comparison, answer: TeamAnswer<Comparison>): Comparison {
  if (answer.state === 'off') return local;
  if (answer.state === 'unreachable') return { ...local, team: { name: answer.team, unreachable: true } };
  const team = answer.data;
  if (!team || team.entity.id !== local.entity.id) return { ...local, team: { name: answer.team } };
  const seen = new Set(local.columns.flatMap((c) => c.passages.map((p) => sameWords(p.text))));
  const columns: ComparisonColumn[] = team.columns
    .filter((c) => c.passages.some((p) => !seen.has(sameWords(p.text))))
    .map((c) => ({ ...c, origin: answer.team }));
  return {
    entity: { ...local.entity, sourceCount: local.entity.sourceCount + team.entity.sourceCount },
    columns: [...local.columns, ...columns],
    silent: local.silent,
    team: { name: answer.team },
  };
}
