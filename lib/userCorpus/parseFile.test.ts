import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dateLabel, draftProblems, finishDraft, normalizeDate } from './draft';
import { decodeText, ImportError, MAX_FILE_BYTES } from './limits';
import { parseFrontMatter } from './frontMatter';
import { markdownToText } from './markdown';
import { extractArticle } from '../../components/corpus/article';
import { draftFromPaste, parseImportFile, type ArticleReader } from './parseFile';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../tests/fixtures/import/${name}`, import.meta.url))) });
// linkedom's document stands in for DOMParser's.
const readArticle: ArticleReader = (html) => extractArticle(parseHTML(html).document);
const utf8 = (s: string) => new TextEncoder().encode(s);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('expected an ImportError');
}

describe('parseImportFile: what each file gives', () => {
  it('reads a Markdown file’s front matter into the metadata and its text without markup', () => {
    const parsed = parseImportFile(fixture('field-notes.md'));
    if (parsed.kind !== 'draft') throw new Error('expected a draft');
    expect(parsed.draft.meta).toEqual({
      title: 'Field notes from Tal Abyad',
      author: 'Layla Hassan',
      outlet: 'Private notebook',
      date: '2019-10-14',
      dateApproximate: false,
      perspective: "Researcher's field notes",
      url: 'https://example.org/notes/tal-abyad',
    });
    expect(parsed.draft.body.startsWith('Residents of Raqqa told me')).toBe(true);
    expect(parsed.draft.body).not.toContain('**');
    expect(parsed.draft.body).not.toContain('# Field notes'); // the heading is the title, not a passage
    expect(parsed.draft.body.split('\n\n')).toHaveLength(3);
  });

  it('takes a .txt file’s first short line as its title', () => {
    const parsed = parseImportFile({ name: 'report.txt', bytes: utf8('Notes on Mosul\n\nThe bridges were down.\n\nThe river was high.') });
    if (parsed.kind !== 'draft') throw new Error('expected a draft');
    expect(parsed.draft.meta.title).toBe('Notes on Mosul');
    expect(parsed.draft.body).toBe('The bridges were down.\n\nThe river was high.');
  });

  it('extracts an HTML article with Readability: title, byline, site name, date, paragraphs; no navigation or footer', () => {
    const parsed = parseImportFile(fixture('article.html'), readArticle);
    if (parsed.kind !== 'draft') throw new Error('expected a draft');
    const { meta, body } = parsed.draft;
    expect(meta.title).toMatch(/^Rebuilding Mosul's old city, street by street/);
    expect(meta.author).toBe('Omar Saleh');
    expect(meta.outlet).toBe('The Tigris Review');
    expect(meta.date).toBe('2018-07-02');
    expect(body).toContain('A year after the battle for Mosul ended');
    expect(body).not.toMatch(/Subscribe|Home/);
    expect(body.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('pasted text is a draft titled from its first line', () => {
    const d = draftFromPaste('Raqqa, spring\n\nThe dam held.');
    expect(d.meta.title).toBe('Raqqa, spring');
    expect(d.fileName).toBe('Pasted text');
  });
});

describe('bad input: a message naming the file and the reason', () => {
  it.each([
    ['empty.txt', /^empty\.txt: is empty$/],
    ['binary.txt', /^binary\.txt: is a binary file/],
    ['latin1.txt', /^latin1\.txt: is not UTF-8 text/],
    ['bad-front-matter.md', /^bad-front-matter\.md: front matter line 4 is not "key: value"/],
    ['no-article.html', /^no-article\.html: has no article Counterpoint can find/],
    ['future-bundle.json', /^future-bundle\.json: was made by a newer Counterpoint \(bundle version 99/],
    ['wrong-schema.json', /^wrong-schema\.json: does not match the bundle format, version 2: documents\.0\.meta\.title/],
    ['duplicate-bundle.json', /^duplicate-bundle\.json: has two documents with the id user-a$/],
  ])('%s', (name, message) => {
    expect(refusal(() => parseImportFile(fixture(name), readArticle))).toMatch(message);
  });

  it('refuses a file over 20 MB without decoding it', () => {
    const big = { name: 'huge.txt', bytes: new Uint8Array(MAX_FILE_BYTES + 1) };
    expect(refusal(() => parseImportFile(big))).toMatch(/^huge\.txt: is 20\.0 MB, more than the 20\.0 MB/);
  });

  it('refuses UTF-16, white space only, unknown extensions, unclosed front matter, and a .md with nothing but metadata', () => {
    expect(refusal(() => decodeText(new Uint8Array([0xff, 0xfe, 0x52, 0]), 'w.txt'))).toMatch(/UTF-16/);
    expect(refusal(() => decodeText(utf8(' \n\t\n'), 'blank.txt'))).toMatch(/only white space/);
    expect(refusal(() => parseImportFile({ name: 'scan.pdf', bytes: utf8('%PDF') }))).toMatch(/^scan\.pdf: is a \.pdf file/);
    expect(refusal(() => parseFrontMatter('---\ntitle: x\n\nbody', 'open.md'))).toBe('open.md: the front matter has no closing "---" line');
    expect(refusal(() => parseImportFile({ name: 'meta.md', bytes: utf8('---\ntitle: Only\n---\n\n') }))).toMatch(/^meta\.md: has no text/);
    expect(refusal(() => parseImportFile({ name: 'x.json', bytes: utf8('{"a": 1}') }))).toMatch(/not a Counterpoint corpus bundle/);
    expect(refusal(() => parseImportFile({ name: 'y.json', bytes: utf8('{"a": ') }))).toMatch(/^y\.json: is not valid JSON/);
  });
});

describe('front matter, Markdown, dates', () => {
  it('reads quoted values, booleans and lists; refuses nested values and repeated keys', () => {
    const fm = parseFrontMatter('---\ntitle: "A: b"\napproximate: true\nauthors: [One, "Two"]\n# comment\n---\nText', 'f.md');
    expect(fm.fields).toEqual({ title: 'A: b', approximate: true, authors: ['One', 'Two'] });
    expect(fm.body).toBe('Text');
    expect(refusal(() => parseFrontMatter('---\nmeta: {a: 1}\n---\nx', 'n.md'))).toMatch(/nested/);
    expect(refusal(() => parseFrontMatter('---\na: 1\nA: 2\n---\nx', 'r.md'))).toMatch(/given twice/);
  });

  it('keeps link text and drops link targets, images and inline markup', () => {
    expect(markdownToText('See [the report](http://x) and ![map](m.png) *now* `code` <b>bold</b>.').text).toBe('See the report and map now code bold.');
  });

  it('normalises and labels dates', () => {
    expect(normalizeDate('2016-10-17T09:00:00Z')).toBe('2016-10-17');
    expect(normalizeDate('17 October 2016')).toBe('2016-10-17');
    expect(normalizeDate('sometime')).toBe('');
    expect(dateLabel('2016-10', true)).toBe('about October 2016');
    expect(dateLabel('', false)).toBe('date unknown');
  });

  it('finishes a draft into a user document; says what is wrong with bad metadata', () => {
    const doc = finishDraft({ fileName: 'n.md', meta: { title: ' T ', author: '', outlet: 'Out', date: '2017-06', dateApproximate: true, perspective: '', url: '' }, body: ' Raqqa. ' }, 'user-1');
    expect(doc).toEqual({ meta: { id: 'user-1', title: 'T', outlet: 'Out', date: '2017-06', dateApproximate: true, dateLabel: 'about June 2017', perspective: 'Out', origin: 'user' }, body: 'Raqqa.' });
    expect(draftProblems({ title: '', author: '', outlet: '', date: '2017-13', dateApproximate: false, perspective: '', url: 'ftp://x' })).toEqual({
      title: 'A title is needed.',
      date: 'Write the date as 2016, 2016-10 or 2016-10-17.',
      url: 'A link starts with http:// or https://.',
    });
  });
});
