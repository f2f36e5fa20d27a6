/**
 * A large import (issue 10) goes to the background in parts and is saved in one transaction
 * (lib/userCorpus/batches.ts, staging.ts): through the options page's file input, 80 files of
 * ~6 KB (several parts) without a perspective get one from a single field and are all saved and
 * listed; and when the service worker stops between two parts, the commit is refused with a
 * message and nothing is stored. A draft that needs attention beyond the first page of rows is
 * named above Save with its reason, and can be fixed or left out (lib/userCorpus/draftReview.ts).
 * Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeFindings } from './axe';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';

const COUNT = 80;
const paragraph = 'Residents of Raqqa described the checkpoints on the road to Tabqa, the queues for bread and the water cuts that followed the strikes on the dam. ';

const draft = (i: number) => ({
  fileName: `part-${i}.md`,
  meta: { title: `Part ${i}`, author: '', outlet: '', date: '2017', dateApproximate: false, perspective: '', url: '' },
  body: paragraph.repeat(10),
});

describe('Chromium: a large import is sent in parts and saved all or nothing', () => {
  let ext: ExtensionBrowser;
  let options: Page;
  let dir: string;
  const listed = async () => (await sendFromExtensionPage(options, 'listUserCorpus')).res.documents.length as number;
  const perspectives = async () => (await sendFromExtensionPage(options, 'listUserCorpus')).res.documents.map((d: { meta: { perspective: string } }) => d.meta.perspective) as string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'counterpoint-parts-'));
    ext = await launchWithExtension();
    options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByRole('heading', { name: /Your documents/ }).waitFor();
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${COUNT} files chosen at once are all saved, and listed`, async () => {
    const files = Array.from({ length: COUNT }, (_, i) => {
      const path = join(dir, `note-${String(i).padStart(3, '0')}.md`);
      // ~6 KB each: 80 of them are ~480 KB of text, more than one part.
      writeFileSync(path, `---\ntitle: Note ${i}\n---\n\n${paragraph.repeat(40)}\n`);
      return path;
    });
    await options.setInputFiles('#import-files', files);
    // None has a perspective: the 20 rows shown first are drawn (a few per frame), each named by its file.
    await expect.poll(() => options.getByText(`Showing 20 of ${COUNT} documents`).count()).toBe(1);
    const drafts = options.getByRole('form', { name: 'Documents to save' }).getByRole('group');
    await expect.poll(() => drafts.count()).toBe(20);
    await options.getByRole('group', { name: 'note-019.md' }).getByLabel('Title').waitFor();
    // Save is disabled, with its reason beside it; one field gives all 80 a perspective.
    const save = options.getByRole('button', { name: `Save ${COUNT} documents` });
    expect(await save.isDisabled()).toBe(true);
    await options.getByText(`Fix or leave out the ${COUNT} documents listed above to save.`).waitFor();
    await options.getByText(`${COUNT} documents need attention before saving:`).waitFor();
    await options.getByLabel(`Perspective for the ${COUNT} documents without one`).fill('Field team');
    await options.getByRole('button', { name: `Set perspective for ${COUNT} documents` }).click();
    await save.click();
    await options.getByRole('status').filter({ hasText: `Saved ${COUNT} documents to your corpus.` }).waitFor();
    await options.getByRole('heading', { name: `Your documents (${COUNT})` }).waitFor();
    expect(await listed()).toBe(COUNT);
    expect(new Set(await perspectives())).toEqual(new Set(['Field team']));
  });

  /** 30 .md files, the 25th without a perspective in its front matter; the stored corpus emptied first. */
  const chooseThirty = async () => {
    // No drafts left from an earlier test.
    if (await options.getByRole('button', { name: 'Discard' }).count()) await options.getByRole('button', { name: 'Discard' }).click();
    await sendFromExtensionPage(options, 'resetCorpus');
    await expect.poll(listed).toBe(0);
    const files = Array.from({ length: 30 }, (_, i) => {
      const n = i + 1;
      const path = join(dir, `notes-${String(n).padStart(2, '0')}.md`);
      const perspective = n === 25 ? '' : 'perspective: Field team\n';
      writeFileSync(path, `---\ntitle: Notes ${n}\n${perspective}---\n\n${paragraph.repeat(3)}\n`);
      return path;
    });
    await options.setInputFiles('#import-files', files);
    await options.getByText('1 document needs attention before saving:').waitFor();
  };

  it('the 25th of 30 files has no perspective: it is named with the reason, fixed from the list, and all 30 are saved', async () => {
    await chooseThirty();
    const save = options.getByRole('button', { name: 'Save 30 documents' });
    expect(await save.isDisabled()).toBe(true);
    await options.getByText('Fix or leave out the document listed above to save.').waitFor();
    const item = options.getByRole('list', { name: '1 document needs attention before saving:' }).getByRole('listitem');
    expect(await item.innerText()).toMatch(/^notes-25\.md \(no perspective\)/);
    // Its row is shown, after the first 20, and its field says what is wrong.
    const row = options.getByRole('group', { name: 'notes-25.md' });
    await row.getByLabel('Perspective').waitFor();
    expect(await row.getByLabel('Perspective').getAttribute('aria-invalid')).toBe('true');
    // The list, its buttons and the reason beside Save pass axe's WCAG rules.
    const found = await axeViolations(options, '.drafts');
    expect(found, describeFindings(found)).toEqual([]);
    // The name in the list focuses that field: the user types a perspective there.
    await item.getByRole('button', { name: 'notes-25.md', exact: true }).click();
    await expect.poll(() => options.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent + ' ' + document.activeElement?.previousElementSibling?.textContent)).toBe('notes-25.md Perspective');
    await options.keyboard.type('Field team');
    await expect.poll(() => options.getByText('1 document needs attention before saving:').count()).toBe(0);
    expect(await options.getByText(/listed above to save/).count()).toBe(0);
    await save.click();
    await options.getByRole('status').filter({ hasText: 'Saved 30 documents to your corpus.' }).waitFor();
    expect(await listed()).toBe(30);
    expect(await perspectives()).toEqual(Array(30).fill('Field team'));
  });

  it('the same import with the 25th left out from the list: 29 are saved', async () => {
    await chooseThirty();
    await options.getByRole('button', { name: 'Leave out notes-25.md' }).click();
    // Nothing else needs attention: focus moves to Save, which Enter presses.
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Save 29 documents');
    await options.keyboard.press('Enter');
    await options.getByRole('status').filter({ hasText: 'Saved 29 documents to your corpus.' }).waitFor();
    const titles = (await sendFromExtensionPage(options, 'listUserCorpus')).res.documents.map((d: { meta: { title: string } }) => d.meta.title);
    expect(titles).toHaveLength(29);
    expect(titles).not.toContain('Notes 25');
  });

  it('every draft can be reached: "Show 20 more" and "Show all" add rows', async () => {
    await chooseThirty();
    await options.getByRole('button', { name: 'Leave out notes-25.md' }).click();
    const drafts = options.getByRole('form', { name: 'Documents to save' }).getByRole('group');
    await expect.poll(() => drafts.count()).toBe(20);
    await options.getByRole('button', { name: 'Show 9 more' }).click();
    await expect.poll(() => drafts.count()).toBe(29);
    await options.getByRole('group', { name: 'notes-30.md' }).getByLabel('Title').waitFor();
    expect(await options.getByRole('button', { name: /^Show all/ }).count()).toBe(0);
    await options.getByRole('button', { name: 'Discard' }).click();
  });

  it('the worker stopped between two parts: the commit is refused, nothing is stored', async () => {
    const before = await listed();
    expect((await sendFromExtensionPage(options, 'stageDrafts', { importId: 'e2e-lost', drafts: [draft(1), draft(2)] })).res).toEqual({ staged: 2 });
    const cdp = await ext.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.waitForTimeout(300);
    const { err } = await sendFromExtensionPage(options, 'importDocuments', { importId: 'e2e-lost', staged: true, drafts: [draft(3)] });
    expect(err.message).toMatch(/The import: was interrupted before it was saved/);
    expect(await listed()).toBe(before);
  });
});
