import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipAround, normalizeRanges, segmentText } from './emphasis';

describe('segmentText', () => {
  it('cuts the text into plain and marked slices that join back to the text', () => {
    const text = 'ISIS is still in Kirkook and in al Anbar';
    const segments = segmentText(text, [[17, 24], [0, 4]]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['ISIS', 'Kirkook']);
    expect(segments[0]).toEqual({ text: 'ISIS', start: 0, marked: true });
  });

  it('keeps markup-looking text as text: no parsing, no escaping needed', () => {
    const text = '<img src=x onerror=alert(1)> Raqqa';
    const segments = segmentText(text, [[29, 34]]);
    expect(segments).toEqual([
      { text: '<img src=x onerror=alert(1)> ', start: 0, marked: false },
      { text: 'Raqqa', start: 29, marked: true },
    ]);
  });

  it('merges overlapping ranges and ignores empty, reversed and out-of-bounds ones', () => {
    expect(normalizeRanges(10, [[2, 5], [4, 7], [9, 20], [6, 6], [8, 3], [-5, 1]])).toEqual([
      [0, 1],
      [2, 7],
      [9, 10],
    ]);
    expect(segmentText('abc', [])).toEqual([{ text: 'abc', start: 0, marked: false }]);
    expect(segmentText('', [[0, 3]])).toEqual([{ text: '', start: 0, marked: false }]);
  });
});

describe('clipAround', () => {
  const long = 'word '.repeat(100) + 'Raqqa ' + 'more '.repeat(100);

  it('leaves short texts alone', () => {
    expect(clipAround('short Raqqa', [[6, 11]])).toEqual({
      text: 'short Raqqa',
      ranges: [[6, 11]],
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('shows the first highlight with context and shifts the ranges', () => {
    const at = long.indexOf('Raqqa');
    const clip = clipAround(long, [[at, at + 5]], 120, 40);
    expect(clip.clippedStart).toBe(true);
    expect(clip.clippedEnd).toBe(true);
    expect(clip.text.startsWith('…')).toBe(true);
    expect(clip.text.endsWith('…')).toBe(true);
    expect(clip.text.length).toBeLessThanOrEqual(122);
    const [s, e] = clip.ranges[0]!;
    expect(clip.text.slice(s, e)).toBe('Raqqa');
    expect(s).toBeGreaterThan(20);
  });

  it('starts at the beginning when there is nothing to show', () => {
    const clip = clipAround(long, [], 100);
    expect(clip.clippedStart).toBe(false);
    expect(clip.text.startsWith('word')).toBe(true);
  });
});

describe('clipAround cuts cleanly', () => {
  it('starts at the sentence holding the mention when it is near, with an ellipsis only where text is left out', () => {
    const text = 'First sentence here is rather long and says nothing at all of interest. Along with U.S. airstrikes, Jordan joined the fight in the north. ' + 'More words follow here. '.repeat(10);
    const at = text.indexOf('Jordan');
    const clip = clipAround(text, [[at, at + 6]], 120, 40);
    expect(clip.text.startsWith('…Along with U.S. airstrikes')).toBe(true);
    expect(clip.text.slice(clip.ranges[0]![0], clip.ranges[0]![1])).toBe('Jordan');
  });

  it('never cuts inside a word (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 30, maxLength: 120 }), fc.nat(), (words, pick) => {
        const text = words.join(' ');
        const w = pick % words.length;
        const at = words.slice(0, w).join(' ').length + (w > 0 ? 1 : 0);
        const clip = clipAround(text, [[at, at + words[w]!.length]], 80, 30);
        const inner = clip.text.replace(/^…/, '').replace(/…$/, '');
        const from = text.indexOf(inner);
        expect(from).toBeGreaterThanOrEqual(0);
        if (from > 0) expect(text[from - 1]).toBe(' ');
        const to = from + inner.length;
        if (to < text.length) expect(text[to]).toBe(' ');
        expect(clip.text.slice(clip.ranges[0]![0], clip.ranges[0]![1])).toBe(words[w]);
      }),
    );
  });
});
