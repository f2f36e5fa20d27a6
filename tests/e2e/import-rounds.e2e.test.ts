/**
 * A researcher's archive through the options page (issue 16): an import of more files than one
 * round (1,000 drafts, lib/userCorpus/importRounds.ts) is saved round after round with its
 * progress said; the browser closed part way leaves whole rounds saved, the options page says so
 * when it opens again, and the same files chosen again are saved from where it stopped — each
 * document once. Chromium, with the browser closed and started again on the same profile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';

const COUNT = 2500;

describe('Chromium: an import of 2,500 files, in rounds, resumed after the browser closed', () => {
  let ext: ExtensionBrowser | undefined;
  let profile: string;
  let dir: string;
  let files: string[];

  const openOptions = async (): Promise<Page> => {
    const page = await ext!.context.newPage();
    await page.goto(`chrome-extension://${ext!.extensionId}/options.html`);
    await page.getByRole('heading', { name: /Your documents/ }).waitFor();
    return page;
  };
  const stored = async (page: Page) => (await sendFromExtensionPage(page, 'listUserCorpus')).res.documents as { meta: { title: string } }[];
  const choose = async (page: Page) => {
    await page.setInputFiles('#import-files', files);
    await page.getByRole('button', { name: `Save ${COUNT.toLocaleString('en')} documents` }).waitFor();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'counterpoint-rounds-'));
    profile = mkdtempSync(join(tmpdir(), 'counterpoint-rounds-profile-'));
    files = Array.from({ length: COUNT }, (_, i) => {
      const path = join(dir, `dispatch-${String(i).padStart(4, '0')}.md`);
      writeFileSync(path, `---\ntitle: Dispatch ${i}\nperspective: Field team\ndate: 2017\n---\n\nA convoy left Raqqa for Tabqa on day ${i}; residents of Mosul waited for news.\n`);
      return path;
    });
    ext = await launchWithExtension({ profile });
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('the browser closed after the first round: reopened, the page says what was saved, and the same files finish the import with each document once', async () => {
    let options = await openOptions();
    await choose(options);
    await options.getByRole('button', { name: `Save ${COUNT.toLocaleString('en')} documents` }).click();
    // The progress is said as the rounds are saved; the browser is closed once the first is.
    await options.getByRole('status').filter({ hasText: /^Saving: 1,000 of 2,500 documents saved…$/ }).waitFor({ timeout: 60_000 });
    await ext!.close();

    ext = await launchWithExtension({ profile });
    options = await openOptions();
    const before = (await stored(options)).length;
    // Whole rounds only: the first, and the second if its commit was already on its way.
    expect([1000, 2000]).toContain(before);
    await options.getByText(new RegExp(`^An import of 2,500 documents stopped after (1,000|2,000) were saved\\. Choose the same files again and save`)).waitFor();

    await choose(options);
    await options.getByRole('button', { name: `Save ${COUNT.toLocaleString('en')} documents` }).click();
    await options.getByRole('status').filter({ hasText: 'Saved 2,500 documents to your corpus.' }).waitFor({ timeout: 120_000 });
    const titles = (await stored(options)).map((d) => d.meta.title);
    expect(titles).toHaveLength(COUNT);
    expect(new Set(titles).size).toBe(COUNT);
    // Done: nothing left to tell of, on this page or the next.
    expect(await options.getByText(/stopped after/).count()).toBe(0);
    await options.close();
    const again = await openOptions();
    await again.getByRole('heading', { name: `Your documents (${COUNT.toLocaleString('en')})` }).waitFor();
    expect(await again.getByText(/stopped after/).count()).toBe(0);
  }, 300_000);
});
