/**
 * What every hover-card test file (tests/e2e/hovercard-*.e2e.test.ts) starts from: Chromium with
 * the built extension, an extension page that talks to content scripts and the background as the
 * side panel and options do, the fixture server, and, only when a test compares DOMs, a plain
 * Chromium without the extension. `useHoverSuite()` registers the file's beforeAll/afterAll and
 * returns the handles, filled in once the browsers are up.
 *
 * COUNTERPOINT_EXTENSION_DIR points the tests at another build than .output/chrome-mv3.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type LaunchedChromium } from '../../scripts/browser.mjs';
import { launchWithExtension, sendFromExtensionPage, watchErrors, type ExtensionBrowser } from './chromium';
import { pageHtml, waitScanned, type ScanReport } from './content';
import { startServer, type StaticServer } from './server';

export interface HoverSuite {
  ext: ExtensionBrowser;
  server: StaticServer;
  /** An extension page (options.html): talks to content scripts and storage as the side panel and options do. */
  extPage: Page;
  /** The fixture server's address of `path`. */
  url(path: string): string;
  /** Opens a fixture with the extension, waits for the scan; returns the page, its errors and the scan report. */
  open(path: string): Promise<{ page: Page; errors: string[]; report: ScanReport }>;
  /** The page's DOM in Chromium without the extension, once loaded and settled. */
  plainHtml(path: string, settleMs?: number): Promise<string>;
  /** The background's card data for an entity, asked as an extension page does. */
  lookup(id: string): Promise<any>;
}

export function useHoverSuite(): HoverSuite {
  let plain: LaunchedChromium | undefined;
  const suite = {
    url: (path: string) => `${suite.server.origin}/${path}`,
    async open(path: string) {
      const page = await suite.ext.context.newPage();
      const errors = watchErrors(page, suite.ext.extensionId);
      await page.goto(suite.url(path), { waitUntil: 'load', timeout: 60_000 });
      const report = await waitScanned(suite.extPage, suite.url(path));
      return { page, errors, report };
    },
    async plainHtml(path: string, settleMs = 800) {
      plain ??= await launchChromium();
      const page = await plain.context.newPage();
      await page.goto(suite.url(path), { waitUntil: 'load', timeout: 60_000 });
      await page.waitForTimeout(settleMs);
      const html = await pageHtml(page);
      await page.close();
      return html;
    },
    async lookup(id: string) {
      const { res, err } = await sendFromExtensionPage(suite.extPage, 'lookupEntity', { id });
      if (err) throw new Error(err.message);
      return res;
    },
  } as HoverSuite;

  beforeAll(async () => {
    suite.ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
    suite.server = await startServer();
    suite.extPage = await suite.ext.context.newPage();
    await suite.extPage.goto(`chrome-extension://${suite.ext.extensionId}/options.html`);
  });

  afterAll(async () => {
    await suite.ext?.close();
    await plain?.close();
    await suite.server?.close();
  });

  return suite;
}
