import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompiledCorpus, Mention, Passage, SourceDocument, Stance } from '../corpus/types';
import {
  compareSources,
  overallStance,
  rankPassagesForEntity,
  relevance,
  selectExcerpts,
  selectViewpoints,
  viewpointSimilarity,
} from './viewpoints';

// --- a hand-made compiled corpus --------------------------------------------------------------

/** Names the test entities go by; mentions are found by exact substring. */
const NAMES: Record<string, string> = { raqqa: 'Raqqa', isis: 'ISIS', mosul: 'Mosul' };

function doc(id: string, date: string, perspective: string): SourceDocument {
  return { meta: { id, title: id, date, dateApproximate: false, dateLabel: date, perspective, origin: 'user' }, body: '' };
}

function build(docs: SourceDocument[], specs: Array<[docId: string, text: string, stance: Stance]>): CompiledCorpus {
  const passages: Passage[] = specs.map(([docId, text, stance], id) => {
    const mentions: Mention[] = [];
    for (const [entityId, name] of Object.entries(NAMES)) {
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) mentions.push({ entityId, start: i, end: i + name.length });
    }
    mentions.sort((a, b) => a.start - b.start);
    const entityIds = [...new Set(mentions.map((m) => m.entityId))];
    return { id, docId, start: 0, end: text.length, text, mentions, entityIds, stance, stanceCues: [] };
  });
  const entityPassages: Record<string, number[]> = {};
  for (const id of Object.keys(NAMES)) entityPassages[id] = passages.filter((p) => p.entityIds.includes(id)).map((p) => p.id);
  return { version: 1, documents: docs, entities: [], passages, entityPassages };
}

const filler = (n: number) => ' lorem'.repeat(n);

const docs = [
  doc('us-1', '2017-10', 'US press'),
  doc('us-2', '2017-06', 'US press'),
  doc('activist', '2016-10', 'Raqqa activist'),
  doc('critic', '2017-07', 'Regional critic'),
  doc('silent', '2016-01', 'Someone else'),
];

const corpus = build(docs, [
  /* 0 */ ['us-1', `Raqqa was liberated; Raqqa is free and Raqqa celebrates.${filler(20)}`, 'progress'],
  /* 1 */ ['us-1', `Raqqa fell after ISIS retreated.${filler(40)}`, 'progress'],
  /* 2 */ ['us-2', `ISIS lost ground near Mosul and, later, Raqqa.${filler(40)}`, 'progress'],
  /* 3 */ ['activist', `In Raqqa civilians were displaced.${filler(30)}`, 'setback'],
  /* 4 */ ['activist', `Raqqa is quiet.${filler(30)}`, 'neutral'],
  /* 5 */ ['critic', `Mosul and ISIS and everything else, also Raqqa.${filler(60)}`, 'setback'],
  /* 6 */ ['critic', `Nothing about the city here.${filler(10)}`, 'neutral'],
]);

describe('relevance / rankPassagesForEntity', () => {
  it('scores more mentions, an early first mention and a larger share higher', () => {
    const r = (pid: number) => relevance(corpus.passages[pid]!, 'raqqa');
    expect(r(0)).toBeGreaterThan(r(1)); // three mentions vs one
    expect(r(1)).toBeGreaterThan(r(2)); // first and only subject vs a late aside after other entities
    expect(r(6)).toBe(0);
  });

  it('normalises by length and gives a small bonus to a stance', () => {
    const base: Passage = {
      id: 0, docId: 'x', start: 0, end: 0, text: '', mentions: [{ entityId: 'raqqa', start: 0, end: 5 }], entityIds: ['raqqa'],
      stance: 'neutral', stanceCues: [],
    };
    const short = { ...base, text: 'Raqqa' + filler(50) };
    const long = { ...base, text: 'Raqqa' + filler(150) };
    expect(relevance(short, 'raqqa')).toBeGreaterThan(relevance(long, 'raqqa'));
    const withStance = { ...short, stance: 'setback' as const };
    expect(relevance(withStance, 'raqqa') - relevance(short, 'raqqa')).toBeCloseTo(0.15);
  });

  it('ranks by score, then passage id, and is deterministic', () => {
    const ranked = rankPassagesForEntity(corpus, 'raqqa');
    // 3 and 4 are short and about Raqqa alone; 1 shares its subject with ISIS; 2 and 5 mention it last.
    expect(ranked.map((r) => r.passage.id)).toEqual([0, 3, 4, 1, 2, 5]);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(rankPassagesForEntity(corpus, 'raqqa')).toEqual(ranked);
    expect(rankPassagesForEntity(corpus, 'unknown')).toEqual([]);
  });
});

