/**
 * Hover cards in real Chromium, what the card and the page do for the extension's other parts: Esc
 * and the pin, "Compare sources" opening the real side panel and "Search corpus" the search, and
 * the content script answering the side panel (the page's mentions, revealing the next one).
 * Shared set-up: tests/e2e/hoverSuite.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askContent, hoverText, waitCard, waitNoCard } from './content';
import { useHoverSuite } from './hoverSuite';
import { readCard } from './shadow';

const suite = useHoverSuite();
const { url, open } = suite;

describe('a news page', () => {
  let page: Page;

  beforeAll(async () => {
    ({ page } = await open('news.html'));
  });
  afterAll(() => page?.close());

  it('Esc closes; the pin keeps the card through pointer moves and other mentions', async () => {
    await hoverText(page, 'Raqqa', 1);
    await waitCard(page);
    await page.keyboard.press('Escape');
    await waitNoCard(page);

    await hoverText(page, 'Raqqa', 1);
    const card = await waitCard(page);
    const pin = card.buttons.find((b) => b.label === 'Pin card')!;
    await page.mouse.move(pin.x, pin.y, { steps: 4 });
    await page.mouse.click(pin.x, pin.y);
    await expect.poll(async () => (await readCard(page))?.buttons.find((b) => b.label === 'Pin card')!.pressed).toBe('true');
    await page.mouse.move(5, 5, { steps: 2 });
    await hoverText(page, 'Mosul', 0);
    await page.waitForTimeout(900);
    expect((await readCard(page))?.name).toBe('Raqqa');
    await page.keyboard.press('Escape');
    await waitNoCard(page);
  });

  it('"Compare sources" opens the real side panel; "Search corpus" opens the search', async () => {
    const sidePanels = () =>
      suite.ext.worker.evaluate(async () => (await (globalThis as any).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length);
    expect(await sidePanels()).toBe(0);
    await hoverText(page, 'Raqqa', 1);
    let card = await waitCard(page);
    const compare = card.buttons.find((b) => b.label === 'Compare sources')!;
    await page.mouse.move(compare.x, compare.y, { steps: 4 });
    await page.mouse.click(compare.x, compare.y);
    await expect.poll(sidePanels, { timeout: 5000 }).toBe(1);
    // Not the fallback: no comparison tab was opened instead.
    expect(suite.ext.context.pages().some((p) => p.url().includes('sidepanel.html'))).toBe(false);
    // Close the panel again (headless Chromium closes a popup at once while a side panel has focus).
    await suite.ext.worker.evaluate(async () => {
      const sidePanel = (globalThis as any).chrome.sidePanel;
      await sidePanel.setOptions({ enabled: false });
      await sidePanel.setOptions({ enabled: true });
    });
    await expect.poll(sidePanels, { timeout: 5000 }).toBe(0);

    await page.bringToFront();
    await page.mouse.move(5, 5);
    await waitNoCard(page).catch(() => page.keyboard.press('Escape'));
    await hoverText(page, 'Raqqa', 1);
    card = await waitCard(page);
    const search = card.buttons.find((b) => b.label === 'Search corpus')!;
    // The real toolbar popup (which takes the query from storage.session), else popup.html#q=… in a
    // tab. Headless Chromium may close the popup again at once: the worker watches for it.
    await suite.ext.worker.evaluate(() => {
      const g = globalThis as any;
      g.__popupSeen = false;
      g.__popupWatch = setInterval(() => {
        void g.chrome.runtime.getContexts({ contextTypes: ['POPUP'] }).then((contexts: unknown[]) => {
          if (contexts.length) g.__popupSeen = true;
        });
      }, 10);
    });
    await page.mouse.move(search.x, search.y, { steps: 4 });
    await page.mouse.click(search.x, search.y);
    const popupSeen = () => suite.ext.worker.evaluate(() => (globalThis as any).__popupSeen as boolean);
    await expect
      .poll(async () => (await popupSeen()) || suite.ext.context.pages().some((p) => p.url().includes('popup.html#q=Raqqa')), { timeout: 5000 })
      .toBe(true);
    await suite.ext.worker.evaluate(() => clearInterval((globalThis as any).__popupWatch));
    for (const p of suite.ext.context.pages()) if (/sidepanel\.html|popup\.html#q=/.test(p.url())) await p.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
  });

  it('answers the side panel: mentions on the page, and revealing the next one', async () => {
    const { res } = await askContent(suite.extPage, url('news.html'), 'pageMentions');
    expect(res.url).toBe(url('news.html'));
    const counts = res.entities.map((e: { count: number }) => e.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const flashed = () =>
      page.evaluate(() => {
        const h = (globalThis as any).CSS.highlights.get('counterpoint-flash');
        const r = h && [...h][0];
        return r ? `${r.startContainer.parentElement.id || r.startContainer.parentElement.tagName}:${r.startOffset}` : null;
      });
    expect((await askContent(suite.extPage, url('news.html'), 'revealMention', { entityId: 'raqqa' })).res).toEqual({ found: true });
    const first = await flashed();
    expect(first).not.toBeNull();
    expect((await askContent(suite.extPage, url('news.html'), 'revealMention', { entityId: 'raqqa' })).res).toEqual({ found: true });
    expect(await flashed()).not.toBe(first);
    expect((await askContent(suite.extPage, url('news.html'), 'revealMention', { entityId: 'kirkuk' })).res).toEqual({ found: false });
  });
});
