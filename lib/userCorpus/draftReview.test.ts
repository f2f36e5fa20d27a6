import { ENGLISH } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { finishDraft } from './draft';
import {
  attentionHeading,
  countWithoutPerspective,
  fillMissingPerspective,
  importProblems,
  needingAttention,
  pinProblems,
  saveBlockedReason,
  unpinLeftOut,
  visibleRows,
} from './draftReview';
import { draft, import30, meta } from './fixtures';


describe('importProblems', () => {
  it('asks for a perspective on top of the store’s rules', () => {
    expect(importProblems(meta())).toEqual({});
    expect(Object.keys(importProblems(meta({ perspective: '  ' })))).toEqual(['perspective']);
    expect(Object.keys(importProblems(meta({ title: '', perspective: '', url: 'www.x.org' }))).sort()).toEqual(['perspective', 'title', 'url']);
  });

  it('does not hold up a draft its outlet or author can be filed under (a page added from the browser)', () => {
    expect(importProblems(meta({ perspective: '', outlet: 'Enab Baladi' }))).toEqual({});
    expect(importProblems(meta({ perspective: '', author: 'A. Reporter' }))).toEqual({});
  });

  it('a draft without problems is one the store accepts', () => {
    expect(() => finishDraft(draft(1), 'user-1')).not.toThrow();
  });
});

describe('needingAttention', () => {
  it('names the 25th of 30 files and its reason', () => {
    const list = needingAttention(import30());
    expect(list).toEqual([{ index: 24, fileName: 'notes-25.md', field: 'perspective', reasons: ['shortNoPerspective'] }]);
    expect(ENGLISH(list[0]!.reasons[0]!)).toBe('no perspective');
    expect(attentionHeading(list.length)).toBe('1 document needs attention before saving:');
  });

  it('lists every reason in the form’s order and points at the first field to fix', () => {
    const [a] = needingAttention([draft(7, { title: '', date: '2016-13', perspective: '', url: 'ftp://x' })]);
    expect(a!.field).toBe('title');
    expect(a!.reasons.map((r) => ENGLISH(r))).toEqual(['no title', 'date not as 2016, 2016-10 or 2016-10-17', 'no perspective', 'link not starting with http:// or https://']);
  });

  it('is empty once the draft is fixed', () => {
    const drafts = import30();
    drafts[24] = { ...drafts[24]!, meta: meta({ perspective: 'Field team' }) };
    expect(needingAttention(drafts)).toEqual([]);
  });
});

describe('saveBlockedReason', () => {
  it('always gives a reason when Save is disabled, and none when it is not', () => {
    expect(saveBlockedReason(false, 0)).toBe('');
    expect(saveBlockedReason(true, 0)).toBe('Saving…');
    expect(saveBlockedReason(false, 1)).toBe('Fix or leave out the document listed above to save.');
    expect(saveBlockedReason(false, 3)).toBe('Fix or leave out the 3 documents listed above to save.');
    expect(attentionHeading(3)).toBe('3 documents need attention before saving:');
  });
});

describe('rows shown', () => {
  it('a page of rows, then the pinned ones in import order', () => {
    expect(visibleRows(30, 20, new Set())).toEqual([...Array(20).keys()]);
    expect(visibleRows(30, 20, new Set([27, 24, 3]))).toEqual([...Array(20).keys(), 24, 27]);
    expect(visibleRows(5, 20, new Set([7]))).toEqual([0, 1, 2, 3, 4]);
    expect(visibleRows(30, 40, new Set([24]))).toHaveLength(30);
  });

  it('pins the drafts that need attention beyond the page, up to a cap, and keeps pins once fixed', () => {
    const drafts = import30();
    const pinned = pinProblems(drafts, new Set(), 20, 20);
    expect([...pinned]).toEqual([24]);
    expect(visibleRows(drafts.length, 20, pinned)).toContain(24);
    drafts[24] = { ...drafts[24]!, meta: meta() };
    expect([...pinProblems(drafts, pinned, 20, 20)]).toEqual([24]);
    // Within the page: nothing to pin.
    expect(pinProblems([draft(1, { perspective: '' })], new Set(), 20, 20).size).toBe(0);
    // 300 drafts without a perspective: the first page already draws `cap` of them; the rest are named above Save.
    const many = Array.from({ length: 300 }, (_, i) => draft(i, { perspective: '' }));
    expect(pinProblems(many, new Set(), 20, 20).size).toBe(0);
    // Problems only beyond the page: `cap` of them are pinned.
    const late = Array.from({ length: 300 }, (_, i) => draft(i, i >= 100 ? { perspective: '' } : {}));
    expect([...pinProblems(late, new Set(), 20, 20)]).toEqual([...Array(20).keys()].map((i) => i + 100));
    expect(pinProblems(late, new Set([5, 250]), 20, 20).size).toBe(20);
  });

  it('a draft left out: later pins move up one place', () => {
    expect([...unpinLeftOut(new Set([3, 24, 27]), 24)]).toEqual([3, 26]);
    expect([...unpinLeftOut(new Set([24]), 2)]).toEqual([23]);
  });
});

describe('fillMissingPerspective', () => {
  it('fills only the drafts without one', () => {
    const drafts = [draft(1), draft(2, { perspective: '' }), draft(3, { perspective: ' ' })];
    expect(countWithoutPerspective(drafts)).toBe(2);
    const filled = fillMissingPerspective(drafts, ' US officials ');
    expect(filled.map((d) => d.meta.perspective)).toEqual(['Field team', 'US officials', 'US officials']);
    expect(filled[0]).toBe(drafts[0]);
    expect(needingAttention(filled)).toEqual([]);
    expect(fillMissingPerspective(drafts, '  ').map((d) => d.meta.perspective)).toEqual(['Field team', '', ' ']);
  });
});
