import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../components/corpus/article';
import { draftFromPage, extractionProblem, NO_ARTICLE, readExtraction, TOO_LONG, UNREADABLE_PAGE } from './pageExtract';

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url), 'utf8');
const doc = (html: string): Document => parseHTML(html).document;
const URL_ = 'http://127.0.0.1:8080/article-euphrates.html';

describe('extractPage (the injected script)', () => {
  it('returns the article as plain data: title, byline, site, date, paragraphs, address', () => {
    const got = extractPage(doc(fixture('article-euphrates.html')), URL_, 'tab title');
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.article).toMatchObject({
      title: 'Along the Khabur, Farmers Count What the War Took',
      byline: 'Samira Othman',
      siteName: 'The Riverside Dispatch',
      published: '2018-03-14',
      url: URL_,
    });
    expect(got.article.text).toContain('The irrigation channels along the Khabur river');
    expect(got.article.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
    expect(got.article.text).not.toMatch(/<p|Sections|© The Riverside/);
    // Plain data: survives structured cloning out of the tab unchanged.
    expect(structuredClone(got)).toEqual(got);
  });

  it('says why when a page has no article', () => {
    const got = extractPage(doc(fixture('article-none.html')), 'http://x.example/', 'Sections');
    expect(got).toEqual({ ok: false, url: 'http://x.example/', title: 'Sections', reason: NO_ARTICLE });
  });
});

describe('readExtraction (the extension reading the tab’s answer)', () => {
  const tab = { url: 'https://news.example/a', title: 'A page' };
  const article = { title: 'T', byline: 'B', siteName: 'S', published: '2018', text: 'Body text.', url: 'https://news.example/canonical' };

  it('keeps a well-formed answer', () => {
    expect(readExtraction({ ok: true, article }, tab)).toEqual({ ok: true, article });
  });

  it('keeps the tab’s address when the article names no http(s) one', () => {
    const got = readExtraction({ ok: true, article: { ...article, url: 'javascript:alert(1)' } }, tab);
    expect(got.ok && got.article.url).toBe('https://news.example/a');
  });

  it('turns anything malformed (a page that tampered with the result, nothing at all) into a failure naming the tab', () => {
    for (const bad of [undefined, null, 'text', { ok: true }, { ok: true, article: { ...article, text: 3 } }, { ok: true, article: { ...article, text: '' } }]) {
      expect(readExtraction(bad, tab)).toEqual({ ok: false, url: tab.url, title: tab.title, reason: UNREADABLE_PAGE });
    }
  });

  it('passes a failure on, and words it with the way forward', () => {
    const failure = { ok: false as const, url: tab.url, title: 'Sections', reason: NO_ARTICLE };
    expect(readExtraction(failure, tab)).toEqual(failure);
    expect(extractionProblem(failure)).toBe('Sections: Counterpoint found no article on this page (too little running text for Readability to read). Paste its text below instead.');
  });

  it('takes only a reason it knows from the tab: any other text the page wrote is an unreadable page', () => {
    const failure = { ok: false as const, url: tab.url, title: 'Sections', reason: '<b>Your notes on Palmyra</b>' };
    expect(readExtraction(failure, tab)).toEqual({ ok: false, url: tab.url, title: tab.title, reason: UNREADABLE_PAGE });
    expect(extractionProblem({ ...failure, reason: TOO_LONG })).toBe('Sections: the article is longer than the 20 MB a document may hold. Paste its text below instead.');
  });
});

describe('draftFromPage', () => {
  it('pre-fills the draft’s metadata from the page, perspective left for the reader', () => {
    const got = extractPage(doc(fixture('article-euphrates.html')), URL_, '');
    if (!got.ok) throw new Error('no article');
    const draft = draftFromPage(got.article);
    expect(draft.fileName).toBe(URL_);
    expect(draft.meta).toEqual({
      title: 'Along the Khabur, Farmers Count What the War Took',
      author: 'Samira Othman',
      outlet: 'The Riverside Dispatch',
      date: '2018-03-14',
      dateApproximate: false,
      perspective: '',
      url: URL_,
    });
    expect(draft.body).toBe(got.article.text);
  });
});
