import { describe, expect, it } from 'vitest';
import { rowsToDraw } from './rowsByFrame';

describe('rowsToDraw', () => {
  const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `d${from + i}`);

  it('draws a new list a few rows a frame', () => {
    const drawn = new Set<unknown>();
    expect(rowsToDraw(ids(0, 50), drawn, 10)).toBe(10);
    ids(0, 10).forEach((k) => drawn.add(k));
    expect(rowsToDraw(ids(0, 50), drawn, 10)).toBe(20);
    expect(rowsToDraw(ids(0, 5), new Set(), 10)).toBe(5);
  });

  it('after an import puts new rows first, draws only a frame of them and stops there', () => {
    const drawn = new Set<unknown>(ids(0, 50));
    // 1,000 new documents come first, the 50 drawn ones after them.
    expect(rowsToDraw([...ids(1000, 2000).slice(0, 50)], drawn, 10)).toBe(10);
  });

  it('keeps a list whose rows were all drawn whole (one deleted, one edited): its height does not jump', () => {
    const drawn = new Set<unknown>(ids(0, 250));
    const oneDeleted = ids(0, 250).filter((k) => k !== 'd7');
    expect(rowsToDraw(oneDeleted, drawn, 10)).toBe(249);
    // "Show more": 200 rows more, ten a frame after the ones already there.
    expect(rowsToDraw(ids(0, 450), drawn, 10)).toBe(260);
  });
});
