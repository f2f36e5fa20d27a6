/**
 * The reader's own names are marked (issue 18), in Chromium with the built extension: a group the
 * reader added (through the options page's message, as the entity form sends it) is underlined on
 * a page where the page cannot read it (entrypoints/content/privateMarks.ts): the underline is read
 * from the closed shadow root through the DevTools protocol, as a user's DevTools would show it,
 * and seen in the pixels. It follows scrolling and the page's layout changes, goes with the
 * underlines setting, and is never in `CSS.highlights`. (What a hostile page learns of it:
 * hostile-page.e2e.test.ts.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { highlightedTexts, hoverText, setSettings, waitCard, waitNoCard, waitScanned } from './content';
import { boxOf, READER_ENTITY, READER_NAME, readMarks, underlines } from './privateMarks';
import { startServer, type StaticServer } from './server';

let ext: ExtensionBrowser;
let server: StaticServer;
let options: Page;
let page: Page;
let url: string;

beforeAll(async () => {
  ext = await launchWithExtension();
  server = await startServer();
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const { err } = await sendFromExtensionPage(options, 'addEntity', READER_ENTITY);
  if (err) throw new Error(err.message);
  url = `${server.origin}/private-names.html`;
  page = await ext.context.newPage();
  await page.goto(url);
  await waitScanned(options, url);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const nameMarked = async () => underlines(await readMarks(page), await page.evaluate(boxOf, 'name'));

describe('the reader’s own name on a page', () => {
  it('is underlined in the extension’s layer, not in the page’s highlights; a bundled name is not in the layer', async () => {
    await expect.poll(nameMarked, { timeout: 10_000 }).toBe(true);
    const marks = await readMarks(page);
    expect(marks).toHaveLength(1);
    expect(underlines(marks, await page.evaluate(boxOf, 'news'))).toBe(false);
    const highlighted = await highlightedTexts(page);
    expect(highlighted).toContain('Raqqa');
    expect(highlighted).not.toContain(READER_NAME);
  });

  it('is drawn: the pixels under the name change with the underlines setting', async () => {
    const box = await page.evaluate(boxOf, 'name');
    const clip = { x: box.left, y: box.top + box.height / 2, width: box.width, height: box.height / 2 + 2 };
    const marked = await page.screenshot({ clip });
    await setSettings(options, { underlines: false });
    await expect.poll(async () => (await readMarks(page)).length).toBe(0);
    const plain = await page.screenshot({ clip });
    expect(marked.equals(plain)).toBe(false);
    await setSettings(options, {});
    await expect.poll(nameMarked).toBe(true);
    expect((await page.screenshot({ clip })).equals(marked)).toBe(true);
  });

  it('follows the text when the page scrolls and when its layout changes above it', async () => {
    await page.evaluate(() => scrollTo(0, 120));
    await expect.poll(nameMarked).toBe(true);
    const before = await page.evaluate(boxOf, 'name');
    await page.evaluate(() => {
      const above = document.getElementById('above')!;
      above.style.height = '90px';
    });
    const after = await page.evaluate(boxOf, 'name');
    expect(after.top - before.top).toBeGreaterThan(80);
    await expect.poll(nameMarked).toBe(true);
    // Scrolled out of view: no mark is left on the screen.
    await page.evaluate(() => scrollTo(0, 2000));
    await expect.poll(async () => (await readMarks(page)).filter((m) => m.top >= 0 && m.top < 800).length).toBe(0);
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(nameMarked).toBe(true);
  });

  it('opens its card on hover, and while it is open is drawn as the open card’s mention (its line tinted)', async () => {
    await hoverText(page, READER_NAME);
    expect((await waitCard(page)).name).toBe(READER_NAME);
    const box = await page.evaluate(boxOf, 'name');
    await expect.poll(async () => (await readMarks(page)).some((m) => Math.abs(m.top - box.top) <= 1 && m.height > box.height / 2)).toBe(true);
    await page.mouse.move(5, 5);
    await waitNoCard(page);
    await expect.poll(async () => (await readMarks(page)).map((m) => m.height)).toEqual([2]);
  });

  it('is not marked where the page covers it', async () => {
    await page.evaluate(() => {
      const r = document.getElementById('name')!.getBoundingClientRect();
      const cover = document.createElement('div');
      cover.id = 'cover';
      cover.style.cssText = `position:fixed;left:${r.left - 10}px;top:${r.top - 10}px;width:${r.width + 20}px;height:${r.height + 20}px;background:#fff`;
      document.body.append(cover);
    });
    await expect.poll(async () => (await readMarks(page)).length).toBe(0);
    await page.evaluate(() => document.getElementById('cover')!.remove());
    await expect.poll(nameMarked).toBe(true);
  });
});
