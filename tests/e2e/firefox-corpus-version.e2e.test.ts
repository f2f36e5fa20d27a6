/**
 * One corpus version, end to end in Firefox ESR (issue 16; Chromium: corpus-version.e2e.test.ts):
 * a tab and a popup opened BEFORE the changes follow each of them without a reload — a name added
 * opens its card in the open tab, two imports give every card the same "of M sources", and after
 * "Reset to the bundled corpus" the tab opens no card for the removed name, its card frame (which
 * keeps the cards it showed) counts no deleted document, and the open popup's results drop the
 * deleted documents. Asserted on what the reader sees: the cards' and the popup's text.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, sendFromFirefoxPage, until, useFirefoxSuite } from './firefox';
import { hoverCardFirefox } from './firefoxCard';

const suite = useFirefoxSuite();

const draft = (title: string, body: string) => ({
  fileName: `${title}.txt`,
  meta: { title, author: 'Test', outlet: '', date: '2018', dateApproximate: false, perspective: 'Test', url: '' },
  body,
});

describe('Firefox: an open tab and popup follow every change of the corpus', () => {
  let options: Page;
  let page: Page;
  let popup: Page;
  let M: number;

  const call = async (type: string, data?: unknown) => {
    const { res, err } = await sendFromFirefoxPage(options, type, data);
    if (err) throw new Error(err.message);
    return res;
  };
  /** The text of the card a fresh hover on `text` (in the element `within`, else its first occurrence) opens; null: none opens. */
  const cardOn = (text: string, within?: string, wait?: (t: string) => boolean) => hoverCardFirefox(suite.ff.browser, page, text, wait, within);
  const coverage = async (text: string, within?: string) => /in \d+ of \d+ sources?/.exec((await cardOn(text, within, (t) => /in \d+ of \d+ source/.test(t))) ?? '')?.[0];
  const popupText = () => popup.evaluate(() => document.body.innerText);

  beforeAll(async () => {
    options = await openExtensionPage(suite.ff, 'options.html');
    M = (await call('listEntities')).totalSources;
    page = await suite.ff.browser.newPage();
    await page.goto(`${suite.server.origin}/news.html`, { waitUntil: 'load' });
    await until(() => page.evaluate(() => (globalThis as any).CSS?.highlights?.get('counterpoint')?.size ?? 0), (n) => n >= 30);
    popup = await openExtensionPage(suite.ff, 'popup.html?layout=popup#q=rubble');
    await popup.waitForSelector('#search-input');
  });

  it('a name added in the options page opens its card in the tab already open', async () => {
    expect(await cardOn('Northern Ledger', undefined, () => true).catch(() => null)).toBeNull();
    await call('addEntity', { name: 'Northern Ledger', type: 'group', kind: 'outlet', description: 'A newspaper.', aliases: [] });
    const text = await until(() => cardOn('Northern Ledger'), (t) => !!t?.startsWith('Northern Ledger'), 15_000);
    expect(text).toMatch(/^Northern Ledger /);
  });

  it('two imports: the cards in the open tab count the same total, and the open popup finds the new document', async () => {
    await call('importDocuments', { drafts: [draft('Raqqa note', 'Families returned to Raqqa in the spring and cleared the rubble by hand.')] });
    expect(await until(() => coverage('Raqqa', 'p1'), (c) => !!c?.endsWith(` of ${M + 1} sources`), 10_000)).toMatch(new RegExp(` of ${M + 1} sources$`));
    await call('importDocuments', { drafts: [draft('Mosul note', 'In Mosul the old market reopened after the battle, traders said.')] });
    expect(await until(() => coverage('Raqqa', 'p1'), (c) => !!c?.endsWith(` of ${M + 2} sources`), 10_000)).toMatch(new RegExp(` of ${M + 2} sources$`));
    expect(await coverage('Mosul')).toMatch(new RegExp(` of ${M + 2} sources$`));
    expect(await until(popupText, (t) => t.includes('Raqqa note'), 10_000)).toContain('Raqqa note');
  });

  it('after a reset: no card for the removed name, no deleted count in the card frame, no deleted document in the popup', async () => {
    await call('resetCorpus');
    expect(await until(() => coverage('Raqqa', 'p1'), (c) => !!c?.endsWith(` of ${M} sources`), 15_000)).toMatch(new RegExp(` of ${M} sources$`));
    expect(await coverage('Mosul')).toMatch(new RegExp(` of ${M} sources$`));
    expect(await cardOn('Northern Ledger', undefined, () => true).catch(() => null)).toBeNull();
    expect(await until(popupText, (t) => !t.includes('Raqqa note'), 10_000)).not.toContain('Raqqa note');
  });
});
