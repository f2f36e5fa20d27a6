/**
 * Accessibility of the extension's own pages in real Chromium (issue 12): axe-core's WCAG 2.2 A/AA
 * rules on the popup (empty and with results), the side panel (picker and comparison), the options
 * and the reader (normal and error state), in light and dark; keyboard journeys with no mouse;
 * reflow at 320 CSS px and at 200% zoom; reduced motion. The card (in its frame): a11y-card.e2e.test.ts.
 *
 * 200% zoom: a toolbar popup is at most 800×600 device px, so 400×300 CSS px at 200%; a page in a
 * 1280×800 window is 640×400 CSS px at 200% (rendered with deviceScaleFactor 2).
 */
import type { Page } from 'playwright-core';
import { tabIdOf } from './content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
import { launchWithExtension, watchErrors, type ExtensionBrowser } from './chromium';
import { reflowReport } from './reflow';
import { startServer, type StaticServer } from './server';

/** The extension API inside page.evaluate callbacks (they run in the extension's pages). */
declare const chrome: any;

const KIRKOOK = 'reader.html#doc=001_a3ed7a2f4efbeee5&passage=8';

let ext: ExtensionBrowser;
let server: StaticServer;
let base: string;
let tabId: number;
const errors: string[][] = [];

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  base = `chrome-extension://${ext.extensionId}`;
  const article = await ext.context.newPage();
  await article.goto(`${server.origin}/panel-page.html`);
  const probe = await ext.context.newPage();
  await probe.goto(`${base}/options.html`);
  tabId = (await tabIdOf(probe, `${server.origin}/panel-page.html`))!;
  await probe.close();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

interface Surface {
  name: string;
  path: () => string;
  ready: string;
  /** Opens what is closed (disclosures) so axe checks it too. */
  prepare?: (page: Page) => Promise<void>;
}

const openAll = (page: Page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

const SURFACES: Surface[] = [
  { name: 'popup, empty', path: () => `popup.html?layout=popup&tab=${tabId}`, ready: '.site-switch input' },
  {
    name: 'popup with results',
    path: () => `popup.html?layout=popup&tab=${tabId}#q=Raqqa`,
    ready: '[role="option"]',
    prepare: async (page) => {
      await page.keyboard.press('ArrowDown');
      await openAll(page);
    },
  },
  { name: 'side panel, picker', path: () => `sidepanel.html?tab=${tabId}`, ready: '.page-entity', prepare: (p) => p.fill('#entity-picker', 'ra') },
  { name: 'side panel, comparison', path: () => `sidepanel.html?tab=${tabId}#entity=raqqa`, ready: '.column', prepare: openAll },
  { name: 'options', path: () => 'options.html', ready: '#hover-delay' },
  { name: 'reader', path: () => KIRKOOK, ready: 'mark#target' },
  { name: 'reader, error state', path: () => 'reader.html', ready: '.reader-error' },
];

async function open(path: string, options: { scheme?: 'light' | 'dark'; width?: number; height?: number; scale?: number } = {}): Promise<Page> {
  const page = await ext.context.newPage();
  errors.push(watchErrors(page, ext.extensionId));
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  const size = { width: options.width ?? 1000, height: options.height ?? 800 };
  await page.setViewportSize(size);
  if (options.scale) {
    // Zoom: CSS px as above, each drawn with `scale` device pixels (what browser zoom does).
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: options.scale, mobile: false });
  }
  await page.goto(`${base}/${path}`);
  return page;
}

