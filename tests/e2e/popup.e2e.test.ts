/**
 * The popup in real Chromium, opened as a tab (popup.html): search as you type over the corpus,
 * tolerant of this field's spellings, keyboard-only use down to the reader view, filters, the
 * per-site switch, and the ways a query reaches it (its own #q= address, and the hand-off channel).
 *
 * Then a smoke test of the same pages in Firefox ESR (popup, sidebar page, reader).
 *
 * COUNTERPOINT_EXTENSION_DIR / COUNTERPOINT_FIREFOX_DIR point the tests at other builds than
 * .output/chrome-mv3 and .output/firefox-mv3.
 */
import type { Page } from 'playwright-core';
import { tabIdOf } from './content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, watchErrors, type ExtensionBrowser } from './chromium';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from './firefox';
import { startServer, type StaticServer } from './server';

/** The extension API inside page.evaluate callbacks (they run in the extension's pages). */
declare const chrome: any;

const KIRKOOK_DOC = '001_a3ed7a2f4efbeee5';
/** platform/handoff.ts's key for the popup, and its envelope: { id, payload: { query } }. */
const HANDOFF_KEY = 'counterpoint:handoff:popup';

let ext: ExtensionBrowser;
let server: StaticServer;
let base: string;
/** Errors from the extension, per page opened. */
const errors: string[][] = [];

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  base = `chrome-extension://${ext.extensionId}`;
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function openPopup(suffix = ''): Promise<Page> {
  const page = await ext.context.newPage();
  errors.push(watchErrors(page, ext.extensionId));
  await page.goto(`${base}/popup.html${suffix}`);
  await page.locator('#search-input').waitFor();
  return page;
}

interface Shown {
  doc: string;
  passage: number;
  text: string;
  marks: string[];
}

/** Waits until the results shown are the answer to `query`, and returns them. */
async function shownResults(page: Page, query: string): Promise<Shown[]> {
  await page.waitForFunction((q) => document.querySelector('main')?.getAttribute('data-query') === q, query.trim());
  return page.locator('[role="option"]').evaluateAll((els) =>
    els.map((e) => ({
      doc: (e as HTMLElement).dataset.doc!,
      passage: Number((e as HTMLElement).dataset.passage),
      text: e.textContent ?? '',
      marks: [...e.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

async function search(page: Page, query: string): Promise<Shown[]> {
  await page.fill('#search-input', query);
  return shownResults(page, query);
}

describe('popup search', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPopup();
  });

  it('starts with the caret in the search box and a hint', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await expect(page.locator('.empty').textContent()).resolves.toMatch(/Search .*sources/);
  });

  it('offers every source and perspective in the filters before any search', async () => {
    // The lists come once from the 'facets' message; searches no longer carry them.
    await expect.poll(() => page.locator('#filter-source option').count()).toBe(6);
    await expect(page.locator('#filter-perspective option').allTextContents()).resolves.toContain('Raqqa opposition activist');
  });

  it('finds the Kirkook passage for "Kirkook", emphasising the word', async () => {
    const results = await search(page, 'Kirkook');
    const hit = results.find((r) => r.doc === KIRKOOK_DOC && r.text.includes('Kirkook'));
    expect(hit, JSON.stringify(results.map((r) => r.text.slice(0, 60)))).toBeDefined();
    expect(hit!.marks).toContain('Kirkook');
    expect(results[0]!.doc).toBe(KIRKOOK_DOC);
  });

  it('finds the Kirkook passage for "Kirkuk" too', async () => {
    const results = await search(page, 'Kirkuk');
    expect(results.some((r) => r.doc === KIRKOOK_DOC && r.text.includes('Kirkook'))).toBe(true);
    await expect(page.locator('.chip[data-entity="kirkuk"]').count()).resolves.toBe(1);
  });

  it('finds a Deir ez-Zor passage for "Deir Ezzur"', async () => {
    const results = await search(page, 'Deir Ezzur');
    expect(results.some((r) => /Deir (Ezzur|ez-Zor)/.test(r.text))).toBe(true);
  });

  it('finds ISIS passages for "Daesh" and offers ISIS as a chip', async () => {
    const results = await search(page, 'Daesh');
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((r) => r.text.includes('ISIS'))).toBe(true);
    await expect(page.locator('.chip[data-entity="isis"]').count()).resolves.toBe(1);
  });

  it('groups results by document, each group labelled with source, date and perspective', async () => {
    await search(page, 'Raqqa');
    const groups = await page.locator('.result-group').evaluateAll((els) =>
      els.map((g) => ({
        doc: (g as HTMLElement).dataset.doc,
        options: [...g.querySelectorAll('[role="option"]')].map((o) => (o as HTMLElement).dataset.doc),
        label: g.querySelector('.source-meta')?.textContent ?? '',
      })),
    );
    expect(groups.length).toBeGreaterThan(1);
    expect(new Set(groups.map((g) => g.doc)).size).toBe(groups.length);
    for (const g of groups) {
      expect(g.options.every((d) => d === g.doc)).toBe(true);
      expect(g.label).toMatch(/\d{4}/);
    }
    await expect(page.locator('#result-status').textContent()).resolves.toMatch(/^\d+ passages? in \d+ sources?$/);
  });

  it('filters by source and by perspective', async () => {
    const all = await search(page, 'Raqqa');
    await page.locator('.filters-disclosure > summary').click();
    await page.selectOption('#filter-source', '002_581e71eac7454d3e');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[role="option"]')].every((o) => (o as HTMLElement).dataset.doc === '002_581e71eac7454d3e'),
    );
    const oneSource = await shownResults(page, 'Raqqa');
    expect(oneSource.length).toBeGreaterThan(0);
    expect(oneSource.length).toBeLessThan(all.length);

    await page.selectOption('#filter-source', '');
    await page.selectOption('#filter-perspective', 'Raqqa opposition activist');
    await page.waitForFunction(() => {
      const docs = [...document.querySelectorAll('[role="option"]')].map((o) => (o as HTMLElement).dataset.doc);
      return docs.length > 0 && docs.every((d) => d === '000_7e19e4b8228dd140' || d === '004_90b169417da9e3e3');
    });
    await page.selectOption('#filter-perspective', '');
  });

  it('says so clearly when nothing matches', async () => {
    expect(await search(page, 'zzqxv')).toEqual([]);
    await expect(page.locator('.no-results').textContent()).resolves.toContain('Nothing in the corpus matches “zzqxv”');
    await expect(page.locator('#result-status').textContent()).resolves.toBe('No passages match “zzqxv”');
  });

  it('shows markup typed in the box as text', async () => {
    const query = '<svg onload=zzqx>';
    expect(await search(page, query)).toEqual([]);
    await expect(page.locator('.no-results').textContent()).resolves.toContain(query);
    expect(await page.locator('.popup svg[onload]').count()).toBe(0);
  });

  it('clears the box on Esc', async () => {
    await search(page, 'Mosul');
    await page.locator('#search-input').focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('#search-input').inputValue()).resolves.toBe('');
    await expect.poll(() => page.locator('[role="option"]').count()).toBe(0);
  });

  afterAll(async () => page?.close());
});

