import { describe, expect, it } from 'vitest';
import type { Comparison, ComparisonColumn, EntityCard, Excerpt, SearchHit, SearchResult } from '../messages/protocol';
import type { SourceMeta } from '../corpus/types';
import { mergeCard, mergeComparison, mergeSearch, TEAM_EXCERPTS } from './merge';

const source = (id: string): SourceMeta => ({ id, title: `Doc ${id}`, date: '2017', dateApproximate: false, dateLabel: '2017', perspective: 'p', origin: 'user' });
const excerpt = (docId: string, text: string, inPassing?: true): Excerpt => ({
  passage: { id: 0, docId, start: 0, end: text.length, text, mentions: [], entityIds: ['raqqa'], stance: 'neutral', stanceCues: [] },
  source: source(docId),
  ...(inPassing ? { inPassing } : {}),
});
const card = (excerpts: Excerpt[], sources = 1): EntityCard => ({
  entity: { id: 'raqqa', name: 'Raqqa', type: 'place', kind: 'city', description: '', sourceCount: sources },
  totalSources: sources * 2,
  excerpts,
  viewpoints: excerpts.slice(0, 1),
});
const texts = (c: { excerpts: Excerpt[] }) => c.excerpts.map((e) => [e.passage.text, e.origin ?? 'local']);

describe('mergeCard', () => {
  const local = card([excerpt('l1', 'Local words about Raqqa.'), excerpt('l2', 'Raqqa in passing.', true)]);

  it('keeps the local card as it is when no server is configured', () => {
    expect(mergeCard(local, { state: 'off' })).toBe(local);
  });

  it('says the team did not answer, with the local card whole', () => {
    const merged = mergeCard(local, { state: 'unreachable', team: 'Desk Iraq' });
    expect(merged.team).toEqual({ name: 'Desk Iraq', unreachable: true });
    expect(texts(merged)).toEqual(texts(local));
  });

  it('adds the team excerpts after the local ones, labelled, without the words already shown', () => {
    const team = card([excerpt('t1', 'Team filing on Raqqa.'), excerpt('t2', '  local WORDS about   Raqqa. '), excerpt('t3', 'Team passing.', true)], 3);
    const merged = mergeCard(local, { state: 'ok', team: 'Desk Iraq', data: team });
    expect(texts(merged)).toEqual([
      ['Local words about Raqqa.', 'local'],
      ['Team filing on Raqqa.', 'Desk Iraq'],
      ['Raqqa in passing.', 'local'],
      ['Team passing.', 'Desk Iraq'],
    ]);
    expect(merged.entity.sourceCount).toBe(4);
    expect(merged.totalSources).toBe(8);
    expect(merged.team).toEqual({ name: 'Desk Iraq' });
    // The viewpoint the team shares with the local card is shown once.
    expect(merged.viewpoints.map((e) => e.origin ?? 'local')).toEqual(['local', 'Desk Iraq']);
  });

  it('lets the team add a few excerpts only', () => {
    const many = card(Array.from({ length: 10 }, (_, i) => excerpt(`t${i}`, `Team text ${i}.`)));
    const merged = mergeCard(local, { state: 'ok', team: 'T', data: many });
    expect(merged.excerpts.filter((e) => e.origin).length).toBe(TEAM_EXCERPTS);
  });
});

describe('mergeSearch', () => {
  const hit = (docId: string, text: string): SearchHit => ({ ...excerpt(docId, text), score: 1, highlights: [] });
  const result = (hits: SearchHit[]): SearchResult => ({ query: 'raqqa', entities: [], hits, sources: hits.map((h) => h.source) });
  const local = result([hit('l1', 'Local hit.')]);

  it('lists the local hits first, then the team hits with their origin and sources, each once', () => {
    const merged = mergeSearch(local, { state: 'ok', team: 'Desk Iraq', data: result([hit('t1', 'Local hit.'), hit('t2', 'Team hit.')]) });
    expect(merged.hits.map((h) => [h.passage.text, h.origin ?? 'local'])).toEqual([
      ['Local hit.', 'local'],
      ['Team hit.', 'Desk Iraq'],
    ]);
    expect(merged.sources.map((s) => s.id)).toEqual(['l1', 't2']);
  });

  it('stops at the limit, and notes an unreachable team', () => {
    expect(mergeSearch(local, { state: 'ok', team: 'T', data: result([hit('t2', 'Team hit.')]) }, 1).hits).toHaveLength(1);
    expect(mergeSearch(local, { state: 'unreachable', team: 'T' }).team).toEqual({ name: 'T', unreachable: true });
    expect(mergeSearch(local, { state: 'off' })).toBe(local);
  });
});

describe('mergeComparison', () => {
  const column = (docId: string, text: string): ComparisonColumn => ({ source: source(docId), passages: [excerpt(docId, text).passage], stance: 'neutral' });
  const comparison = (columns: ComparisonColumn[], silent: SourceMeta[] = []): Comparison => ({
    entity: { id: 'raqqa', name: 'Raqqa', type: 'place', kind: 'city', description: '', sourceCount: columns.length },
    columns,
    silent,
  });
  const local = comparison([column('l1', 'Local words about Raqqa.')], [source('quiet')]);
  const cols = (c: Comparison) => c.columns.map((x) => [x.source.id, x.origin ?? 'local']);

  it('is the local comparison when no server is configured; says when the team did not answer', () => {
    expect(mergeComparison(local, { state: 'off' })).toBe(local);
    const merged = mergeComparison(local, { state: 'unreachable', team: 'Desk Iraq' });
    expect(merged.team).toEqual({ name: 'Desk Iraq', unreachable: true });
    expect(cols(merged)).toEqual([['l1', 'local']]);
  });

  it('adds the team’s sources as labelled columns after the local ones, not one whose words are all shown', () => {
    const team = comparison([column('t1', 'Team filing on Raqqa.'), column('t2', ' local words ABOUT Raqqa.')], [source('team-quiet')]);
    const merged = mergeComparison(local, { state: 'ok', team: 'Desk Iraq', data: team });
    expect(cols(merged)).toEqual([['l1', 'local'], ['t1', 'Desk Iraq']]);
    expect(merged.silent.map((s) => s.id)).toEqual(['quiet']);
    expect(merged.entity.sourceCount).toBe(3);
    expect(merged.team).toEqual({ name: 'Desk Iraq' });
  });

  it('a team answer about another entity, or none, adds nothing', () => {
    const other = { ...comparison([column('t1', 'Mosul.')]), entity: { ...local.entity, id: 'mosul' } };
    expect(cols(mergeComparison(local, { state: 'ok', team: 'Desk Iraq', data: other }))).toEqual([['l1', 'local']]);
    expect(cols(mergeComparison(local, { state: 'ok', team: 'Desk Iraq' }))).toEqual([['l1', 'local']]);
  });
});
