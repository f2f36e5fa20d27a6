/**
 * Import figures (issue 10), in headless Chromium with the built extension: N real-text `.md`
 * articles (front matter, then 3–8 paragraphs of the page folder and the bundled corpus,
 * bench/text.mjs) imported through the options page's file input and its Save button — the
 * code path a user takes — then:
 *   - reading: from choosing the files to the "Save N documents" button; saving: from the click
 *     to "Saved N documents" in the status line;
 *   - long tasks (> 50 ms, PerformanceObserver) in the options page from choosing the files to
 *     the end of the saving, each with the phase it fell in;
 *   - per-document time: more documents saved one at a time, same page (median, p95);
 *   - storage used (navigator.storage.estimate) after minus before.
 *
 * The files are written to disk and handed to the input with CDP's DOM.setFileInputFiles, as a
 * file picker does: the browser makes the File objects. (Playwright's setInputFiles with
 * in-memory buffers builds them in the page's own main thread from base64, which showed up as a
 * 600–1,000 ms long task of the harness, not of the extension.)
 *
 *   node bench/measure-import.mjs [--count 1000] [--singles 30] [--profile]
 *
 * The extension: COUNTERPOINT_EXTENSION_DIR, else .output/chrome-mv3. --profile adds the options
 * page's CPU profile of the import (functions by total time, and in each long task; readable with an unminified build:
 * `node bench/build.mjs DIR --no-minify`).
 *
 * Also run by bench/run.mjs (`--only import`), through `measureImport`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closePage, openPage } from './cdp.mjs';
import { closeExtension, launchExtension } from './extension.mjs';
import { percentile } from './stats.mjs';
import { paragraphPool, rng } from './text.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** `count` Markdown articles (seeded) in `dir`, from `first`; returns their paths. */
export function writeArticles(dir, pool, first, count, seed = 7) {
  mkdirSync(dir, { recursive: true });
  const random = rng(seed + first);
  return Array.from({ length: count }, (_, k) => {
    const i = first + k;
    const paras = Array.from({ length: 3 + Math.floor(random() * 6) }, () => pool[Math.floor(random() * pool.length)]);
    const path = join(dir, `article-${String(i).padStart(5, '0')}.md`);
    const front = `---\ntitle: Article ${i}\nauthor: Bench ${i % 17}\noutlet: Outlet ${i % 9}\ndate: 2017-${String(1 + (i % 12)).padStart(2, '0')}\nperspective: Perspective ${i % 23}\n---\n\n`;
    writeFileSync(path, `${front}${paras.join('\n\n')}\n`);
    return path;
  });
}

/** Resolves when `cond` (a function source over `document`) holds, checked on every DOM change. */
function waitInPage(page, cond, arg, timeoutMs = 600_000) {
  return page.evaluate(
    (src, arg, timeoutMs) =>
      new Promise((resolve, reject) => {
        const test = new Function('arg', `return (${src})(arg)`);
        if (test(arg)) return resolve(performance.now());
        const timer = setTimeout(() => (mo.disconnect(), reject(new Error(`timeout: ${src}`))), timeoutMs);
        const mo = new MutationObserver(() => {
          if (!test(arg)) return;
          mo.disconnect();
          clearTimeout(timer);
          resolve(performance.now());
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
    cond.toString(),
    arg,
    timeoutMs,
  );
}

const saveButton = (label) => [...document.querySelectorAll('button[type=submit]')].find((b) => b.textContent.trim() === label && !b.disabled);
const statusHas = (text) => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.includes(text));

async function chooseFiles(page, paths) {
  const { root } = await page.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await page.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#import-files' });
  await page.send('DOM.setFileInputFiles', { nodeId, files: paths });
}

/** Clicks the Save button labelled `label` (once enabled) and waits for `saved` in a status line; returns page times. */
async function saveAndWait(page, label, saved) {
  await waitInPage(page, saveButton, label);
  const t = await page.evaluate(
    (src, label) => {
      new Function('label', `return (${src})(label)`)(label).click();
      return performance.now();
    },
    saveButton.toString(),
    label,
  );
  const done = await waitInPage(page, statusHas, saved);
  return done - t;
}

/** Records long tasks in `page`, and when the first `change` event is dispatched (capture on window: before the page's own handlers). */
function observeLongTasks(page) {
  return page.evaluate(() => {
    globalThis.__longTasks = [];
    globalThis.__changeAt = undefined;
    window.addEventListener('change', () => (globalThis.__changeAt ??= performance.now()), { capture: true, once: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => globalThis.__longTasks.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask' });
  });
}

/**
 * The browser's own cost of choosing the files: the same paths given to a bare
 * `<input type=file multiple>` in an extension page with no script (manifest.json), its long
 * tasks (ms) until the change event.
 */
async function fileListFloor(ext, paths) {
  const page = await openPage(ext.browser.cdp, `${ext.origin}manifest.json`);
  try {
    await page.send('DOM.enable');
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'floor' })));
    await observeLongTasks(page);
    const { root } = await page.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await page.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#floor' });
    await page.send('DOM.setFileInputFiles', { nodeId, files: paths });
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          const done = () => setTimeout(() => resolve(globalThis.__longTasks.map((t) => Math.round(t.ms))), 100);
          if (globalThis.__changeAt !== undefined) done();
          else window.addEventListener('change', done, { once: true });
        }),
    );
  } finally {
    await closePage(ext.browser.cdp, page);
  }
}

/**
 * Where the import's time goes, from a CPU profile (ms): functions by total time over the whole
 * import, and in each long task. `offsetUs`: the page's
 * performance.now() in µs minus the profile's clock, taken when the profiler started (a few ms
 * off at most: enough to attribute tasks of 50 ms and more).
 */
