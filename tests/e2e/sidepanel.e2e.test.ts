/**
 * The side panel page in real Chromium, opened as a tab and pointed at a fixture page with
 * `sidepanel.html?tab=ID` (a panel opened in a tab would otherwise follow its own tab): the
 * entities on the page with their counts, revealing a mention, comparing sources, the ways an
 * entity reaches the panel (its own #entity= address, the hand-off channel), and the reader.
 *
 * COUNTERPOINT_EXTENSION_DIR points the tests at another build than .output/chrome-mv3.
 */
import type { Page } from 'playwright-core';
import { tabIdOf } from './content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, watchErrors, type ExtensionBrowser } from './chromium';
import { startServer, type StaticServer } from './server';

/** The extension API inside page.evaluate callbacks (they run in the extension's pages). */
declare const chrome: any;

const ALL_DOCS = ['000_7e19e4b8228dd140', '001_a3ed7a2f4efbeee5', '002_581e71eac7454d3e', '003_32d5d268c0a13cc5', '004_90b169417da9e3e3'];
/** platform/handoff.ts's key for the side panel, and its envelope: { id, payload: { entityId } }. */
const HANDOFF_KEY = 'counterpoint:handoff:sidepanel';
/** What tests/fixtures/panel-page.html mentions. */
const FIXTURE_COUNTS = { raqqa: 3, isis: 2, mosul: 2, 'deir-ez-zor': 1, kirkuk: 1, 'syrian-democratic-forces': 1 };

let ext: ExtensionBrowser;
let server: StaticServer;
let base: string;
let article: Page;
let tabId: number;
const errors: string[][] = [];

async function openPanel(suffix: string): Promise<Page> {
  const page = await ext.context.newPage();
  errors.push(watchErrors(page, ext.extensionId));
  await page.goto(`${base}/sidepanel.html${suffix}`);
  await page.locator('.panel').waitFor();
  return page;
}

