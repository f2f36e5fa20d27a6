import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from './matcher';
import { buildBlocks, INLINE_TAGS, locateMatches, locateSpan, SKIP_TAGS, TextBlockBuilder, type TextBlock } from './textBlocks';
import type { MatchPattern } from '../corpus/types';

interface FakeText {
  data: string;
}
const t = (data: string): FakeText => ({ data });
const block = (...nodes: FakeText[]): TextBlock<FakeText> => buildBlocks([nodes.map((n) => [n, n.data] as const)])[0]!;

/** The text a span covers, read back from the fake nodes as a DOM Range would. */
function spanText(span: ReturnType<typeof locateSpan<FakeText>>): string {
  if (span.startNode === span.endNode) return span.startNode.data.slice(span.startOffset, span.endOffset);
  const middle = span.nodes.slice(1, -1).map((n) => n.data);
  return [span.startNode.data.slice(span.startOffset), ...middle, span.endNode.data.slice(0, span.endOffset)].join('');
}

const pattern = (text: string, entityId: string, extra: Partial<MatchPattern> = {}): MatchPattern => ({
  text,
  entityId,
  caseSensitive: false,
  ambiguous: false,
  ...extra,
});

describe('TextBlockBuilder', () => {
  it('joins the text nodes of one block and records where each starts', () => {
    const a = t('Fighting near ');
    const b = t('Deir ez-');
    const c = t('Zor resumed.');
    const blk = block(a, b, c);
    expect(blk.text).toBe('Fighting near Deir ez-Zor resumed.');
    expect(blk.nodes).toEqual([a, b, c]);
    expect(blk.starts).toEqual([0, 14, 22]);
  });

  it('skips empty nodes and drops whitespace-only blocks', () => {
    const builder = new TextBlockBuilder<FakeText>();
    builder.add(t(''), '');
    builder.add(t('  \n '), '  \n ');
    expect(builder.isEmpty).toBe(false);
    expect(builder.end()).toBeUndefined();
    expect(builder.isEmpty).toBe(true);
    expect(builder.end()).toBeUndefined();
    builder.add(t('\u00a0\u2009'), '\u00a0\u2009'); // Unicode spaces count as whitespace too
    expect(builder.end()).toBeUndefined();
    builder.add(t('x'), 'x');
    expect(builder.end()?.text).toBe('x');
  });

  it('keeps blocks apart', () => {
    const blocks = buildBlocks([[[t('Raqqa'), 'Raqqa']], [[t('Mosul'), 'Mosul']]]);
    expect(blocks.map((b) => b.text)).toEqual(['Raqqa', 'Mosul']);
  });
});

describe('locateSpan', () => {
  it('maps a span inside one node', () => {
    const a = t('The battle for Raqqa began.');
    const span = locateSpan(block(a), 15, 20);
    expect(span).toEqual({ startNode: a, startOffset: 15, endNode: a, endOffset: 20, nodes: [a] });
  });

  it('maps a span across inline elements to the nodes it touches', () => {
    const a = t('the ');
    const b = t('Free ');
    const c = t('Syrian');
    const d = t(' Army said');
    const span = locateSpan(block(a, b, c, d), 4, 20);
    expect(span.startNode).toBe(b);
    expect(span.startOffset).toBe(0);
    expect(span.endNode).toBe(d);
    expect(span.endOffset).toBe(5);
    expect(span.nodes).toEqual([b, c, d]);
    expect(spanText(span)).toBe('Free Syrian Army');
  });

  it('never starts at the end of a node or ends at the start of one', () => {
    const a = t('in ');
    const b = t('Mosul');
    const c = t(', said');
    const span = locateSpan(block(a, b, c), 3, 8);
    expect(span).toEqual({ startNode: b, startOffset: 0, endNode: b, endOffset: 5, nodes: [b] });
  });

  it('refuses spans outside the block', () => {
    const blk = block(t('abc'));
    expect(() => locateSpan(blk, 2, 4)).toThrow(RangeError);
    expect(() => locateSpan(blk, 1, 1)).toThrow(RangeError);
  });

  it('round-trips any span of any split of a text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (text, cuts, x, y) => {
          fc.pre(/\S/.test(text)); // a block of only whitespace is no block (nothing to match)
          const points = [...new Set(cuts.map((c) => c % text.length))].filter((c) => c > 0).sort((p, q) => p - q);
          const bounds = [0, ...points, text.length];
          const nodes = bounds.slice(1).map((end, i) => t(text.slice(bounds[i], end)));
          const blk = block(...nodes);
          expect(blk.text).toBe(text);
          const start = x % text.length;
          const end = start + 1 + (y % (text.length - start));
          const span = locateSpan(blk, start, end);
          expect(spanText(span)).toBe(text.slice(start, end));
          expect(span.startOffset).toBeLessThan(span.startNode.data.length);
          expect(span.endOffset).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('text blocks with the matcher', () => {
  const matcher = new Matcher([
    pattern('Syria', 'syria'),
    pattern('Free Syrian Army', 'free-syrian-army'),
    pattern('Deir ez-Zor', 'deir-ez-zor'),
    pattern('ISIS', 'isis', { caseSensitive: true, ambiguous: true }),
    pattern('Raqqa', 'raqqa'),
  ]);

  it('finds mentions split across inline elements and maps them back to the nodes', () => {
    const nodes = [t('Fighters of the '), t('Free Syrian'), t(' Army left '), t('Deir ez‑'), t('Zor'), t(' for Raqqa.')];
    const blk = block(...nodes);
    const located = locateMatches(blk, matcher.findAll(blk.text));
    expect(located.map(({ match, span }) => [match.entityId, spanText(span)])).toEqual([
      ['free-syrian-army', 'Free Syrian Army'],
      ['deir-ez-zor', 'Deir ez‑Zor'],
      ['raqqa', 'Raqqa'],
    ]);
    expect(located[1]!.span.nodes).toEqual([nodes[3], nodes[4]]);
  });

  it('never matches across two blocks', () => {
    const blocks = buildBlocks([[[t('the Free'), 'the Free']], [[t('Syrian Army'), 'Syrian Army']]]);
    expect(blocks.flatMap((b) => matcher.findAll(b.text))).toEqual([]);
  });
});

describe('tag sets', () => {
  it('keeps phrasing elements inline and skips code, forms and embeds', () => {
    for (const tag of ['a', 'b', 'em', 'span', 'strong']) expect(INLINE_TAGS.has(tag)).toBe(true);
    for (const tag of ['p', 'div', 'li', 'td', 'br', 'h1']) expect(INLINE_TAGS.has(tag)).toBe(false);
    for (const tag of ['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select']) expect(SKIP_TAGS.has(tag)).toBe(true);
    for (const tag of INLINE_TAGS) expect(SKIP_TAGS.has(tag)).toBe(false);
  });
});
