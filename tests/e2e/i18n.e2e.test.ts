/**
 * The interface in Arabic and French in real Chromium (issue 20), the language chosen as a user
 * does, through the options page's override: the pages lay out right to left in Arabic and speak
 * it; axe-core's WCAG 2.2 A/AA rules find nothing on the popup, side panel, options and reader in
 * Arabic and French, nor inside the card's frame in Arabic (English: a11y.e2e.test.ts and
 * a11y-card.e2e.test.ts); and on a right-to-left page (tests/fixtures/rtl-page.html) the card
 * opens beside its mention, aligned to its right edge, inside the viewport, and Esc closes it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
import { launchWithExtension, watchErrors, type ExtensionBrowser } from './chromium';
import { expectInViewport, hoverText, waitCard, waitNoCard, waitScanned } from './content';
import { startServer, type StaticServer } from './server';

let ext: ExtensionBrowser;
let server: StaticServer;
let base: string;
let options: Page;
const errors: string[][] = [];

/** Chooses the interface language in the options page, as a user does. */
async function chooseLanguage(lang: string): Promise<void> {
  await options.locator(`input[name="language"][value="${lang}"]`).check();
  await options.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function open(path: string, width = 1000, height = 700): Promise<Page> {
  const page = await ext.context.newPage();
  errors.push(watchErrors(page, ext.extensionId));
  await page.setViewportSize({ width, height });
  await page.goto(`${base}/${path}`);
  return page;
}

const root = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  base = `chrome-extension://${ext.extensionId}`;
  options = await open('options.html');
  await options.locator('#hover-delay').waitFor();
  await chooseLanguage('ar');
});

afterAll(async () => {
  for (const e of errors) expect(e).toEqual([]);
  await ext?.close();
  await server?.close();
});

describe('the popup in Arabic', () => {
  it('follows the options’ override: right to left, in Arabic, and searches', async () => {
    expect(await root(options)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect(options.locator('h1').textContent()).resolves.toContain('إعدادات Counterpoint');
    const popup = await open('popup.html?layout=popup', 460, 600);
    const box = popup.getByRole('combobox', { name: 'ابحث في المدوّنة' });
    await box.waitFor();
    expect(await root(popup)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect(popup.title()).resolves.toBe('Counterpoint — البحث');
    // Laid out right to left: the label starts at the right, the icon sits at the box's right end.
    const layout = await popup.evaluate(() => {
      const words = document.createRange();
      words.selectNodeContents(document.querySelector('.search-label')!);
      const label = words.getBoundingClientRect();
      const icon = document.querySelector('.search-icon')!.getBoundingClientRect();
      const input = document.querySelector('.search-input')!.getBoundingClientRect();
      return { labelRight: innerWidth - label.right, labelLeft: label.left, iconFromRight: input.right - icon.right };
    });
    expect(layout.labelRight).toBeLessThan(layout.labelLeft);
    expect(layout.iconFromRight).toBeLessThan(20);
    await box.fill('Raqqa');
    await popup.locator('[role="option"]').first().waitFor();
    // "12 مقطعًا في 4 مصادر": the count of passages and sources, in Arabic plural forms.
    // (Counts put into the sentence are bidi-isolated: FSI … PDI, stripped here.)
    const status = async () => ((await popup.locator('#result-status').textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
    await expect.poll(status).toMatch(/^\d+ مقط.* في \d* ?مص/);
    expect(await popup.locator('#result-status').textContent()).not.toMatch(/passage|source/);
    await box.press('ArrowDown');
    await expect(popup.locator('[role="option"][aria-selected="true"]').count()).resolves.toBe(1);
    // Excerpts keep their own direction: English text in an Arabic interface reads left to right.
    const excerpt = await popup.locator('.result-text').first().evaluate((p) => ({ dir: p.getAttribute('dir'), direction: getComputedStyle(p).direction }));
    expect(excerpt).toEqual({ dir: 'auto', direction: 'ltr' });
    await popup.close();
  });
});

describe('axe: WCAG 2.2 A and AA in Arabic (right to left) and French', () => {
  const surfaces: Array<[string, string, string, number]> = [
    ['popup, empty', 'popup.html?layout=popup', '#search-input', 460],
    ['popup with results', 'popup.html?layout=popup#q=Raqqa', '[role="option"]', 460],
    ['side panel, comparison', 'sidepanel.html#entity=raqqa', '.column', 400],
    ['options', 'options.html', '#hover-delay', 1000],
    ['reader', 'reader.html#doc=001_a3ed7a2f4efbeee5&passage=8', 'mark#target', 1000],
  ];
  for (const lang of ['ar', 'fr'] as const) {
    for (const [name, path, ready, width] of surfaces) {
      it(`${lang}, ${name}: no violations`, async () => {
        await chooseLanguage(lang);
        const page = await open(path, width, 700);
        await page.locator(ready).first().waitFor();
        expect(await root(page)).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const found = await axeViolations(page);
        expect(found, describeFindings(found)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('the card on a right-to-left page, in Arabic', () => {
  it('opens beside the mention, aligned to its right edge, inside the viewport, reads right to left, passes axe, and Esc closes it', async () => {
    await chooseLanguage('ar');
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    const url = `${server.origin}/rtl-page.html`;
    await page.goto(url, { waitUntil: 'load' });
    await waitScanned(options, url);
    await page.mouse.move(2, 2);
    const at = await hoverText(page, 'Mosul', 0);
    const card = await waitCard(page);
    expect(card.name).toBe('Mosul');
    await expectInViewport(page, card);
    const mention = await page.evaluate(() => {
      const p = document.getElementById('p1')!;
      const range = document.createRange();
      const text = p.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 5);
      return range.getBoundingClientRect().right;
    });
    expect(at.x).toBeLessThan(mention);
    expect(Math.abs(card.rect.right - mention)).toBeLessThanOrEqual(2);
    const hash = new URL(card.frameUrl).hash;
    const frame = page.frames().find((f) => f.url().endsWith(`/card.html${hash}`))!;
    expect(await frame.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(card.region?.label).toContain('ما تقوله المدوّنة عن');
    await frame.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const found = await axeViolations(frame);
    expect(found, describeFindings(found)).toEqual([]);
    await page.keyboard.press('Escape');
    await waitNoCard(page);

    // The other "Mosul" ends a line at the page's left edge: the card still fits the viewport.
    await page.mouse.move(2, 2);
    await hoverText(page, 'Mosul', 1);
    await expectInViewport(page, await waitCard(page));
    await page.keyboard.press('Escape');
    await waitNoCard(page);
    await page.close();
  });
});
