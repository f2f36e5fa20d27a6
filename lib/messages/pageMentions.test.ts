import { describe, expect, it } from 'vitest';
import { sameMentions, summarizeMentions } from './pageMentions';

describe('summarizeMentions', () => {
  it('counts ids, most mentioned first, ties by id', () => {
    const s = summarizeMentions('http://x/', ['raqqa', 'isis', 'raqqa', 'mosul', 'isis', 'raqqa']);
    expect(s).toEqual({
      url: 'http://x/',
      entities: [
        { id: 'raqqa', count: 3 },
        { id: 'isis', count: 2 },
        { id: 'mosul', count: 1 },
      ],
    });
    expect(summarizeMentions('u', []).entities).toEqual([]);
  });

  it('tells equal reports apart from changed ones', () => {
    const a = summarizeMentions('u', ['a', 'b', 'a']);
    expect(sameMentions(a, summarizeMentions('u', ['b', 'a', 'a']))).toBe(true);
    expect(sameMentions(a, summarizeMentions('v', ['b', 'a', 'a']))).toBe(false);
    expect(sameMentions(a, summarizeMentions('u', ['a', 'b']))).toBe(false);
    expect(sameMentions(undefined, a)).toBe(false);
  });
});
