/**
 * Accessibility of the hover card itself in real Chromium (issue 12): axe-core's WCAG 2.2 A/AA rules
 * run inside the card page's frame, on a card the user opened by moving the mouse onto a mention,
 * in light and in dark; and at 200% zoom (a 1280×800 window is 640×400 CSS px) the card reflows
 * with no horizontal scrolling inside its frame.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { hoverText, waitCard, waitScanned } from './content';
import { startServer, type StaticServer } from './server';

let ext: ExtensionBrowser;
let server: StaticServer;
let extPage: Page;

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/options.html`);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Opens the news page, hovers "Raqqa" with the real pointer, and returns the open card's frame. */
async function openCard(scheme: 'light' | 'dark', size = { width: 1280, height: 800 }): Promise<{ page: Page; frame: Frame }> {
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`${server.origin}/news.html`, { waitUntil: 'load' });
  await waitScanned(extPage, `${server.origin}/news.html`);
  await page.mouse.move(2, 2);
  await hoverText(page, 'Raqqa', 1);
  const card = await waitCard(page);
  expect(card.name).toBe('Raqqa');
  const hash = new URL(card.frameUrl).hash;
  const frame = page.frames().find((f) => f.url().endsWith(`/card.html${hash}`));
  if (!frame) throw new Error('the card page’s frame was not found');
  return { page, frame };
}

describe('the hover card, axe: WCAG 2.2 A and AA', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: no violations inside the card’s frame`, async () => {
      const { page, frame } = await openCard(scheme);
      // The scheme reached the card page (so both palettes are the ones checked).
      expect(await frame.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      // Disclosures open, so what they hide is checked too.
      await frame.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const found = await axeViolations(frame);
      expect(found, describeFindings(found)).toEqual([]);
      await page.close();
    });
  }
});

describe('the hover card at 200% zoom (640×400 CSS px)', () => {
  it('has no horizontal overflow inside its frame', async () => {
    const { page, frame } = await openCard('light', { width: 640, height: 400 });
    const m = await frame.evaluate(() => {
      const widest = [...document.querySelectorAll<HTMLElement>('[role="dialog"] *')].reduce((w, e) => Math.max(w, e.getBoundingClientRect().right), 0);
      return { scroll: document.body.scrollWidth, client: document.body.clientWidth, widest, viewport: innerWidth };
    });
    expect(m.client).toBeGreaterThan(0);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    expect(m.widest).toBeLessThanOrEqual(m.viewport + 0.5);
    await page.close();
  });
});
