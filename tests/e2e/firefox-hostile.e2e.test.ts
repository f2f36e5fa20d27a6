/**
 * The page-level attacks of hostile-page.e2e.test.ts in Firefox ESR: what a page script sees of
 * Counterpoint (posted messages, style sheets, highlights), whether a forged lifecycle event stops
 * it, whether anything shows on a site the user switched off, and whether the marks of the
 * reader's own names tell it that a name it wrote is theirs.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_UUID, GECKO_ID, launchFirefoxWithExtension, openExtensionPage, sendFromFirefoxPage, until, type FirefoxWithExtension } from './firefox';
import { boxOf, NOBODY, probeInPage, READER_ENTITY, READER_NAME, readMarksFirefox, underlines } from './privateMarks';
import { startServer, type StaticServer } from './server';

let ff: FirefoxWithExtension;
let server: StaticServer;
let optionsPage: Page;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension();
  server = await startServer();
  optionsPage = await openExtensionPage(ff, 'options.html');
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});


const probe = (page: Page) =>
  page.evaluate(() => {
    const p = document.getElementById('news')!;
    return {
      highlights: CSS.highlights.size,
      underlined: CSS.highlights.get('counterpoint')?.size ?? 0,
      sheets: document.adoptedStyleSheets.length,
      underline: getComputedStyle(p, '::highlight(counterpoint)').textDecorationLine,
      messages: (window as unknown as { __seen: { messages: string[] } }).__seen.messages,
    };
  });

const setDisabledSites = (sites: string[]) =>
  optionsPage.evaluate(
    (s) => (globalThis as any).browser.storage.local.set({ 'counterpoint:settings': { underlines: true, hoverDelayMs: 250, disabledSites: s } }),
    sites,
  );

describe('Firefox ESR, a hostile page', () => {
  it('underlines with an adopted sheet, is posted nothing of ours, and survives forged lifecycle events', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${server.origin}/hostile.html`, { waitUntil: 'load' });
    const before = await until(() => probe(page), (p) => p.underlined >= 3);
    expect(before.underlined).toBeGreaterThanOrEqual(3);
    expect(before.sheets).toBe(1);
    expect(before.underline).toBe('underline');
    await page.evaluate((id) => {
      for (const name of [`${id}:content:wxt:content-script-started`, 'wxt:content-script-started', 'wxt:locationchange']) {
        document.dispatchEvent(new CustomEvent(name));
        window.dispatchEvent(new CustomEvent(name));
        window.postMessage({ type: name, contentScriptName: 'content', messageId: 'forged' }, '*');
      }
    }, GECKO_ID);
    await new Promise((r) => setTimeout(r, 600));
    const after = await probe(page);
    expect(after.underlined).toBe(before.underlined);
    const ours = after.messages.filter((m) => !m.includes('forged'));
    expect(ours.filter((m) => m.includes(GECKO_ID) || m.includes(FIXED_UUID) || /wxt|counterpoint/i.test(m))).toEqual([]);
    await page.close();
  });

  it('marks the reader’s own name, and cannot tell from it whether a name it wrote is theirs', async () => {
    // As hostile-page.e2e.test.ts in Chromium: the reader's name, then a name of no one's of the
    // same shape; the page records what it can observe (tests/fixtures/private-names.html).
    const { err } = await sendFromFirefoxPage(optionsPage, 'addEntity', READER_ENTITY);
    expect(err).toBeUndefined();
    const probes = [];
    for (const name of [READER_NAME, NOBODY]) {
      const page = await ff.browser.newPage();
      await page.goto(`${server.origin}/private-names.html?name=${encodeURIComponent(name)}`, { waitUntil: 'load' });
      await until(() => page.evaluate(() => CSS.highlights.get('counterpoint')?.size ?? 0), (n) => n >= 1);
      const marked = async () => underlines(await readMarksFirefox(ff.browser, page), await page.evaluate(boxOf, 'name'));
      if (name === READER_NAME) expect(await until(marked, (m) => m, 10_000)).toBe(true);
      else await new Promise((r) => setTimeout(r, 1500));
      expect(await marked()).toBe(name === READER_NAME);
      probes.push(await page.evaluate(probeInPage));
      await page.close();
    }
    expect(probes[1]).toEqual(probes[0]);
    expect(probes[0]!.highlights).toEqual(['counterpoint: Raqqa']);
    expect(probes[0]!.extra).toEqual([expect.objectContaining({ tag: 'div', shadow: null, children: 0, text: '' })]);
  });

  it('shows nothing of Counterpoint on a site the user switched off', async () => {
    await setDisabledSites(['127.0.0.1']);
    try {
      const page = await ff.browser.newPage();
      await page.goto(`${server.origin}/hostile.html`, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 1000));
      const p = await probe(page);
      expect({ highlights: p.highlights, sheets: p.sheets, messages: p.messages }).toEqual({ highlights: 0, sheets: 0, messages: [] });
      expect(p.underline).not.toContain('underline');
      await page.close();
    } finally {
      await setDisabledSites([]);
    }
  });
});
