/**
 * Import figures (issue 10), in real Chromium with the built extension (.output/chrome-mv3, or
 * COUNTERPOINT_EXTENSION_DIR): N real-text articles (paragraphs of ../shared/pages and the
 * bundled corpus, bench/text.mjs) imported through the options page's file input and its Save
 * button — the code path a user takes — then:
 *   - total time from Save to "Saved N documents", and long tasks (> 50 ms) in the options page
 *     from choosing the files to the end;
 *   - per-document time: 30 more documents saved one at a time (median, p95), same page;
 *   - storage used (navigator.storage.estimate) before and after;
 *   - cold start → first card of an entity the imports touch (the worker stopped first), and
 *     search p95 (in the worker, 30 queries).
 *
 *   node bench/measure-import.mjs [--count 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { paragraphPool, rng } from './text.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = process.env.COUNTERPOINT_EXTENSION_DIR || join(ROOT, '.output/chrome-mv3');
const count = Number(process.argv[process.argv.indexOf('--count') + 1] || 1000) || 1000;

const pool = paragraphPool({ pagesDir: resolve(ROOT, '../shared/pages'), documentsDir: join(ROOT, 'corpus/documents') });
const random = rng(7);
const article = (i) => {
  const paras = Array.from({ length: 3 + Math.floor(random() * 6) }, () => pool[Math.floor(random() * pool.length)]);
  return { name: `article-${String(i).padStart(5, '0')}.md`, mimeType: 'text/markdown', buffer: Buffer.from(`---\ntitle: Article ${i}\nauthor: Bench ${i % 17}\noutlet: Outlet ${i % 9}\ndate: 2017-${String(1 + (i % 12)).padStart(2, '0')}\nperspective: Perspective ${i % 23}\n---\n\n${paras.join('\n\n')}\n`) };
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const profile = mkdtempSync(join(tmpdir(), 'counterpoint-import-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${DIR}`, `--load-extension=${DIR}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByRole('heading', { name: /Your documents/ }).waitFor();
  const send = (type, data) => page.evaluate(async ([type, data]) => (await chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() })), [type, data]);
  const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await page.evaluate(() => {
    globalThis.__longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => globalThis.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  const usedBefore = await usage();

  const files = Array.from({ length: count }, (_, i) => article(i));
  const t0 = Date.now();
  await page.setInputFiles('#import-files', files);
  await page.getByRole('button', { name: `Save ${count} documents` }).waitFor({ timeout: 600_000 });
  const readMs = Date.now() - t0;
  const t1 = Date.now();
  await page.getByRole('button', { name: `Save ${count} documents` }).click();
  await page.getByRole('status').filter({ hasText: `Saved ${count} documents` }).waitFor({ timeout: 600_000 });
  const saveMs = Date.now() - t1;
  const longTasks = await page.evaluate(() => globalThis.__longTasks);
  const usedAfter = await usage();

  const single = [];
  for (let i = 0; i < 30; i++) {
    const f = article(count + i);
    await page.setInputFiles('#import-files', f);
    await page.getByRole('button', { name: 'Save document' }).waitFor();
    const s = Date.now();
    await page.getByRole('button', { name: 'Save document' }).click();
    await page.getByRole('status').filter({ hasText: `Saved “Article ${count + i}”` }).waitFor();
    single.push(Date.now() - s);
  }

  // Cold start → first card of an entity the imports touch; then search in the worker.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(500);
  const c0 = Date.now();
  const card = await send('lookupEntity', { id: 'raqqa' });
  const coldCardMs = Date.now() - c0;
  const searches = [];
  for (const q of ['Raqqa', 'Mosul', 'civilians displaced', 'Kirkuk', 'oil', 'Daesh', 'Deir ez-Zor', 'coalition airstrikes', 'Peshmerga', 'Article']) {
    for (let r = 0; r < 3; r++) {
      const s = Date.now();
      await send('search', { query: q });
      searches.push(Date.now() - s);
    }
  }
  const result = {
    documents: count,
    readFilesMs: readMs,
    saveTotalMs: saveMs,
    perDocumentMs: { median: quantile(single, 0.5), p95: quantile(single, 0.95) },
    storageMB: +((usedAfter - usedBefore) / 1024 / 1024).toFixed(1),
    optionsLongTasks: { count: longTasks.length, maxMs: Math.round(Math.max(0, ...longTasks)) },
    coldStartFirstCardMs: coldCardMs,
    cardOk: !!card?.res?.excerpts?.length,
    searchRoundTripMs: { p50: quantile(searches.slice(3), 0.5), p95: quantile(searches.slice(3), 0.95), first: searches[0] },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
