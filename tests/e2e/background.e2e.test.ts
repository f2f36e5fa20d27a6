/**
 * The built extension's background answers from its corpus in real Chromium and Firefox ESR:
 * the same messages the popup, side panel and content scripts send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { launchFirefoxWithExtension, openExtensionPage, sendFromFirefoxPage, type FirefoxWithExtension } from './firefox';

type Send = (type: string, data?: unknown) => Promise<{ res?: any; err?: any }>;

function backgroundContract(name: string, setup: () => Promise<{ send: Send; teardown: () => Promise<void> }>) {
  describe(name, () => {
    let send: Send;
    let teardown: () => Promise<void>;
    beforeAll(async () => ({ send, teardown } = await setup()));
    afterAll(async () => teardown?.());

    it('answers lookupEntity for Raqqa with passages from at least three documents', async () => {
      const { res, err } = await send('lookupEntity', { id: 'raqqa' });
      expect(err).toBeUndefined();
      expect(res.entity.name).toBe('Raqqa');
      const docs = new Set([...res.excerpts, ...res.viewpoints].map((e: any) => e.source.id));
      expect(docs.size).toBeGreaterThanOrEqual(3);
      for (const e of [...res.excerpts, ...res.viewpoints]) expect(e.passage.text).toMatch(/raqqa/i);
    });

    it('finds the passage that spells Kirkuk "Kirkook"', async () => {
      const { res, err } = await send('search', { query: 'Kirkook' });
      expect(err).toBeUndefined();
      expect(res.hits[0].source.id).toBe('001_a3ed7a2f4efbeee5');
      expect(res.hits[0].passage.text).toContain('Kirkook');
    });

    it('gives the filters’ lists once (facets), and with a search only the hits’ sources', async () => {
      const facets = await send('facets');
      expect(facets.err).toBeUndefined();
      expect(facets.res.sources.length).toBe(5);
      expect(facets.res.perspectives).toContain('Raqqa opposition activist');
      const { res } = await send('search', { query: 'Kirkook' });
      expect(res.sources.map((s: any) => s.id)).toEqual([...new Set(res.hits.map((h: any) => h.source.id))]);
      expect(res.perspectives).toBeUndefined();
    });

    it('answers a malformed message with an error, and keeps answering', async () => {
      const bad = await send('lookupEntity', { id: 42 });
      expect(bad.err?.message).toMatch(/Bad params/);
      const unknown = await send('lookupEntity', { id: 'atlantis' });
      expect(unknown.err?.message).toMatch(/No corpus entity/);
      const { res } = await send('lookupEntity', { id: 'mosul' });
      expect(res.entity.name).toBe('Mosul');
    });
  });
}

backgroundContract('Chromium (MV3 service worker)', async () => {
  const ext: ExtensionBrowser = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  return { send: (type, data) => sendFromExtensionPage(page, type, data), teardown: () => ext.close() };
});

backgroundContract('Firefox ESR (MV3 event page)', async () => {
  const ff: FirefoxWithExtension = await launchFirefoxWithExtension();
  const page = await openExtensionPage(ff, 'popup.html');
  return { send: (type, data) => sendFromFirefoxPage(page, type, data), teardown: () => ff.close() };
});
