import { describe, expect, it } from 'vitest';
import { layoutDocument } from './readerView';
import type { Passage } from '../corpus/types';

const body = 'First line about Raqqa.\n\nISIS is still in Kirkook. And al Anbar.\nLast line.';
const p = (id: number, text: string, mentions: Passage['mentions'] = []): Passage => {
  const start = body.indexOf(text);
  return { id, docId: 'd', start, end: start + text.length, text, mentions, entityIds: [], stance: 'neutral', stanceCues: [] };
};
const passages = [
  p(0, 'First line about Raqqa.'),
  p(1, 'ISIS is still in Kirkook.', [
    { entityId: 'isis', start: 0, end: 4 },
    { entityId: 'kirkuk', start: 17, end: 24 },
  ]),
  p(2, 'And al Anbar.\nLast line.'),
];

describe('layoutDocument', () => {
  it('makes one paragraph per non-empty line, text kept whole', () => {
    const { paragraphs, targetParagraph, target } = layoutDocument(body, passages);
    expect(paragraphs.map((para) => para.segments.map((s) => s.text).join(''))).toEqual([
      'First line about Raqqa.',
      'ISIS is still in Kirkook. And al Anbar.',
      'Last line.',
    ]);
    expect(targetParagraph).toBe(-1);
    expect(target).toBeNull();
  });

  it('flags the target passage and its mentions', () => {
    const { paragraphs, targetParagraph, target } = layoutDocument(body, passages, 1);
    expect(target?.id).toBe(1);
    expect(targetParagraph).toBe(1);
    expect(paragraphs[1]!.segments).toEqual([
      { text: 'ISIS', start: 25, target: true, mention: 'isis' },
      { text: ' is still in ', start: 29, target: true, mention: null },
      { text: 'Kirkook', start: 42, target: true, mention: 'kirkuk' },
      { text: '.', start: 49, target: true, mention: null },
      { text: ' And al Anbar.', start: 50, target: false, mention: null },
    ]);
    expect(paragraphs[0]!.segments.every((s) => !s.target)).toBe(true);
  });

  it('follows a passage across lines', () => {
    const { paragraphs, targetParagraph } = layoutDocument(body, passages, 2);
    expect(targetParagraph).toBe(1);
    expect(paragraphs[1]!.segments.filter((s) => s.target).map((s) => s.text)).toEqual(['And al Anbar.']);
    expect(paragraphs[2]!.segments).toEqual([{ text: 'Last line.', start: body.indexOf('Last'), target: true, mention: null }]);
  });

  it('ignores an unknown passage id', () => {
    expect(layoutDocument(body, passages, 99).targetParagraph).toBe(-1);
  });
});
