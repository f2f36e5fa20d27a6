import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompiledCorpus, Mention, Passage, SourceDocument, Stance } from '../corpus/types';
import {
  cardLayout,
  voiceOf,
  compareSources,
  overallStance,
  rankPassagesForEntity,
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
  /* 3 */ ['activist', `Civilians were displaced from Raqqa.${filler(30)}`, 'setback'],
  /* 4 */ ['activist', `Raqqa is quiet.${filler(30)}`, 'neutral'],
  /* 5 */ ['critic', `Refugees came from Mosul, Aleppo and Raqqa.${filler(60)}`, 'setback'],
  /* 6 */ ['critic', `Nothing about the city here.${filler(10)}`, 'neutral'],
]);

const ranked = () => rankPassagesForEntity(corpus, 'raqqa');
const passingSpecs: Array<[string, string, Stance]> = [
  ['us-2', 'Refugees came from Mosul, Aleppo and Raqqa.', 'neutral'],
  ['critic', 'Trucks from Aleppo, Raqqa and Mosul arrived.', 'neutral'],
  ['critic', 'Aid reached Mosul, Raqqa and Aleppo.', 'neutral'],
];
const ids = (rs: ReadonlyArray<{ passage: Passage }>) => rs.map((r) => r.passage.id);

describe('rankPassagesForEntity', () => {
  it('puts every substantive passage before every passing mention', () => {
    const r = ranked();
    const firstPassing = r.findIndex((x) => !x.substantive);
    expect(firstPassing).toBeGreaterThan(0);
    expect(r.slice(firstPassing).every((x) => !x.substantive)).toBe(true);
    // 5 names Raqqa last in a list of three: a passing mention, ranked last.
    expect(r.find((x) => x.passage.id === 5)!.substantive).toBe(false);
    expect(ids(r).at(-1)).toBe(5);
  });

  it('ranks a passage that repeats the entity as its subject first, and is deterministic', () => {
    expect(ids(ranked())[0]).toBe(0);
    expect(rankPassagesForEntity(corpus, 'raqqa')).toEqual(ranked());
    expect(rankPassagesForEntity(corpus, 'unknown')).toEqual([]);
  });
});

describe('viewpointSimilarity', () => {
  const r = (id: number) => ranked().find((x) => x.passage.id === id)!;
  it('is high for the same document and framing, 0 for another voice and perspective with a contrasting framing', () => {
    expect(viewpointSimilarity(corpus, r(0), r(1))).toBeCloseTo(1);
    expect(viewpointSimilarity(corpus, r(0), r(3))).toBe(0);
    expect(viewpointSimilarity(corpus, r(0), r(4))).toBeCloseTo(0.1); // new perspective, neutral
  });
});

describe('selectViewpoints', () => {
  const perspective = (p: Passage) => docs.find((d) => d.meta.id === p.docId)!.meta.perspective;

  it('picks different voices and both framings, substantive passages only', () => {
    const picked = selectViewpoints(corpus, ranked());
    expect(picked.every((x) => x.substantive)).toBe(true);
    expect(new Set(picked.slice(0, 2).map((x) => perspective(x.passage))).size).toBe(2);
    expect(picked.map((x) => x.passage.stance)).toEqual(expect.arrayContaining(['progress', 'setback']));
  });

  it('honours exclude and k', () => {
    const picked = selectViewpoints(corpus, ranked(), { exclude: [0, 3], k: 2 });
    expect(picked).toHaveLength(2);
    expect(ids(picked)).not.toContain(0);
    expect(ids(picked)).not.toContain(3);
    expect(selectViewpoints(corpus, ranked(), { k: 0 })).toEqual([]);
    expect(selectViewpoints(corpus, ranked(), { exclude: ids(ranked()) })).toEqual([]);
  });
});

