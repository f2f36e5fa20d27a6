/**
 * The popup in Arabic in Firefox ESR (issue 20), the language chosen as a user does, in the options
 * page: it lays out right to left, speaks Arabic, finds passages, keeps each excerpt's own
 * direction, and axe-core's WCAG 2.2 A/AA rules find nothing on it. Chromium: i18n.e2e.test.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
import { launchFirefoxWithExtension, openExtensionPage, until, type FirefoxWithExtension } from './firefox';

let ff: FirefoxWithExtension;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension(process.env.COUNTERPOINT_FIREFOX_DIR || undefined);
});
afterAll(async () => ff?.close());

const root = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('the popup in Arabic, in Firefox', () => {
  it('follows the options’ override: right to left, in Arabic, searches, and passes axe', async () => {
    const options = await openExtensionPage(ff, 'options.html');
    await options.waitForSelector('input[name="language"][value="ar"]');
    await options.click('input[name="language"][value="ar"]');
    await until(() => root(options), (r) => r.lang === 'ar');
    expect(await root(options)).toEqual({ lang: 'ar', dir: 'rtl' });

    const popup = await openExtensionPage(ff, 'popup.html?layout=popup#q=Raqqa');
    await popup.setViewport({ width: 460, height: 700 });
    await popup.waitForSelector('[role="option"]');
    expect(await root(popup)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await popup.$eval('.search-label', (l) => l.textContent)).toBe('ابحث في المدوّنة');
    const status = await until(
      async () => (await popup.$eval('#result-status', (s) => s.textContent ?? '')).replace(/[\u2066-\u2069]/g, ''),
      (s) => s.length > 0,
    );
    expect(status).toMatch(/^\d+ مقط.* في \d* ?مص/);
    expect(status).not.toMatch(/passage|source/);
    const excerpt = await popup.$eval('.result-text', (p) => ({ dir: p.getAttribute('dir'), direction: getComputedStyle(p).direction }));
    expect(excerpt).toEqual({ dir: 'auto', direction: 'ltr' });
    const header = await popup.$eval('.brand', (b) => ({ right: innerWidth - b.getBoundingClientRect().right, left: b.getBoundingClientRect().left }));
    expect(header.right).toBeLessThan(header.left);
    await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const found = await axeViolations(popup);
    expect(found, describeFindings(found)).toEqual([]);
    await popup.close();
    await options.close();
  });
});
