import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../text/matcher';
import type { Entity, SourceDocument, SourceMeta } from './types';
import { compileCorpus, createCompiler, indexPassages } from './compile';

function meta(id: string, date: string, perspective: string): SourceMeta {
  return { id, title: id, date, dateApproximate: false, dateLabel: date, perspective, origin: 'user' };
}

const entities: Entity[] = [
  {
    id: 'raqqa',
    type: 'place',
    kind: 'city',
    name: 'Raqqa',
    description: 'City in Syria.',
    aliases: [{ text: 'Raqqa' }, { text: 'al-Raqqa' }],
  },
  {
    id: 'isis',
    type: 'group',
    kind: 'armed group',
    name: 'ISIS',
    description: 'Jihadist group.',
    aliases: [{ text: 'ISIS', caseSensitive: true }, { text: 'Islamic State' }],
  },
  {
    id: 'international-coalition',
    type: 'group',
    kind: 'coalition',
    name: 'International coalition',
    description: 'US-led coalition.',
    aliases: [{ text: 'the coalition', ambiguous: true }],
  },
];

const docA: SourceDocument = {
  meta: meta('a', '2017-10', 'US press'),
  body:
    'Liberating Raqqa is a triumph, an official said. ISIS is losing in every way.\n\n' +
    'The coalition says al-Raqqa has been cleared, but the Islamic State still controls villages near Raqqa.',
};
// Only an ambiguous mention: the per-document gate drops it.
const docB: SourceDocument = {
  meta: meta('b', '2016-06', 'Local activist'),
  body: 'The coalition met in Brussels.\nThousands were displaced from their homes.',
};

