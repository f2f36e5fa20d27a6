import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SourceMeta } from '../lib/corpus/types';
import { parseDocumentFile, serializeDocumentFile } from './documentFile';
import { DOCUMENTS_DIR, loadDocuments } from './load';

const SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const hasSeeds = existsSync(SEEDS_DIR);

const RAQQA_ACTIVIST = 'A Raqqa media activist (RBSS founding member)';

/** What is known about each seed (see the seed README and the issues). */
const EXPECTED_META: Record<string, Partial<SourceMeta>> = {
  '000_7e19e4b8228dd140': {
    title: 'ISIS, Remaining But not Expanding',
    author: RAQQA_ACTIVIST,
    outlet: undefined,
    date: '2016-10',
    dateLabel: 'autumn 2016',
    perspective: 'Raqqa opposition activist',
  },
  '001_a3ed7a2f4efbeee5': {
    title: 'There Is No Victory over ISIS',
    titleSupplied: true,
    author: undefined,
    authorNote: undefined,
    outlet: undefined,
    date: '2017-07',
    dateLabel: 'mid-2017',
    perspective: 'Regional critic of the US-led war',
  },
  '002_581e71eac7454d3e': {
    title: 'ISIS Left Reeling After Coalition Drives Group Out of De Facto Capital',
    author: 'Brian Dowling',
    outlet: 'Boston Herald',
    date: '2017-10',
    dateLabel: 'October 2017',
    perspective: 'US press quoting the SDF, the Pentagon and US analysts',
  },
  '003_32d5d268c0a13cc5': {
    title: 'Thanks To Coordinated Efforts, ISIS Is On The Defensive',
    author: undefined,
    outlet: undefined,
    date: '2016-06',
    dateLabel: 'mid-2016',
    perspective: 'US officials via US press',
  },
  '004_90b169417da9e3e3': {
    title: 'Battle of Mosul',
    author: RAQQA_ACTIVIST,
    outlet: undefined,
    date: '2016-10',
    dateLabel: 'October 2016',
    perspective: 'Raqqa opposition activist',
  },
};
const IDS = Object.keys(EXPECTED_META);

/** Text that follows or surrounds the articles but is not article content. */
const NOT_ARTICLE_TEXT = [
  'media activist from the city of Raqqa', // author bio (000, 004)
  'founding member',
  'legally licensed', // licensing line (002)
  'NewsCred',
  'Tribune Content Agency',
  'Subscribe to our newsletter', // newsletter prompt (003)
  'Cover photo', // photo credit (003)
  'This story has been updated', // editor's note (003)
  'By Brian Dowling', // byline (002)
  'Home ISIS', // breadcrumb (002)
];

const docs = loadDocuments();

describe('seed documents', () => {
  it('are five, one per seed, in id order', () => {
    expect(docs.map((d) => d.meta.id)).toEqual(IDS);
  });

  it('have ids equal to their file names', () => {
    const files = readdirSync(DOCUMENTS_DIR).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toEqual(IDS.map((id) => `${id}.txt`));
    for (const d of docs) expect(files).toContain(`${d.meta.id}.txt`);
  });

  it.each(IDS)('%s has the known metadata', (id) => {
    const doc = docs.find((d) => d.meta.id === id);
    expect(doc).toBeDefined();
    const meta = doc!.meta;
    const expected = EXPECTED_META[id]!;
    for (const [key, value] of Object.entries(expected)) {
      expect(meta[key as keyof SourceMeta], `${id}: ${key}`).toBe(value);
    }
    expect(meta.origin).toBe('seed');
    expect(meta.dateApproximate).toBe(true);
    if (!expected.titleSupplied) expect(meta.titleSupplied).toBeUndefined();
  });

  it('name the same anonymous author for 000 and 004, with a bio summary in authorNote only', () => {
    const [a, b] = ['000_7e19e4b8228dd140', '004_90b169417da9e3e3'].map((id) => docs.find((d) => d.meta.id === id)!.meta);
    expect(a!.authorNote).toBeTruthy();
    expect(a!.authorNote).toBe(b!.authorNote);
    expect(a!.authorNote).toMatch(/Raqqa is Being Slaughtered Silently/);
    expect(a!.authorNote).not.toMatch(/\n/);
  });

  it('record that 003 reports statements by Brett McGurk', () => {
    const meta = docs.find((d) => d.meta.id === '003_32d5d268c0a13cc5')!.meta;
    expect(`${meta.authorNote ?? ''} ${meta.perspective}`).toMatch(/McGurk/);
  });

  it.each(IDS)('%s body has no leading or trailing whitespace', (id) => {
    const body = docs.find((d) => d.meta.id === id)!.body;
    expect(body.length).toBeGreaterThan(500);
    expect(body).toBe(body.trim());
    expect(body).not.toMatch(/^[\s\u00a0]|[\s\u00a0]$/);
  });

  it.each(IDS)('%s body holds no bio, byline, licensing, newsletter, credit or editor lines', (id) => {
    const body = docs.find((d) => d.meta.id === id)!.body;
    for (const text of NOT_ARTICLE_TEXT) expect(body, `${id} contains "${text}"`).not.toContain(text);
    // The title line is not part of the body either.
    expect(body.startsWith(EXPECTED_META[id]!.title!)).toBe(false);
  });

  it.each(IDS)('%s file is exactly what serializeDocumentFile writes', (id) => {
    const source = readFileSync(`${DOCUMENTS_DIR}${id}.txt`, 'utf8');
    const doc = parseDocumentFile(source, id);
    expect(serializeDocumentFile(doc)).toBe(source);
  });

  describe.skipIf(!hasSeeds)('against the seed files in /work/shared/seeds', () => {
    it.each(IDS)('%s body is a contiguous, unchanged substring of its seed', (id) => {
      const seed = readFileSync(`${SEEDS_DIR}${id}.txt`, 'utf8');
      const body = docs.find((d) => d.meta.id === id)!.body;
      expect(seed.includes(body), `${id}: body is not a substring of the seed`).toBe(true);
    });

    it('bodies keep the seeds’ odd spacing and stray characters', () => {
      const body = (id: string) => docs.find((d) => d.meta.id === id)!.body;
      expect(body('001_a3ed7a2f4efbeee5')).toContain('victory over ISIS . What');
      expect(body('001_a3ed7a2f4efbeee5')).toContain('`displacement');
      expect(body('001_a3ed7a2f4efbeee5')).toContain('is`escalating');
      expect(body('003_32d5d268c0a13cc5')).toContain('recruit.\u00a0\n');
    });
  });
});