describe('selectExcerpts', () => {
  const ranked = rankPassagesForEntity(corpus, 'raqqa');

  it('takes the most relevant passage of distinct documents first', () => {
    expect(selectExcerpts(ranked, 3).map((p) => p.id)).toEqual([0, 3, 2]);
  });

  it('takes a second passage of a document only when no other document has one', () => {
    const onlyTwoDocs = ranked.filter((r) => ['us-1', 'activist'].includes(r.passage.docId));
    expect(selectExcerpts(onlyTwoDocs, 3).map((p) => p.id)).toEqual([0, 3, 4]);
    expect(selectExcerpts(ranked, 0)).toEqual([]);
    expect(selectExcerpts([], 3)).toEqual([]);
  });
});

describe('viewpointSimilarity', () => {
  const p = (id: number) => corpus.passages[id]!;
  it('is 1 for the same document and stance, 0 for a new perspective with a contrasting stance', () => {
    expect(viewpointSimilarity(corpus, p(0), p(1))).toBeCloseTo(1);
    expect(viewpointSimilarity(corpus, p(0), p(3))).toBe(0);
    expect(viewpointSimilarity(corpus, p(0), p(2))).toBeCloseTo(0.6); // same perspective, other document, same stance
    expect(viewpointSimilarity(corpus, p(0), p(4))).toBeCloseTo(0.1); // new perspective, neutral
    expect(viewpointSimilarity(corpus, p(3), p(5))).toBeCloseTo(0.2); // new perspective, same stance
  });
});

describe('selectViewpoints', () => {
  const ranked = rankPassagesForEntity(corpus, 'raqqa');
  const perspective = (p: Passage) => docs.find((d) => d.meta.id === p.docId)!.meta.perspective;

  it('picks different perspectives and both stances', () => {
    const picked = selectViewpoints(corpus, ranked);
    expect(picked.map((p) => p.id)).toEqual([0, 3, 5, 2]);
    expect(new Set(picked.slice(0, 3).map(perspective)).size).toBe(3);
    expect(picked.map((p) => p.stance)).toEqual(expect.arrayContaining(['progress', 'setback']));
  });

  it('honours exclude and k', () => {
    const picked = selectViewpoints(corpus, ranked, { exclude: [0, 3], k: 2 });
    expect(picked.map((p) => p.id)).toEqual([1, 5]);
    expect(selectViewpoints(corpus, ranked, { k: 0 })).toEqual([]);
    expect(selectViewpoints(corpus, ranked, { exclude: ranked.map((r) => r.passage.id) })).toEqual([]);
  });

  it('keeps a contrasting stance even when it ranks last and diversity weighs nothing', () => {
    const onlyUsAndCritic = ranked.filter((r) => r.passage.docId !== 'activist');
    const picked = selectViewpoints(corpus, onlyUsAndCritic, { k: 2, lambda: 1 });
    expect(picked.map((p) => [p.id, p.stance])).toEqual([
      [0, 'progress'],
      [5, 'setback'],
    ]);
  });

  it('with λ = 1 and one stance only, follows relevance among new perspectives first', () => {
    const progressOnly = ranked.filter((r) => r.passage.stance === 'progress');
    expect(selectViewpoints(corpus, progressOnly, { k: 3, lambda: 1 }).map((p) => p.id)).toEqual([0, 1, 2]);
  });
});

describe('compareSources', () => {
  it('gives one column per mentioning document, by date then id, and lists the silent ones', () => {
    const { columns, silent } = compareSources(corpus, 'raqqa');
    expect(columns.map((c) => [c.source.id, c.passages.map((p) => p.id), c.stance])).toEqual([
      ['activist', [3, 4], 'setback'],
      ['us-2', [2], 'progress'],
      ['critic', [5], 'setback'],
      ['us-1', [0, 1], 'progress'],
    ]);
    expect(silent.map((s) => s.id)).toEqual(['silent']);
  });

  it('lists every document as silent for an unknown entity', () => {
    const { columns, silent } = compareSources(corpus, 'nowhere');
    expect(columns).toEqual([]);
    expect(silent.map((s) => s.id)).toEqual(['silent', 'activist', 'us-2', 'critic', 'us-1']);
  });

  it('overall stance: majority of the passages that take one; neutral ones abstain; a tie is neutral', () => {
    const ps = (...stances: Stance[]) => stances.map((stance, id) => ({ ...corpus.passages[0]!, id, stance }));
    expect(overallStance(ps('neutral', 'neutral', 'setback'))).toBe('setback');
    expect(overallStance(ps('progress', 'setback'))).toBe('neutral');
    expect(overallStance(ps('progress', 'progress', 'setback'))).toBe('progress');
    expect(overallStance(ps())).toBe('neutral');
  });
});

