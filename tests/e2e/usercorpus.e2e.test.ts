/**
 * Users grow the corpus (issue 10), end to end with the built extension: a Markdown file
 * imported through the options page's file input is in a card on a fixture page (with its
 * metadata), in popup search and in the comparison; an entity accepted from it is recognised
 * on a page and opens a card quoting it; the worker restarts and still answers from it; every
 * bad input gives its message and leaves the corpus as it was; export → reset → import gives
 * the same corpus back. Chromium; the import path also in Firefox ESR.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { hoverText, waitCard, waitScanned } from './content';
import { launchFirefoxWithExtension, openExtensionPage, sendFromFirefoxPage, type FirefoxWithExtension } from './firefox';
import { FIXTURES_DIR, startServer, type StaticServer } from './server';

const IMPORT = join(FIXTURES_DIR, 'import');
const NOTES_TITLE = 'Field notes from Tal Abyad';

async function call(page: Page, type: string, data?: unknown): Promise<any> {
  const { res, err } = await sendFromExtensionPage(page, type, data);
  if (err) throw new Error(err.message);
  return res;
}

describe('Chromium: the options page grows the corpus', () => {
  let ext: ExtensionBrowser;
  let server: StaticServer;
  let options: Page;

  beforeAll(async () => {
    ext = await launchWithExtension();
    server = await startServer();
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByRole('heading', { name: /Your documents/ }).waitFor();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('imports a .md file through the file input: metadata pre-filled and editable, then saved', async () => {
    await options.setInputFiles('#import-files', join(IMPORT, 'field-notes.md'));
    const draft = options.getByRole('group', { name: 'field-notes.md' });
    await expect.poll(() => draft.getByLabel('Title').inputValue()).toBe(NOTES_TITLE);
    expect(await draft.getByLabel('Author').inputValue()).toBe('Layla Hassan');
    expect(await draft.getByLabel('Date', { exact: true }).inputValue()).toBe('2019-10-14');
    await draft.getByLabel('Perspective').fill('Researcher in Tal Abyad');
    await options.getByRole('button', { name: 'Save document' }).click();
    await options.getByRole('status').filter({ hasText: `Saved “${NOTES_TITLE}”` }).waitFor();
    await options.getByRole('list', { name: 'Your documents' }).getByText(NOTES_TITLE).waitFor();
  });

  it('the document is in a card on a fixture page, with its metadata', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/news.html`);
    await waitScanned(options, `${server.origin}/news.html`);
    await hoverText(page, 'Raqqa', 1);
    const card = await waitCard(page);
    expect(card.text).toContain(NOTES_TITLE);
    expect(card.text).toContain('Researcher in Tal Abyad');
    await page.close();
  });

  it('the document is in popup search and in the side panel’s comparison', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.locator('#search-input').fill('Hamza Division');
    await popup.getByText(NOTES_TITLE).filter({ visible: true }).first().waitFor();
    await popup.close();
    const comparison = await call(options, 'compare', { entityId: 'raqqa' });
    expect(comparison.columns.map((c: any) => c.source.title)).toContain(NOTES_TITLE);
  });

  it('an accepted proposal is recognised on a page and opens a card quoting the document', async () => {
    await options.getByRole('button', { name: `Find new places and groups in “${NOTES_TITLE}”` }).first().click();
    await options.getByRole('button', { name: 'Accept Hamza Division as a new group' }).click();
    await options.getByRole('status').filter({ hasText: 'Added Hamza Division.' }).waitFor();
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/user-entity.html`);
    const report = await waitScanned(options, `${server.origin}/user-entity.html`);
    expect(report.entities.map((e) => e.id)).toContain('user-hamza-division');
    await hoverText(page, 'Hamza Division');
    const card = await waitCard(page);
    expect(card.name).toBe('Hamza Division');
    expect(card.text).toContain(NOTES_TITLE);
    await page.close();
  });

  it('after the service worker is stopped, the next lookup still returns the imported document', async () => {
    const cdp = await ext.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.waitForTimeout(300);
    const card = await call(options, 'lookupEntity', { id: 'user-hamza-division' });
    expect([...card.excerpts, ...card.viewpoints][0].source.title).toBe(NOTES_TITLE);
    const hits = (await call(options, 'search', { query: 'Tal Abyad bakery' })).hits;
    expect(hits[0].source.title).toBe(NOTES_TITLE);
  });

  it('every bad input gives its message, and the corpus stays exactly as it was', async () => {
    const before = await call(options, 'exportCorpus');
    const cases: Array<[string, RegExp]> = [
      ['empty.txt', /empty\.txt: is empty/],
      ['binary.txt', /binary\.txt: is a binary file/],
      ['latin1.txt', /latin1\.txt: is not UTF-8/],
      ['bad-front-matter.md', /bad-front-matter\.md: front matter line 4/],
      ['no-article.html', /no-article\.html: has no article/],
      ['future-bundle.json', /future-bundle\.json: was made by a newer Counterpoint/],
      ['wrong-schema.json', /wrong-schema\.json: does not match the bundle format/],
      ['duplicate-bundle.json', /duplicate-bundle\.json: has two documents with the id user-a/],
    ];
    for (const [file, message] of cases) {
      await options.setInputFiles('#import-files', join(IMPORT, file));
      await expect.poll(() => options.getByRole('alert').innerText()).toMatch(message);
    }
    // Larger than 20 MB: refused from its size.
    await options.setInputFiles('#import-files', { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 'a') });
    await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/huge\.txt: is 20\.0 MB, more than/);
    expect(await options.getByRole('form', { name: 'Documents to save' }).count()).toBe(0); // no draft was made
    expect(await call(options, 'exportCorpus')).toEqual(before);
  });

  it('export → reset → import of the bundle gives back the same corpus', async () => {
    await call(options, 'addAlias', { entityId: 'raqqa', text: 'Nicephorium' });
    const exported = await call(options, 'exportCorpus');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export corpus' }).click();
    const file = await (await download).path();
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    expect(bundle).toMatchObject({ format: 'counterpoint-corpus', version: 2 });

    await options.getByRole('button', { name: 'Reset to the bundled corpus…' }).click();
    await options.getByRole('button', { name: 'Delete everything I added' }).click();
    await options.getByRole('status').filter({ hasText: 'the bundled corpus is back' }).waitFor();
    expect(await call(options, 'exportCorpus')).toEqual({ documents: [], entities: [], aliases: [], hiddenSeeds: [] });

    await options.setInputFiles('#import-files', { name: 'backup.json', mimeType: 'application/json', buffer: readFileSync(file) });
    const region = options.getByRole('region', { name: 'Import backup.json' });
    await region.getByRole('radio', { name: 'Replace your corpus' }).check();
    await region.getByRole('list', { name: 'What changes' }).getByText('1 document added').waitFor();
    await region.getByRole('button', { name: 'Replace' }).click();
    await options.getByRole('status').filter({ hasText: 'Imported backup.json' }).waitFor();
    expect(await call(options, 'exportCorpus')).toEqual(exported);
    const card = await call(options, 'lookupEntity', { id: 'user-hamza-division' });
    expect([...card.excerpts, ...card.viewpoints][0].source.title).toBe(NOTES_TITLE);
  });
});

describe('Firefox ESR: the import path', () => {
  let ff: FirefoxWithExtension;
  beforeAll(async () => {
    ff = await launchFirefoxWithExtension();
  });
  afterAll(async () => ff?.close());

  it('imports a .md file through the options page’s file input and finds it in search', async () => {
    const page = await openExtensionPage(ff, 'options.html');
    await page.waitForSelector('#import-files');
    const input = await page.$('#import-files');
    await (input as any).uploadFile(join(IMPORT, 'field-notes.md'));
    await page.waitForFunction((t: string) => [...document.querySelectorAll('input')].some((i) => i.value === t), {}, NOTES_TITLE);
    const save = await page.waitForSelector('form.drafts button[type="submit"]');
    await save!.click();
    await page.waitForFunction((t: string) => document.body.innerText.includes(`Saved “${t}”`), {}, NOTES_TITLE);
    const { res } = await sendFromFirefoxPage(page, 'search', { query: 'Tal Abyad bakery' });
    expect(res.hits[0].source.title).toBe(NOTES_TITLE);
    const bad = await page.$('#import-files');
    await (bad as any).uploadFile(join(IMPORT, 'latin1.txt'));
    await page.waitForFunction(() => /latin1\.txt: is not UTF-8/.test(document.querySelector('[role="alert"]')?.textContent ?? ''));
    const { res: listing } = await sendFromFirefoxPage(page, 'listUserCorpus');
    expect(listing.documents).toHaveLength(1);
  });
});
