/**
 * What a hostile page can learn of the card's box without reading it: `document.elementFromPoint`
 * over a grid of the viewport finds the element the extension put under <html> (the closed
 * shadow root's host is what hit-testing returns), then each edge to the pixel. A page function:
 * passed to Playwright's or puppeteer's `page.evaluate`; null when nothing of the extension's is hit.
 */
export function hitBox(): { left: number; top: number; right: number; bottom: number } | null {
  const ours = (e: Element | null) => !!e && e.parentElement === document.documentElement && e.localName !== 'head' && e.localName !== 'body';
  const STEP = 8;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let y = 0; y < innerHeight; y += STEP) {
    for (let x = 0; x < innerWidth; x += STEP) {
      if (!ours(document.elementFromPoint(x, y))) continue;
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x);
      bottom = Math.max(bottom, y);
    }
  }
  if (left === Infinity) return null;
  // Each edge to the pixel, along the box's middle lines.
  const cx = Math.round((left + right) / 2);
  const cy = Math.round((top + bottom) / 2);
  while (left > 0 && ours(document.elementFromPoint(left - 1, cy))) left--;
  while (right < innerWidth - 1 && ours(document.elementFromPoint(right + 1, cy))) right++;
  while (top > 0 && ours(document.elementFromPoint(cx, top - 1))) top--;
  while (bottom < innerHeight - 1 && ours(document.elementFromPoint(cx, bottom + 1))) bottom++;
  return { left, top, right: right + 1, bottom: bottom + 1 };
}
