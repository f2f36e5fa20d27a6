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

describe('sentences in the languages of the region’s press', () => {
  it('splits Arabic at . ؟ ! and not after د. (doctor)', () => {
    expect(sentenceTexts('دخلت القوات الرقة. هل انتهت المعركة؟ نعم! وقال د. أحمد إن الوضع صعب.')).toEqual([
      'دخلت القوات الرقة.', 'هل انتهت المعركة؟', 'نعم!', 'وقال د. أحمد إن الوضع صعب.',
    ]);
  });
  it('keeps German and French abbreviations and German dates inside their sentence', () => {
    expect(sentenceTexts('Laut Dr. Müller, z. B. im Irak, endete es am 3. Oktober. Die Lage bleibt ernst.')).toEqual([
      'Laut Dr. Müller, z. B. im Irak, endete es am 3. Oktober.', 'Die Lage bleibt ernst.',
    ]);
    expect(sentenceTexts('Selon Mme Durand et M. Dupont, env. 300 civils ont fui. Le régime avance.')).toEqual([
      'Selon Mme Durand et M. Dupont, env. 300 civils ont fui.', 'Le régime avance.',
    ]);
  });
});
