/**
 * Pages and documents in the region's languages, end to end in Firefox ESR (issue 20), with the
 * same fixtures and expectations as Chromium's tests/e2e/press-languages.e2e.test.ts
 * (tests/fixtures/briefs.ts): the news briefs in Arabic, Turkish, French and German get every
 * expected name underlined — suffixed, elided, clitic and inflected forms underlined without their
 * suffix (Rakka'nın → Rakka, l’État islamique → État islamique) — and nothing else, with no error
 * from the extension; the page of traps in four languages stays silent; the popup finds Mosul's
 * passages for an Arabic query; an Arabic document imported through the options page reaches the
 * card of the place it is about, its passage shown. The Mosul card on the Arabic right-to-left
 * page (Esc) is firefox-card.e2e.test.ts's; the card's placement there, firefox-rtl-card's.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARABIC_IMPORT, ARABIC_SEARCH, BRIEFS, TRAPS_PAGE } from '../fixtures/briefs';
import { openExtensionPage, pointAt, until, useFirefoxSuite, waitScannedFirefox, watchFirefoxErrors } from './firefox';
import { readCardFirefox } from './firefoxCard';
import { FIXTURES_DIR } from './server';
import { resultHighlights, underlinedTexts } from './seen';

const suite = useFirefoxSuite();
/** An extension page (options.html) that asks content scripts for their scan, as the sidebar does. */
let extPage: Page;
beforeAll(async () => {
  extPage = await openExtensionPage(suite.ff, 'options.html');
});

const sorted = (a: readonly string[]) => [...a].sort();

/** Opens a fixture page and waits for the content script's first scan; returns its report and the extension's errors there. */
async function openScanned(file: string) {
  const page = await suite.ff.browser.newPage();
  const errors = watchFirefoxErrors(page);
  const url = `${suite.server.origin}/${file}`;
  await page.goto(url, { waitUntil: 'load' });
  const report = await waitScannedFirefox(extPage, url);
  return { page, errors, report };
}

describe('Firefox ESR: news briefs in Arabic, Turkish, French and German', () => {
  for (const { file, expected } of BRIEFS) {
    it(`underlines every expected name on ${file} and nothing else`, async () => {
      const { page, errors } = await openScanned(file);
      // Underlines are drawn after the scan's matches: wait until they are all there, then compare.
      const want = sorted(expected);
      expect(await until(() => page.evaluate(underlinedTexts).then(sorted), (t) => t.length >= want.length)).toEqual(want);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('leaves the page of traps in four languages silent', async () => {
    const { page, errors, report } = await openScanned(TRAPS_PAGE);
    expect(report.entities).toEqual([]);
    expect(await page.evaluate(underlinedTexts)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Firefox ESR: search and import in Arabic', () => {
  it('finds Mosul’s passages in the popup for الموصل', async () => {
    const popup = await openExtensionPage(suite.ff, 'popup.html?layout=popup');
    await popup.waitForSelector('#search-input');
    await popup.type('#search-input', ARABIC_SEARCH.query);
    await popup.waitForSelector(`.chip[data-entity="${ARABIC_SEARCH.entity}"]`);
    // Every result is a passage found by the name: its highlight is Mosul (or "al Mosul").
    const found = await until(() => popup.evaluate(resultHighlights), (r) => r.length > 0);
    expect(found.length).toBeGreaterThan(0);
    for (const marks of found) expect(marks.join(' ')).toContain(ARABIC_SEARCH.name);
    await popup.close();
  });

  it('an Arabic document imported through the options page reaches the Raqqa card with its passage', async () => {
    const options = await openExtensionPage(suite.ff, 'options.html');
    const input = await options.waitForSelector('#import-files');
    await (input as any).uploadFile(join(FIXTURES_DIR, 'import', ARABIC_IMPORT.file));
    await options.waitForFunction((t: string) => [...document.querySelectorAll('input')].some((i) => i.value === t), {}, ARABIC_IMPORT.title);
    // The drafts form's Save (the options page's Team server form comes first).
    const save = await options.waitForSelector('form.drafts button[type="submit"]');
    await save!.click();
    await options.waitForFunction((t: string) => !!document.querySelector('ul.doc-list')?.textContent?.includes(t), {}, ARABIC_IMPORT.title);
    await options.close();

    const { page } = await openScanned('briefs-ar.html');
    const at = await pointAt(page, ARABIC_IMPORT.hover, { nth: 0 });
    await page.mouse.move(at.x, at.y);
    const card = await until(() => readCardFirefox(suite.ff.browser, page), (c) => !!c?.text.includes(ARABIC_IMPORT.phrase));
    expect(card?.name).toBe(ARABIC_IMPORT.card);
    expect(card?.text).toContain(ARABIC_IMPORT.title);
    expect(card?.text).toContain(ARABIC_IMPORT.phrase);
    await page.close();
  });
});