describe('keyboard only', () => {
  it('type, ArrowDown, Enter opens the reader at that passage', async () => {
    const page = await openPopup();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('Kirkook');
    const results = await shownResults(page, 'Kirkook');
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('#search-input').getAttribute('aria-activedescendant');
    expect(active).toBe(`result-${results[0]!.passage}`);
    await expect(page.locator(`#${active}`).getAttribute('aria-selected')).resolves.toBe('true');

    const opened = ext.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const reader = await opened;
    await reader.waitForLoadState();
    expect(new URL(reader.url()).pathname).toBe('/reader.html');
    expect(new URL(reader.url()).hash).toBe(`#doc=${results[0]!.doc}&passage=${results[0]!.passage}`);

    await reader.locator('mark#target').waitFor();
    const target = await reader.evaluate(() => {
      const marks = [...document.querySelectorAll('mark.target')];
      const first = document.getElementById('target')!.getBoundingClientRect();
      return { text: marks.map((m) => m.textContent).join(''), top: first.top, bottom: first.bottom, height: innerHeight };
    });
    expect(target.text.replace(/\s+/g, ' ')).toContain('ISIS is still in Kirkook');
    expect(target.top).toBeGreaterThanOrEqual(0);
    expect(target.bottom).toBeLessThanOrEqual(target.height);
    await expect(reader.locator('h1').textContent()).resolves.toBe('There Is No Victory over ISIS');
    await expect(reader.locator('.reader-head .source-meta').textContent()).resolves.toMatch(/mid-2017.*Regional critic/);
    await reader.close();
    await page.close();
  });
});

