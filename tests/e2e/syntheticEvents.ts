/**
 * What a hostile page does to open a card by itself: pointer and mouse events it dispatches
 * (`isTrusted === false`) on the element at a point, a dozen times 50 ms apart. A page function:
 * passed to Playwright's or puppeteer's `page.evaluate` with the point.
 */
export async function dispatchSyntheticHover({ x, y }: { x: number; y: number }): Promise<void> {
  const target = document.elementFromPoint(x, y)!;
  for (let i = 0; i < 12; i++) {
    const init = { clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'mouse' };
    target.dispatchEvent(new PointerEvent('pointerover', init));
    target.dispatchEvent(new PointerEvent('pointermove', init));
    target.dispatchEvent(new MouseEvent('mouseover', init));
    target.dispatchEvent(new MouseEvent('mousemove', init));
    await new Promise((r) => setTimeout(r, 50));
  }
}
