/**
 * Loads the built Firefox MV3 extension (.output/firefox-mv3) into Firefox ESR with
 * puppeteer-core over WebDriver BiDi (no geckodriver). The extension's internal UUID is fixed
 * through the `extensions.webextensions.uuids` pref so tests can open its pages.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { ScanReport } from './content';
import { ROOT, startServer, type StaticServer } from './server';

/** The build under test: COUNTERPOINT_FIREFOX_DIR, else .output/firefox-mv3. */
const FIREFOX_BUILD = process.env.COUNTERPOINT_FIREFOX_DIR || join(ROOT, '.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'counterpoint@counterpoint.example';
export const FIXED_UUID = '5c0f1a2e-7d3b-4c8e-9a61-0c0a7e5e1d01';

export interface FirefoxWithExtension {
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** `prefs`: more of Firefox's preferences for this browser. */
export async function launchFirefoxWithExtension(dir = FIREFOX_BUILD, prefs: Record<string, unknown> = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run "npm run build" first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
      // Content scripts on every origin without a permission prompt.
      'extensions.originControls.grantByDefault': true,
      'network.dns.disableIPv6': true,
      ...prefs,
    },
  });
  await browser.installExtension(dir);
  return { browser, baseUrl: `moz-extension://${FIXED_UUID}`, close: () => browser.close() };
}

/** What a Firefox test file starts from: Firefox ESR with the extension and the fixture server, filled in by the file's beforeAll. */
export function useFirefoxSuite(): { ff: FirefoxWithExtension; server: StaticServer } {
  const suite = {} as { ff: FirefoxWithExtension; server: StaticServer };
  beforeAll(async () => {
    suite.ff = await launchFirefoxWithExtension();
    suite.server = await startServer();
  });
  afterAll(async () => {
    await suite.ff?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Like chromium.ts's sendFromExtensionPage. The answer crosses as JSON: BiDi's own serialisation
 *  drops objects referenced twice (every excerpt shares its source's metadata object). */
export async function sendFromFirefoxPage(page: Page, type: string, data?: unknown): Promise<{ res?: any; err?: any }> {
  const json = await page.evaluate(
    async (type: string, data: unknown) => {
      const message = { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
      const answer = await (globalThis as any).browser.runtime.sendMessage(message);
      return JSON.stringify(answer ?? { err: { message: 'No response' } });
    },
    type,
    data,
  );
  return JSON.parse(json);
}

/**
 * Opens one of the extension's pages. Firefox never reports the load of a moz-extension page to
 * WebDriver BiDi (puppeteer issue #14314), so `goto` is not awaited: we poll the page itself.
 */
export async function openExtensionPage(ff: FirefoxWithExtension, path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  const url = `${ff.baseUrl}/${path.replace(/^\//, '')}`;
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    const ready = href.startsWith(ff.baseUrl) && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete';
    if (ready) return page;
    if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} (at ${href || 'nothing'})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A node as WebDriver BiDi serialises it (`includeShadowTree: "all"` includes closed shadow roots). */
export interface SerializedNode {
  type?: string;
  value?: SerializedNode;
  nodeType?: number;
  localName?: string;
  nodeValue?: string;
  attributes?: Record<string, string>;
  children?: SerializedNode[];
  shadowRoot?: SerializedNode | null;
}

type Bidi = { send(method: string, params: object): Promise<any> };
/** puppeteer's BiDi connection, for commands it does not wrap (script.evaluate with shadow trees, browsingContext.getTree). */
export const bidi = (browser: Browser) => (browser as unknown as { connection: Bidi }).connection;
/** A page's BiDi browsing-context id. */
export const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

/**
 * The <div>s under <html> (where the extension puts its hosts) as BiDi serialises them with their
 * shadow trees, closed ones included, `maxDomDepth` deep; each child keeps its `sharedId`.
 */
export async function hostsUnderHtml(browser: Browser, page: Page, maxDomDepth: number): Promise<SerializedNode[]> {
  const { result } = await bidi(browser).send('script.evaluate', {
    expression: "[...document.documentElement.children].filter((e) => e.localName === 'div')",
    target: { context: contextOf(page) },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth },
  });
  return result.result?.value ?? [];
}

/** Calls `fn` every 100 ms until `ok` holds or `timeout` ms pass; returns the last value (the test asserts on it). */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 8000): Promise<T> {
  const end = Date.now() + timeout;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

/** Centre of the `nth` occurrence of `text` (inside the element `within`, else the body), scrolled into view. */
export async function pointAt(page: Page, text: string, { nth = 0, within }: { nth?: number; within?: string } = {}): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    (text, nth, within) => {
      const root = within ? document.getElementById(within)! : document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        for (let i = n.data.indexOf(text); i >= 0; i = n.data.indexOf(text, i + 1)) {
          if (seen++ !== nth) continue;
          n.parentElement!.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + text.length);
          const r = range.getClientRects()[0]!;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
    },
    text,
    nth,
    within ?? null,
  );
  if (!p) throw new Error(`"${text}" #${nth} not found`);
  return p;
}

/**
 * The content script's scan report of the tab showing `url`, asked from an extension page as the
 * sidebar does (no `tabs` permission: each tab's content script says its own address), once its
 * first scan is complete. Like content.ts's waitScanned in Chromium.
 */
export async function waitScannedFirefox(extPage: Page, url: string, timeout = 20_000): Promise<ScanReport> {
  const end = Date.now() + timeout;
  for (;;) {
    const json = await extPage.evaluate(async (url: string) => {
      const browser = (globalThis as any).browser;
      for (const tab of await browser.tabs.query({})) {
        const message = { id: Math.floor(Math.random() * 1e6), type: 'pageMentions', timestamp: Date.now() };
        const answer = await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
        if (typeof answer?.res?.url === 'string' && answer.res.url.startsWith(url)) return JSON.stringify(answer.res);
      }
      return 'null';
    }, url);
    const report = JSON.parse(json) as ScanReport | null;
    if (report?.complete) return report;
    if (Date.now() > end) throw new Error(`scan of ${url} not complete: ${json}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Errors the extension causes in `page` (uncaught, or logged to the console from its moz-extension:// code). */
export function watchFirefoxErrors(page: Page): string[] {
  const errors: string[] = [];
  const ours = (s: string | undefined) => !!s && s.includes(FIXED_UUID);
  page.on('pageerror', (e) => {
    const { message, stack } = e instanceof Error ? e : { message: String(e), stack: undefined };
    if (ours(stack) || ours(message)) errors.push(`pageerror: ${message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && (ours(m.location().url) || ours(m.text()))) errors.push(`console: ${m.text()}`);
  });
  return errors;
}