describe('axe: WCAG 2.2 A and AA', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const surface of SURFACES) {
      it(`${surface.name}, ${scheme}: no violations`, async () => {
        const page = await open(surface.path(), { scheme, width: surface.name.startsWith('popup') ? 460 : 1000, height: 600 });
        await page.locator(surface.ready).first().waitFor();
        await surface.prepare?.(page);
        const found = await axeViolations(page);
        expect(found, describeFindings(found)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('landmarks, headings and what is said', () => {
  it('every page has one main landmark and an h1; the popup’s search is a search landmark with a visible label', async () => {
    for (const surface of SURFACES) {
      const page = await open(surface.path(), { width: 460, height: 600 });
      await page.locator(surface.ready).first().waitFor();
      const found = await page.evaluate(() => ({
        main: document.querySelectorAll('main, [role="main"]').length,
        h1: document.querySelectorAll('h1').length,
      }));
      expect(found, surface.name).toEqual({ main: 1, h1: 1 });
      if (surface.name.startsWith('popup')) {
        await expect(page.locator('[role="search"] label[for="search-input"]').isVisible()).resolves.toBe(true);
        await expect(page.getByRole('combobox', { name: 'Search the corpus' }).count()).resolves.toBe(1);
      }
      await page.close();
    }
  });

  it('the popup and the options show the card’s keyboard shortcut as the browser has it set', async () => {
    const popup = await open(`popup.html?layout=popup&tab=${tabId}`, { width: 460, height: 600 });
    // Chromium leaves a suggested key unassigned for some installs (this test profile's included):
    // the hint then says how to set one.
    const set: string = await popup.evaluate(async () => (await chrome.commands.getAll()).find((c: any) => c.name === 'open-card')?.shortcut ?? '');
    const expected = set ? `press ${set} to open its card` : 'No keyboard shortcut is set for opening a card';
    await expect.poll(() => popup.locator('.shortcut-hint').textContent()).toContain(expected);
    await popup.close();
    const options = await open('options.html');
    await expect.poll(() => options.locator('.shortcut-hint').textContent()).toContain(expected);
    // The delay slider is read with its unit.
    await expect(options.locator('#hover-delay').getAttribute('aria-valuetext')).resolves.toMatch(/^\d+ milliseconds$/);
    await options.close();
  });

  it('placeholders reach 4.5:1 against their field in both schemes (axe does not check them)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [path, field] of [
        [`popup.html?layout=popup&tab=${tabId}`, '#search-input'],
        [`sidepanel.html?tab=${tabId}`, '#entity-picker'],
      ] as const) {
        const page = await open(path, { scheme });
        await page.locator(field).waitFor();
        const ratio = await page.locator(field).evaluate((input) => {
          const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
          const lum = (c: string) => {
            const [r, g, b] = rgb(c).map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
            return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
          };
          const fg = lum(getComputedStyle(input, '::placeholder').color);
          const bg = lum(getComputedStyle(input).backgroundColor);
          return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        });
        expect(ratio, `${scheme} ${field}`).toBeGreaterThanOrEqual(4.5);
        await page.close();
      }
    }
  });

  it('the reader’s error state says what happened under an h1', async () => {
    const page = await open('reader.html');
    await expect(page.locator('h1').textContent()).resolves.toBe('No document to show');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/No document given/);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('popup: search → result → the reader at that passage, focused', async () => {
    const page = await open(`popup.html?layout=popup&tab=${tabId}`, { width: 460, height: 600 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('Kirkook');
    await page.waitForFunction(() => document.querySelector('main')?.getAttribute('data-query') === 'Kirkook');
    await page.keyboard.press('ArrowDown');
    const active = (await page.locator('#search-input').getAttribute('aria-activedescendant'))!;
    const passage = await page.locator(`#${active}`).getAttribute('data-passage');
    // Enter opens the reader, and the toolbar popup closes itself.
    const [reader] = await Promise.all([ext.context.waitForEvent('page'), page.keyboard.press('Enter').catch(() => undefined)]);
    await reader.locator('mark#target').waitFor();
    expect(new URL(reader.url()).hash).toMatch(new RegExp(`&passage=${passage}$`));
    await expect.poll(() => page.isClosed()).toBe(true);
    await expect.poll(() => reader.evaluate(() => document.activeElement?.id)).toBe('target');
    // Sequential focus starts at the passage: Shift+Tab reaches the control just before it (the
    // passage's "Compare sources on" bar), not the top of the page.
    await reader.keyboard.press('Shift+Tab');
    await expect(reader.evaluate(() => !!document.activeElement?.closest('.reader-passage-info'))).resolves.toBe(true);
    await reader.close();
  });

  it('side panel: Tab to the picker, pick, land on the comparison, Tab into the columns, open a passage', async () => {
    const page = await open(`sidepanel.html?tab=${tabId}`, { width: 400, height: 800 });
    await page.locator('.page-entity').first().waitFor();
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'entity-picker'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('entity-picker');
    await page.keyboard.type('Daesh');
    await page.locator('#entity-suggestions [data-entity="isis"]').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.comparison[data-entity="isis"] .column').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('comparison-title');
    const stops: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement?.textContent?.trim().slice(0, 40) ?? ''));
      if (stops.at(-1)!.startsWith('Read in context')) break;
    }
    expect(stops[0]).toBe('What the stance labels mean');
    expect(stops.at(-1)).toMatch(/^Read in context/);
    const opened = ext.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const reader = await opened;
    await reader.locator('mark#target').waitFor();
    expect(new URL(reader.url()).pathname).toBe('/reader.html');
    await reader.close();
    await page.close();
  });
});

