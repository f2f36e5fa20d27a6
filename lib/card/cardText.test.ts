import { describe, expect, it } from 'vitest';
import { coverageText, entityRanges, kindText } from './cardText';

describe('card text', () => {
  it('counts sources', () => {
    expect(coverageText(4, 5)).toBe('in 4 of 5 sources');
    expect(coverageText(1, 1)).toBe('in 1 of 1 source');
  });

  it('capitalises kinds', () => {
    expect(kindText('armed group')).toBe('Armed group');
    expect(kindText(' city ')).toBe('City');
    expect(kindText('')).toBe('');
  });

  it('picks the mentions of one entity, whatever their spelling', () => {
    const mentions = [
      { entityId: 'isis', start: 0, end: 4 },
      { entityId: 'raqqa', start: 10, end: 15 },
      { entityId: 'raqqa', start: 20, end: 28 },
    ];
    expect(entityRanges({ mentions }, 'raqqa')).toEqual([
      [10, 15],
      [20, 28],
    ]);
    expect(entityRanges({ mentions }, 'mosul')).toEqual([]);
  });
});
