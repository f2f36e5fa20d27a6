/**
 * The side panel's comparison as data: one column per source that mentions the entity (with
 * its passages and their mentions to emphasise), the silent sources, and the disagreement made
 * explicit — a per-framing tally of sources and a one-line summary about the compared entity,
 * such as "2 sources frame Raqqa by its gains · 3 by its cost or no end in sight". Each passage
 * carries its voice (who speaks where the entity is named). Pure.
 */
import { STANCE_ORDER } from './stanceLabel';
import type { Comparison, ComparisonColumn, EntitySummary } from '../messages/protocol';
import type { Passage, SourceMeta, Stance, Voice } from '../corpus/types';
import { voiceAt } from '../card/voices';
import { ENGLISH } from '../i18n/english';
import type { T } from '../i18n/keys';

export interface PassageView {
  passage: Passage;
  /** Ranges of `passage.text` where the compared entity is mentioned. */
  mentionRanges: Array<[number, number]>;
  /** Who speaks where the entity is first named: a quoted speaker, or the source's author/outlet. */
  voice: Voice;
}

export interface ColumnView {
  source: SourceMeta;
  /** The source's overall stance on the entity, as the background decided it. */
  stance: Stance;
  passages: PassageView[];
  /** How many of its passages take each stance. */
  passageStances: Record<Stance, number>;
  /** The team whose server it comes from; absent: the local corpus. */
  origin?: string;
}

export interface ComparisonView {
  entity: EntitySummary;
  columns: ColumnView[];
  silent: SourceMeta[];
  /** Sources per overall stance. */
  tally: Record<Stance, number>;
  /** Total sources in the corpus (columns + silent). */
  totalSources: number;
  /** "2 sources frame Raqqa by its gains · 3 by its cost or no end in sight · 1 silent". */
  summary: string;
  /** True when at least one source leans each way. */
  disagreement: boolean;
  /** With a team server configured: its name, or that it did not answer. */
  team?: Comparison['team'];
}

const emptyTally = (): Record<Stance, number> => ({ progress: 0, setback: 0, neutral: 0 });

function columnView(column: ComparisonColumn, entityId: string): ColumnView {
  const passageStances = emptyTally();
  const passages = column.passages.map((passage) => {
    passageStances[passage.stance]++;
    const mentionRanges = passage.mentions
      .filter((m) => m.entityId === entityId)
      .map((m): [number, number] => [m.start, m.end]);
    return { passage, mentionRanges, voice: voiceAt(passage, column.source, mentionRanges[0]?.[0] ?? 0) };
  });
  return { source: column.source, stance: column.stance, passages, passageStances, ...(column.origin ? { origin: column.origin } : {}) };
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
    ...(comparison.team ? { team: comparison.team } : {}),
  };
}


/**
 * The disagreement in one line, about the entity compared (any place or group, any corpus);
 * parts with no source are left out. The first part names the entity, the next ones follow it.
 */
export function summarize(entity: EntitySummary, tally: Record<Stance, number>, silent: number, t: T = ENGLISH): string {
  if (!tally.progress && !tally.setback && !tally.neutral) return t('sumNone', entity.name);
  const parts: string[] = [];
  if (tally.progress) parts.push(t.plural('sumFirstProgress', tally.progress, entity.name));
  if (tally.setback) parts.push(parts.length ? t('sumNextSetback', tally.setback) : t.plural('sumFirstSetback', tally.setback, entity.name));
  if (tally.neutral) parts.push(t.plural(parts.length ? 'sumNeutralNext' : 'sumNeutralFirst', tally.neutral, entity.name));
  if (silent) parts.push(t('sumSilent', silent));
  return parts.join(' · ');
}
