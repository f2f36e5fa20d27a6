/**
 * The hover card against a hostile page in Firefox ESR (issue 9; Chromium's suite is
 * hostile-card.e2e.test.ts), with puppeteer-core over WebDriver BiDi:
 *   - a page that pre-defines custom element names with attachInternals still gets cards, and
 *     reads none of the card's text from its own document;
 *   - synthetic pointer and mouse events on a mention open no card; a synthetic Escape does not
 *     close a card the user opened;
 *   - window.find() in the top page finds none of an open card's text.
 * The page's script is a preload script (installed before any of the page's own, and before the
 * content script). The card is read as the browser's tools see it: BiDi's serialisation with
 * `includeShadowTree: "all"` shows what the extension added under <html>; a card page in a frame
 * is read in its own browsing context, a card drawn straight into the shadow root from its text.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, openExtensionPage, sendFromFirefoxPage, type FirefoxWithExtension, bidi, contextOf, pointAt, until, type SerializedNode } from './firefox';
import { dispatchSyntheticHover } from './syntheticEvents';
import { hitBox } from './hitBox';
import { FIXTURES_DIR, startServer, type StaticServer } from './server';

let ff: FirefoxWithExtension;
let server: StaticServer;
/** Phrases every Raqqa card shows: its description's start and a section title. */
let phrases: string[];