describe('compileCorpus on a tiny corpus', () => {
  const corpus = compileCorpus([docA, docB], entities);

  it('chunks every document into passages with exact offsets and sequential ids', () => {
    expect(corpus.version).toBe(1);
    expect(corpus.documents).toEqual([docA, docB]);
    expect(corpus.entities).toEqual(entities);
    expect(corpus.passages.map((p) => [p.id, p.docId, p.text])).toEqual([
      [0, 'a', 'Liberating Raqqa is a triumph, an official said. ISIS is losing in every way.'],
      [1, 'a', 'The coalition says al-Raqqa has been cleared, but the Islamic State still controls villages near Raqqa.'],
      [2, 'b', 'The coalition met in Brussels.'],
      [3, 'b', 'Thousands were displaced from their homes.'],
    ]);
    for (const p of corpus.passages) {
      const doc = p.docId === 'a' ? docA : docB;
      expect(doc.body.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('finds mentions over the whole document, relative to the passage, with the ambiguity gate per document', () => {
    const [p0, p1, p2, p3] = corpus.passages;
    expect(p0!.mentions).toEqual([
      { entityId: 'raqqa', start: 11, end: 16 },
      { entityId: 'isis', start: 49, end: 53 },
    ]);
    expect(p0!.entityIds).toEqual(['raqqa', 'isis']);
    // "The coalition" is ambiguous, but document a has unambiguous mentions: it counts.
    expect(p1!.mentions.map((m) => [m.entityId, p1!.text.slice(m.start, m.end)])).toEqual([
      ['international-coalition', 'The coalition'],
      ['raqqa', 'al-Raqqa'],
      ['isis', 'Islamic State'],
      ['raqqa', 'Raqqa'],
    ]);
    expect(p1!.entityIds).toEqual(['international-coalition', 'raqqa', 'isis']);
    // Document b has only the ambiguous mention: gated out.
    expect(p2!.mentions).toEqual([]);
    expect(p2!.entityIds).toEqual([]);
    expect(p3!.mentions).toEqual([]);
  });

  it('sets stance and cues from the lexicon', () => {
    expect(corpus.passages.map((p) => [p.stance, p.stanceCues])).toEqual([
      ['progress', ['Liberating', 'triumph', 'losing']],
      ['setback', ['still controls']], // "cleared" (progress, 1) is outweighed by "still controls" (setback, 2)
      ['neutral', []],
      ['setback', ['displaced']],
    ]);
  });

  it('indexes entity → passages in corpus order, with every entity present', () => {
    expect(corpus.entityPassages).toEqual({
      raqqa: [0, 1],
      isis: [0, 1],
      'international-coalition': [1],
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(compileCorpus([docA, docB], entities))).toBe(JSON.stringify(corpus));
  });

  it('lists an entity with no mention with an empty list', () => {
    const extra: Entity = { id: 'mosul', type: 'place', kind: 'city', name: 'Mosul', description: 'City in Iraq.', aliases: [{ text: 'Mosul' }] };
    expect(compileCorpus([docA], [...entities, extra]).entityPassages.mosul).toEqual([]);
  });

  it('compiles one document incrementally with the same result', () => {
    const compiler = createCompiler(entities);
    expect(compiler.matcher).toBeInstanceOf(Matcher);
    const first = compiler.passages(docA);
    const second = createCompiler(entities).passages(docB, first.length);
    expect([...first, ...second]).toEqual(corpus.passages);
    const index: Record<string, number[]> = { raqqa: [] };
    indexPassages(index, [...first, ...second]);
    expect(index).toEqual({ raqqa: [0, 1], isis: [0, 1], 'international-coalition': [1] });
  });
});

const documentsDir = new URL('../../corpus/documents/', import.meta.url);
const haveSeeds = existsSync(documentsDir) && readdirSync(documentsDir).some((f) => f.endsWith('.txt'));

describe.skipIf(!haveSeeds)('compileCorpus on the seed corpus', async () => {
  const { loadDocuments } = await import('../../corpus/load');
  const { gazetteer } = await import('../../corpus/gazetteer');
  const documents = loadDocuments();
  const corpus = compileCorpus(documents, gazetteer);
  const bodies = new Map(documents.map((d) => [d.meta.id, d.body]));

  it('covers every body with exact passages within the length bounds', () => {
    for (const doc of documents) {
      const ps = corpus.passages.filter((p) => p.docId === doc.meta.id);
      expect(ps.length).toBeGreaterThan(0);
      expect(ps.map((p) => p.text).join('').replace(/\s/g, '')).toBe(doc.body.replace(/\s/g, ''));
    }
    corpus.passages.forEach((p, i) => {
      expect(p.id).toBe(i);
      expect(bodies.get(p.docId)!.slice(p.start, p.end)).toBe(p.text);
      expect(p.text.length).toBeLessThanOrEqual(600);
      for (const m of p.mentions) expect(m.end).toBeLessThanOrEqual(p.text.length);
    });
  });

  it('indexes every gazetteer entity, and Raqqa from at least three documents', () => {
    expect(Object.keys(corpus.entityPassages).sort()).toEqual(gazetteer.map((e) => e.id).sort());
    const raqqaDocs = new Set(corpus.entityPassages.raqqa!.map((pid) => corpus.passages[pid]!.docId));
    expect(raqqaDocs.size).toBeGreaterThanOrEqual(3);
    for (const [id, pids] of Object.entries(corpus.entityPassages)) {
      expect(pids).toEqual([...pids].sort((a, b) => a - b));
      for (const pid of pids) expect(corpus.passages[pid]!.entityIds).toContain(id);
    }
  });

  it('gives the seed passages sensible stances', () => {
    const stanceOfPassage = (needle: string) => corpus.passages.find((p) => p.text.includes(needle))!.stance;
    expect(stanceOfPassage('Liberating Raqqa is a triumph')).toBe('progress');
    expect(stanceOfPassage('ISIS is losing in every way')).toBe('progress');
    expect(stanceOfPassage('There is no victory over ISIS')).toBe('setback');
    expect(stanceOfPassage('targeted by the Coalition strikes and killed')).toBe('setback');
    expect(stanceOfPassage('not welcomed by the civilians in Raqqa')).toBe('setback');
    expect(stanceOfPassage('perverse caliphate is shrinking')).toBe('progress');
    expect(stanceOfPassage('still controls wide areas')).toBe('setback');
  });
});