// --- the real seed corpus -------------------------------------------------------------------

const documentsDir = new URL('../../corpus/documents/', import.meta.url);
const haveSeeds = existsSync(documentsDir) && readdirSync(documentsDir).some((f) => f.endsWith('.txt'));

describe.skipIf(!haveSeeds)('viewpoints on the seed corpus', async () => {
  const { loadDocuments } = await import('../../corpus/load');
  const { gazetteer } = await import('../../corpus/gazetteer');
  const { compileCorpus } = await import('../../corpus/compile');
  const seed = compileCorpus(loadDocuments(), gazetteer);
  const meta = new Map(seed.documents.map((d) => [d.meta.id, d.meta]));
  const BOSTON_HERALD = '002_581e71eac7454d3e';
  const RAQQA_ACTIVIST_MOSUL = '004_90b169417da9e3e3';
  const CRITIC = '001_a3ed7a2f4efbeee5';

  it('Raqqa is discussed in at least three documents', () => {
    const docsOf = new Set(rankPassagesForEntity(seed, 'raqqa').map((r) => r.passage.docId));
    expect(docsOf.size).toBeGreaterThanOrEqual(3);
  });

  it('Raqqa viewpoints span perspectives and set Boston Herald progress against displaced/killed civilians or unwelcome troops', () => {
    const picked = selectViewpoints(seed, rankPassagesForEntity(seed, 'raqqa'));
    expect(picked.length).toBe(4);
    expect(new Set(picked.map((p) => meta.get(p.docId)!.perspective)).size).toBeGreaterThanOrEqual(2);
    expect(picked.some((p) => p.stance === 'progress' && p.docId === BOSTON_HERALD)).toBe(true);
    expect(
      picked.some(
        (p) =>
          p.stance === 'setback' &&
          ((p.docId === CRITIC && /displaced[\s\S]*killed/.test(p.text)) || (p.docId === RAQQA_ACTIVIST_MOSUL && /not welcomed/.test(p.text))),
      ),
    ).toBe(true);
  });

  it('the Raqqa card (excerpts, then viewpoints excluding them) shows the liberation quote and the costs', () => {
    const ranked = rankPassagesForEntity(seed, 'raqqa');
    const excerpts = selectExcerpts(ranked, 3);
    expect(new Set(excerpts.map((p) => p.docId)).size).toBe(3);
    const viewpoints = selectViewpoints(seed, ranked, { exclude: excerpts.map((p) => p.id), k: 4 });
    expect(viewpoints.some((p) => excerpts.includes(p))).toBe(false);
    const shown = [...excerpts, ...viewpoints];
    expect(shown.some((p) => p.text.includes('Liberating Raqqa is a triumph'))).toBe(true);
    expect(shown.some((p) => p.text.includes('not welcomed by the civilians in Raqqa'))).toBe(true);
    expect(shown.some((p) => p.text.includes('displaced by thousands from al Raqqa'))).toBe(true);
    expect(viewpoints.map((p) => p.stance)).toEqual(expect.arrayContaining(['progress', 'setback']));
  });

  it('compareSources on ISIS lists all five sources, with the US press on progress and the critics on setback', () => {
    const { columns, silent } = compareSources(seed, 'isis');
    expect(columns).toHaveLength(5);
    expect(silent).toEqual([]);
    const dates = columns.map((c) => c.source.date);
    expect(dates).toEqual([...dates].sort());
    const stanceOfDoc = new Map(columns.map((c) => [c.source.id, c.stance]));
    expect(stanceOfDoc.get(BOSTON_HERALD)).toBe('progress');
    expect(stanceOfDoc.get('003_32d5d268c0a13cc5')).toBe('progress');
    expect(stanceOfDoc.get(CRITIC)).toBe('setback');
    for (const c of columns) {
      for (const p of c.passages) expect(p.entityIds).toContain('isis');
      expect(c.passages.map((p) => p.id)).toEqual([...c.passages.map((p) => p.id)].sort((a, b) => a - b));
    }
  });
});
