/**
 * A hostile page against the hover card (issue 9), in Chromium with the built extension. Each test
 * asserts on what the page's own scripts obtain or cause, and each failed against the build before
 * the card moved into an extension frame (a `<counterpoint-card>` custom element whose closed
 * shadow root a page could take through `attachInternals`, obeying synthetic events):
 *   - a pre-defined element name with attachInternals reads nothing and does not stop cards;
 *   - a page that attaches shadow roots first cannot block cards;
 *   - window.find() + Selection.modify() find none of the card's text, in the top page, a
 *     same-origin frame and a cross-origin frame;
 *   - synthetic pointer events open no card, a synthetic Alt+Shift+C opens none, a synthetic Escape
 *     closes none.
 * The page's scripts are installed before any of its own (addInitScript), in every frame.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { hoverText, waitCard, waitScanned } from './content';
import { hitBox } from './hitBox';
import { FIXTURES_DIR, startServer, type StaticServer } from './server';
import { readCard, textRect } from './shadow';
import { dispatchSyntheticHover } from './syntheticEvents';

let ext: ExtensionBrowser;
let server: StaticServer;
/** A second origin (another port) for a cross-origin frame. */
let other: StaticServer;
let extPage: Page;
/** Phrases every Raqqa card shows: its description and a section title. */
let phrases: string[];

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  other = await startServer();
  extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const { res } = await sendFromExtensionPage(extPage, 'lookupEntity', { id: 'raqqa' });
  phrases = [res.entity.description.slice(0, 30), 'Competing viewpoints', res.excerpts[0].source.title];
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await other?.close();
});

/** Installed in the page's main world, in every frame, before the page's own scripts. */
function hostileScript(mode: 'internals' | 'shadow' | 'none') {
  const w = window as any;
  const internals: ElementInternals[] = [];
  if (mode !== 'none') {
    for (const name of ['counterpoint-card', 'counterpoint-host', 'cp-card']) {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            if (mode === 'internals') internals.push(this.attachInternals());
            else this.attachShadow({ mode: 'closed' }); // taken first: the extension's attachShadow would throw
          }
        },
      );
    }
  }
  if (mode === 'shadow') {
    // Every element added under <html> (where an extension puts its UI) gets a shadow root of the
    // page's, as soon as the page can see it.
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (!(n instanceof HTMLElement) || n.localName === 'head' || n.localName === 'body' || r.target !== document.documentElement) continue;
          try {
            n.attachShadow({ mode: 'open' });
          } catch {
            // already has one
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  }
  /** All the text the page can reach of what the extension added to its document. */
  w.__stolen = () =>
    [
      ...internals.map((i) => i.shadowRoot?.textContent ?? ''),
      ...[...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body').map((e) => e.textContent + (e.shadowRoot?.textContent ?? '')),
    ].join('\n');
  /** Does the page see something of the extension's shown on top of it? */
  w.__cardShown = () =>
    [...document.documentElement.children].some(
      (e) => e.localName !== 'head' && e.localName !== 'body' && e.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    );
  /** window.find, then extending the selection by paragraphs, as issue 9 describes. */
  w.__find = (phrase: string) => {
    getSelection()!.removeAllRanges();
    const found = (window as any).find(phrase, false, false, true);
    const sel = getSelection()!;
    if (found) {
      sel.modify('extend', 'backward', 'paragraph');
      sel.modify('extend', 'forward', 'paragraph');
    }
    return { found, text: sel.toString() };
  };
}

async function openHostile(path: string, mode: 'internals' | 'shadow' | 'none'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(hostileScript, mode);
  await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
  await waitScanned(extPage, `${server.origin}/${path}`);
  return page;
}

const shown = (f: Page | Frame) => f.evaluate(() => (window as any).__cardShown() as boolean);
const stolen = (f: Page | Frame) => f.evaluate(() => (window as any).__stolen() as string);
const find = (f: Page | Frame, phrase: string) => f.evaluate((p) => (window as any).__find(p) as { found: boolean; text: string }, phrase);

async function expectFindsNothing(f: Page | Frame): Promise<void> {
  for (const p of phrases) {
    const r = await find(f, p);
    expect(r.found, `window.find("${p}")`).toBe(false);
    for (const q of phrases) expect(r.text).not.toContain(q);
  }
}

describe('a page that pre-defines element names', () => {
  it('with attachInternals: reads nothing of the card, and cards still open', async () => {
    const page = await openHostile('news.html', 'internals');
    await hoverText(page, 'Raqqa', 1);
    const card = await waitCard(page);
    expect(card.name).toBe('Raqqa');
    expect(card.text).toContain(phrases[0]);
    const got = await stolen(page);
    for (const p of phrases) expect(got).not.toContain(p);
    expect(got.trim()).toBe('');
    // Nor does the page learn where the card page lives.
    expect(await page.evaluate(() => performance.getEntries().some((e) => e.name.includes('card.html')))).toBe(false);
    await page.close();
  });

  it('attaching shadow roots first: cannot stop cards from opening', async () => {
    const page = await openHostile('news.html', 'shadow');
    await hoverText(page, 'Raqqa', 1);
    expect((await waitCard(page)).name).toBe('Raqqa');
    expect(await shown(page)).toBe(true);
    await page.close();
  });
});

describe('window.find() and Selection.modify() on an open card', () => {
  it('find nothing of it in the top page', async () => {
    const page = await openHostile('news.html', 'none');
    await hoverText(page, 'Raqqa', 1);
    await waitCard(page);
    await expectFindsNothing(page);
    await page.close();
  });

  it('find nothing of it in a same-origin frame, nor from the top page', async () => {
    const page = await openHostile('frame.html', 'none');
    const frame = page.frames().find((f) => f.url().endsWith('frame-inner.html'))!;
    await hoverInFrame(page, frame, 'Raqqa');
    await expect.poll(() => shown(frame), { timeout: 5000 }).toBe(true);
    await expectFindsNothing(frame);
    await expectFindsNothing(page);
    await page.close();
  });

  it('find nothing of it in a cross-origin frame', async () => {
    const page = await openHostile('frame.html', 'none');
    await page.evaluate((src) => {
      const f = document.querySelector('iframe')!;
      f.src = src;
    }, `${other.origin}/frame-inner.html`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(other.origin)), { timeout: 5000 }).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith(other.origin))!;
    await frame.waitForLoadState('load');
    await expect.poll(() => frame.evaluate(() => (globalThis as any).CSS.highlights.get('counterpoint')?.size ?? 0), { timeout: 5000 }).toBeGreaterThan(0);
    await hoverInFrame(page, frame, 'Raqqa');
    await expect.poll(() => shown(frame), { timeout: 5000 }).toBe(true);
    await expectFindsNothing(frame);
    await page.close();
  });
});

