/**
 * The popup tells the truth while Counterpoint is off everywhere (the options page's global
 * switch): the site switch is off, disabled and reads "Off everywhere" (never "On for …"), a line
 * says Counterpoint is off and turns it back on; axe finds nothing in that state, light or dark.
 * Chromium, the popup opened as a tab pointed at a fixture page's tab (`?tab=`).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
import { launchWithExtension, watchErrors, type ExtensionBrowser } from './chromium';
import { setSettings, tabIdOf } from './content';
import { startServer, type StaticServer } from './server';

/** The extension API inside page.evaluate callbacks (they run in the extension's pages). */
declare const chrome: any;

let ext: ExtensionBrowser;
let server: StaticServer;
let tabId: number;
const errors: string[][] = [];

beforeAll(async () => {
  ext = await launchWithExtension({ extensionDir: process.env.COUNTERPOINT_EXTENSION_DIR || undefined });
  server = await startServer();
  const article = await ext.context.newPage();
  await article.goto(`${server.origin}/panel-page.html`);
  const probe = await ext.context.newPage();
  await probe.goto(`chrome-extension://${ext.extensionId}/options.html`);
  tabId = (await tabIdOf(probe, `${server.origin}/panel-page.html`))!;
  await setSettings(probe, { enabled: false });
  await probe.close();
});

afterAll(async () => {
  expect(errors.flat()).toEqual([]);
  await ext?.close();
  await server?.close();
});

async function openPopup(scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await ext.context.newPage();
  errors.push(watchErrors(page, ext.extensionId));
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize({ width: 460, height: 600 });
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html?layout=popup&tab=${tabId}`);
  await page.locator('#search-input').waitFor();
  return page;
}

describe('the popup while Counterpoint is off everywhere', () => {
  it('reads "Off everywhere" on a disabled switch, and says Counterpoint is off', async () => {
    const page = await openPopup();
    const toggle = page.getByRole('switch', { name: 'Off everywhere' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    expect(await toggle.isDisabled()).toBe(true);
    expect(await page.locator('.popup-header').innerText()).not.toMatch(/\bOn for\b/);
    expect(await page.locator('.off-notice').innerText()).toMatch(/^Counterpoint is off on every site\.\s+Turn Counterpoint on$/);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: axe finds no WCAG 2.2 A/AA violation in that state`, async () => {
      const page = await openPopup(scheme);
      await page.locator('.off-notice').waitFor();
      const found = await axeViolations(page);
      expect(found, describeFindings(found)).toEqual([]);
      await page.close();
    });
  }

  it('"Turn Counterpoint on" turns it on everywhere; the switch is the site’s again', async () => {
    const page = await openPopup();
    await page.getByRole('button', { name: 'Turn Counterpoint on' }).click();
    await expect
      .poll(() => page.evaluate(async () => (await chrome.storage.local.get('counterpoint:settings'))['counterpoint:settings']?.enabled))
      .toBe(true);
    const toggle = page.getByRole('switch', { name: 'On for 127.0.0.1' });
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(await toggle.isDisabled()).toBe(false);
    expect(await page.locator('.off-notice').count()).toBe(0);
    await page.close();
  });
});
