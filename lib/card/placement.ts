/**
 * Where a hover card goes next to its mention, as arithmetic on boxes: below the mention's line,
 * flipped above when there is more room there, aligned to the mention or shifted to stay inside
 * the viewport, its height capped to the room available. Pure; the content script measures.
 */

const EDGE = 8;
/** The card's width on a page wide enough for it. */
const CARD_WIDTH = 400;
/**
 * The card's height, whatever it holds: its box is decided by public facts alone (this constant,
 * the viewport, the mention's line), never by the card's content, which scrolls inside. A page can
 * map the card's box by hit-testing (`document.elementFromPoint`); a box that grew with the reader's
 * own documents would tell it which places the reader keeps notes on.
 */
export const CARD_HEIGHT = 440;
/** Between the mention and the card. */
const GAP = 6;
/** A card never gets shorter than this, even with less room: it then overlaps the mention. */
const MIN_HEIGHT = 160;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the card goes: its left and top in the viewport, and its height cap. */
export interface Placement {
  x: number;
  y: number;
  maxHeight: number;
}

/**
 * Places a card of natural size `w` × `h` (at most CARD_HEIGHT) next to the
 * mention's line box `ref`, in a viewport of `vw` × `vh`: below unless it fits only above (or
 * there is more room above), aligned to the mention's start (its left edge, or its right edge
 * where the text around it runs right to left: `dir`) unless that overflows and aligning the
 * other edge does not, then kept `EDGE` px inside the viewport.
 */
export function placeCard(ref: Box, w: number, h: number, vw: number, vh: number, dir: 'ltr' | 'rtl' = 'ltr'): Placement {
  const below = vh - EDGE - (ref.bottom + GAP);
  const above = ref.top - GAP - EDGE;
  const down = h <= below || (h > above && below >= above);
  const maxHeight = Math.max(MIN_HEIGHT, Math.min(CARD_HEIGHT, Math.floor(down ? below : above)));
  const height = Math.min(h, maxHeight);
  let x = dir === 'rtl' ? ref.right - w : ref.left;
  if (dir === 'rtl' && x < EDGE && ref.left + w <= vw - EDGE) x = ref.left;
  if (dir === 'ltr' && x + w > vw - EDGE && ref.right - w >= EDGE) x = ref.right - w;
  x = Math.max(EDGE, Math.min(x, vw - EDGE - w));
  let y = down ? ref.bottom + GAP : ref.top - GAP - height;
  y = Math.max(EDGE, Math.min(y, vh - EDGE - height));
  return { x: Math.round(x), y: Math.round(y), maxHeight };
}

/** The card's size in a viewport `vw` px wide, before placement caps its height to the room there. */
export function cardSize(vw: number): { width: number; height: number } {
  return { width: Math.max(0, Math.min(CARD_WIDTH, vw - 2 * EDGE)), height: CARD_HEIGHT };
}
