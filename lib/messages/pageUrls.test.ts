import { describe, expect, it } from 'vitest';
import { entityHash, parsePanelLocation, parsePopupLocation, parseReaderHash, queryHash, readerHash, siteOf } from './pageUrls';

describe('reader address', () => {
  it('round-trips a document and passage', () => {
    expect(readerHash('001_a3ed7a2f4efbeee5', 8)).toBe('#doc=001_a3ed7a2f4efbeee5&passage=8');
    expect(parseReaderHash('#doc=001_a3ed7a2f4efbeee5&passage=8')).toEqual({ docId: '001_a3ed7a2f4efbeee5', passageId: 8 });
    expect(parseReaderHash(readerHash('a b&c'))).toEqual({ docId: 'a b&c' });
    expect(readerHash('d1', 3, true)).toBe('#doc=d1&passage=3&team=1');
    expect(parseReaderHash(readerHash('d1', 3, true))).toEqual({ docId: 'd1', passageId: 3, team: true });
    expect(parseReaderHash('#doc=d1&team=yes')).toEqual({ docId: 'd1' });
  });

  it('ignores a bad passage and refuses a missing document', () => {
    expect(parseReaderHash('#doc=x&passage=-1')).toEqual({ docId: 'x' });
    expect(parseReaderHash('#doc=x&passage=1e3')).toEqual({ docId: 'x' });
    expect(parseReaderHash('#passage=3')).toBeNull();
    expect(parseReaderHash('')).toBeNull();
  });
});

describe('side panel address', () => {
  it('reads a tab to point at and an entity to compare', () => {
    expect(parsePanelLocation('?tab=42', entityHash('deir-ez-zor'))).toEqual({ tabId: 42, entityId: 'deir-ez-zor' });
    expect(parsePanelLocation('', '')).toEqual({});
    // Chrome's tab ids run to ten digits and more.
    expect(parsePanelLocation('?tab=1183844452', '')).toEqual({ tabId: 1183844452 });
    expect(parsePanelLocation('?tab=abc', '#entity=')).toEqual({});
  });
});

describe('popup address', () => {
  it('reads a query, keeping its spelling', () => {
    expect(parsePopupLocation('', queryHash('Deir Ezzur & co'))).toEqual({ query: 'Deir Ezzur & co' });
    expect(parsePopupLocation('?tab=7', '#q=Kirkook')).toEqual({ tabId: 7, query: 'Kirkook' });
    expect(parsePopupLocation('', '#q=%E2%80%9CRaqqa%E2%80%9D')).toEqual({ query: '“Raqqa”' });
    expect(queryHash('')).toBe('');
    expect(parsePopupLocation('?layout=popup&tab=3', '')).toEqual({ tabId: 3, layout: 'popup' });
    expect(parsePopupLocation('?layout=other', '')).toEqual({});
  });
});

describe('siteOf', () => {
  it('gives the host of web pages only', () => {
    expect(siteOf('https://www.example.com/a?b')).toBe('www.example.com');
    expect(siteOf('http://127.0.0.1:8080/x.html')).toBe('127.0.0.1');
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf('about:blank')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });
});
