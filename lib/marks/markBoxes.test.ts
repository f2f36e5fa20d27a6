import { describe, expect, it } from 'vitest';
import { extentOf, lineBoxes, mayBeNear, middleInView, nearView, underlineLook, underlineOf } from './markBoxes';

const view = { width: 800, height: 600 };
const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('lineBoxes', () => {
  it('merges the boxes of one line that touch (a name half in a link), keeps other lines apart', () => {
    const rects = [box(10, 100, 60, 120), box(60, 100, 110, 120), box(0, 124, 40, 144)];
    expect(lineBoxes(rects)).toEqual([box(10, 100, 110, 120), box(0, 124, 40, 144)]);
  });

  it('drops empty boxes (a collapsed end of a range at a line break)', () => {
    expect(lineBoxes([box(10, 100, 10, 120), box(10, 100, 50, 100), box(10, 100, 50, 120)])).toEqual([box(10, 100, 50, 120)]);
  });

  it('keeps boxes of the same height on another line, or far apart on the same line, separate', () => {
    expect(lineBoxes([box(10, 100, 50, 120), box(10, 130, 50, 150)])).toHaveLength(2);
    expect(lineBoxes([box(10, 100, 50, 120), box(200, 100, 250, 120)])).toHaveLength(2);
  });
});

describe('underlineOf', () => {
  it('puts the underline in the line’s descent, on whole pixels, as wide as the line box', () => {
    const u = underlineOf(box(10.4, 100, 90.6, 120));
    expect(u).toEqual({ x: 10, y: 117, width: 81, lineTop: 100 });
    expect(u.y).toBeGreaterThan(110); // below the middle: under the baseline, not through the text
    expect(u.y).toBeLessThan(120);
  });
});

describe('which marks are drawn', () => {
  it('only boxes in or near the viewport', () => {
    expect(nearView(box(10, 10, 50, 30), view, 0)).toBe(true);
    expect(nearView(box(10, 650, 50, 670), view, 0)).toBe(false);
    expect(nearView(box(10, 650, 50, 670), view, 100)).toBe(true);
    expect(nearView(box(-90, 10, -50, 30), view, 40)).toBe(false);
    expect(nearView(box(10, -2000, 50, -1980), view, 300)).toBe(false);
  });

  it('hit-tests only boxes whose middle is on screen', () => {
    expect(middleInView(box(10, 10, 50, 30), view)).toBe(true);
    expect(middleInView(box(780, 10, 840, 30), view)).toBe(false);
    expect(middleInView(box(10, 590, 50, 620), view)).toBe(false);
  });
});

describe('which mentions a scroll can bring near', () => {
  it('keeps where a mention’s lines were in the document, and tells from it whether a scroll brings it near', () => {
    const e = extentOf([box(10, 100, 50, 120), box(10, 124, 40, 144)], 1000);
    expect(e).toEqual({ top: 1100, bottom: 1144 });
    expect(mayBeNear(e, 1000, 600, 100)).toBe(true);
    expect(mayBeNear(e, 600, 600, 100)).toBe(true); // 500 px below the viewport's top: in it
    expect(mayBeNear(e, 300, 600, 100)).toBe(false); // 800 px below: beyond the margin
    expect(mayBeNear(e, 1300, 600, 100)).toBe(false); // scrolled 156 px past it
  });

  it('a mention never measured may be anywhere; one with no lines (hidden) is nowhere', () => {
    expect(mayBeNear(undefined, 0, 600, 100)).toBe(true);
    expect(mayBeNear(extentOf([], 0), 0, 600, 100)).toBe(false);
  });
});

describe('underlineLook', () => {
  const written = `
::highlight(counterpoint) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  /* Solid, ≥ 3:1 against white (4.2:1) and black (5.0:1): WCAG 1.4.11. */
  text-decoration-color: rgb(190 100 0);
  text-decoration-thickness: 2px;
}
::highlight(counterpoint-active) { text-decoration-style: solid; text-decoration-color: red; }`;

  it('reads the bundled names’ underline, as written and as minified', () => {
    const look = { style: 'dotted', color: 'rgb(190 100 0)', thickness: '2px', background: 'transparent' };
    expect(underlineLook(written)).toEqual(look);
    const minified = '::highlight(counterpoint-active){text-decoration-style:solid}::highlight(counterpoint){text-decoration-line:underline;text-decoration-style:dotted;text-decoration-color:#be6400;text-decoration-thickness:2px}';
    expect(underlineLook(minified)).toEqual({ ...look, color: '#be6400' });
    // (as the build writes it into content.js: the longhands folded into the shorthand)
    const folded = '::highlight(counterpoint){-webkit-text-decoration:underline dotted #be6400;text-decoration:underline dotted #be6400;text-decoration-thickness:2px}';
    expect(underlineLook(folded)).toEqual({ ...look, color: '#be6400' });
    expect(underlineLook('::highlight(counterpoint){text-decoration:underline wavy rgb(1 2 3) 3px}')).toEqual({ style: 'wavy', color: 'rgb(1 2 3)', thickness: '3px', background: 'transparent' });
  });

  it('reads another highlight’s rule by name: the open card’s mention', () => {
    expect(underlineLook(written, 'counterpoint-active')).toEqual({ style: 'solid', color: 'red', thickness: '2px', background: 'transparent' });
    // (as the build writes it: the minifier drops `solid`, the initial style)
    const active = '::highlight(counterpoint){text-decoration:underline dotted #be6400}::highlight(counterpoint-active){background-color:#f5a62338;text-decoration:underline #d67814;text-decoration-thickness:2px}';
    expect(underlineLook(active, 'counterpoint-active')).toEqual({ style: 'solid', color: '#d67814', thickness: '2px', background: '#f5a62338' });
  });

  it('falls back to a dotted 2px line without the rule', () => {
    expect(underlineLook('')).toEqual({ style: 'dotted', color: 'currentColor', thickness: '2px', background: 'transparent' });
  });
});
