/**
 * Hover cards in real Chromium with the built extension, on the project's own fixture pages: what
 * the pointer does. Underlines (CSS.highlights, which page scripts can read too), the card opening
 * after a rest and not for a brief pass, staying open while the pointer is on it, its content read
 * from its frame (an extension page inside a closed shadow root, found through CDP:
 * tests/e2e/shadow.ts), light and dark, its place on screen near the edges and at 200% zoom, and a
 * page DOM left exactly as the page made it (the card's host element aside).
 * Keyboard: hovercard-keyboard; the card's buttons: hovercard-actions; other pages:
 * hovercard-pages; ../shared/pages: hovercard-real. Shared set-up: tests/e2e/hoverSuite.ts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateText } from '../../lib/views/sourceLabel';
import { STANCE_LABEL } from '../../lib/views/stanceLabel';
import { expectInViewport, highlightedTexts, hoverText, pageHtml, setSettings, waitCard, waitNoCard, type ScanReport } from './content';
import { useHoverSuite } from './hoverSuite';
import { readCard } from './shadow';

const suite = useHoverSuite();
const { open, plainHtml, lookup } = suite;

describe('a news page', () => {
  let page: Page;
  let errors: string[];
  let report: ScanReport;
  let htmlAfterScan: string;

  beforeAll(async () => {
    ({ page, errors, report } = await open('news.html'));
    htmlAfterScan = await pageHtml(page);
  });
  afterAll(() => page?.close());

  it('underlines its corpus mentions, including names split across inline elements', async () => {
    const texts = await highlightedTexts(page);
    expect(texts.length).toBeGreaterThanOrEqual(30);
    expect(texts.length).toBeLessThanOrEqual(50);
    for (const t of ['Raqqa', 'Mosul', 'ISIS', 'Daesh', 'Syrian Democratic Forces', 'SDF', 'Peshmerga', 'Free Syrian Army', 'Deir ez-Zor']) {
      expect(texts).toContain(t);
    }
    // "Deir <em>ez-Zor</em>" and "Free <b>Syrian</b> Army" are one mention each.
    expect(texts.filter((t) => t === 'Deir ez-Zor')).toHaveLength(2);
    const ids = report.entities.map((e) => e.id);
    for (const id of ['raqqa', 'mosul', 'isis', 'syrian-democratic-forces', 'deir-ez-zor', 'peshmerga', 'free-syrian-army']) {
      expect(ids).toContain(id);
    }
    expect(report.entities.find((e) => e.id === 'raqqa')!.count).toBeGreaterThanOrEqual(6);
    expect(errors).toEqual([]);
  });

  it('leaves the DOM exactly as without the extension', async () => {
    expect(htmlAfterScan).toBe(await plainHtml('news.html'));
  });

  it('opens the Raqqa card after a short rest: excerpts from 3+ sources, 2+ perspectives, both framings', async () => {
    // Not before the hover delay: a long one for this check, so that a busy machine (slow CDP
    // reads) cannot make the default 250 ms pass before the card is read.
    await setSettings(suite.extPage, { hoverDelayMs: 2000 });
    await page.waitForTimeout(300); // the content script follows storage.onChanged
    await hoverText(page, 'Raqqa', 1);
    await page.waitForTimeout(100);
    expect(await readCard(page)).toBeNull();
    await setSettings(suite.extPage, {});
    const card = await waitCard(page);
    const data = await lookup('raqqa');

    expect(card.mode).toBe('closed');
    expect(card.role).toBe('dialog');
    expect(card.name).toBe('Raqqa');
    // Rendered by the extension's own page at Chromium's per-session alias (use_dynamic_url), so the
    // page learns neither the extension's id nor an address it could load again.
    expect(card.frameUrl).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/card\.html#/);
    expect(card.frameUrl).not.toContain(suite.ext.extensionId);
    expect(card.region).toEqual({ label: 'What the corpus says about Raqqa', tabIndex: 0 });
    expect(card.text).toContain(data.entity.description);
    expect(card.text).toContain(`in ${data.entity.sourceCount} of ${data.totalSources} sources`);
    expect(card.text).toMatch(/competing viewpoints/i);
    // Every excerpt with its source: title, approximate date, perspective.
    for (const e of [...data.excerpts, ...data.viewpoints]) {
      expect(card.text).toContain(e.source.title);
      expect(card.text).toContain(dateText(e.source));
      expect(card.text).toContain(e.source.perspective);
    }
    expect(new Set(card.sources).size).toBeGreaterThanOrEqual(3);
    expect(new Set(card.perspectives).size).toBeGreaterThanOrEqual(2);
    // StanceBadge says "Stance: " to screen readers (visually hidden text) before the label.
    expect(card.stances).toContain(`Stance: ${STANCE_LABEL.progress}`);
    expect(card.stances).toContain(`Stance: ${STANCE_LABEL.setback}`);
    expect(card.marks.length).toBeGreaterThan(0);
    for (const m of card.marks) expect(m).toMatch(/raqqa/i);
    expect(card.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Pin card', 'Close card', 'Compare sources', 'Search corpus']));
    await expectInViewport(page, card);
    // The page's own DOM is untouched while the card is open (the host element aside).
    expect(await pageHtml(page)).toBe(htmlAfterScan);
    await page.keyboard.press('Escape');
    await waitNoCard(page);
    expect(await pageHtml(page)).toBe(htmlAfterScan);
    // The only trace while closed: the host, a plain <div> with nothing a page script can open.
    const trace = await page.evaluate(() => {
      const extra = [...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body');
      return extra.map((e) => ({ tag: e.localName, children: e.childNodes.length, shadow: e.shadowRoot, text: e.textContent }));
    });
    expect(trace).toEqual([{ tag: 'div', children: 0, shadow: null, text: '' }]);
  });

  it('stays open while the pointer is on the card, closes once it leaves, never opens for a brief pass', async () => {
    await hoverText(page, 'Raqqa', 1);
    const card = await waitCard(page);
    await page.mouse.move(card.rect.left + 40, card.rect.top + 60, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await readCard(page)).not.toBeNull();
    await page.mouse.move(5, 5, { steps: 2 });
    await waitNoCard(page);

    // A brief pass: a long delay for this check, so that a busy machine cannot stretch the pass
    // past it; then waiting out the whole delay shows the timer was really cancelled.
    await setSettings(suite.extPage, { hoverDelayMs: 1500 });
    await page.waitForTimeout(300); // the content script follows storage.onChanged
    await hoverText(page, 'Mosul', 0);
    await page.waitForTimeout(120);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(1800);
    expect(await readCard(page)).toBeNull();
    await setSettings(suite.extPage, {});
  });

  it('follows the OS colour scheme, light and dark', async () => {
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    };
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(5, 5);
      await hoverText(page, 'Mosul', 0);
      const card = await waitCard(page);
      if (scheme === 'dark') {
        expect(luminance(card.background)).toBeLessThan(0.2);
        expect(luminance(card.color)).toBeGreaterThan(0.8);
      } else {
        expect(luminance(card.background)).toBeGreaterThan(0.9);
        expect(luminance(card.color)).toBeLessThan(0.2);
      }
      await page.screenshot({ path: join('test-results', `card-${scheme}.png`) });
      await page.keyboard.press('Escape');
      await waitNoCard(page);
    }
    await page.emulateMedia({ colorScheme: null });
  });
});

describe('placement', () => {
  it('keeps the card on screen next to the right and bottom edges, also at 200% zoom', async () => {
    const { page, errors } = await open('edges.html');
    for (const viewport of [{ width: 1280, height: 800 }, { width: 640, height: 400 }]) {
      // 640×400 CSS px is what a 1280×800 window shows at 200% zoom.
      await page.setViewportSize(viewport);
      for (const word of ['Mosul', 'Raqqa', 'Deir ez-Zor', 'Peshmerga']) {
        await page.mouse.move(1, 1);
        await waitNoCard(page).catch(() => page.keyboard.press('Escape'));
        await hoverText(page, word);
        const card = await waitCard(page);
        expect(card.name).not.toBe('');
        await expectInViewport(page, card);
        expect(card.rect.height).toBeGreaterThan(120);
        if (viewport.width === 640 && word === 'Deir ez-Zor') await page.screenshot({ path: join('test-results', 'card-zoom200.png') });
        await page.keyboard.press('Escape');
        await waitNoCard(page);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
