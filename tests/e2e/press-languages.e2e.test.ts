/**
 * Pages and documents in the region's languages, end to end in Chromium (issue 20): the news briefs
 * in Arabic (a dir=rtl page), Turkish, French and German get every expected name underlined and
 * nothing else (tests/fixtures/briefs.ts, the same expectations as the unit test on their text);
 * a name after Arabic clitics opens its card, placed in the viewport of the right-to-left page,
 * and Esc closes it; the page of traps in four languages stays silent; the popup finds an Arabic
 * query; an Arabic document imported in the options page reaches the card of the place it is
 * about, its passage shown. (Firefox: tests/e2e/firefox-press-languages.e2e.test.ts, the same
 * expectations; firefox-card.e2e.test.ts, the Mosul card on the Arabic page.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARABIC_IMPORT, ARABIC_SEARCH, BRIEFS, TRAPS_PAGE } from '../fixtures/briefs';
import { expectInViewport, highlightedTexts, hoverText, pageHtml, waitCard, waitNoCard } from './content';
import { useHoverSuite } from './hoverSuite';
import { FIXTURES_DIR } from './server';
import { highlightCount } from './shadow';
import { resultHighlights } from './seen';

const suite = useHoverSuite();
const sorted = (a: readonly string[]) => [...a].sort();

describe('news briefs in Arabic, Turkish, French and German', () => {
  for (const { file, expected } of BRIEFS) {
    it(`underlines every expected name on ${file} and nothing else`, async () => {
      const { page, errors } = await suite.open(file);
      await expect.poll(() => highlightedTexts(page).then(sorted)).toEqual(sorted(expected));
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('opens the Mosul card from بالموصل on the right-to-left page, in the viewport; Esc closes it', async () => {
    const { page, errors } = await suite.open('briefs-ar.html');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await hoverText(page, 'الموصل', 2); // من الموصل, الموصلي (no mention), بالموصل
    const card = await waitCard(page);
    expect(card.name).toBe('Mosul');
    await expectInViewport(page, card);
    await page.keyboard.press('Escape');
    await waitNoCard(page);
    expect(await pageHtml(page)).toBe(await suite.plainHtml('briefs-ar.html'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the page of traps in four languages silent', async () => {
    const { page, report } = await suite.open(TRAPS_PAGE);
    expect(report.entities).toEqual([]);
    expect(await highlightCount(page)).toBe(0);
    await page.close();
  });
});

describe('search and import in Arabic', () => {
  it('finds Mosul’s passages in the popup for الموصل', async () => {
    const popup = await suite.ext.context.newPage();
    await popup.goto(`chrome-extension://${suite.ext.extensionId}/popup.html`);
    await popup.locator('#search-input').fill(ARABIC_SEARCH.query);
    await popup.locator(`.chip[data-entity="${ARABIC_SEARCH.entity}"]`).waitFor();
    // Every result is a passage found by the name: its highlight is Mosul (or "al Mosul").
    await expect.poll(() => popup.evaluate(resultHighlights).then((r) => r.length)).toBeGreaterThan(0);
    for (const marks of await popup.evaluate(resultHighlights)) expect(marks.join(' ')).toContain(ARABIC_SEARCH.name);
    await popup.close();
  });

  it('an imported Arabic document reaches the Raqqa card with its passage', async () => {
    const options = suite.extPage;
    await options.getByRole('heading', { name: /Your documents/ }).waitFor();
    await options.setInputFiles('#import-files', join(FIXTURES_DIR, 'import', ARABIC_IMPORT.file));
    await options.getByRole('button', { name: 'Save document' }).click();
    await options.getByRole('list', { name: 'Your documents' }).getByText(ARABIC_IMPORT.title).waitFor();

    const { page } = await suite.open('briefs-ar.html');
    await hoverText(page, ARABIC_IMPORT.hover, 0);
    const card = await waitCard(page);
    expect(card.name).toBe(ARABIC_IMPORT.card);
    expect(card.text).toContain(ARABIC_IMPORT.title);
    expect(card.text).toContain(ARABIC_IMPORT.phrase);
    await page.close();
  });
});
