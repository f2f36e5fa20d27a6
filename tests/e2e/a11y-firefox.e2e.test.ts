/**
 * Accessibility of the extension's pages in Firefox ESR (puppeteer-core over WebDriver BiDi): the
 * sidebar page at the 252 CSS px Firefox opens its sidebar at (no sideways scrolling, nothing cut
 * off, the "On this page" heading on one line, the comparison's columns stacked inside), and axe's
 * WCAG 2.2 A/AA rules on the popup with results, the sidebar's comparison, and the reader. (Light
 * scheme only: BiDi cannot emulate prefers-color-scheme; the dark palette is checked in Chromium,
 * tests/e2e/a11y.e2e.test.ts, and is the same CSS.)
 *
 * COUNTERPOINT_FIREFOX_DIR points the tests at another build than .output/firefox-mv3.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from './firefox';
import { reflowReport } from './reflow';

let ff: FirefoxWithExtension;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension(process.env.COUNTERPOINT_FIREFOX_DIR || undefined);
});
afterAll(async () => ff?.close());

async function openAt(path: string, width: number, height = 800): Promise<Page> {
  const page = await openExtensionPage(ff, path);
  await page.setViewport({ width, height });
  return page;
}

describe('Firefox sidebar at 252px', () => {
  it('reflows the comparison without sideways scrolling or cut text', async () => {
    const page = await openAt('sidepanel.html#entity=isis', 252);
    await page.waitForSelector('.comparison[data-entity="isis"] .column');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await page.evaluate(() => innerWidth)).toBe(252);
    const report = await reflowReport(page);
    expect(report.scrollWidth).toBeLessThanOrEqual(report.clientWidth);
    expect(report.cut).toEqual([]);
    const columns = await page.$$eval('.column', (els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    expect(columns).toHaveLength(5);
    for (const w of columns) expect(w).toBeLessThanOrEqual(252);
    const heading = await page.$eval('#on-page-title', (h) => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight));
    expect(heading).toBeLessThan(1.5);
    await page.close();
  });
});

describe('axe in Firefox', () => {
  const surfaces: Array<[string, string, string]> = [
    ['popup with results', 'popup.html?layout=popup#q=Raqqa', '[role="option"]'],
    ['sidebar comparison', 'sidepanel.html#entity=raqqa', '.column'],
    ['reader', 'reader.html#doc=001_a3ed7a2f4efbeee5&passage=8', 'mark#target'],
  ];
  for (const [name, path, ready] of surfaces) {
    it(`${name}: no WCAG 2.2 A/AA violations`, async () => {
      const page = await openAt(path, name.startsWith('popup') ? 460 : 400, 700);
      await page.waitForSelector(ready);
      const found = await axeViolations(page);
      expect(found, describeFindings(found)).toEqual([]);
      await page.close();
    });
  }
});