beforeAll(async () => {
  ff = await launchFirefoxWithExtension();
  server = await startServer();
  const options = await openExtensionPage(ff, 'options.html');
  const { res } = await sendFromFirefoxPage(options, 'lookupEntity', { id: 'raqqa' });
  phrases = [res.entity.description.slice(0, 30), 'Competing viewpoints'];
  await options.close();
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const node = (n: SerializedNode): SerializedNode => n.value ?? n;

function textOf(n: SerializedNode): string {
  const v = node(n);
  if (v.nodeType === 3) return v.nodeValue ?? '';
  if (v.localName === 'style') return '';
  return [...(v.shadowRoot ? [v.shadowRoot] : []), ...(v.children ?? [])].map(textOf).join(' ');
}

function find(n: SerializedNode, tag: string): SerializedNode | undefined {
  const v = node(n);
  if (v.localName === tag) return v;
  for (const c of [...(v.shadowRoot ? [v.shadowRoot] : []), ...(v.children ?? [])]) {
    const found = find(c, tag);
    if (found) return found;
  }
  return undefined;
}

function hasIframe(n: SerializedNode): boolean {
  const v = node(n);
  return v.localName === 'iframe' || [...(v.shadowRoot ? [v.shadowRoot] : []), ...(v.children ?? [])].some(hasIframe);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The text of the open card, or null when none is shown: an element the extension put under <html>
 * (not hidden while the hover delay runs) with a shadow root; the text of the card page in its
 * frame, or of the shadow tree itself. `quote` is the text of its first excerpt.
 */
async function readCard(page: Page): Promise<{ text: string; quote: string } | null> {
  const connection = bidi(ff.browser);
  const context = contextOf(page);
  const { result } = await connection.send('script.evaluate', {
    expression: "[...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body')",
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 40 },
  });
  const hosts: SerializedNode[] = (result.result?.value ?? []).map(node);
  const host = hosts.find((h) => h.shadowRoot && !/opacity:\s*0[\s;!]/.test(h.attributes?.style ?? ''));
  if (!host) return null;
  if (!hasIframe(host)) {
    const text = squash(textOf(host));
    return text ? { text, quote: squash(textOf(find(host, 'blockquote') ?? {})) } : null;
  }
  const tree = await connection.send('browsingContext.getTree', { root: context });
  const frames: Array<{ context: string; url: string }> = (tree.result ?? tree).contexts[0].children ?? [];
  const frame = frames.find((f) => /^moz-extension:\/\/[^/]+\/card\.html#/.test(f.url));
  if (!frame) return null;
  const { result: inner } = await connection.send('script.evaluate', {
    expression: "JSON.stringify([document.querySelector('[role=\"dialog\"]')?.textContent ?? '', document.querySelector('blockquote')?.textContent ?? ''])",
    target: { context: frame.context },
    awaitPromise: false,
  });
  const [text, quote] = (JSON.parse(inner.result?.value ?? '["",""]') as string[]).map(squash);
  return text ? { text, quote: quote ?? '' } : null;
}

const cardText = async (page: Page) => (await readCard(page))?.text ?? null;


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Installed in the page's own world before its scripts (and before the content script). */
function hostileScript(internals: boolean) {
  const w = window as any;
  const taken: ElementInternals[] = [];
  if (internals) {
    for (const name of ['counterpoint-card', 'counterpoint-host', 'cp-card']) {
      customElements.define(
        name,
        class extends HTMLElement {
          constructor() {
            super();
            taken.push(this.attachInternals());
          }
        },
      );
    }
  }
  /** All the text the page can reach of what the extension added to its document. */
  w.__stolen = () =>
    [
      document.body.innerText,
      ...taken.map((i) => i.shadowRoot?.textContent ?? ''),
      ...[...document.documentElement.children].filter((e) => e.localName !== 'head' && e.localName !== 'body').map((e) => e.textContent + (e.shadowRoot?.textContent ?? '')),
    ].join('\n');
  w.__find = (phrase: string) => {
    getSelection()!.removeAllRanges();
    return (window as any).find(phrase, false, false, true) as boolean;
  };
}

async function openHostile(internals: boolean): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.evaluateOnNewDocument(hostileScript, internals);
  await page.goto(`${server.origin}/news.html`, { waitUntil: 'load' });
  const underlined = await until(
    () => page.evaluate(() => (globalThis as any).CSS?.highlights?.get('counterpoint')?.size ?? 0),
    (n: number) => n >= 30,
  );
  expect(underlined).toBeGreaterThanOrEqual(30);
  return page;
}


/** Moves the real pointer onto Raqqa and waits for its loaded card; returns its text and first quote. */
async function openRaqqa(page: Page): Promise<{ text: string; quote: string }> {
  await page.mouse.move(2, 2);
  const at = await pointAt(page, 'Raqqa', { nth: 1 });
  await page.mouse.move(at.x, at.y, { steps: 2 });
  const card = await until(() => readCard(page), (c) => !!c && c.text.includes(phrases[0]!));
  expect(card?.text).toContain(phrases[0]);
  return card!;
}

/** The phrases of the card, and a phrase of its first excerpt (longer than any word of the page). */
function cardPhrases(card: { quote: string }): string[] {
  expect(card.quote.length).toBeGreaterThan(40);
  return [...phrases, card.quote.slice(5, 40)];
}

describe('Firefox ESR, a hostile page against the card', () => {
  it('pre-defining element names with attachInternals: cards still open, and the page reads none of their text', async () => {
    const page = await openHostile(true);
    const card = await openRaqqa(page);
    expect(card.text).toMatch(/^Raqqa/);
    const stolen = await page.evaluate(() => (window as any).__stolen() as string);
    for (const p of cardPhrases(card)) expect(stolen).not.toContain(p);
    await page.close();
  });

  it('synthetic pointer and mouse moves on a mention open no card', async () => {
    const page = await openHostile(false);
    await page.mouse.move(2, 2);
    const at = await pointAt(page, 'Raqqa', { nth: 1 });
    await page.evaluate(dispatchSyntheticHover, at);
    await sleep(800);
    expect(await cardText(page)).toBeNull();
    // The user's own pointer, at the same place, does open it (so the silence above is the page's doing).
    await openRaqqa(page);
    await page.close();
  });

  it('a synthetic Escape does not close a card the user opened; the user’s own Escape does', async () => {
    const page = await openHostile(false);
    await openRaqqa(page);
    await page.evaluate(() => {
      const init = { key: 'Escape', code: 'Escape', bubbles: true, composed: true };
      document.body.dispatchEvent(new KeyboardEvent('keydown', init));
      document.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keydown', init));
    });
    await sleep(600);
    expect(await cardText(page)).toContain(phrases[0]);
    await page.keyboard.press('Escape');
    expect(await until(() => cardText(page), (t) => t === null)).toBeNull();
    await page.close();
  });

  it('window.find() in the top page finds none of an open card’s text', async () => {
    const page = await openHostile(false);
    const card = await openRaqqa(page);
    for (const p of cardPhrases(card)) {
      expect(card.text).toContain(p);
      expect(await page.evaluate((p) => (window as any).__find(p) as boolean, p), `window.find("${p}")`).toBe(false);
    }
    // The page's own text is found: find() works here.
    expect(await page.evaluate(() => (window as any).__find('Euphrates Valley') as boolean)).toBe(true);
    await page.close();
  });
});

describe('Firefox ESR, the card’s box as hit-testing shows it to the page', () => {
  const TITLE = 'Private notes on Palmyra';

  /** Opens Palmyra's card on a fresh page, waits until its text `has` a phrase, and measures its box from the page. */
  async function palmyraBox(has: string): Promise<{ box: ReturnType<typeof hitBox>; text: string }> {
    const page = await ff.browser.newPage();
    // Tall enough that the room below the mention caps no card.
    await page.setViewport({ width: 1280, height: 1000 });
    await page.goto(`${server.origin}/palmyra.html`, { waitUntil: 'load' });
    await until(
      () => page.evaluate(() => (globalThis as any).CSS?.highlights?.get('counterpoint')?.size ?? 0),
      (n: number) => n > 0,
    );
    await page.mouse.move(2, 2);
    const at = await pointAt(page, 'Palmyra');
    await page.mouse.move(at.x, at.y, { steps: 2 });
    const text = (await until(() => cardText(page), (t) => !!t?.includes(has))) ?? '';
    await sleep(300); // the frame is placed after its text is drawn: let it settle before measuring
    const box = await page.evaluate(hitBox);
    await page.close();
    return { box, text };
  }

  it('is the same before and after the reader imports private notes about the place', async () => {
    const options = await openExtensionPage(ff, 'options.html');
    const { res } = await sendFromFirefoxPage(options, 'lookupEntity', { id: 'palmyra' });
    const description = (res.entity.description as string).slice(0, 30);
    const before = await palmyraBox(description);
    expect(before.text).toContain(description);
    expect(before.text).not.toContain(TITLE);
    expect(before.box).not.toBeNull();

    await options.waitForSelector('#import-files');
    const input = await options.$('#import-files');
    await (input as any).uploadFile(join(FIXTURES_DIR, 'import', 'palmyra-notes.md'));
    await options.waitForFunction((t: string) => [...document.querySelectorAll('input')].some((i) => i.value === t), {}, TITLE);
    const save = await options.waitForSelector('form.drafts button[type="submit"]');
    await save!.click();
    await options.waitForFunction((t: string) => document.body.innerText.includes(`Saved “${t}”`), {}, TITLE);
    await options.close();

    const after = await palmyraBox(TITLE);
    // The private notes are in the card the reader sees, and the page measures the same box.
    expect(after.text).toContain(TITLE);
    expect(after.box).toEqual(before.box);
  });
});