describe('reflow', () => {
  const cases: Array<{ name: string; path: () => string; ready: string; width: number; height: number; scale?: number }> = [
    { name: 'popup at 320px', path: () => `popup.html?layout=popup&tab=${tabId}#q=Raqqa`, ready: '.chip', width: 320, height: 600 },
    { name: 'popup at 200% (400×300)', path: () => `popup.html?layout=popup&tab=${tabId}#q=Raqqa`, ready: '.chip', width: 400, height: 300, scale: 2 },
    { name: 'side panel at 320px', path: () => `sidepanel.html?tab=${tabId}#entity=isis`, ready: '.column', width: 320, height: 800 },
    { name: 'side panel at 252px (Firefox’s sidebar)', path: () => `sidepanel.html?tab=${tabId}#entity=isis`, ready: '.column', width: 252, height: 800 },
    { name: 'side panel at 200%', path: () => `sidepanel.html?tab=${tabId}#entity=raqqa`, ready: '.column', width: 640, height: 400, scale: 2 },
    { name: 'reader at 320px', path: () => KIRKOOK, ready: 'mark#target', width: 320, height: 600 },
    { name: 'reader at 200%', path: () => KIRKOOK, ready: 'mark#target', width: 640, height: 400, scale: 2 },
    { name: 'options at 320px', path: () => 'options.html', ready: '#hover-delay', width: 320, height: 600 },
  ];
  for (const c of cases) {
    it(`${c.name}: no sideways scrolling, nothing cut off`, async () => {
      const page = await open(c.path(), { width: c.width, height: c.height, scale: c.scale });
      await page.locator(c.ready).first().waitFor();
      await openAll(page);
      const report = await reflowReport(page);
      expect(report.scrollWidth).toBeLessThanOrEqual(report.clientWidth);
      expect(report.cut).toEqual([]);
      await page.close();
    });
  }

  it('the side panel’s “On this page” heading stays on one line at 252px', async () => {
    const page = await open(`sidepanel.html?tab=${tabId}`, { width: 252, height: 800 });
    await page.locator('.page-entity').first().waitFor();
    const { height, line } = await page.locator('#on-page-title').evaluate((h) => ({
      height: h.getBoundingClientRect().height,
      line: parseFloat(getComputedStyle(h).lineHeight),
    }));
    expect(height).toBeLessThan(line * 1.5);
    await page.close();
  });
});

describe('reduced motion', () => {
  it('stops the switch knob’s animation and the panel’s smooth scrolling', async () => {
    const calls: Record<string, string[]> = {};
    for (const motion of ['reduce', 'no-preference'] as const) {
      const page = await ext.context.newPage();
      await page.emulateMedia({ reducedMotion: motion });
      await page.addInitScript(() => {
        const seen: string[] = ((window as any).__scrolls = []);
        const original = Element.prototype.scrollIntoView;
        Element.prototype.scrollIntoView = function (this: Element, arg?: boolean | ScrollIntoViewOptions) {
          if (this.classList.contains('panel-comparison')) seen.push(typeof arg === 'object' ? String(arg.behavior) : 'auto');
          return original.call(this, arg);
        };
      });
      await page.goto(`${base}/popup.html?layout=popup&tab=${tabId}`);
      await page.locator('.switch').waitFor();
      const knob = await page.locator('.switch').evaluate((e) => getComputedStyle(e, '::after').transitionDuration);
      expect(knob).toBe(motion === 'reduce' ? '0s' : '0.15s');
      await page.goto(`${base}/sidepanel.html?tab=${tabId}`);
      await page.locator('.page-entity').first().click();
      await page.locator('.comparison').waitFor();
      await expect.poll(() => page.evaluate(() => (window as any).__scrolls.length)).toBeGreaterThan(0);
      calls[motion] = await page.evaluate(() => (window as any).__scrolls);
      await page.close();
    }
    expect(calls).toEqual({ reduce: ['auto'], 'no-preference': ['smooth'] });
  });
});

describe('errors', () => {
  it('logged none from the extension', () => {
    expect(errors.flat()).toEqual([]);
  });
});
