import { describe, expect, it } from 'vitest';
import { DRAFT_PAGE, NO_DRAFTS, draftListReducer, type DraftEvent, type DraftList } from './draftList';
import { needingAttention, visibleRows } from './draftReview';
import { draft, import30, meta } from './fixtures';

const run = (...events: DraftEvent[]): DraftList => events.reduce(draftListReducer, NO_DRAFTS);
/** The file names of the rows drawn, as the options page draws them. */
const rows = (s: DraftList) => visibleRows(s.drafts.length, s.shown, s.pinned).map((i) => s.drafts[i]!.fileName);

describe('the drafts of an import and their rows', () => {
  it('30 files, the 25th without a perspective: a page of rows and that one', () => {
    const s = run({ type: 'add', drafts: import30() });
    expect(rows(s)).toHaveLength(DRAFT_PAGE + 1);
    expect(rows(s).at(-1)).toBe('notes-25.md');
  });

  it('the 25th left out: a page of rows, no row for the draft that moved into its place (the CI failure of 2026-12-07)', () => {
    const s = run({ type: 'add', drafts: import30() }, { type: 'leaveOut', index: 24 });
    expect(s.drafts).toHaveLength(29);
    expect(rows(s)).toEqual(Array.from({ length: DRAFT_PAGE }, (_, i) => `notes-${i + 1}.md`));
    expect(needingAttention(s.drafts)).toEqual([]);
    // "Show 9 more" draws the rest, notes-30.md last.
    const more = draftListReducer(s, { type: 'showMore' });
    expect(rows(more)).toHaveLength(29);
    expect(rows(more).at(-1)).toBe('notes-30.md');
  });

  it('a row being fixed stays drawn once its problem is fixed', () => {
    const s = run({ type: 'add', drafts: import30() }, { type: 'edit', index: 24, meta: meta() });
    expect(needingAttention(s.drafts)).toEqual([]);
    expect(rows(s)).toContain('notes-25.md');
  });

  it('a page or a paste handed over is drawn even beyond the page; a draft asked for from the list is drawn', () => {
    const s = run({ type: 'add', drafts: import30() }, { type: 'add', drafts: [draft(99)], pin: true }, { type: 'pin', index: 27 });
    expect(rows(s).slice(DRAFT_PAGE)).toEqual(['notes-25.md', 'notes-28.md', 'notes-99.md']);
  });

  it('"Fix or leave out": one field gives a perspective to every draft without one', () => {
    const s = run({ type: 'add', drafts: [draft(1, { perspective: '' }), draft(2, { perspective: 'UN report' })] }, { type: 'fillPerspective', perspective: 'Field team' });
    expect(s.drafts.map((d) => d.meta.perspective)).toEqual(['Field team', 'UN report']);
  });

  it('"Show all" draws every draft; saved, discarded or the last left out: back to a fresh list', () => {
    const all = run({ type: 'add', drafts: Array.from({ length: 50 }, (_, i) => draft(i)) }, { type: 'showAll' });
    expect(rows(all)).toHaveLength(50);
    expect(draftListReducer(all, { type: 'clear' })).toBe(NO_DRAFTS);
    expect(run({ type: 'add', drafts: [draft(1)], pin: true }, { type: 'leaveOut', index: 0 })).toBe(NO_DRAFTS);
    // Nothing added (every file unreadable): the same state.
    expect(draftListReducer(all, { type: 'add', drafts: [] })).toBe(all);
  });
});
