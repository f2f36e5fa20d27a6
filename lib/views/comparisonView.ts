/**
 * The side panel's comparison as data: one column per source that mentions the entity (with
 * its passages and their mentions to emphasise), the silent sources, and the disagreement made
 * explicit — a per-stance tally of sources and a one-line summary such as
 * "2 sources report ISIS in retreat · 3 say it persists". Pure.
 */
import { STANCE_ORDER } from './stanceLabel';
import type { Comparison, ComparisonColumn, EntitySummary } from '../messages/protocol';
import type { Passage, SourceMeta, Stance } from '../corpus/types';

export interface PassageView {
  passage: Passage;
  /** Ranges of `passage.text` where the compared entity is mentioned. */
  mentionRanges: Array<[number, number]>;
}

export interface ColumnView {
  source: SourceMeta;
  /** The source's overall stance on the entity, as the background decided it. */
  stance: Stance;
  passages: PassageView[];
  /** How many of its passages take each stance. */
  passageStances: Record<Stance, number>;
}

export interface ComparisonView {
  entity: EntitySummary;
  columns: ColumnView[];
  silent: SourceMeta[];
  /** Sources per overall stance. */
  tally: Record<Stance, number>;
  /** Total sources in the corpus (columns + silent). */
  totalSources: number;
  /** "2 sources report ISIS in retreat · 3 say it persists · 1 silent". */
  summary: string;
  /** True when at least one source leans each way. */
  disagreement: boolean;
}

const emptyTally = (): Record<Stance, number> => ({ progress: 0, setback: 0, neutral: 0 });

function columnView(column: ComparisonColumn, entityId: string): ColumnView {
  const passageStances = emptyTally();
  const passages = column.passages.map((passage) => {
    passageStances[passage.stance]++;
    const mentionRanges = passage.mentions
      .filter((m) => m.entityId === entityId)
      .map((m): [number, number] => [m.start, m.end]);
    return { passage, mentionRanges };
  });
  return { source: column.source, stance: column.stance, passages, passageStances };
}

/**
 * Columns grouped by stance (progress, setback, neutral) so the two sides sit next to each
 * other; within a stance the background's order (by date) is kept.
 */
export function buildComparisonView(comparison: Comparison): ComparisonView {
  const { entity } = comparison;
  const columns = comparison.columns
    .map((c, i) => ({ view: columnView(c, entity.id), i }))
    .sort((a, b) => STANCE_ORDER.indexOf(a.view.stance) - STANCE_ORDER.indexOf(b.view.stance) || a.i - b.i)
    .map((x) => x.view);
  const tally = emptyTally();
  for (const c of columns) tally[c.stance]++;
  return {
    entity,
    columns,
    silent: comparison.silent,
    tally,
    totalSources: columns.length + comparison.silent.length,
    summary: summarize(entity, tally, comparison.silent.length),
    disagreement: tally.progress > 0 && tally.setback > 0,
  };
}

function count(n: number, verbOne: string, verbMany: string): string {
  return `${n} ${n === 1 ? 'source' : 'sources'} ${n === 1 ? verbOne : verbMany}`;
}

/** Whether the entity is ISIS itself (then the summary speaks of "ISIS" and "it"). */
function isIsis(entity: Pick<EntitySummary, 'id'>): boolean {
  return entity.id === 'isis';
}

/** The disagreement in one line; parts with no source are left out. */
export function summarize(entity: EntitySummary, tally: Record<Stance, number>, silent: number): string {
  const parts: string[] = [];
  if (isIsis(entity)) {
    if (tally.progress) parts.push(count(tally.progress, 'reports ISIS in retreat', 'report ISIS in retreat'));
    if (tally.setback) parts.push(tally.setback === 1 ? '1 says it persists or counts the cost' : `${tally.setback} say it persists or count the cost`);
  } else {
    if (tally.progress) parts.push(count(tally.progress, 'reports ISIS losing ground', 'report ISIS losing ground'));
    if (tally.setback) parts.push(tally.setback === 1 ? '1 says ISIS holds on or counts the cost' : `${tally.setback} say ISIS holds on or count the cost`);
  }
  if (tally.neutral) parts.push(`${tally.neutral} ${tally.neutral === 1 ? 'takes' : 'take'} no clear stance`);
  if (silent) parts.push(`${silent} silent`);
  if (!tally.progress && !tally.setback && !tally.neutral) return `No source mentions ${entity.name}`;
  return parts.join(' · ');
}
