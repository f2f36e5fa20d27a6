import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, cardSize, placeCard } from './placement';

/** A mention's line box. */
const box = (left: number, top: number, width = 60, height = 20) => ({ left, top, right: left + width, bottom: top + height });

describe('placeCard', () => {
  const [vw, vh] = [1280, 800];

  it('goes below the mention, left-aligned to it, 6 px under it', () => {
    expect(placeCard(box(100, 100), 400, 300, vw, vh)).toEqual({ x: 100, y: 126, maxHeight: 440 });
  });

  it('flips above when it fits only there, or when there is more room above', () => {
    // 300 px tall, 200 px below, 660 above: above, its bottom 6 px over the mention.
    expect(placeCard(box(100, 580), 400, 300, vw, vh)).toEqual({ x: 100, y: 274, maxHeight: 440 });
    // Fits nowhere (540 tall, 372 below, 380 above): the larger side, height capped to it.
    expect(placeCard(box(100, 394), 400, 540, vw, vh)).toEqual({ x: 100, y: 8, maxHeight: 380 });
  });

  it('caps the height to the room on its side, never below 160 px, and stays on screen', () => {
    expect(placeCard(box(100, 300), 400, 700, vw, vh).maxHeight).toBe(440); // 466 below, capped to CARD_HEIGHT
    expect(placeCard(box(100, 380), 400, 700, vw, vh).maxHeight).toBe(386);
    // A 640 × 400 viewport (200 % zoom), mention in the middle: 186 px below, 166 above.
    const p = placeCard(box(100, 180), 400, 500, 640, 400);
    expect(p.maxHeight).toBe(186);
    expect(p.y).toBeGreaterThanOrEqual(8);
    expect(p.y + Math.min(500, p.maxHeight)).toBeLessThanOrEqual(392);
  });

  it('aligns its right edge to the mention near the right edge, else shifts inside the viewport', () => {
    expect(placeCard(box(1100, 100, 120), 400, 300, vw, vh).x).toBe(820); // right edges aligned
    expect(placeCard(box(200, 100, 40), 400, 300, 500, vh).x).toBe(92); // shifted: 8 px from the right
    expect(placeCard(box(-30, 100), 400, 300, vw, vh).x).toBe(8); // never past the left edge
  });

  it('on right-to-left text, aligns the right edges, unless that overflows on the left', () => {
    expect(placeCard(box(600, 100, 120), 400, 300, vw, vh, 'rtl').x).toBe(320); // 720 - 400
    expect(placeCard(box(100, 100, 120), 400, 300, vw, vh, 'rtl').x).toBe(100); // left edges aligned
    expect(placeCard(box(200, 100, 40), 400, 300, 500, vh, 'rtl').x).toBe(8); // shifted: 8 px from the left
    expect(placeCard(box(1230, 100, 40), 400, 300, vw, vh, 'rtl').y).toBe(126); // below, as on left-to-right pages
  });
});

describe('cardSize', () => {
  it('is the fixed height and the width the viewport allows: nothing of the card’s content', () => {
    expect(cardSize(1280)).toEqual({ width: 400, height: CARD_HEIGHT });
    expect(cardSize(320)).toEqual({ width: 304, height: CARD_HEIGHT });
  });
});
