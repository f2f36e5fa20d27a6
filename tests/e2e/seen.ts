/**
 * What a reader sees, read inside the page by plain functions for any driver's `page.evaluate`
 * (playwright-core in Chromium, puppeteer-core in Firefox), so both browsers' tests assert on the
 * same thing.
 */

/** The text under each range of the extension's CSS highlight: what is underlined. */
export function underlinedTexts(): string[] {
  const h = (globalThis as any).CSS?.highlights?.get('counterpoint');
  if (!h) return [];
  return [...h].map((r: StaticRange) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

/** In a popup or side panel (any driver's `page.evaluate`): for each search result shown, the
 *  words its excerpt highlights as what the query found. */
export function resultHighlights(): string[][] {
  return [...document.querySelectorAll('[role="option"]')].map((o) => [...o.querySelectorAll('.result-text mark')].map((m) => m.textContent ?? ''));
}
