import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkPassages, splitSentences } from './passages';

const sentences = (text: string) => splitSentences(text).map(([s, e]) => text.slice(s, e));
const passages = (text: string, opts?: Parameters<typeof chunkPassages>[1]) =>
  chunkPassages(text, opts).map(([s, e]) => text.slice(s, e));

describe('splitSentences', () => {
  it('splits plain sentences and trims the spans', () => {
    expect(sentences('  One thing. Another thing!  And a third?  ')).toEqual(['One thing.', 'Another thing!', 'And a third?']);
  });

  it('keeps abbreviations, initials and decimals inside the sentence (seed 002)', () => {
    expect(sentences('“This was the last vestige of the caliphate,” said RAND Corp. terror analyst Colin Clarke. Next.')).toEqual([
      '“This was the last vestige of the caliphate,” said RAND Corp. terror analyst Colin Clarke.',
      'Next.',
    ]);
    expect(sentences('Operation Inherent Resolve spokesman Army Col. Ryan Dillon told reporters yesterday. Then more.')).toEqual([
      'Operation Inherent Resolve spokesman Army Col. Ryan Dillon told reporters yesterday.',
      'Then more.',
    ]);
    expect(
      sentences('ISIS has lost 87 percent of its territory in Iraq and Syria, with 6.5 million people liberated from its despotic rule. Oil revenue fell.'),
    ).toEqual([
      'ISIS has lost 87 percent of its territory in Iraq and Syria, with 6.5 million people liberated from its despotic rule.',
      'Oil revenue fell.',
    ]);
    expect(sentences('U.S.-backed forces took it. Along with U.S. airstrikes, Jordan joined.')).toEqual([
      'U.S.-backed forces took it.',
      'Along with U.S. airstrikes, Jordan joined.',
    ]);
    expect(sentences('He met Dr. Smith and J. R. Tolkien on St. Patrick’s day. No. 5 was there.')).toEqual([
      'He met Dr. Smith and J. R. Tolkien on St. Patrick’s day.',
      'No. 5 was there.',
    ]);
  });

  it('ends a sentence on a dotted acronym or company suffix only before a sentence opener', () => {
    expect(sentences('The bases belong to the U.S. The coalition has 60 members.')).toEqual([
      'The bases belong to the U.S.',
      'The coalition has 60 members.',
    ]);
    expect(sentences('The U.S. Army arrived.')).toEqual(['The U.S. Army arrived.']);
    expect(sentences('He works for Acme Corp. They make anvils.')).toEqual(['He works for Acme Corp.', 'They make anvils.']);
    expect(sentences('Oil, gas, etc. and more.')).toEqual(['Oil, gas, etc. and more.']);
  });

  it('keeps closing quotes with the sentence they close', () => {
    expect(sentences('Dillon told reporters ISIS is “on the verge of a devastating defeat.” Ninety percent was cleared.')).toEqual([
      'Dillon told reporters ISIS is “on the verge of a devastating defeat.”',
      'Ninety percent was cleared.',
    ]);
    expect(sentences('“It is a salvation for the will to live an honorable life. It is a defeat to the forces of darkness.”')).toEqual([
      '“It is a salvation for the will to live an honorable life.',
      'It is a defeat to the forces of darkness.”',
    ]);
    expect(sentences('"They are very much on the defensive," McGurk said. "Their territory is shrinking."')).toEqual([
      '"They are very much on the defensive," McGurk said.',
      '"Their territory is shrinking."',
    ]);
    expect(sentences('“Why?” he asked.')).toEqual(['“Why?” he asked.']);
  });

  it('handles the corpus’s odd spacing around periods (seed 001)', () => {
    expect(
      sentences('There is no victory over ISIS . What has been defeated is not ISIS . ISIS now either will hide in al Mosul itself or will relocate .'),
    ).toEqual(['There is no victory over ISIS .', 'What has been defeated is not ISIS .', 'ISIS now either will hide in al Mosul itself or will relocate .']);
    expect(sentences('One can say that the Khilafa project is over , but ISIS has not been defeated .The Khilafa project – originally -was only a maneuver .')).toEqual([
      'One can say that the Khilafa project is over , but ISIS has not been defeated .',
      'The Khilafa project – originally -was only a maneuver .',
    ]);
    expect(sentences('there is no room for any victory . 900 thousand people were displaced in al Mosul .')).toEqual([
      'there is no room for any victory .',
      '900 thousand people were displaced in al Mosul .',
    ]);
  });

  it('ends sentences at line breaks and never crosses a blank line', () => {
    expect(sentences('The exams were a "rejection," the minister said\nThis story has been updated.')).toEqual([
      'The exams were a "rejection," the minister said',
      'This story has been updated.',
    ]);
    expect(sentences('Battle of Mosul\n\n\nThe battle of Mosul is just like a football match.\r\nIt is.')).toEqual([
      'Battle of Mosul',
      'The battle of Mosul is just like a football match.',
      'It is.',
    ]);
  });

  it('handles ellipses, question and exclamation marks', () => {
    expect(sentences('Wait... Then it fell. Really?! Yes… It did.')).toEqual(['Wait...', 'Then it fell.', 'Really?!', 'Yes…', 'It did.']);
  });

  it('returns exact offsets', () => {
    const text = '  A b. C d.\n\nE f. ';
    expect(splitSentences(text)).toEqual([
      [2, 6],
      [7, 11],
      [13, 17],
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t ')).toEqual([]);
  });
});

describe('chunkPassages', () => {
  it('groups short sentences of a paragraph, never across paragraphs', () => {
    const body = 'One. Two. Three.\nFour. Five.';
    expect(passages(body)).toEqual(['One. Two. Three.', 'Four. Five.']);
  });

  it('splits a long paragraph into passages near the target length', () => {
    const s = (i: number) => `Sentence number ${i} ${'x'.repeat(80)}.`; // ~100 chars
    const body = Array.from({ length: 9 }, (_, i) => s(i)).join(' ');
    const out = chunkPassages(body);
    expect(out.length).toBe(3);
    for (const [a, b] of out) expect(b - a).toBeLessThanOrEqual(600);
    expect(out.map(([a, b]) => body.slice(a, b).split('. ').length)).toEqual([3, 3, 3]);
  });

  it('keeps a single over-long sentence whole', () => {
    const long = 'word '.repeat(200).trim() + '.';
    expect(passages(`${long} Short one.`, { maxChars: 600 })).toEqual([long, 'Short one.']);
  });

  it('respects custom target and max', () => {
    const body = 'Aaaa aaaa. Bbbb bbbb. Cccc cccc. Dddd dddd.';
    expect(passages(body, { targetChars: 10, maxChars: 25 })).toEqual(['Aaaa aaaa.', 'Bbbb bbbb.', 'Cccc cccc.', 'Dddd dddd.']);
    expect(passages(body, { targetChars: 21, maxChars: 25 })).toEqual(['Aaaa aaaa. Bbbb bbbb.', 'Cccc cccc. Dddd dddd.']);
  });

  it('chunks a seed paragraph into passages of a few sentences (seed 002)', () => {
    const body =
      'Ninety percent of Raqqa has been cleared, but an estimated 100 ISIS fighters remain. Mines, IEDs and other booby traps are strewn across the city, Dillon said. Even so, with the coalition marking its third anniversary of pushing back ISIS’ advance, the group is in retreat.\n\nISIS has lost 87 percent of its territory in Iraq and Syria, with 6.5 million people liberated from its despotic rule.';
    const out = passages(body);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^Ninety percent.*in retreat\.$/);
    expect(out[1]).toMatch(/^ISIS has lost.*despotic rule\.$/);
  });

  const token = fc.oneof(
    fc.constantFrom(
      'ISIS', 'Raqqa', 'the', 'U.S.', 'Col.', 'Corp.', 'St.', 'J.', '6.5', 'e.g.', 'No.', '.', ' .', '?', '!', '...', '…', '”', '“', '"',
      "'", ' ', '  ', '\t', '\n', '\n\n', '\r\n', ' \n ', 'A', 'The', 'x'.repeat(40), 'y'.repeat(130), ',', '—', 'é', '😀',
      '\u00a0', '\u2003', '\u2028', '\u2029', '\ufeff', '\u000b', '\u001f',
    ),
    fc.string({ maxLength: 6 }),
  );
  const textArb = fc.array(token, { maxLength: 120 }).map((ts) => ts.join(''));
  const optsArb = fc
    .record({ target: fc.integer({ min: 1, max: 300 }), extra: fc.integer({ min: 0, max: 300 }) })
    .map(({ target, extra }) => ({ targetChars: target, maxChars: target + extra }));

  it('property: passages are ordered, disjoint, trimmed, within one paragraph, cover every non-space char, and obey max', () => {
    fc.assert(
      fc.property(textArb, optsArb, (text, opts) => {
        const spans = chunkPassages(text, opts);
        const sentenceSet = new Set(splitSentences(text).map(([s, e]) => `${s}:${e}`));
        const covered = new Uint8Array(text.length);
        let prevEnd = 0;
        for (const [s, e] of spans) {
          expect(s).toBeGreaterThanOrEqual(prevEnd);
          expect(e).toBeGreaterThan(s);
          prevEnd = e;
          expect(/\s/.test(text[s]!)).toBe(false);
          expect(/\s/.test(text[e - 1]!)).toBe(false);
          expect(/[\n\r\u2028\u2029]/.test(text.slice(s, e))).toBe(false);
          if (e - s > opts.maxChars) expect(sentenceSet.has(`${s}:${e}`)).toBe(true);
          for (let i = s; i < e; i++) covered[i] = 1;
        }
        for (let i = 0; i < text.length; i++) {
          if (!/\s/.test(text[i]!)) expect(covered[i]).toBe(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: sentences are ordered, disjoint, trimmed and cover every non-space char', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const spans = splitSentences(text);
        let covered = 0;
        let prevEnd = 0;
        for (const [s, e] of spans) {
          expect(s).toBeGreaterThanOrEqual(prevEnd);
          expect(e).toBeGreaterThan(s);
          prevEnd = e;
          expect(text.slice(s, e)).toBe(text.slice(s, e).trim());
          covered += text.slice(s, e).replace(/\s/g, '').length;
        }
        expect(covered).toBe(text.replace(/\s/g, '').length);
      }),
      { numRuns: 400 },
    );
  });
});
