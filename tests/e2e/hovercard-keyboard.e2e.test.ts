/**
 * Hover cards in real Chromium, by keyboard: Alt+Shift+C opens the card at the selection (in the
 * page's text and in a form field) with focus inside it, Tab reaches its controls, Esc closes it and
 * gives focus (and the field's selection) back. Shared set-up: tests/e2e/hoverSuite.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInViewport, pageHtml, waitCard, waitNoCard } from './content';
import { useHoverSuite } from './hoverSuite';
import { readCard } from './shadow';

const suite = useHoverSuite();
const { open } = suite;

describe('a news page', () => {
  let page: Page;

  beforeAll(async () => {
    ({ page } = await open('news.html'));
  });
  afterAll(() => page?.close());

  it('opens the card at the selection with Alt+Shift+C, with focus inside it, and Esc gives focus back', async () => {
    await page.mouse.move(5, 5);
    await page.evaluate(() => document.querySelector('nav a')!.setAttribute('id', 'back-here'));
    await page.evaluate(() => {
      const p = document.getElementById('p2')!;
      const text = p.firstChild as Text;
      const i = text.data.indexOf('Peshmerga');
      const range = document.createRange();
      range.setStart(text, i + 2);
      range.setEnd(text, i + 2);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      (document.getElementById('back-here') as HTMLElement).focus();
    });
    await page.keyboard.press('Alt+Shift+C');
    const card = await waitCard(page);
    expect(card.name).toBe('Peshmerga');
    await expect.poll(async () => (await readCard(page))?.focused).toBe(true);
    // Esc goes to the card's frame, which has focus; the card closes and focus comes back.
    await page.keyboard.press('Escape');
    await waitNoCard(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('back-here');
    await page.evaluate(() => document.getElementById('back-here')!.removeAttribute('id'));
  });
});

describe('keyboard in a form field', () => {
  it('Alt+Shift+C on a textarea selection opens the card by the field, Tab reaches its controls, Esc gives focus and selection back', async () => {
    const { page, errors } = await open('form.html');
    const html = await pageHtml(page);
    const field = () =>
      page.evaluate(() => {
        const ta = document.activeElement as HTMLTextAreaElement;
        return { id: ta.id, start: ta.selectionStart, end: ta.selectionEnd, value: ta.value };
      });
    // Select "Mosul" as a user does: click into the field, go to its start, extend by keys.
    await page.click('#notes');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Notes from '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'Mosul'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    const before = await field();
    expect(before).toMatchObject({ id: 'notes', start: 11, end: 16 });

    await page.keyboard.press('Alt+Shift+C');
    const card = await waitCard(page);
    expect(card.name).toBe('Mosul');
    await expect.poll(async () => (await readCard(page))?.focused).toBe(true);
    await expectInViewport(page, card);
    // Next to the field, not somewhere else on the page.
    const box = (await page.locator('#notes').boundingBox())!;
    expect(card.rect.top >= box.y + box.height - 1 || card.rect.top + card.rect.height <= box.y + 1).toBe(true);

    // Tab moves from the dialog to one of its controls, still inside the card.
    const cardFrame = page.frames().find((f) => f.url().includes('/card.html'))!;
    const active = () => cardFrame.evaluate(() => {
      const a = document.activeElement!;
      return { inCard: !!a.closest('[role="dialog"]'), dialog: a.getAttribute('role') === 'dialog', tag: a.localName };
    });
    expect(await active()).toMatchObject({ inCard: true, dialog: true });
    await page.keyboard.press('Tab');
    expect(await active()).toMatchObject({ inCard: true, dialog: false });
    expect((await readCard(page))?.focused).toBe(true);

    await page.keyboard.press('Escape');
    await waitNoCard(page);
    await expect.poll(field).toEqual(before);
    expect(await pageHtml(page)).toBe(html); // the field's text and the page's DOM untouched
    expect(errors).toEqual([]);
    await page.close();
  });
});
