import { describe, expect, it } from 'vitest';
import { pageEntityRows, pageMentionsSummary } from './pageMentionsView';
import { summary } from './fixtures';

const entities = new Map([
  ['raqqa', summary('raqqa', { name: 'Raqqa', type: 'place', kind: 'city', sourceCount: 4 })],
  ['isis', summary('isis', { name: 'ISIS', sourceCount: 5 })],
  ['mosul', summary('mosul', { name: 'Mosul', type: 'place', kind: 'city' })],
]);

describe('pageEntityRows', () => {
  it('joins counts with names, most mentioned first then by name', () => {
    const rows = pageEntityRows(
      { url: 'http://x/', entities: [{ id: 'mosul', count: 2 }, { id: 'raqqa', count: 3 }, { id: 'isis', count: 2 }, { id: 'gone', count: 0 }] },
      entities,
    );
    expect(rows.map((r) => [r.name, r.count])).toEqual([
      ['Raqqa', 3],
      ['ISIS', 2],
      ['Mosul', 2],
    ]);
    expect(rows[0]).toMatchObject({ id: 'raqqa', type: 'place', kind: 'city', sourceCount: 4 });
  });

  it('keeps entities the panel does not know by id, and adds up repeated ids', () => {
    const rows = pageEntityRows({ url: '', entities: [{ id: 'new-thing', count: 1 }, { id: 'new-thing', count: 2 }] }, entities);
    expect(rows).toEqual([{ id: 'new-thing', name: 'new-thing', type: undefined, kind: '', count: 3, sourceCount: 0 }]);
    expect(pageEntityRows(null, entities)).toEqual([]);
  });

  it('summarises the page', () => {
    const rows = pageEntityRows({ url: '', entities: [{ id: 'raqqa', count: 3 }, { id: 'isis', count: 1 }] }, entities);
    expect(pageMentionsSummary(rows)).toBe('2 places and groups · 4 mentions');
    expect(pageMentionsSummary(rows.slice(1))).toBe('1 place or group · 1 mention');
    expect(pageMentionsSummary([])).toBe('No places or groups from the corpus on this page');
  });
});