async function shownCounts(panel: Page): Promise<Record<string, number>> {
  return panel.locator('.page-entity').evaluateAll((els) =>
    // The count as shown ("3"), then "mentions" for screen readers.
    Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.entity!, Number.parseInt(e.querySelector('.page-entity-count')!.textContent, 10)])),
  );
}

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  base = `chrome-extension://${ext.extensionId}`;
  article = await ext.context.newPage();
  errors.push(watchErrors(article, ext.extensionId));
  await article.goto(`${server.origin}/panel-page.html`);
  const probe = await ext.context.newPage();
  await probe.goto(`${base}/sidepanel.html`);
  tabId = (await tabIdOf(probe, `${server.origin}/panel-page.html`))!;
  await probe.close();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('on this page', () => {
  let panel: Page;
  beforeAll(async () => {
    panel = await openPanel(`?tab=${tabId}`);
  });
  afterAll(async () => panel?.close());

  it('lists the corpus entities of the tab with their counts, most mentioned first', async () => {
    await expect.poll(() => shownCounts(panel), { timeout: 10_000 }).toEqual(FIXTURE_COUNTS);
    const names = await panel.locator('.page-entity-name').allTextContents();
    expect(names[0]).toBe('Raqqa');
    expect(names).toContain('Syrian Democratic Forces');
    await expect(panel.locator('.page-summary').textContent()).resolves.toBe('6 places and groups · 10 mentions');
  });

  it('scrolls the page to a mention and compares sources on it when one is clicked', async () => {
    await article.evaluate(() => window.scrollTo(0, 0));
    await panel.locator('.page-entity[data-entity="kirkuk"]').click();
    // Smooth scrolling in a tab that is not in front can take a while on a loaded machine.
    await expect.poll(() => article.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(800);
    await panel.locator('.comparison[data-entity="kirkuk"]').waitFor();
    await expect(panel.locator('#comparison-title').textContent()).resolves.toMatch(/^Kirkuk/);
    await expect(panel.locator('.page-entity[data-entity="kirkuk"]').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('follows changes of the page (pageMentionsChanged)', async () => {
    await article.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news: more families left Raqqa and Mosul overnight.';
      document.querySelector('article')!.append(p);
    });
    await expect
      .poll(() => shownCounts(panel), { timeout: 10_000 })
      .toEqual({ ...FIXTURE_COUNTS, raqqa: 4, mosul: 3 });
    await article.evaluate(() => document.querySelector('article p:last-child')!.remove());
    await expect.poll(() => shownCounts(panel), { timeout: 10_000 }).toEqual(FIXTURE_COUNTS);
  });
});

describe('compare sources', () => {
  it('shows all five sources on ISIS, with the disagreement summed up', async () => {
    const panel = await openPanel(`?tab=${tabId}`);
    await panel.fill('#entity-picker', 'Daesh');
    await panel.locator('#entity-suggestions [data-entity="isis"]').waitFor();
    await panel.keyboard.press('Enter');
    await panel.locator('.comparison[data-entity="isis"]').waitFor();

    const columns = await panel.locator('.column').evaluateAll((els) =>
      els.map((e) => ({
        source: (e as HTMLElement).dataset.source!,
        title: e.querySelector('.source-title')?.textContent ?? '',
        meta: e.querySelector('.source-meta')?.textContent ?? '',
        stance: e.querySelector('.column-stance [data-stance]')?.getAttribute('data-stance'),
        passages: e.querySelectorAll('.column-passage').length,
        marks: [...e.querySelectorAll('.passage-text mark')].map((m) => m.textContent),
      })),
    );
    expect(columns.map((c) => c.source).sort()).toEqual(ALL_DOCS);
    for (const c of columns) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.meta).toMatch(/\d{4}/);
      expect(['progress', 'setback', 'neutral']).toContain(c.stance);
      expect(c.passages).toBeGreaterThan(0);
      expect(c.marks.length).toBeGreaterThan(0);
    }
    expect(await panel.locator('.silent').count()).toBe(0);
    const summary = await panel.locator('.comparison-summary').textContent();
    expect(summary).toMatch(/^\d sources? frames? ISIS by gains and victory · \d by cost or no end in sight/);
    expect(await panel.locator('.passage-foot [data-stance]').count()).toBeGreaterThan(5);
    await panel.close();
  });

  it('lists the sources that never mention an entity as silent', async () => {
    const panel = await openPanel('#entity=kirkuk');
    await panel.locator('.comparison[data-entity="kirkuk"]').waitFor();
    await expect(panel.locator('.column').count()).resolves.toBe(1);
    await expect(panel.locator('.silent li').count()).resolves.toBe(4);
    await expect(panel.locator('.column .passage-text mark').allTextContents()).resolves.toEqual(['Kirkook']);
    await panel.close();
  });

  it('opens an excerpt in the reader at that passage', async () => {
    const panel = await openPanel('#entity=deir-ez-zor');
    const first = panel.locator('.column-passage').first();
    await first.waitFor();
    const passageId = Number(await first.getAttribute('data-passage'));
    const docId = await panel.locator('.column').first().getAttribute('data-source');
    const opened = ext.context.waitForEvent('page');
    await first.getByRole('button', { name: /^Read in context/ }).click();
    const reader = await opened;
    await reader.waitForLoadState();
    expect(new URL(reader.url()).hash).toBe(`#doc=${docId}&passage=${passageId}`);
    await reader.locator('mark#target').waitFor();
    const mentions = await reader.locator('mark.target-mention').allTextContents();
    expect(mentions.some((m) => /Deir (Ezzur|ez-Zor)/.test(m))).toBe(true);
    const inView = await reader.evaluate(() => {
      const r = document.getElementById('target')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await reader.close();
    await panel.close();
  });
});

describe('how an entity reaches the panel', () => {
  it('from a hand-off left for a panel that is starting, once', async () => {
    const setter = await ext.context.newPage();
    await setter.goto(`${base}/options.html`);
    await setter.evaluate((key) => chrome.storage.session.set({ [key]: { id: 'a', payload: { entityId: 'mosul' } } }), HANDOFF_KEY);
    const panel = await openPanel('');
    await panel.locator('.comparison[data-entity="mosul"]').waitFor();
    await expect.poll(() => panel.evaluate((key) => chrome.storage.session.get(key), HANDOFF_KEY)).toEqual({});
    expect(new URL(panel.url()).hash).toBe('#entity=mosul');
    await setter.close();
    await panel.close();
  });

  it('from a hand-off to a panel already open (the reader’s “Compare sources on”)', async () => {
    const panel = await openPanel('#entity=raqqa');
    await panel.locator('.comparison[data-entity="raqqa"]').waitFor();
    const reader = await ext.context.newPage();
    await reader.goto(`${base}/reader.html#doc=001_a3ed7a2f4efbeee5&passage=8`);
    // The reader opens the side panel (a real panel in this window, or a tab) and hands the entity over.
    await reader.locator('.reader-entity', { hasText: 'Kirkuk' }).click();
    await panel.locator('.comparison[data-entity="kirkuk"]').waitFor();
    await reader.close();
    await panel.close();
  });

  it('says so when the panel’s own tab is not a web page', async () => {
    const panel = await openPanel('');
    await expect.poll(() => panel.locator('.on-page').textContent()).toContain('Open a web page');
    await panel.close();
  });
});

describe('errors', () => {
  it('logged none from the extension', () => {
    expect(errors.flat()).toEqual([]);
  });
});
