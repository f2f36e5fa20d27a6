/**
 * Smoke test of the hover card in Firefox ESR (MV3), driven by puppeteer-core over WebDriver BiDi:
 * underlines on the news fixture, a card on hover, Esc, and silence on the trap page.
 *
 * The card's closed shadow root is read the way the browser's tools can: WebDriver BiDi's
 * serialisation with `includeShadowTree: "all"` includes closed shadow roots.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { startServer, type StaticServer } from './server';

let ff: FirefoxWithExtension;
let server: StaticServer;

beforeAll(async () => {
  ff = await launchFirefoxWithExtension();
  server = await startServer();
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

interface SerializedNode {
  type?: string;
  value?: SerializedNode;
  nodeType?: number;
  localName?: string;
  nodeValue?: string;
  attributes?: Record<string, string>;
  children?: SerializedNode[];
  shadowRoot?: SerializedNode | null;
}

/** The open card's text (styles left out) and whether its shadow root is closed; null when none. */
async function readCardFirefox(browser: Browser, page: Page): Promise<{ text: string; mode: string; role: string } | null> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<any> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await connection.send('script.evaluate', {
    expression: "document.querySelector('counterpoint-card')",
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 50 },
  });
  const host: SerializedNode | undefined = result.result?.value;
  const shadow = host?.shadowRoot?.value;
  if (!shadow) return null;
  // A card prepared (transparent) while the hover delay runs is not open yet.
  if (/opacity:\s*0[\s;!]/.test(host?.attributes?.style ?? '')) return null;
  const parts: string[] = [];
  let role = '';
  const walk = (n: SerializedNode | undefined) => {
    const v = n?.value ?? n;
    if (!v || v.localName === 'style') return;
    if (v.nodeType === 3) parts.push(v.nodeValue ?? '');
    if (v.attributes?.role) role ||= v.attributes.role;
    for (const c of v.children ?? []) walk(c);
  };
  walk(shadow);
  return { text: parts.join(' ').replace(/\s+/g, ' '), mode: (shadow as { mode?: string }).mode ?? '', role };
}

async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as any).CSS?.highlights?.get('counterpoint')?.size ?? 0);
}

async function pointAt(page: Page, text: string, id?: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    (text, id) => {
      const root = id ? document.getElementById(id)! : document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(text);
        if (i < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + text.length);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    text,
    id,
  );
  if (!p) throw new Error(`"${text}" not found`);
  return p;
}

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 8000): Promise<T> {
  const until = Date.now() + timeout;
  let v = await fn();
  while (!ok(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

describe('Firefox ESR', () => {
  it('underlines the news page and opens the Raqqa card on hover; Esc closes it', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${server.origin}/news.html`, { waitUntil: 'load' });
    expect(await poll(() => highlightCount(page), (n) => n >= 30)).toBeGreaterThanOrEqual(30);

    const at = await pointAt(page, 'Raqqa', 'p1');
    await page.mouse.move(at.x, at.y);
    const card = await poll(
      () => readCardFirefox(ff.browser, page),
      (c) => !!c && c.text.includes('Competing viewpoints'),
    );
    expect(card).not.toBeNull();
    expect(card!.mode).toBe('closed');
    expect(card!.role).toBe('dialog');
    expect(card!.text).toMatch(/^Raqqa /);
    expect(card!.text).toMatch(/in \d+ of \d+ sources/);
    expect(card!.text).toContain('Compare sources');

    await page.keyboard.press('Escape');
    expect(await poll(() => page.evaluate(() => !!document.querySelector('counterpoint-card')), (open) => !open)).toBe(false);
    await page.close();
  });

  it('stays silent on the trap page', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${server.origin}/traps.html`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await highlightCount(page)).toBe(0);
    const at = await pointAt(page, 'ISIS', 'registrar');
    await page.mouse.move(at.x, at.y);
    await new Promise((r) => setTimeout(r, 800));
    expect(await page.evaluate(() => !!document.querySelector('counterpoint-card'))).toBe(false);
    // Alive all along: an unambiguous mention added now is underlined.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'A letter from Raqqa.' })));
    expect(await poll(() => highlightCount(page), (n) => n > 0)).toBeGreaterThan(0);
    await page.close();
  });
});
