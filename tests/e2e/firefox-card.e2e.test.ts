/**
 * Smoke test of the hover card in Firefox ESR (MV3), driven by puppeteer-core over WebDriver BiDi:
 * underlines on the news fixture, a card on hover, Esc, and silence on the trap page; the same
 * on the Arabic right-to-left brief (a name after clitics).
 *
 * The card is read the way the browser's tools can: WebDriver BiDi's serialisation with
 * `includeShadowTree: "all"` shows the host's closed shadow root and the card page's iframe in it,
 * and the card page is a child browsing context, evaluated in its own right.
 */
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { bidi, contextOf, pointAt, until, useFirefoxSuite, type SerializedNode } from './firefox';
import { BRIEFS } from '../fixtures/briefs';

const suite = useFirefoxSuite();


/**
 * The open card: its host (a child <div> of <html> whose closed shadow root holds the card page's
 * iframe; shown, not prepared hidden), and the card page's text read in that frame's own browsing
 * context. Null when none is open.
 */
async function readCardFirefox(browser: Browser, page: Page): Promise<{ text: string; mode: string; role: string; name: string; url: string } | null> {
  const connection = bidi(browser);
  const context = contextOf(page);
  const { result } = await connection.send('script.evaluate', {
    expression: "[...document.documentElement.children].filter((e) => e.localName === 'div')",
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 3 },
  });
  const hosts: SerializedNode[] = (result.result?.value ?? []).map((n: SerializedNode) => n.value ?? n);
  const host = hosts.find((h) => h.shadowRoot?.value?.children?.some((c) => (c.value ?? c).localName === 'iframe'));
  const shadow = host?.shadowRoot?.value;
  if (!host || !shadow) return null;
  // A card prepared (transparent) while the hover delay runs is not open yet.
  if (/opacity:\s*0[\s;!]/.test(host.attributes?.style ?? '')) return null;
  const tree = await connection.send('browsingContext.getTree', { root: context });
  const frames: Array<{ context: string; url: string }> = (tree.result ?? tree).contexts[0].children ?? [];
  const frame = frames.find((f) => /^moz-extension:\/\/[^/]+\/card\.html#/.test(f.url));
  if (!frame) return null;
  const { result: inner } = await connection.send('script.evaluate', {
    expression: `JSON.stringify((() => {
      const card = document.querySelector('[role="dialog"]');
      return card && { text: card.innerText.replace(/\\s+/g, ' '), role: card.getAttribute('role'),
        name: document.getElementById(card.getAttribute('aria-labelledby'))?.textContent ?? '' };
    })())`,
    target: { context: frame.context },
    awaitPromise: false,
  });
  const card = JSON.parse(inner.result?.value ?? 'null');
  return card && { ...card, mode: (shadow as { mode?: string }).mode ?? '', url: frame.url };
}

async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as any).CSS?.highlights?.get('counterpoint')?.size ?? 0);
}



describe('Firefox ESR', () => {
  it('underlines the news page and opens the Raqqa card on hover; Esc closes it', async () => {
    const page = await suite.ff.browser.newPage();
    await page.goto(`${suite.server.origin}/news.html`, { waitUntil: 'load' });
    expect(await until(() => highlightCount(page), (n) => n >= 30)).toBeGreaterThanOrEqual(30);

    const at = await pointAt(page, 'Raqqa', { within: 'p1' });
    await page.mouse.move(at.x, at.y);
    const card = await until(
      () => readCardFirefox(suite.ff.browser, page),
      (c) => !!c && c.text.includes('Competing viewpoints'),
    );
    expect(card).not.toBeNull();
    expect(card!.mode).toBe('closed');
    expect(card!.role).toBe('dialog');
    expect(card!.name).toBe('Raqqa');
    expect(card!.text).toMatch(/^Raqqa /);
    expect(card!.text).toMatch(/in \d+ of \d+ sources/);
    expect(card!.text).toContain('Compare sources');

    // The page's document holds none of the card's text.
    expect(await page.evaluate(() => document.documentElement.textContent.includes('Competing viewpoints'))).toBe(false);

    await page.keyboard.press('Escape');
    expect(await until(() => readCardFirefox(suite.ff.browser, page), (c) => c === null)).toBeNull();
    await page.close();
  });

  it('underlines the Arabic right-to-left page, clitics included, and opens the Mosul card from بالموصل; Esc closes it', async () => {
    const page = await suite.ff.browser.newPage();
    await page.goto(`${suite.server.origin}/briefs-ar.html`, { waitUntil: 'load' });
    const expected = BRIEFS.find((b) => b.file === 'briefs-ar.html')!.expected.length;
    expect(await until(() => highlightCount(page), (n) => n >= expected)).toBe(expected);
    const at = await pointAt(page, 'الموصل', { within: 'mosul', nth: 2 }); // من الموصل, الموصلي (no mention), بالموصل
    await page.mouse.move(at.x, at.y);
    const card = await until(() => readCardFirefox(suite.ff.browser, page), (c) => !!c && c.name === 'Mosul');
    expect(card!.name).toBe('Mosul');
    await page.keyboard.press('Escape');
    expect(await until(() => readCardFirefox(suite.ff.browser, page), (c) => c === null)).toBeNull();
    await page.close();
  });

  it('stays silent on the trap page', async () => {
    const page = await suite.ff.browser.newPage();
    await page.goto(`${suite.server.origin}/traps.html`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await highlightCount(page)).toBe(0);
    const at = await pointAt(page, 'ISIS', { within: 'registrar' });
    await page.mouse.move(at.x, at.y);
    await new Promise((r) => setTimeout(r, 800));
    expect(await readCardFirefox(suite.ff.browser, page)).toBeNull();
    // Alive all along: an unambiguous mention added now is underlined.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'A letter from Raqqa.' })));
    expect(await until(() => highlightCount(page), (n) => n > 0)).toBeGreaterThan(0);
    await page.close();
  });
});