describe('events a page dispatches', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openHostile('news.html', 'none');
  });
  afterAll(() => page?.close());

  it('synthetic pointer and mouse moves on a mention open no card', async () => {
    await page.mouse.move(2, 2);
    const at = (await textRect(page, 'Raqqa', 1))!;
    await page.evaluate(dispatchSyntheticHover, at);
    await page.waitForTimeout(600);
    expect(await shown(page)).toBe(false);
    expect(await readCard(page)).toBeNull();
  });

  it('a synthetic Alt+Shift+C over a page-made selection opens none', async () => {
    await page.evaluate(() => {
      const text = document.getElementById('p2')!.firstChild as Text;
      const i = text.data.indexOf('Peshmerga');
      getSelection()!.setBaseAndExtent(text, i, text, i + 'Peshmerga'.length);
      const init = { key: 'C', code: 'KeyC', altKey: true, shiftKey: true, bubbles: true, composed: true };
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keydown', init));
    });
    await page.waitForTimeout(600);
    expect(await shown(page)).toBe(false);
    expect(await readCard(page)).toBeNull();
    await page.evaluate(() => getSelection()!.removeAllRanges());
  });

  it('a synthetic Escape does not close a card the user opened', async () => {
    await hoverText(page, 'Raqqa', 1);
    expect((await waitCard(page)).name).toBe('Raqqa');
    await page.evaluate(() => {
      const init = { key: 'Escape', code: 'Escape', bubbles: true, composed: true };
      document.body.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keydown', init));
    });
    await page.waitForTimeout(500);
    expect((await readCard(page))?.name).toBe('Raqqa');
    // The user's own Escape still does.
    await page.keyboard.press('Escape');
    await expect.poll(() => shown(page)).toBe(false);
  });
});

describe('the card’s box, as hit-testing shows it to the page', () => {
  /** Opens Palmyra's card on a fresh page, waits for its loaded text, and measures its box from the page. */
  async function palmyraBox(): Promise<{ box: ReturnType<typeof hitBox>; text: string }> {
    const page = await openHostile('palmyra.html', 'none');
    await hoverText(page, 'Palmyra');
    const card = await waitCard(page);
    expect(card.name).toBe('Palmyra');
    const box = await page.evaluate(hitBox);
    await page.close();
    return { box, text: card.text };
  }

  it('is the same before and after the reader imports private notes about the place', async () => {
    const before = await palmyraBox();
    expect(before.box).not.toBeNull();
    expect(before.text).not.toContain('Private notes on Palmyra');
    await extPage.setInputFiles('#import-files', join(FIXTURES_DIR, 'import', 'palmyra-notes.md'));
    await extPage.getByRole('group', { name: 'palmyra-notes.md' }).waitFor();
    await extPage.getByRole('button', { name: 'Save document' }).click();
    await extPage.getByRole('status').filter({ hasText: 'Saved “Private notes on Palmyra”' }).waitFor();
    const after = await palmyraBox();
    // The private notes are in the card the reader sees...
    expect(after.text).toContain('Private notes on Palmyra');
    // ...and the page measures the same box.
    expect(after.box).toEqual(before.box);
  });
});

/** Moves the real pointer onto `text` inside `frame` (an iframe of `page`). */
async function hoverInFrame(page: Page, frame: Frame, text: string): Promise<void> {
  const element = await frame.frameElement();
  const box = (await element.boundingBox())!;
  const r = (await textRect(frame as unknown as Page, text))!;
  await page.mouse.move(2, 2);
  await page.mouse.move(box.x + r.x, box.y + r.y, { steps: 2 });
}
