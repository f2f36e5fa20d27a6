/**
 * Where the time goes, for a missed target: CPU profiles of an unminified benchmark build
 * (readable function names; the same code as the release build, minus minification).
 *
 *   node bench/profile.mjs scan  [--page NAME]     content script on a fresh load of a page
 *   node bench/profile.mjs hover [--page NAME]     one warm hover: timeline from the pointer's rest, and functions
 *   node bench/profile.mjs hover --fresh [--loads N]  the first hover on a freshly loaded page: the page's and the
 *                                                  card frame's threads from the pointer's rest (what it waits for)
 *   node bench/profile.mjs worker [--corpus DIR]   service-worker cold start → first card lookup
 *
 * Prints inclusive ("total") and self times per function of the extension's code. The worker
 * profile is taken with the debugger attached from the worker's first line, which slows the
 * script's load (not the JS run): read its JS figures, not its total.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { navigate, openPage, sleep } from './cdp.mjs';
import { closeExtension, launchExtension, send, stopWorker } from './extension.mjs';
import { scanRun, settle } from './measure-pages.mjs';
import { generatePages, realPages, startServer } from './pages.mjs';
import { analyzeExtensionTime, startTrace, stopTrace, TRACE_CATEGORIES, findPageThread } from './trace.mjs';
import { paragraphPool } from './text.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [mode = 'scan', ...rest] = process.argv.slice(2);
const flag = (name) => rest.includes(`--${name}`);
const opt = (name, def) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : def;
};
const pagesDir = resolve(opt('pages', resolve(ROOT, '../shared/pages')));
const corpusDir = opt('corpus');
const outDir = join(os.tmpdir(), 'counterpoint-bench', corpusDir ? 'profile-corpus' : 'profile');
const build = spawnSync(process.execPath, ['--max-old-space-size=4096', join(ROOT, 'bench/build.mjs'), outDir, ...(corpusDir ? [corpusDir] : []), '--no-minify'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(1);
const extensionDir = join(outDir, 'chrome-mv3');

const print = (title, list) => {
  console.log(title);
  for (const [fn, ms] of list ?? []) console.log(`  ${String(ms.toFixed(2)).padStart(8)} ms  ${fn}`);
};

const ext = await launchExtension(extensionDir);
try {
  if (mode === 'worker') {
    const { cdp } = ext.browser;
    await send(ext, 'lookupEntity', { id: 'raqqa' });
    await stopWorker(ext);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker', exclude: false }, { exclude: true }] });
    const attached = new Promise((ok) =>
      cdp.on('Target.attachedToTarget', async (p) => {
        if (p.targetInfo.type !== 'service_worker') return;
        const s = cdp.session(p.sessionId);
        await s.send('Profiler.enable');
        await s.send('Profiler.setSamplingInterval', { interval: 50 });
        await s.send('Profiler.start');
        await s.send('Runtime.runIfWaitingForDebugger');
        ok(s);
      }),
    );
    const r = await send(ext, 'lookupEntity', { id: 'raqqa' });
    const s = await attached;
    const { profile } = await s.send('Profiler.stop');
    const file = join(outDir, 'worker-cold.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(`cold lookup with the debugger attached: ${r.ms.toFixed(0)} ms; profile: ${file} (open in DevTools)`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const k = `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
      self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    print('self time', [...self].sort((a, b) => b[1] - a[1]).slice(0, 25));
  } else {
    const pool = paragraphPool({ pagesDir, documentsDir: join(ROOT, 'corpus/documents') });
    const genDir = join(os.tmpdir(), 'counterpoint-bench', 'pages');
    const pages = [...realPages(pagesDir), ...generatePages(genDir, pool)];
    const server = await startServer({ '/real/': pagesDir, '/gen/': genDir });
    const page = pages.find((p) => p.name.includes(opt('page', 'dev4510b'))) ?? pages[0];
    try {
      if (mode === 'scan') {
        const r = await scanRun(ext, server.origin, page);
        console.log(`${page.name}: content script ${r.scanMs.toFixed(1)} ms (thread CPU ${r.scanCpuMs.toFixed(1)} ms), floor ${r.floorMs.toFixed(2)} ms, ${r.highlights} mentions, long tasks ${JSON.stringify(r.longTasksOursMs)}`);
        print('total (inclusive)', r.topTotal);
        print('self', r.topSelf);
      } else if (mode === 'hover') {
        if (flag('fresh')) await freshHoverTimeline(ext, server.origin, page);
        else await hoverProfile(ext, server.origin, page);
      } else throw new Error(`unknown mode ${mode}`);
    } finally {
      await server.close();
    }
  }
} finally {
  await closeExtension(ext);
}

/** In the page: scrolls the first highlighted mention to the middle; the point to rest on (its first line). */
function firstMentionPoint() {
  const s = [...CSS.highlights.get('counterpoint')][0];
  const r = new Range();
  r.setStart(s.startContainer, s.startOffset);
  r.setEnd(s.endContainer, s.endOffset);
  r.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const q = r.getClientRects()[0];
  return { x: q.left + 4, y: q.top + q.height / 2 };
}

