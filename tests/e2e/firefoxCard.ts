/**
 * The open hover card in Firefox, read the way the browser's tools can: WebDriver BiDi's
 * serialisation with `includeShadowTree: "all"` shows the host's closed shadow root and the card
 * page's iframe in it, and the card page is a child browsing context, evaluated in its own right.
 * Shared by firefox-card, firefox-rtl-card and firefox-press-languages.
 */
import type { Browser, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { bidi, contextOf, hostsUnderHtml, pointAt, until, type SerializedNode } from './firefox';

export interface FirefoxCard {
  text: string;
  mode: string;
  role: string;
  name: string;
  url: string;
  /** The card frame's `lang` and `dir`, and its root's computed direction. */
  lang: string;
  dir: string;
  direction: string;
  /** The region's accessible name (what the card says it is about). */
  region: string;
  /** The frame's box in the page's viewport, and the viewport's size. */
  rect: { left: number; top: number; right: number; bottom: number };
  viewport: { width: number; height: number };
}

/**
 * The open card: its host (a child <div> of <html> whose closed shadow root holds the card page's
 * iframe; shown, not prepared hidden), and the card page's text read in that frame's own browsing
 * context. Null when none is open.
 */
export async function readCardFirefox(browser: Browser, page: Page): Promise<FirefoxCard | null> {
  const connection = bidi(browser);
  const context = contextOf(page);
  const hosts = (await hostsUnderHtml(browser, page, 3)).map((n) => n.value ?? n);
  const host = hosts.find((h) => h.shadowRoot?.value?.children?.some((c) => (c.value ?? c).localName === 'iframe'));
  const shadow = host?.shadowRoot?.value;
  if (!host || !shadow) return null;
  // A card prepared (transparent) while the hover delay runs is not open yet.
  if (/opacity:\s*0[\s;!]/.test(host.attributes?.style ?? '')) return null;
  const iframe = shadow.children!.find((c) => (c.value ?? c).localName === 'iframe') as SerializedNode & { sharedId?: string };
  const tree = await connection.send('browsingContext.getTree', { root: context });
  const frames: Array<{ context: string; url: string }> = (tree.result ?? tree).contexts[0].children ?? [];
  const frame = frames.find((f) => /^moz-extension:\/\/[^/]+\/card\.html#/.test(f.url));
  if (!frame) return null;
  // The frame's box, measured on the iframe element itself (its reference from the serialisation).
  const { result: box } = await connection.send('script.callFunction', {
    functionDeclaration: `(el) => JSON.stringify({ r: el.getBoundingClientRect(), w: document.documentElement.clientWidth, h: document.documentElement.clientHeight })`,
    arguments: [{ sharedId: iframe.sharedId }],
    target: { context },
    awaitPromise: false,
  });
  const measured = JSON.parse(box.result?.value ?? 'null');
  const { result: inner } = await connection.send('script.evaluate', {
    expression: `JSON.stringify((() => {
      const card = document.querySelector('[role="dialog"]');
      return card && { text: card.innerText.replace(/\\s+/g, ' '), role: card.getAttribute('role'),
        name: document.getElementById(card.getAttribute('aria-labelledby'))?.textContent ?? '',
        lang: document.documentElement.lang, dir: document.documentElement.dir,
        direction: getComputedStyle(card).direction,
        region: document.querySelector('[role="region"]')?.getAttribute('aria-label') ?? '' };
    })())`,
    target: { context: frame.context },
    awaitPromise: false,
  });
  const card = JSON.parse(inner.result?.value ?? 'null');
  if (!card || !measured) return null;
  const { r, w, h } = measured;
  return { ...card, mode: (shadow as { mode?: string }).mode ?? '', url: frame.url, rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, viewport: { width: w, height: h } };
}

/** The card's frame is entirely inside the page's viewport. */
export function expectInViewport(card: FirefoxCard): void {
  expect(card.rect.left).toBeGreaterThanOrEqual(0);
  expect(card.rect.top).toBeGreaterThanOrEqual(0);
  expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
  expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
}

/**
 * The text of the card a fresh hover on `text` (in the element `within`, else its first
 * occurrence) opens, once `wait` holds of it; null when none opens. The tab is brought to the
 * front first: a background tab's timers are throttled.
 */
export async function hoverCardFirefox(browser: Browser, page: Page, text: string, wait: (text: string) => boolean = (t) => t.length > 0, within?: string, timeout = 6000): Promise<string | null> {
  await page.bringToFront();
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await until(() => readCardFirefox(browser, page), (c) => c === null);
  const at = await pointAt(page, text, { within });
  await page.mouse.move(at.x, at.y, { steps: 4 });
  const card = await until(() => readCardFirefox(browser, page), (c) => !!c && wait(c.text), timeout);
  return card?.text ?? null;
}