describe('full tab', () => {
  it('takes its query from #q=', async () => {
    const page = await openPopup('#q=' + encodeURIComponent('Deir Ezzur'));
    await expect(page.locator('#search-input').inputValue()).resolves.toBe('Deir Ezzur');
    expect((await shownResults(page, 'Deir Ezzur')).length).toBeGreaterThan(0);
    await page.close();
  });

  it('takes a query handed over before it started (platform/handoff.ts), once', async () => {
    // Left by a page that is not a popup (an open popup would take it at once).
    const setter = await ext.context.newPage();
    await setter.goto(`${base}/options.html`);
    await setter.evaluate((key) => chrome.storage.session.set({ [key]: { id: 'a', payload: { query: 'Mosul' } } }), HANDOFF_KEY);
    const page = await openPopup();
    await expect.poll(() => page.locator('#search-input').inputValue()).toBe('Mosul');
    expect((await shownResults(page, 'Mosul')).length).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate((key) => chrome.storage.session.get(key), HANDOFF_KEY)).toEqual({});
    await setter.close();
    await page.close();
  });

  it('takes a query handed over while it is open', async () => {
    const page = await openPopup();
    await page.evaluate((key) => chrome.storage.session.set({ [key]: { id: 'b', payload: { query: 'Palmyra' } } }), HANDOFF_KEY);
    await expect.poll(() => page.locator('#search-input').inputValue()).toBe('Palmyra');
    expect((await shownResults(page, 'Palmyra')).length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('site switch', () => {
  it('turns Counterpoint off and on for the active tab’s site', async () => {
    const article = await ext.context.newPage();
    await article.goto(`${server.origin}/panel-page.html`);
    const probe = await openPopup();
    const tabId = await tabIdOf(probe, `${server.origin}/panel-page.html`);
    await probe.close();
    expect(tabId).toBeTypeOf('number');

    const page = await openPopup(`?tab=${tabId}`);
    const toggle = page.getByRole('switch');
    await expect.poll(() => page.locator('.site-switch').textContent()).toBe('On for 127.0.0.1');
    await expect(toggle.isChecked()).resolves.toBe(true);
    const disabled = () =>
      page.evaluate(async () => (await chrome.storage.local.get('counterpoint:settings'))['counterpoint:settings']?.disabledSites);

    await toggle.click();
    await expect.poll(disabled).toEqual(['127.0.0.1']);
    await expect(page.locator('.site-switch').textContent()).resolves.toBe('Off for 127.0.0.1');
    await toggle.click();
    await expect.poll(disabled).toEqual([]);
    await page.close();
    await article.close();
  });

  it('says when the active tab is not a web page', async () => {
    const page = await openPopup();
    await expect.poll(() => page.locator('.site-switch').textContent()).toBe('Not a web page');
    await page.close();
  });
});

describe('entity chips', () => {
  it('open the comparison for the entity in the side panel', async () => {
    const page = await openPopup();
    await search(page, 'Daesh');
    await page.locator('.chip[data-entity="isis"]').click();
    // chrome.sidePanel.open works from a tab too; the panel is not a Playwright page, so ask
    // the extension which panel documents exist (their address follows the entity shown).
    await expect
      .poll(
        () =>
          page.evaluate(async () =>
            (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c: any) => c.documentUrl as string),
          ),
        { timeout: 10_000 },
      )
      .toContainEqual(expect.stringMatching(/\/sidepanel\.html#entity=isis$/));
    await page.close();
  });
});

describe('errors', () => {
  it('logged none from the extension', () => {
    expect(errors.flat()).toEqual([]);
  });
});

describe('Firefox ESR smoke', () => {
  let ff: FirefoxWithExtension;
  beforeAll(async () => {
    ff = await launchFirefoxWithExtension(process.env.COUNTERPOINT_FIREFOX_DIR || undefined);
  });
  afterAll(async () => ff?.close());

  it('searches, compares and reads', async () => {
    const popup = await openExtensionPage(ff, 'popup.html');
    await popup.waitForSelector('#search-input');
    await popup.type('#search-input', 'Kirkook');
    await popup.waitForSelector('main[data-query="Kirkook"] [role="option"]');
    const texts = await popup.$$eval('[role="option"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(texts.some((t) => t.includes('Kirkook'))).toBe(true);
    await popup.close();

    const panel = await openExtensionPage(ff, 'sidepanel.html');
    await panel.waitForSelector('#entity-picker');
    await panel.type('#entity-picker', 'ISIS');
    await panel.waitForSelector('#entity-suggestions [data-entity="isis"]');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('.comparison[data-entity="isis"] .column');
    expect(await panel.$$eval('.column', (els) => els.length)).toBe(5);
    await panel.close();

    const reader = await openExtensionPage(ff, 'reader.html#doc=001_a3ed7a2f4efbeee5&passage=8');
    await reader.waitForSelector('mark#target');
    expect(await reader.$$eval('mark.target', (els) => els.map((e) => e.textContent).join(''))).toContain('Kirkook');
    await reader.close();
  });
});
