#!/usr/bin/env node
/**
 * Screenshots of every page in another interface language, to look at as a user would (issue 20):
 * the popup, the side panel, the reader, the options and the card on a right-to-left page, with the
 * language chosen through the options' setting.
 *
 *   node scripts/screenshots-i18n.mjs [--lang ar] [--out docs/screenshots/i18n]
 *
 * Writes <out>/<lang>-popup.png, -sidepanel.png, -reader.png, -options.png, -card-rtl.png, and
 * -options-corpus.png (the corpus manager with a refused file, a pasted draft needing attention and
 * a proposal list).
 * Builds nothing: run `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, readCard, ROOT, serveDir, textRect } from './browser.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const LANG = option('--lang', 'ar');
const OUT = resolve(option('--out', join(ROOT, 'docs/screenshots/i18n')));
mkdirSync(OUT, { recursive: true });

const served = await serveDir(join(ROOT, 'tests/fixtures'));
const { context, extensionId, close } = await launchChromium({ extensionDir: join(ROOT, '.output/chrome-mv3'), viewport: { width: 1000, height: 720 } });
const base = `chrome-extension://${extensionId}`;
const shot = async (page, name) => {
  const path = join(OUT, `${LANG}-${name}.png`);
  await page.screenshot({ path });
  console.log(`wrote ${path.slice(ROOT.length + 1)}`);
};
try {
  const options = await context.newPage();
  await options.goto(`${base}/options.html`);
  await options.locator(`input[name="language"][value="${LANG}"]`).check();
  await options.waitForFunction((lang) => document.documentElement.lang === lang, LANG);
  await options.waitForTimeout(300);
  await shot(options, 'options');

  // The corpus manager: a file refused, a pasted text that needs a perspective, the entity forms.
  await options.setInputFiles('#import-files', { name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await options.locator('#import-paste').fill('Raqqa, 2017. Notes on the water supply in the camps near Deir ez-Zor.');
  await options.locator('#import-paste ~ button').click();
  await options.locator('.drafts-attention').waitFor();
  await options.waitForTimeout(300);
  const corpusPath = join(OUT, `${LANG}-options-corpus.png`);
  await options.screenshot({ path: corpusPath, fullPage: true });
  console.log(`wrote ${corpusPath.slice(ROOT.length + 1)}`);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 460, height: 600 });
  await popup.goto(`${base}/popup.html?layout=popup#q=Raqqa`);
  await popup.locator('[role="option"]').first().waitFor();
  await popup.waitForTimeout(200);
  await shot(popup, 'popup');

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 1000 });
  await panel.goto(`${base}/sidepanel.html#entity=isis`);
  await panel.locator('.comparison .column').first().waitFor();
  await panel.waitForTimeout(300);
  await shot(panel, 'sidepanel');

  const reader = await context.newPage();
  await reader.goto(`${base}/reader.html`);
  const hit = await reader.evaluate(async () => {
    const message = { id: 1, type: 'search', data: { query: 'Kirkook', limit: 1 }, timestamp: Date.now() };
    return (await chrome.runtime.sendMessage(message))?.res?.hits?.[0]?.passage;
  });
  await reader.goto(`${base}/reader.html#doc=${hit.docId}&passage=${hit.id}`);
  await reader.locator('mark#target').waitFor();
  await reader.waitForTimeout(300);
  await shot(reader, 'reader');

  const article = await context.newPage();
  await article.goto(`${served.origin}/rtl-page.html`);
  await article.waitForTimeout(800);
  const rect = await textRect(article, 'Mosul');
  await article.mouse.move(rect.x, rect.y);
  for (let i = 0; i < 60; i++) {
    await article.waitForTimeout(100);
    const card = await readCard(article);
    if (card && !card.busy) break;
  }
  await article.waitForTimeout(500);
  await shot(article, 'card-rtl');
} finally {
  await close();
  await served.close();
}
