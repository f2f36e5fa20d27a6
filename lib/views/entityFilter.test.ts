import { describe, expect, it } from 'vitest';
import { filterEntities, mergeEntityMatches } from './entityFilter';
import { summary } from './fixtures';

const list = [
  summary('raqqa', { name: 'Raqqa', sourceCount: 4 }),
  summary('deir-ez-zor', { name: 'Deir ez-Zor', sourceCount: 2 }),
  summary('syrian-democratic-forces', { name: 'Syrian Democratic Forces', sourceCount: 1 }),
  summary('syria', { name: 'Syria', sourceCount: 5 }),
  summary('free-syrian-army', { name: 'Free Syrian Army', sourceCount: 2 }),
  summary('isis', { name: 'ISIS', sourceCount: 5 }),
];

describe('filterEntities', () => {
  it('ranks exact, then prefix, then word prefix, then substring matches', () => {
    expect(filterEntities(list, 'syria').map((e) => e.id)).toEqual(['syria', 'syrian-democratic-forces', 'free-syrian-army']);
    expect(filterEntities(list, 'army').map((e) => e.id)).toEqual(['free-syrian-army']);
    expect(filterEntities(list, 'qq').map((e) => e.id)).toEqual(['raqqa']);
  });

  it('folds case, hyphens and diacritics', () => {
    expect(filterEntities(list, 'DEIR EZ ZOR').map((e) => e.id)).toEqual(['deir-ez-zor']);
    expect(filterEntities(list, 'Raqqá').map((e) => e.id)).toEqual(['raqqa']);
    expect(filterEntities(list, '  ')).toEqual([]);
    expect(filterEntities(list, 'sy', 1)).toHaveLength(1);
  });

  it('merges alias matches from the background after name matches, without duplicates', () => {
    const byName = filterEntities(list, 'isis');
    const merged = mergeEntityMatches(byName, [summary('isis', { name: 'ISIS' }), summary('kirkuk', { name: 'Kirkuk' })]);
    expect(merged.map((e) => e.id)).toEqual(['isis', 'kirkuk']);
  });
});
