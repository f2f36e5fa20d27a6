/**
 * Loads the built extension (.output/chrome-mv3) into Debian's Chromium with playwright-core.
 * Network: only 127.0.0.1 is reachable; every other request of a page is aborted, so real pages
 * whose scripts call home behave as they would offline.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ROOT } from './server';

/** The build under test: COUNTERPOINT_EXTENSION_DIR, else .output/chrome-mv3. */
const CHROME_BUILD = process.env.COUNTERPOINT_EXTENSION_DIR || join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * `profile`: a profile directory of the caller's, kept on close (a browser closed and started
 * again on it); by default a throwaway one, removed on close.
 */
export async function launchWithExtension(options: { extensionDir?: string; headless?: boolean; profile?: string } = {}): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run "npm run build" first`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'counterpoint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Sends a message to the background in @webext-core/messaging's wire format from an extension
 * page, exactly as the popup or side panel would, and returns `{res}` or `{err}`.
 */
export async function sendFromExtensionPage(page: Page, type: string, data?: unknown): Promise<{ res?: any; err?: any }> {
  return page.evaluate(
    async ([type, data]) => {
      const message = { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
      return (await (globalThis as any).chrome.runtime.sendMessage(message)) ?? { err: { message: 'No response' } };
    },
    [type, data] as const,
  );
}

/** Collects uncaught page errors and console errors that come from the extension. */
export function watchErrors(page: Page, extensionId: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    if ((e.stack ?? '').includes(extensionId)) errors.push(`pageerror: ${e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && (m.location().url ?? '').includes(extensionId)) errors.push(`console: ${m.text()}`);
  });
  return errors;
}
