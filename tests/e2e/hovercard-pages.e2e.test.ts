/**
 * Hover cards in real Chromium on the fixture pages that test the edges of the content script:
 * settings followed live (underlines off, a disabled site), pages that must stay silent (traps,
 * skipped content), a dynamic page (added and edited text, pushState), and frames. The page's DOM is
 * compared with the same page in a Chromium without the extension. Shared set-up:
 * tests/e2e/hoverSuite.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askContent, highlightedTexts, hoverText, pageHtml, setSettings, waitCard, waitNoCard } from './content';
import { useHoverSuite } from './hoverSuite';
import { highlightCount, readCard, textRect } from './shadow';

const suite = useHoverSuite();
const { url, open, plainHtml } = suite;

describe('a news page', () => {
  let page: Page;

  beforeAll(async () => {
    ({ page } = await open('news.html'));
  });
  afterAll(() => page?.close());

  it('switches underlines off and still opens cards; does nothing on a disabled site', async () => {
    try {
      await setSettings(suite.extPage, { underlines: false });
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('counterpoint'))).toBe(false);
      await page.mouse.move(5, 5);
      await hoverText(page, 'Raqqa', 1);
      expect((await waitCard(page)).name).toBe('Raqqa');
      await page.keyboard.press('Escape');
      await setSettings(suite.extPage, { underlines: true });
      await expect.poll(() => highlightCount(page)).toBeGreaterThan(30);

      await setSettings(suite.extPage, { disabledSites: ['127.0.0.1'] });
      await expect.poll(() => highlightCount(page)).toBe(0);
      await page.reload({ waitUntil: 'load' });
      await page.waitForTimeout(800);
      expect(await highlightCount(page)).toBe(0);
      expect((await askContent(suite.extPage, url('news.html'), 'pageMentions')).res.entities).toEqual([]);
      await hoverText(page, 'Raqqa', 1);
      await page.waitForTimeout(700);
      expect(await readCard(page)).toBeNull();
    } finally {
      await setSettings(suite.extPage, {});
    }
    await expect.poll(() => highlightCount(page), { timeout: 5000 }).toBeGreaterThan(30);
  });
});

describe('pages that must stay silent or partly silent', () => {
  it('gives the trap page (Turkey the clerk, turkey the roast, Isis the goddess, a university "ISIS") no underline and no card', async () => {
    const { page, errors, report } = await open('traps.html');
    expect(report.entities).toEqual([]);
    expect(await highlightCount(page)).toBe(0);
    for (const [word, nth] of [['Turkey', 0], ['turkey', 0], ['Isis', 0], ['ISIS', 0], ['Jordan', 0]] as const) {
      await page.mouse.move(5, 5);
      await hoverText(page, word, nth);
      await page.waitForTimeout(500);
      expect(await readCard(page), word).toBeNull();
    }
    expect(await pageHtml(page)).toBe(await plainHtml('traps.html'));
    // Held names are asked whether they are shown when the gate lets them through: a hidden one stays out.
    await page.evaluate(() => {
      const p = document.createElement('p');
      const hidden = document.createElement('span');
      hidden.style.display = 'none';
      hidden.textContent = 'SDF';
      p.append('On the notice board: ', hidden, ' FSA.');
      document.body.append(p);
    });
    await page.waitForTimeout(500);
    expect(await highlightCount(page)).toBe(0);

    // The gate, not a dead script: once the page has an unambiguous mention, held ones count.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later that year the registrar’s brother wrote home from Raqqa.';
      document.body.append(p);
    });
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toContain('Raqqa');
    expect(await highlightedTexts(page)).toContain('ISIS');
    expect(await highlightedTexts(page)).toContain('FSA');
    expect(await highlightedTexts(page)).not.toContain('SDF');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores scripts, styles, form fields, editable regions, hidden and closed content', async () => {
    const { page, errors } = await open('skipped.html');
    expect(await highlightedTexts(page)).toEqual(['Mosul', 'Raqqa']);
    expect(await pageHtml(page)).toBe(await plainHtml('skipped.html'));
    // Opening the <details> shows its text: the observer picks it up.
    await page.evaluate(() => document.querySelector('details')!.setAttribute('open', ''));
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toEqual(['Mosul', 'Raqqa', 'Raqqa', 'Mosul']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a dynamic page', () => {
  it('underlines text added after load, drops edited-away mentions, and follows a pushState navigation', async () => {
    await suite.extPage.evaluate(() => {
      const w = globalThis as any;
      w.__changes = [];
      w.chrome.runtime.onMessage.addListener((m: any) => {
        if (m?.type === 'pageMentionsChanged') w.__changes.push(m.data);
      });
    });
    const { page, errors, report } = await open('dynamic.html');
    expect(report.entities).toEqual([]);
    // As the side panel does: follow the page (asking for its mentions alone changes nothing).
    await askContent(suite.extPage, url('dynamic.html'), 'watchMentions');
    const before = await plainHtml('dynamic.html');
    expect(await pageHtml(page)).toBe(before);

    await page.evaluate(() => (window as any).addUpdate());
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toEqual(['Peshmerga', 'Kirkuk']);
    await hoverText(page, 'Kirkuk');
    expect((await waitCard(page)).name).toBe('Kirkuk');
    await page.keyboard.press('Escape');
    await waitNoCard(page);

    await page.evaluate(() => (window as any).editUpdate());
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toEqual(['Peshmerga']);

    await page.mouse.move(5, 5);
    await page.evaluate(() => (window as any).goToStory());
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toEqual(['Mosul', 'Daesh']);
    // Asked once, right after the highlights show the new story: the navigation's reset comes before
    // its scan, never after it (it used to empty the report in 1 run of 3: entrypoints/content/observer.test.ts).
    const after = (await askContent(suite.extPage, url('dynamic.html'), 'pageMentions')).res;
    expect(after).toMatchObject({ url: url('dynamic.html?story=2'), entities: [{ id: 'isis', count: 1 }, { id: 'mosul', count: 1 }] });
    // The side panel was told, without asking again.
    await expect
      .poll(() => suite.extPage.evaluate(() => (globalThis as any).__changes.map((c: any) => c.url)), { timeout: 5000 })
      .toContain(url('dynamic.html?story=2'));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('frames', () => {
  it('scans and shows cards in every frame; only the top frame reports mentions', async () => {
    const { page, errors, report } = await open('frame.html');
    expect(report.entities).toEqual([{ id: 'mosul', count: 1 }]);
    const frame = page.frames().find((f) => f.url().endsWith('frame-inner.html'))!;
    await expect.poll(() => highlightedTexts(frame), { timeout: 5000 }).toEqual(['Syrian Democratic Forces', 'Raqqa']);
    const box = (await page.locator('iframe').boundingBox())!;
    const r = (await textRect(frame as unknown as Page, 'Raqqa'))!;
    await page.mouse.move(box.x + r.x, box.y + r.y, { steps: 2 });
    // The frame's own card page, nested in that frame, shows the card.
    const cardIn = () => page.frames().find((f) => f.parentFrame() === frame && f.url().includes('/card.html'));
    await expect.poll(() => cardIn()?.evaluate(() => document.querySelector('[role="dialog"] h2')?.textContent) ?? null, { timeout: 5000 }).toBe('Raqqa');
    expect(errors).toEqual([]);
    await page.close();
  });
});