async function hoverProfile(ext, origin, pageInfo) {
  const { cdp } = ext.browser;
  const page = await openPage(cdp, `${origin}/blank.html`);
  await page.send('Performance.enable');
  const url = origin + pageInfo.path;
  await navigate(page, url);
  await settle(page);
  const pt = await page.evaluate(firstMentionPoint);
  const move = (x, y) => page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
  for (let i = 0; i < 2; i++) {
    await move(2, 2);
    await sleep(800);
    await move(pt.x, pt.y);
    await sleep(800);
  }
  await move(2, 2);
  await sleep(800);
  await startTrace(cdp, [...TRACE_CATEGORIES, 'disabled-by-default-devtools.timeline.frame']);
  await move(pt.x, pt.y);
  await sleep(700);
  const events = await stopTrace(cdp);
  const thread = findPageThread(events, url, page.targetId);
  const names = new Set(['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Commit']);
  const evs = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && names.has(e.name));
  const t0 = evs.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove')?.ts ?? evs[0].ts;
  console.log('timeline from the pointermove (ms after, duration ms, event):');
  for (const e of evs) {
    const at = (e.ts - t0) / 1000;
    if (at < -1 || at > 600) continue;
    if ((e.dur ?? 0) < 100 && !['TimerFire', 'Paint'].includes(e.name)) continue;
    const url = e.args?.data?.url ?? '';
    console.log(`  ${at.toFixed(2).padStart(8)} ${((e.dur ?? 0) / 1000).toFixed(2).padStart(7)}  ${e.name}${e.args?.data?.type ? ` ${e.args.data.type}` : ''}${url.includes(ext.id) ? ' (extension)' : ''}`);
  }
  const a = analyzeExtensionTime(events, url, ext.origin, { frameId: page.targetId });
  print(`content script during the hover: ${a.sampleMs.toFixed(1)} ms; total (inclusive)`, a.topTotal);
  print('self', a.topSelf);
}

/**
 * The first hover on a freshly loaded page (no card frame yet; the worker runs): a browser-wide
 * trace from the pointer's rest, printed per thread (the page's, the card frame's renderer, the
 * worker's): when the frame's document was requested, parsed, its scripts run, the pairing and
 * lookup messages handled, its first paints; and when the page revealed the card.
 */
async function freshHoverTimeline(ext, origin, pageInfo) {
  const { cdp } = ext.browser;
  const page = await openPage(cdp, `${origin}/blank.html`);
  const url = origin + pageInfo.path;
  // One hover on an earlier load, so that the worker runs and the browser has the card page's files cached.
  for (let round = 0, rounds = Number(opt('loads', 2)); round < rounds; round++) {
    await navigate(page, url);
    await settle(page);
    await sleep(500);
    const pt = await page.evaluate(firstMentionPoint);
    const move = (x, y) => page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await move(2, 2);
    await sleep(500);
    if (round === rounds - 1) await startTrace(cdp, [...TRACE_CATEGORIES, 'loading', 'navigation']);
    await move(pt.x, pt.y);
    await sleep(900);
  }
  const events = await stopTrace(cdp);
  const traceFile = join(outDir, 'hover-fresh.trace.json');
  writeFileSync(traceFile, JSON.stringify(events));
  console.log(`trace: ${traceFile} (open in DevTools' Performance panel)`);
  // Milestones: the page's work at the rest, the frame's navigation, its files, its scripts, the
  // pairing (the page's `load` of the frame), the frame's first render and paint, the page's reveal.
  const pm = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove' && e.args?.data?.frame === page.targetId) ?? events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove');
  if (!pm) throw new Error('no pointermove in the trace');
  const card = events.find((e) => e.name === 'ParseHTML' && /card\.html/.test(e.args?.beginData?.url ?? ''));
  const inFrame = (e) => card && e.pid === card.pid && e.tid === card.tid;
  const inPage = (e) => e.pid === pm.pid && e.tid === pm.tid;
  const ms = (us) => (us / 1000).toFixed(1);
  const rows = [];
  for (const e of events) {
    if (e.ts < pm.ts || e.ts > pm.ts + 800e3) continue;
    const url = e.args?.data?.url ?? e.args?.beginData?.url ?? '';
    const file = url.replace(/^.*\//, '').replace(/#.*/, '');
    const dur = e.dur ?? 0;
    let what = null;
    if (e.name === 'ResourceSendRequest' && url.startsWith('chrome-extension:')) what = `frame requests ${file || '(document)'}`;
    else if (inFrame(e) && e.ph === 'X' && dur >= 1000 && /^(DocumentLoader::CommitNavigation|ParseHTML|v8\.evaluateModule|v8\.produceModuleCache|FunctionCall|RunMicrotasks|Layout|UpdateLayoutTree|MinorGC|MajorGC|TimerFire)$/.test(e.name)) what = `frame ${e.name} ${ms(dur)} ms ${file}`;
    else if (inFrame(e) && e.ph === 'X' && e.name === 'Paint') what = 'frame Paint';
    else if (inFrame(e) && e.name === 'EventDispatch' && ['load', 'DOMContentLoaded'].includes(e.args?.data?.type)) what = `frame ${e.args.data.type}`;
    else if (inPage(e) && e.name === 'FunctionCall' && url.startsWith('chrome-extension:') && dur >= 200) what = `page: content script ${ms(dur)} ms`;
    else if (inPage(e) && e.name === 'EventDispatch' && e.args?.data?.type === 'load') what = 'page: load event (the frame loaded: pairing)';
    else if (inPage(e) && e.name === 'TimerFire') what = 'page: timer';
    if (what) rows.push([e.ts, what]);
  }
  console.log(`first hover on a fresh ${pageInfo.name}: ms after the pointer's rest (pointermove)`);
  for (const [ts, what] of rows.sort((a, b) => a[0] - b[0])) console.log(`  ${ms(ts - pm.ts).padStart(7)}  ${what}`);
}
