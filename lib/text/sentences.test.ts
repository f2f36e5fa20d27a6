import { describe, expect, it } from 'vitest';
import { sentenceTexts, splitSentences } from './sentences';

// The full contract is tested through lib/corpus/passages.test.ts (splitSentences is re-exported there).
describe('splitSentences (Intl.Segmenter plus the abbreviation pass)', () => {
  it('corrects what UAX #29 alone gets wrong', () => {
    expect(sentenceTexts('Col. Ivo Renn spoke. Dr. Vik agreed.')).toEqual(['Col. Ivo Renn spoke.', 'Dr. Vik agreed.']);
    expect(sentenceTexts('“Why?” he asked. Nobody knew.')).toEqual(['“Why?” he asked.', 'Nobody knew.']);
    expect(sentenceTexts('It fell . Then it rose… And so on.')).toEqual(['It fell .', 'Then it rose…', 'And so on.']);
  });

  it('is offset-exact and never crosses a line break', () => {
    const text = 'A b.\nC d';
    expect(splitSentences(text)).toEqual([
      [0, 4],
      [5, 8],
    ]);
  });
});
