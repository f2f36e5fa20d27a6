/**
 * Page measures, in headless Chromium:
 *  1. scan: main-thread time of the content script on a fresh load of each page (CPU profiler
 *     samples of a trace, bench/trace.mjs), next to the floor — a TreeWalker reading every
 *     character of the visible-text nodes of the same page, in the same tab — and to mark.js
 *     marking the same aliases on a fresh load of the page in a browser without the extension;
 *  2. long tasks (> 50 ms) of the page's main thread in which the content script ran;
 *  3. hover rest → card painted (bench/measure-hover.mjs);
 *  6. the content script's JS heap on a typical page: page heap with the extension minus without.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { closePage, navigate, openPage, sleep } from './cdp.mjs';
import { analyzeExtensionTime, startTrace, stopTrace } from './trace.mjs';

const require = createRequire(import.meta.url);
const MARKJS_SOURCE = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');

/** Registered before any page script: every long task of the page, as the page itself could see them. */
const LONGTASK_OBSERVER = `(() => {
  const lt = (window.__benchLongTasks = []);
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) lt.push(Math.round(e.duration)); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** The floor: reads every character of every text node outside script/style/noscript/template/textarea. */
function floorWalk([reps, shadowHosts]) {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const times = [];
  let chars = 0;
  let h = 0;
  const read = (root) => {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = w.nextNode())) {
      const p = n.parentNode;
      if (p && SKIP.has(p.nodeName)) continue;
      const s = n.data;
      for (let i = 0; i < s.length; i++) h = (h + s.charCodeAt(i)) | 0;
      chars += s.length;
    }
  };
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    chars = 0;
    read(document.body ?? document.documentElement);
    // A page built from web components: the open shadow trees of its hosts too.
    if (shadowHosts) for (const host of document.querySelectorAll(shadowHosts)) if (host.shadowRoot) read(host.shadowRoot);
    times.push(performance.now() - t0);
  }
  return { times, chars, h };
}

/** mark.js over the aliases, one alias at a time so that a run can stop at the time cap. */
function runMarkJs(aliases, capMs) {
  const limiters = ',.;:?!\'"()[]{}’‘“”-–—/'.split('');
  const instance = new window.Mark(document.body);
  const t0 = performance.now();
  let done = 0;
  for (const a of aliases) {
    instance.mark(a.text, {
      separateWordSearch: false,
      caseSensitive: a.caseSensitive,
      diacritics: true,
      accuracy: { value: 'exactly', limiters },
    });
    done++;
    if (performance.now() - t0 > capMs) break;
  }
  return { ms: performance.now() - t0, done, total: aliases.length, marks: document.getElementsByTagName('mark').length };
}

/**
 * Waits until the tab's main thread is quiet: less than `busyMs` of task time in each of the last
 * two `windowMs` windows (Performance.getMetrics TaskDuration), at least `minMs` after the call.
 */
export async function settle(page, { minMs = 600, windowMs = 300, busyMs = 10, maxMs = 30000 } = {}) {
  const start = Date.now();
  const taskTime = async () => {
    const { metrics } = await page.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  let last = await taskTime();
  let quiet = 0;
  while (Date.now() - start < maxMs) {
    await sleep(windowMs);
    const now = await taskTime();
    quiet = now - last < busyMs ? quiet + 1 : 0;
    last = now;
    if (quiet >= 2 && Date.now() - start >= minMs) return Date.now() - start;
  }
  return Date.now() - start;
}

async function freshTab(cdp, origin) {
  // Same site as the pages: the navigation stays in the renderer process the trace follows.
  const page = await openPage(cdp, `${origin}/blank.html`);
  await page.send('Performance.enable');
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: LONGTASK_OBSERVER });
  return page;
}

/** One load of `pageInfo` with the extension: scan time, long tasks, floor, highlights. */
export async function scanRun(ext, origin, pageInfo, { spaWindowMs = 3000 } = {}) {
  const { cdp } = ext.browser;
  const page = await freshTab(cdp, origin);
  const url = origin + pageInfo.path;
  try {
    if (pageInfo.spa) return await spaScanRun(ext, page, url, spaWindowMs);
    await startTrace(cdp);
    const t0 = Date.now();
    await navigate(page, url);
    const loadMs = Date.now() - t0;
    await settle(page);
    const events = await stopTrace(cdp);
    const a = analyzeExtensionTime(events, url, ext.origin);
    if (!a) throw new Error(`no renderer thread found for ${url}`);
    const floor = await page.evaluate(floorWalk, [5, pageInfo.shadowHosts]);
    const highlights = await page.evaluate(() => globalThis.CSS?.highlights?.get('counterpoint')?.size ?? 0);
    const poLongTasks = await page.evaluate(() => window.__benchLongTasks ?? []);
    const sorted = [...floor.times].sort((x, y) => x - y);
    return {
      scanMs: a.sampleMs,
      // The same on the thread's clock: what our code cost, not how long the machine made it wait.
      scanCpuMs: a.cpuMs,
      scanEventMs: a.eventMs,
      floorMs: sorted[sorted.length >> 1],
      // The walk's first read: its code run once, cold, as a content script's is on a fresh page.
      floorFirstMs: floor.times[0],
      textChars: floor.chars,
      highlights,
      longTasksOurs: a.longTasksOurs,
      longTasksOursMs: a.longTasksOursMs,
      longTasksPage: poLongTasks.length,
      loadMs,
      topSelf: a.topSelf,
      topTotal: a.topTotal,
    };
  } finally {
    await closePage(cdp, page);
  }
}

/**
 * The SPA page: after load and the first scan, a window of `windowMs` while the page makes ~10k
 * updates/s. Ours: content-script main-thread time in the window. Floor: a MutationObserver in
 * the page that reads every character of every changed or added text node, timed in the page.
 */
async function spaScanRun(ext, page, url, windowMs) {
  const { cdp } = ext.browser;
  await navigate(page, url);
  await sleep(1000);
  await page.evaluate(() => {
    const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
    const stat = (window.__benchFloor = { ms: 0, chars: 0, h: 0 });
    const read = (node) => {
      if (node.nodeType === 3) {
        if (node.parentNode && SKIP.has(node.parentNode.nodeName)) return;
        const s = node.data;
        for (let i = 0; i < s.length; i++) stat.h = (stat.h + s.charCodeAt(i)) | 0;
        stat.chars += s.length;
      } else if (node.nodeType === 1 && !SKIP.has(node.nodeName)) {
        const w = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        let n;
        while ((n = w.nextNode())) read(n);
      }
    };
    new MutationObserver((records) => {
      const t0 = performance.now();
      for (const r of records) {
        if (r.type === 'characterData') read(r.target);
        else for (const n of r.addedNodes) read(n);
      }
      stat.ms += performance.now() - t0;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    window.__benchUpdates0 = window.__spa.updates;
  });
  await startTrace(cdp);
  await sleep(windowMs);
  const events = await stopTrace(cdp);
  const a = analyzeExtensionTime(events, url, ext.origin, { frameId: page.targetId });
  const r = await page.evaluate(() => ({ floor: window.__benchFloor, updates: window.__spa.updates - window.__benchUpdates0, lt: window.__benchLongTasks ?? [] }));
  const highlights = await page.evaluate(() => globalThis.CSS?.highlights?.get('counterpoint')?.size ?? 0);
  return {
    scanMs: a ? a.sampleMs : NaN,
    scanCpuMs: a ? a.cpuMs : NaN,
    scanEventMs: a ? a.eventMs : NaN,
    floorMs: r.floor.ms,
    textChars: r.floor.chars,
    updatesPerSecond: Math.round((r.updates * 1000) / windowMs),
    highlights,
    longTasksOurs: a ? a.longTasksOurs : NaN,
    longTasksOursMs: a ? a.longTasksOursMs : [],
    longTasksPage: r.lt.length,
    windowMs,
    topSelf: a?.topSelf,
    topTotal: a?.topTotal,
  };
}

/** One load of `pageInfo` without the extension: the page's own long tasks, then mark.js. */
export async function baselineRun(base, origin, pageInfo, aliases, { markCapMs = 20000 } = {}) {
  const { cdp } = base;
  const page = await freshTab(cdp, origin);
  const url = origin + pageInfo.path;
  try {
    await navigate(page, url);
    if (pageInfo.spa) {
      await sleep(1000 + 2000);
      const lt = await page.evaluate(() => window.__benchLongTasks ?? []);
      return { longTasksPage: lt.length, markjs: null };
    }
    await settle(page);
    const lt = await page.evaluate(() => window.__benchLongTasks ?? []);
    // mark.js does not look into shadow trees: on a page built from web components it has nothing to compare.
    if (pageInfo.shadowHosts) return { longTasksPage: lt.length, markjs: null };
    await page.evaluate(MARKJS_SOURCE + ';void 0');
    const markjs = await page.evaluate(runMarkJs, aliases, markCapMs);
    return { longTasksPage: lt.length, markjs };
  } finally {
    await closePage(cdp, page);
  }
}

/** JS heap of the tab after a GC, once the page has settled (with or without the extension). */
export async function pageHeap(cdp, origin, pageInfo) {
  const page = await freshTab(cdp, origin);
  try {
    await page.send('HeapProfiler.enable');
    await navigate(page, origin + pageInfo.path);
    await settle(page);
    await page.send('HeapProfiler.collectGarbage');
    await page.send('HeapProfiler.collectGarbage');
    const { usedSize } = await page.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await closePage(cdp, page);
  }
}