function analyzeProfile(p, tasks, offsetUs) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map(p.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const total = new Map();
  const inTask = tasks.map(() => new Map());
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i];
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const now = (t + offsetUs) / 1000;
    const k = tasks.findIndex((x) => now >= x.start && now <= x.start + x.ms);
    const seen = new Set();
    for (let c = id; c !== undefined; c = parent.get(c)) seen.add(name(byId.get(c)));
    for (const f of seen) total.set(f, (total.get(f) ?? 0) + ms);
    if (k >= 0) for (const f of seen) inTask[k].set(f, (inTask[k].get(f) ?? 0) + ms);
  });
  const top = (m, n) => [...m].filter(([f]) => !/^\((root|idle)\)/.test(f)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([f, ms]) => `${ms.toFixed(0).padStart(5)} ms  ${f}`);
  return { total: top(total, 25), longTasks: tasks.map((x, k) => ({ ms: Math.round(x.ms), total: top(inTask[k], 15) })) };
}

/**
 * Imports `count` documents through the options page of the extension at `extensionDir`, then
 * `singles` more one at a time. Returns the raw figures (see the file's comment).
 */
export async function measureImport(extensionDir, { count = 1000, singles = 30, pool, workDir, profile = false, log = () => {} } = {}) {
  const dir = workDir ?? mkdtempSync(join(tmpdir(), 'counterpoint-import-'));
  const ownDir = !workDir;
  const textPool = pool ?? paragraphPool({ pagesDir: resolve(ROOT, '../shared/pages'), documentsDir: join(ROOT, 'corpus/documents') });
  rmSync(join(dir, 'import'), { recursive: true, force: true });
  const paths = writeArticles(join(dir, 'import'), textPool, 0, count);
  const singlePaths = writeArticles(join(dir, 'import-singles'), textPool, count, singles);
  const ext = await launchExtension(extensionDir);
  try {
    const page = await openPage(ext.browser.cdp, `${ext.origin}options.html`);
    await page.send('DOM.enable');
    await waitInPage(page, () => [...document.querySelectorAll('h2')].some((h) => h.textContent.startsWith('Your documents')));
    const usage = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const usedBefore = await usage();
    await observeLongTasks(page);

    let profileAt = 0;
    if (profile) {
      await page.send('Profiler.enable');
      await page.send('Profiler.setSamplingInterval', { interval: 100 });
      await page.send('Profiler.start');
      profileAt = await page.evaluate(() => performance.now());
    }
    const t0 = await page.evaluate(() => performance.now());
    await chooseFiles(page, paths);
    // (The options page writes numbers as its language does: "Save 1,000 documents" in English.)
    const shown = count.toLocaleString('en-US');
    const read = await waitInPage(page, saveButton, `Save ${shown} documents`);
    const saveMs = await saveAndWait(page, `Save ${shown} documents`, `Saved ${shown} documents`);
    const end = await page.evaluate(() => new Promise((r) => setTimeout(() => r(performance.now()), 200)));
    const cpuProfile = profile ? (await page.send('Profiler.stop')).profile : undefined;
    const { tasks, changeAt } = await page.evaluate(() => ({ tasks: globalThis.__longTasks, changeAt: globalThis.__changeAt }));
    const cpu = cpuProfile && analyzeProfile(cpuProfile, tasks, profileAt * 1000 - cpuProfile.startTime);
    const usedAfter = await usage();
    log(`import: ${count} documents read in ${(read - t0).toFixed(0)} ms, saved in ${saveMs.toFixed(0)} ms; ${tasks.length} long tasks`);

    const single = [];
    for (const path of singlePaths) {
      await chooseFiles(page, [path]);
      const title = `Article ${Number(/article-(\d+)/.exec(path)[1])}`;
      single.push(await saveAndWait(page, 'Save document', `Saved “${title}”`));
    }
    await closePage(ext.browser.cdp, page);
    const floor = await fileListFloor(ext, paths);
    const phase = (t) => (t.start < read ? 'read' : t.start < end ? 'save' : 'after');
    // The task in which the input's change event was dispatched: the browser built the FileList
    // in it (before the event; the floor shows that cost without any script), then ran the
    // options page's change handler (after it).
    const longTask = (t) => {
      const list = changeAt >= t.start && changeAt <= t.start + t.ms;
      return { phase: phase(t), ms: Math.round(t.ms), ...(list ? { fileList: true, beforeChangeMs: Math.round(changeAt - t.start), afterChangeMs: Math.round(t.start + t.ms - changeAt) } : {}) };
    };
    return {
      documents: count,
      readMs: Math.round(read - t0),
      saveMs: Math.round(saveMs),
      totalMs: Math.round(read - t0 + saveMs),
      perDocumentMs: { median: percentile(single, 0.5), p95: percentile(single, 0.95) },
      singleMs: single.map(Math.round),
      storageBytes: usedAfter - usedBefore,
      longTasks: tasks.filter((t) => t.start >= t0).map(longTask),
      fileListFloorLongTasks: floor,
      ...(cpu ? { cpu } : {}),
    };
  } finally {
    await closeExtension(ext);
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : def;
  };
  const dir = process.env.COUNTERPOINT_EXTENSION_DIR || join(ROOT, '.output/chrome-mv3');
  const r = await measureImport(dir, { count: arg('count', 1000), singles: arg('singles', 30), profile: process.argv.includes('--profile'), log: console.error });
  console.log(JSON.stringify(r, null, 2));
}
