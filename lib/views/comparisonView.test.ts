import { describe, expect, it } from 'vitest';
import { buildComparisonView, summarize } from './comparisonView';
import { comparison, passage, source, summary } from './fixtures';

const isis = summary('isis', { name: 'ISIS' });
const s = (id: string, date: string) => source(id, { date });

const p = (id: number, docId: string, stance: 'progress' | 'setback' | 'neutral') =>
  passage(id, docId, 'ISIS lost Tikrit; Raqqa', {
    stance,
    mentions: [
      { entityId: 'isis', start: 0, end: 4 },
      { entityId: 'tikrit', start: 10, end: 16 },
      { entityId: 'raqqa', start: 18, end: 23 },
    ],
  });

describe('buildComparisonView', () => {
  const c = comparison(
    isis,
    [
      { source: s('000', '2016-06'), passages: [p(1, '000', 'setback'), p(2, '000', 'setback')], stance: 'setback' },
      { source: s('001', '2016-10'), passages: [p(3, '001', 'progress')], stance: 'progress' },
      { source: s('002', '2017-07'), passages: [p(4, '002', 'neutral')], stance: 'neutral' },
      { source: s('003', '2017-10'), passages: [p(5, '003', 'progress'), p(6, '003', 'setback')], stance: 'progress' },
    ],
    [s('004', '2016-10')],
  );
  const view = buildComparisonView(c);

  it('puts the two sides next to each other, keeping date order within a side', () => {
    expect(view.columns.map((col) => col.source.id)).toEqual(['001', '003', '000', '002']);
    expect(view.columns.map((col) => col.stance)).toEqual(['progress', 'progress', 'setback', 'neutral']);
  });

  it('counts sources per stance and passages per stance within a source', () => {
    expect(view.tally).toEqual({ progress: 2, setback: 1, neutral: 1 });
    expect(view.columns[1]!.passageStances).toEqual({ progress: 1, setback: 1, neutral: 0 });
    expect(view.totalSources).toBe(5);
    expect(view.silent.map((x) => x.id)).toEqual(['004']);
    expect(view.disagreement).toBe(true);
  });

  it('emphasises only the compared entity’s mentions', () => {
    expect(view.columns[0]!.passages[0]!.mentionRanges).toEqual([[0, 4]]);
    const raqqa = buildComparisonView({ ...c, entity: summary('raqqa', { name: 'Raqqa', type: 'place' }) });
    expect(raqqa.columns[0]!.passages[0]!.mentionRanges).toEqual([[18, 23]]);
  });

  it('writes the disagreement in one line', () => {
    expect(view.summary).toBe('2 sources frame ISIS by gains and victory · 1 by cost or no end in sight · 1 takes no clear stance on ISIS · 1 silent');
  });

  it('has no disagreement when every source leans the same way', () => {
    const one = buildComparisonView(comparison(isis, [{ source: s('a', '2016'), passages: [p(1, 'a', 'progress')], stance: 'progress' }]));
    expect(one.disagreement).toBe(false);
    expect(one.summary).toBe('1 source frames ISIS by gains and victory');
  });
});

describe('summarize', () => {
  const raqqa = summary('raqqa', { name: 'Raqqa', type: 'place' });
  it('speaks of the entity compared, whatever it is', () => {
    expect(summarize(isis, { progress: 2, setback: 3, neutral: 0 }, 0)).toBe('2 sources frame ISIS by gains and victory · 3 by cost or no end in sight');
    expect(summarize(raqqa, { progress: 1, setback: 2, neutral: 2 }, 1)).toBe(
      '1 source frames Raqqa by gains and victory · 2 by cost or no end in sight · 2 take no clear stance on Raqqa · 1 silent',
    );
    expect(summarize(raqqa, { progress: 0, setback: 1, neutral: 0 }, 0)).toBe('1 source frames Raqqa by cost or no end in sight');
    expect(summarize(raqqa, { progress: 0, setback: 0, neutral: 2 }, 0)).toBe('2 sources take no clear stance on Raqqa');
  });

  it('says so when no source mentions the entity', () => {
    expect(summarize(raqqa, { progress: 0, setback: 0, neutral: 0 }, 5)).toBe('No source mentions Raqqa');
  });
});

describe('a corpus about another war (eval/documents)', async () => {
  const { fileURLToPath } = await import('node:url');
  const { loadDocuments } = await import('../../corpus/load');
  const { compileCorpus } = await import('../corpus/compile');
  const { CorpusStore } = await import('../corpus/store');
  const { evalGazetteer } = await import('../../eval/gazetteer');
  const corpus = compileCorpus(loadDocuments(fileURLToPath(new URL('../../eval/documents/', import.meta.url))), evalGazetteer);
  const store = new CorpusStore(corpus);

  it('labels its passages by gains or cost, with the words that decided', () => {
    const label = (needle: string) => corpus.passages.find((p) => p.text.includes(needle))!;
    expect(label('Kessarian Army units recaptured the town of Drevic')).toMatchObject({ stance: 'progress', stanceCues: ['recaptured', 'retreat'] });
    expect(label('Varenna has been under siege')).toMatchObject({ stance: 'setback' });
    expect(label('There is no victory in the Maren Valley')).toMatchObject({ stance: 'setback' });
    expect(label('Container traffic at Port Solin')).toMatchObject({ stance: 'neutral', stanceCues: [] });
  });

  it('writes the side panel’s summary about the entity compared', () => {
    const view = buildComparisonView(store.compare('drevic'));
    expect(view.summary).toMatch(/^\d sources? frames? Drevic by gains and victory · \d by cost or no end in sight/);
    expect(view.summary).not.toMatch(/ISIS/);
    expect(view.disagreement).toBe(true);
  });
});
