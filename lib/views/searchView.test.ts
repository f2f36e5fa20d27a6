import { describe, expect, it } from 'vitest';
import {
  LatestOnly,
  NO_FILTERS,
  activeFilterCount,
  applyFilters,
  flattenGroups,
  groupHitsByDocument,
  hitKey,
  moveSelection,
  perspectiveOptions,
  reconcileSelection,
  resultStatus,
  sourceOptions,
  toSearchParams,
} from './searchView';
import { hit, passage, source } from './fixtures';

const a = source('a', { date: '2017-07', perspective: 'Critic' });
const b = source('b', { date: '2016-06', perspective: 'US officials' });
const c = source('c', { date: '2016-06', perspective: 'Critic', title: 'Another' });

// Best first, as the background sends them; doc a's hits are out of reading order.
const hits = [
  hit(passage(5, 'a', 'ISIS is still in Kirkook', { start: 500, entityIds: ['isis', 'kirkuk'] }), a, 3),
  hit(passage(9, 'b', 'Raqqa', { start: 10, entityIds: ['raqqa'] }), b, 2),
  hit(passage(2, 'a', 'al Anbar', { start: 100, entityIds: ['anbar'] }), a, 1.5),
  hit(passage(11, 'c', 'the coalition', { start: 0, entityIds: ['international-coalition'] }), c, 1),
];

describe('groupHitsByDocument', () => {
  it('groups by document in order of each group’s best hit, hits in reading order', () => {
    const groups = groupHitsByDocument(hits);
    expect(groups.map((g) => g.source.id)).toEqual(['a', 'b', 'c']);
    expect(groups[0]!.hits.map((h) => h.passage.id)).toEqual([2, 5]);
    expect(groups[0]!.bestScore).toBe(3);
    expect(flattenGroups(groups).map(hitKey)).toEqual(['a:2', 'a:5', 'b:9', 'c:11']);
  });

  it('handles no hits', () => {
    expect(groupHitsByDocument([])).toEqual([]);
  });
});

describe('filters', () => {
  it('builds the search params, leaving empty filters out', () => {
    expect(toSearchParams('Kirkook', NO_FILTERS)).toEqual({ query: 'Kirkook', limit: 60 });
    const f = { docIds: ['a'], perspectives: ['Critic'], entityTypes: ['place' as const] };
    expect(toSearchParams('x'.repeat(600), f, 10)).toEqual({
      query: 'x'.repeat(500),
      limit: 10,
      docIds: ['a'],
      perspectives: ['Critic'],
      entityTypes: ['place'],
    });
    expect(activeFilterCount(f)).toBe(3);
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it('applies source, perspective and entity-type filters like the background', () => {
    const types: Record<string, 'place' | 'group'> = { isis: 'group', kirkuk: 'place', raqqa: 'place', anbar: 'place', 'international-coalition': 'group' };
    const typeOf = (id: string) => types[id];
    const ids = (f: Parameters<typeof applyFilters>[1]) => applyFilters(hits, f, typeOf).map((h) => h.passage.id);
    expect(ids(NO_FILTERS)).toEqual([5, 9, 2, 11]);
    expect(ids({ ...NO_FILTERS, docIds: ['a'] })).toEqual([5, 2]);
    expect(ids({ ...NO_FILTERS, perspectives: ['Critic'] })).toEqual([5, 2, 11]);
    expect(ids({ ...NO_FILTERS, entityTypes: ['group'] })).toEqual([5, 11]);
    expect(ids({ docIds: ['a', 'c'], perspectives: ['Critic'], entityTypes: ['place'] })).toEqual([5, 2]);
  });

  it('offers sources oldest first and perspectives alphabetically, without duplicates', () => {
    expect(sourceOptions([a, b, c]).map((o) => o.value)).toEqual(['c', 'b', 'a']);
    expect(sourceOptions([a])[0]!.label).toBe('Title a (October 2016)');
    expect(perspectiveOptions(['US officials', 'Critic', 'Critic']).map((o) => o.label)).toEqual(['Critic', 'US officials']);
  });
});

describe('resultStatus', () => {
  it('says nothing without a query, counts passages and sources otherwise', () => {
    const groups = groupHitsByDocument(hits);
    expect(resultStatus('  ', groups, false)).toBe('');
    expect(resultStatus('isis', groups, false)).toBe('4 passages in 3 sources');
    expect(resultStatus('isis', groupHitsByDocument(hits.slice(0, 1)), false)).toBe('1 passage in 1 source');
    expect(resultStatus(' zzz ', [], false)).toBe('No passages match “zzz”');
    expect(resultStatus('zzz', [], true)).toBe('No passages match “zzz” with these filters');
  });
});

describe('keyboard selection', () => {
  it('moves down from the box into the list and back up to the box', () => {
    expect(moveSelection(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveSelection(0, 'ArrowDown', 3)).toBe(1);
    expect(moveSelection(2, 'ArrowDown', 3)).toBe(2);
    expect(moveSelection(1, 'ArrowUp', 3)).toBe(0);
    expect(moveSelection(0, 'ArrowUp', 3)).toBe(-1);
    expect(moveSelection(-1, 'ArrowUp', 3)).toBe(-1);
    expect(moveSelection(1, 'Home', 3)).toBe(0);
    expect(moveSelection(0, 'End', 3)).toBe(2);
    expect(moveSelection(0, 'ArrowDown', 0)).toBe(-1);
    expect(moveSelection(7, 'ArrowUp', 3)).toBe(2);
  });

  it('keeps the selected result when the list changes, if it is still there', () => {
    expect(reconcileSelection('b:9', ['a:2', 'b:9'])).toBe(1);
    expect(reconcileSelection('b:9', ['a:2'])).toBe(-1);
    expect(reconcileSelection(null, ['a:2'])).toBe(-1);
  });
});

describe('LatestOnly', () => {
  it('accepts only the newest request’s answer', () => {
    const latest = new LatestOnly();
    const first = latest.next();
    const second = latest.next();
    expect(latest.isCurrent(first)).toBe(false);
    expect(latest.isCurrent(second)).toBe(true);
  });
});
