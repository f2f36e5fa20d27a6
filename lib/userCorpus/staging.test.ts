import { describe, expect, it } from 'vitest';
import { ImportError } from './limits';
import { DraftStaging } from './staging';
import type { DocumentDraft } from './types';

const draft = (name: string): DocumentDraft => ({
  fileName: name,
  meta: { title: name, author: '', outlet: '', date: '', dateApproximate: false, perspective: '', url: '' },
  body: 'text',
});
const names = (ds: DocumentDraft[]) => ds.map((d) => d.fileName);

describe('DraftStaging', () => {
  it('gives back the parts in order, then the last one, and forgets them', () => {
    const s = new DraftStaging();
    expect(s.stage('a', [draft('1'), draft('2')])).toBe(2);
    expect(s.stage('a', [draft('3')])).toBe(3);
    expect(names(s.take('a', [draft('4')]))).toEqual(['1', '2', '3', '4']);
    expect(s.size).toBe(0);
    expect(() => s.take('a', [draft('5')])).toThrow(ImportError);
  });

  it('an import whose parts are gone (the worker restarted) is refused with a message', () => {
    expect(() => new DraftStaging().take('lost', [draft('9')])).toThrow(/The import: was interrupted before it was saved .*nothing was saved/);
  });

  it('drops imports left unfinished: too old, or beyond the few held at once', () => {
    let clock = 0;
    const s = new DraftStaging(() => clock, { maxImports: 2, maxDrafts: 10, maxAgeMs: 1000 });
    s.stage('old', [draft('1')]);
    clock = 2000;
    expect(() => s.take('old', [])).toThrow(/interrupted/);
    s.stage('a', [draft('1')]);
    s.stage('b', [draft('2')]);
    s.stage('c', [draft('3')]);
    expect(s.size).toBe(2);
    expect(() => s.take('a', [])).toThrow(/interrupted/);
    expect(names(s.take('c', []))).toEqual(['3']);
  });

  it('refuses more drafts than one import may save, and drops that import', () => {
    const s = new DraftStaging(Date.now, { maxImports: 4, maxDrafts: 3, maxAgeMs: 60_000 });
    s.stage('a', [draft('1'), draft('2')]);
    expect(() => s.stage('a', [draft('3'), draft('4')])).toThrow(/more than the 3 one import can save/);
    expect(s.size).toBe(0);
    s.stage('b', [draft('1'), draft('2')]);
    expect(() => s.take('b', [draft('3'), draft('4')])).toThrow(/more than the 3/);
  });
});