describe('cardLayout', () => {
  it('shows substantive passages before passing ones, and counts the rest as "also mentioned"', () => {
    const layout = cardLayout(corpus, 'raqqa');
    const shown = [...layout.excerpts, ...layout.viewpoints];
    expect(shown.every((x) => x.substantive)).toBe(true);
    expect(new Set(ids(shown)).size).toBe(shown.length);
    expect(layout.alsoMentioned).toBe(ranked().length - shown.length);
  });

  it('never empties a card: passing mentions fill it, after the substantive ones, one per document first', () => {
    const passing = build(docs, [
      ['us-1', 'Refugees came from Mosul, Aleppo and Raqqa.', 'neutral'],
      ['us-1', 'Aid reached Mosul, Raqqa and Aleppo.', 'neutral'],
      ['critic', 'Trucks from Aleppo, Raqqa and Mosul arrived.', 'neutral'],
    ]);
    const layout = cardLayout(passing, 'raqqa');
    expect(layout.excerpts.every((x) => !x.substantive)).toBe(true);
    expect(ids(layout.excerpts)).toEqual([0, 1, 2]);
    expect(ids(cardLayout(passing, 'raqqa', 2).excerpts)).toEqual([0, 2]);
    expect(layout.alsoMentioned).toBe(0);
    const one = cardLayout(build(docs, [['us-1', 'Raqqa was liberated and Raqqa celebrates.', 'progress'], ...passingSpecs]), 'raqqa');
    expect(one.excerpts.map((x) => x.substantive)).toEqual([true, false, false]);
  });

  it("never hides the user's own document; where only it speaks of the entity, its passage leads", () => {
    const seedDoc = (id: string): SourceDocument => ({ ...doc(id, '2017-01', 'Bundled'), meta: { ...doc(id, '2017-01', 'Bundled').meta, origin: 'seed' } });
    const mixed = build([...docs.map((d) => seedDoc(d.meta.id)), doc('mine', '2019-01', 'My notes')], [
      ['us-1', 'Raqqa was liberated; Raqqa is free.', 'progress'],
      ['us-2', 'Raqqa fell after ISIS retreated; Raqqa celebrated.', 'progress'],
      ['critic', 'Raqqa is in ruins; Raqqa mourns.', 'setback'],
      ['activist', 'Raqqa is quiet; Raqqa sleeps.', 'neutral'],
      ['us-1', 'Raqqa again: Raqqa held a parade.', 'neutral'],
      ['critic', 'Raqqa burned; Raqqa waited.', 'setback'],
      ['us-2', 'Raqqa voted; Raqqa counted.', 'neutral'],
      ['activist', 'Raqqa wept; Raqqa buried its dead.', 'setback'],
      ['mine', 'Trucks from Aleppo, Raqqa and Mosul arrived.', 'neutral'],
    ]);
    const layout = cardLayout(mixed, 'raqqa');
    expect([...layout.excerpts, ...layout.viewpoints].map((x) => x.passage.docId)).toContain('mine');
    const onlyMine = build([seedDoc('critic'), doc('mine', '2019-01', 'My notes')], [
      ['critic', 'Refugees came from Mosul, Aleppo and Raqqa.', 'neutral'],
      ['mine', 'Trucks from Aleppo, Raqqa and Mosul arrived.', 'neutral'],
    ]);
    expect(cardLayout(onlyMine, 'raqqa').excerpts[0]!.passage.docId).toBe('mine');
    // Two voices in the user's one document: its passages are the excerpts, the best first.
    const notes = build([seedDoc('critic'), doc('mine', '2019-01', 'My notes')], [
      ['critic', 'Refugees came from Mosul, Aleppo and Raqqa.', 'neutral'],
      ['mine', 'Raqqa was quiet; Raqqa waited.', 'neutral'],
      ['mine', 'Crews said Raqqa would burn; Raqqa burned.', 'setback'],
    ]);
    const layout2 = cardLayout(notes, 'raqqa');
    expect(layout2.excerpts.map((x) => [x.passage.id, x.substantive])).toEqual([[2, true], [1, true], [0, false]]);
    expect(layout2.viewpoints).toEqual([]);
  });

  it('keeps two voices for the viewpoints even when there are only two substantive passages', () => {
    const two = build(docs, [
      ['us-1', 'Raqqa was liberated and Raqqa celebrates.', 'progress'],
      ['critic', 'Raqqa is in ruins; Raqqa mourns its dead.', 'setback'],
      ['activist', 'Refugees came from Mosul, Aleppo and Raqqa.', 'neutral'],
    ]);
    const layout = cardLayout(two, 'raqqa');
    expect(ids(layout.viewpoints).sort()).toEqual([0, 1]);
    // The passing mention fills the card, after the viewpoints (labelled so on the card).
    expect(layout.excerpts.map((x) => [x.passage.id, x.substantive])).toEqual([[2, false]]);
    expect(layout.alsoMentioned).toBe(0);
  });

  it('gives the main list to a single voice only when no second voice exists', () => {
    const one = build(docs, [
      ['us-1', 'Raqqa was liberated and Raqqa celebrates.', 'progress'],
      ['us-1', 'Raqqa is quiet now; Raqqa sleeps.', 'neutral'],
    ]);
    const layout = cardLayout(one, 'raqqa');
    expect(ids(layout.excerpts)).toEqual([0, 1]);
    expect(layout.viewpoints).toEqual([]);
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
  const { compileCorpus } = await import('../corpus/compile');
  const seed = compileCorpus(loadDocuments(), gazetteer);
  const BOSTON_HERALD = '002_581e71eac7454d3e';
  const RAQQA_ACTIVIST_MOSUL = '004_90b169417da9e3e3';
  const CRITIC = '001_a3ed7a2f4efbeee5';

  it('Raqqa is discussed in at least three documents', () => {
    const docsOf = new Set(rankPassagesForEntity(seed, 'raqqa').map((r) => r.passage.docId));
    expect(docsOf.size).toBeGreaterThanOrEqual(3);
  });

  const cardOf = (id: string) => {
    const { excerpts, viewpoints } = cardLayout(seed, id);
    return { excerpts, viewpoints, shown: [...excerpts, ...viewpoints] };
  };
  const voice = (r: { passage: Passage; at: number }) => voiceOf(seed, r.passage, r.at);

  it.each(['raqqa', 'isis', 'mosul'])('the %s card sets the Boston Herald, the activist and the war critic against each other', (id) => {
    const { viewpoints, shown } = cardOf(id);
    const docsShown = new Set(shown.map((r) => r.passage.docId));
    expect(docsShown).toContain(BOSTON_HERALD);
    expect(docsShown).toContain(CRITIC);
    expect([...docsShown].some((d) => d === RAQQA_ACTIVIST_MOSUL || d === '000_7e19e4b8228dd140')).toBe(true);
    expect(viewpoints.length).toBeGreaterThanOrEqual(2);
    expect(new Set(viewpoints.map((r) => voice(r).name)).size).toBeGreaterThanOrEqual(2);
    expect(viewpoints.map((r) => r.passage.stance)).toEqual(expect.arrayContaining(['progress', 'setback']));
  });

  it('names the quoted speakers with the roles the text gives them', () => {
    const raqqa = cardOf('raqqa').shown;
    const ahmed = raqqa.find((r) => r.passage.text.includes('Liberating Raqqa is a triumph'))!;
    expect(voice(ahmed)).toEqual({ name: 'Ilham Ahmed', role: 'senior member of SDF’s political wing', kind: 'quote', via: 'Boston Herald' });
    expect(raqqa.some((r) => r.passage.text.includes('displaced by thousands from al Raqqa'))).toBe(true);
    const isisVoices = cardOf('isis').shown.map((r) => voice(r));
    expect(isisVoices.some((v) => v.kind === 'quote' && v.role && v.via === 'Boston Herald')).toBe(true);
    const mosulVoices = cardOf('mosul').shown.map((r) => voice(r).name);
    expect(mosulVoices).toContain('Colin Clarke');
  });

  it('opens the Iraq card with a passage about Iraq, never the Jordan airstrikes or a refugee-camp tag', () => {
    const { shown } = cardOf('iraq');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((r) => r.passage.text.includes('the situation in Iraq is based on sectarian quotas'))).toBe(true);
    for (const r of shown) {
      expect(r.passage.text).not.toContain('which borders both Iraq and Syria');
      expect(r.passage.text).not.toContain('in refugee camps northern Iraq');
    }
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
