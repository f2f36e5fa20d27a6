/**
 * The reader's own names marked on a page (issue 18, entrypoints/content/privateMarks.ts): what
 * following them costs the page's main thread on scroll and resize. In the bundled build, a fresh
 * profile: 50 user entities are added through the options page's message (addEntity), then two
 * twin pages of real paragraphs are loaded, interleaved, `runs` times each:
 *   - "marked": each of the 50 names three times (150 mentions), spread down a long article;
 *   - "twin": the same page with each name's last letters changed, so nothing of the user's matches
 *     (same text length and layout, the same bundled names underlined).
 * On each, after the load and the scan have settled, a trace (bench/trace.mjs) records the content
 * script's main-thread time while the page scrolls 60 steps of 120 px (one per frame, from a page
 * script) and the viewport is resized 8 times (CDP Emulation). The row: marked − twin, median of
 * the runs, and the long tasks of ours in the marked runs.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closePage, navigate, openPage, sleep } from './cdp.mjs';
import { closeExtension, launchExtension, send } from './extension.mjs';
import { settle } from './measure-pages.mjs';
import { median } from './stats.mjs';
import { rng } from './text.mjs';
import { analyzeExtensionTime, startTrace, stopTrace } from './trace.mjs';

const NAMES = 50;
const EACH = 3;
const SYLLABLES = ['kar', 'vel', 'dun', 'mor', 'sab', 'tir', 'qal', 'zen', 'hob', 'rum', 'pel', 'gor'];
const KINDS = ['Brigade', 'Council', 'Front', 'Battalion', 'Assembly'];

/** 50 made-up group names of two words, none of them a bundled name ("Karvel Brigade"). */
function userNames(count = NAMES) {
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  return Array.from({ length: count }, (_, i) => {
    const a = SYLLABLES[i % SYLLABLES.length];
    const b = SYLLABLES[(i * 7 + 3) % SYLLABLES.length];
    const c = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length];
    return `${cap(a + b + c)} ${KINDS[i % KINDS.length]}`;
  });
}

/** The twin of a name: the same length, matching nothing ("Karvelkar Brigadx"). */
const twin = (name) => name.slice(0, -1) + 'x';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A long article of real paragraphs with each name `EACH` times, spread down it. */
function page(pool, names, rename) {
  const random = rng(18);
  const paras = Array.from({ length: 240 }, () => esc(pool[Math.floor(random() * pool.length)]));
  // Mention j names names[j % 50], in paragraph j × 240 / 150: every viewport holds a few.
  const mentions = names.length * EACH;
  for (let j = 0; j < mentions; j++) {
    const at = Math.floor((j * paras.length) / mentions);
    const words = paras[at].split(' ');
    words.splice(Math.min(words.length, 6), 0, `the ${esc(rename(names[j % names.length]))}`);
    paras[at] = words.join(' ');
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Marked names</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em}</style></head>
<body><article><h1>Marked names</h1>${paras.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

/** Scrolls 60 steps of 120 px, one per animation frame, down then back up (a page script). */
function scrollSteps() {
  return new Promise((done) => {
    let i = 0;
    const step = () => {
      scrollBy(0, i < 30 ? 120 : -120);
      if (++i < 60) requestAnimationFrame(step);
      else done(i);
    };
    requestAnimationFrame(step);
  });
}

async function oneRun(ext, url) {
  const { cdp } = ext.browser;
  const tab = await openPage(cdp, 'about:blank');
  try {
    await tab.send('Performance.enable');
    await navigate(tab, url);
    await settle(tab);
    await startTrace(cdp);
    await tab.evaluate(scrollSteps);
    for (let i = 0; i < 8; i++) {
      await tab.send('Emulation.setDeviceMetricsOverride', { width: i % 2 ? 1280 : 1000, height: 800, deviceScaleFactor: 1, mobile: false });
      await sleep(150);
    }
    await tab.send('Emulation.clearDeviceMetricsOverride');
    await sleep(300);
    const events = await stopTrace(cdp);
    const a = analyzeExtensionTime(events, url, ext.origin, { frameId: tab.targetId });
    return { ms: a?.sampleMs ?? NaN, longTasks: a?.longTasksOurs ?? NaN, longTasksMs: a?.longTasksOursMs ?? [], topSelf: a?.topSelf?.slice(0, 8) };
  } finally {
    await closePage(cdp, tab);
  }
}

/**
 * `server` serves `dir` at `origin` + `prefix`; the two pages are written there. Returns the
 * per-run times and the row's figures.
 */
export async function measureMarks(extensionDir, { pool, dir, origin, prefix, runs = 3, log = () => {} }) {
  const names = userNames();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'marks-marked.html'), page(pool, names, (n) => n));
  writeFileSync(join(dir, 'marks-twin.html'), page(pool, names, twin));
  const ext = await launchExtension(extensionDir);
  try {
    let added = 0;
    for (const name of names) if (!(await send(ext, 'addEntity', { name, type: 'group', kind: '', description: 'Bench group', aliases: [] })).err) added++;
    await sleep(1000);
    log(`marks: ${added} user groups added; ${names.length * EACH} mentions on the page`);
    const marked = [];
    const twins = [];
    for (let r = 0; r < runs; r++) {
      marked.push(await oneRun(ext, `${origin}${prefix}marks-marked.html`));
      twins.push(await oneRun(ext, `${origin}${prefix}marks-twin.html`));
      log(`  run ${r + 1}/${runs}: marked ${marked[r].ms.toFixed(1)} ms, twin ${twins[r].ms.toFixed(1)} ms (content script, scroll + resize)`);
      if (r === 0) log(`  where (marked, self): ${marked[0].topSelf?.map(([f, t]) => `${f} ${t}`).join('; ')}`);
    }
    const markedMs = median(marked.map((x) => x.ms));
    const twinMs = median(twins.map((x) => x.ms));
    return {
      names: added,
      mentions: names.length * EACH,
      markedMs,
      twinMs,
      extraMs: markedMs - twinMs,
      longTasks: Math.max(...marked.map((x) => x.longTasks)),
      longTasksMs: marked.flatMap((x) => x.longTasksMs),
      runs: { marked, twins },
    };
  } finally {
    await closeExtension(ext);
  }
}
