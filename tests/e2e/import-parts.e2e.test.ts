/**
 * A large import (issue 10) goes to the background in parts and is saved in one transaction
 * (lib/userCorpus/batches.ts, staging.ts): through the options page's file input, 80 files of
 * ~6 KB (several parts) are all saved and listed; and when the service worker stops between
 * two parts, the commit is refused with a message and nothing is stored. Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      writeFileSync(path, `---\ntitle: Note ${i}\nauthor: Field team\n---\n\n${paragraph.repeat(40)}\n`);
      return path;
    });
    await options.setInputFiles('#import-files', files);
    await expect.poll(() => options.getByText(`Showing the first 20 of ${COUNT} documents`).count()).toBe(1);
    // The first 20 are there to edit (drawn a few per frame), each named by its file.
    const drafts = options.getByRole('form', { name: 'Documents to save' }).getByRole('group');
    await expect.poll(() => drafts.count()).toBe(20);
    await options.getByRole('group', { name: 'note-019.md' }).getByLabel('Title').waitFor();
    await options.getByRole('button', { name: `Save ${COUNT} documents` }).click();
    await options.getByRole('status').filter({ hasText: `Saved ${COUNT} documents to your corpus.` }).waitFor();
    await options.getByRole('heading', { name: `Your documents (${COUNT})` }).waitFor();
    expect(await listed()).toBe(COUNT);
  });

  it('the worker stopped between two parts: the commit is refused, nothing is stored', async () => {
    const before = await listed();
    expect((await sendFromExtensionPage(options, 'stageDrafts', { importId: 'e2e-lost', drafts: [draft(1), draft(2)] })).res).toEqual({ staged: 2 });
    const cdp = await ext.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await options.waitForTimeout(300);
    const { err } = await sendFromExtensionPage(options, 'importDocuments', { importId: 'e2e-lost', drafts: [draft(3)] });
    expect(err.message).toMatch(/The import: was interrupted before it was saved/);
    expect(await listed()).toBe(before);
  });
});
