/**
 * Smoke test of the hover card in Firefox ESR (MV3), driven by puppeteer-core over WebDriver BiDi:
 * underlines on the news fixture, a card on hover, Esc, and silence on the trap page; the same
 * on the Arabic right-to-left brief (a name after clitics; the card inside the viewport). Which
 * names the briefs underline, in all four languages: firefox-press-languages.e2e.test.ts.
 *
 * The card is read the way the browser's tools can: WebDriver BiDi's serialisation with
 * `includeShadowTree: "all"` shows the host's closed shadow root and the card page's iframe in it,
 * and the card page is a child browsing context, evaluated in its own right.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { pointAt, until, useFirefoxSuite } from './firefox';
import { expectInViewport, readCardFirefox } from './firefoxCard';
import { BRIEFS } from '../fixtures/briefs';

const suite = useFirefoxSuite();


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
    expectInViewport(card!); // placed on the right-to-left page (its alignment: firefox-rtl-card)
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
