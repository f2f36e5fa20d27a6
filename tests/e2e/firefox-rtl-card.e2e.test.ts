/**
 * The hover card on a right-to-left page in Firefox ESR, the interface in Arabic (chosen as a user
 * does, in the options page), issue 20: on tests/fixtures/rtl-page.html the card opens beside the
 * mention, its right edge on the mention's (the card follows the text's direction), inside the
 * viewport; its frame is lang=ar dir=rtl and reads in Arabic; Esc closes it. A mention ending a line
 * at the page's left edge still gets a card inside the viewport. Chromium: i18n.e2e.test.ts.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, pointAt, until, useFirefoxSuite } from './firefox';
import { expectInViewport, readCardFirefox } from './firefoxCard';

const suite = useFirefoxSuite();

const highlightCount = (page: Page): Promise<number> => page.evaluate(() => (globalThis as any).CSS?.highlights?.get('counterpoint')?.size ?? 0);

describe('the card on a right-to-left page, in Arabic, in Firefox', () => {
  it('opens aligned to the mention’s right edge, inside the viewport, lang=ar dir=rtl, in Arabic; Esc closes it', async () => {
    const options = await openExtensionPage(suite.ff, 'options.html');
    await options.waitForSelector('input[name="language"][value="ar"]');
    await options.click('input[name="language"][value="ar"]');
    await until(() => options.evaluate(() => document.documentElement.lang), (l) => l === 'ar');

    const page = await suite.ff.browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(`${suite.server.origin}/rtl-page.html`, { waitUntil: 'load' });
    // Mosul 2, Raqqa 1, ISIS 1 in Latin script (the fixture's comment), and the Arabic names the matcher knows.
    expect(await until(() => highlightCount(page), (n) => n >= 4)).toBeGreaterThanOrEqual(4);

    await page.mouse.move(2, 2);
    const at = await pointAt(page, 'Mosul', { within: 'p1' });
    await page.mouse.move(at.x, at.y);
    const card = (await until(() => readCardFirefox(suite.ff.browser, page), (c) => !!c && c.name === 'Mosul'))!;
    expect(card.name).toBe('Mosul');
    expect({ lang: card.lang, dir: card.dir, direction: card.direction }).toEqual({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
    expect(card.region).toContain('ما تقوله المدوّنة عن');
    expect(card.text).toMatch(/[\u0621-\u064A]{3}/);
    expect(card.text).not.toMatch(/Competing viewpoints|Compare sources|sources?\b/);
    expectInViewport(card);
    const mention = await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.getElementById('p1')!.firstChild!, 0);
      range.setEnd(document.getElementById('p1')!.firstChild!, 5);
      return range.getBoundingClientRect().right;
    });
    expect(at.x).toBeLessThan(mention);
    expect(Math.abs(card.rect.right - mention)).toBeLessThanOrEqual(2);
    // The page's document holds none of the card's text.
    expect(await page.evaluate(() => document.documentElement.textContent.includes('ما تقوله المدوّنة'))).toBe(false);

    await page.keyboard.press('Escape');
    expect(await until(() => readCardFirefox(suite.ff.browser, page), (c) => c === null)).toBeNull();

    // The other "Mosul" ends a line at the page's left edge: the card still fits the viewport.
    await page.mouse.move(2, 2);
    const other = await pointAt(page, 'Mosul', { within: 'p3' });
    await page.mouse.move(other.x, other.y);
    const second = (await until(() => readCardFirefox(suite.ff.browser, page), (c) => !!c && c.name === 'Mosul'))!;
    expectInViewport(second);
    await page.keyboard.press('Escape');
    expect(await until(() => readCardFirefox(suite.ff.browser, page), (c) => c === null)).toBeNull();
    await page.close();
    await options.close();
  });
});
