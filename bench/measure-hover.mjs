/**
 * Measure 3: hover rest → card painted, minus the configured hover delay; warm, the first card on
 * a fresh page, and the first card with a just-started worker.
 *
 * The card is an extension page (card.html) in an <iframe> inside a closed shadow root on a <div>
 * under <html> (entrypoints/content/cardFrame.ts), so "painted" has two halves, each timed after
 * its frame was painted (a message posted from a requestAnimationFrame callback runs once that
 * frame is done), on the shared epoch clock (performance.timeOrigin + performance.now()):
 * - shown: in the content script's isolated world (chrome.dom.openOrClosedShadowRoot opens the
 *   host's shadow root there), the host holding the card's iframe is visible (not the hidden,
 *   prepared card of the hover delay);
 * - loaded: in the card page itself (attached through CDP auto-attach as soon as the frame exists),
 *   the card of this mention's entity is rendered with its data (`.card[aria-busy="false"]`).
 * Card painted = the later of the two. Rest: the page's last `pointermove` (its timeStamp), after
 * one CDP mouse move onto the middle of a mention's first line box.
 *
 * COUNTERPOINT_BENCH_DEBUG=1 adds, per hover, a breakdown that counts for nothing: when the host's
 * style became the shown one (the reveal's task) and the begin times of the frames around it.
 *
 * - Warm: the page's card frame exists and the worker runs; each target was hovered once before.
 * - First card on a fresh page: the page is reloaded (no frame yet; the worker runs).
 * - Just-started worker: the page is reloaded and the worker stopped before the hover.
 */
import { closePage, navigate, openPage, sleep } from './cdp.mjs';
import { settle } from './measure-pages.mjs';
import { stopWorker } from './extension.mjs';

/** Main world: remembers the last pointer move. */
const MOVE_RECORDER = `addEventListener('pointermove', (e) => { window.__benchLastMove = performance.timeOrigin + e.timeStamp; }, { capture: true, passive: true });`;

/** Card page: logs, on the epoch clock after paint, every change of the loaded card it shows. */
const FRAME_WATCHER = `(() => {
  if (location.pathname !== '/card.html') return;
  window.__benchLog = [];
  let last = '';
  const tick = () => {
    const card = document.querySelector('.card[aria-busy="false"]');
    const name = card ? card.querySelector('h2')?.textContent ?? '' : '';
    if (name !== last) {
      last = name;
      if (name) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__benchLog.push({ name, at: performance.timeOrigin + performance.now() });
        channel.port2.postMessage(0);
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Main world: the middle of the first line box of up to `max` mentions with distinct texts, scrolled into view one by one. */
function mentionTargets(max) {
  const h = CSS.highlights.get('counterpoint');
  if (!h) return [];
  const seen = new Set();
  const out = [];
  for (const s of h) {
    // The content script stores StaticRanges: make live ones to measure.
    const r = new Range();
    try {
      r.setStart(s.startContainer, s.startOffset);
      r.setEnd(s.endContainer, s.endOffset);
    } catch {
      continue;
    }
    const text = r.toString();
    if (seen.has(text.toLowerCase()) || !r.startContainer.parentElement) continue;
    seen.add(text.toLowerCase());
    out.push(out.length);
    (window.__benchRanges ??= []).push(r);
    if (out.length >= max) break;
  }
  return out;
}

function pointFor(i) {
  const r = window.__benchRanges[i];
  r.startContainer.parentElement.scrollIntoView({ block: 'center', inline: 'nearest' });
  const rect = [...r.getClientRects()].find((x) => x.width > 2 && x.height > 2);
  if (!rect || rect.top < 0 || rect.bottom > innerHeight) return null;
  return { x: rect.left + Math.min(rect.width / 2, 6), y: rect.top + rect.height / 2, text: r.toString() };
}

/** Isolated world: waits for the card's host to be shown; resolves with the epoch time after that frame was painted. */
function watchShown(timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const channel = new MessageChannel();
    const tick = () => {
      const host = [...document.documentElement.children].find((e) => chrome.dom.openOrClosedShadowRoot(e)?.querySelector('iframe'));
      if (host?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        channel.port1.onmessage = () => resolve({ shownAt: performance.timeOrigin + performance.now() });
        channel.port2.postMessage(0);
        return;
      }
      if (performance.now() - t0 > timeoutMs) return resolve({ shownAt: NaN, timeout: true });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Diagnostics only (COUNTERPOINT_BENCH_DEBUG): in the isolated world, when the host's style became
 * the shown one (a MutationObserver: the reveal's own task), and the begin times of the frames
 * (rAF timestamps) from a little before, on the epoch clock. Measures nothing that counts.
 */
function watchReveal(timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const frames = [];
    let revealAt = NaN;
    let host = null;
    const attrs = new MutationObserver(() => {
      if (Number.isNaN(revealAt) && /opacity: 1/.test(host?.getAttribute('style') ?? '')) revealAt = performance.timeOrigin + performance.now();
    });
    const find = () => {
      if (host) return;
      host = [...document.documentElement.children].find((e) => chrome.dom.openOrClosedShadowRoot(e)?.querySelector('iframe')) ?? null;
      if (host) attrs.observe(host, { attributes: true, attributeFilter: ['style'] });
    };
    const children = new MutationObserver(find);
    children.observe(document.documentElement, { childList: true });
    find();
    const tick = (ts) => {
      // The frame's begin time, and whether the host was already shown in this frame's rAF callbacks.
      const f = { at: performance.timeOrigin + ts, shown: !!host?.checkVisibility({ opacityProperty: true }), done: NaN };
      frames.push(f);
      // When this frame's rendering was done (a message posted from a rAF callback): a reveal
      // before then, even from a later rAF callback of the same frame, is painted in it.
      const done = new MessageChannel();
      done.port1.onmessage = () => (f.done = performance.timeOrigin + performance.now());
      done.port2.postMessage(0);
      if (frames.length > 200) frames.shift();
      const enough = !Number.isNaN(revealAt) && frames.at(-1).at > revealAt + 40;
      if (enough || performance.now() - t0 > timeoutMs) {
        attrs.disconnect();
        children.disconnect();
        return resolve({ revealAt, frames });
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function isolatedContext(page, ext, frameId, contexts, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const c = [...contexts.values()].reverse().find((c) => c.auxData?.frameId === frameId && c.auxData?.type === 'isolated' && (c.origin?.includes(ext.id) || c.name === 'Counterpoint'));
    if (c) return c.id;
    await sleep(50);
  }
  throw new Error('the content script has no isolated world in this page');
}

async function evalIn(page, contextId, fn, ...args) {
  const r = await page.send('Runtime.evaluate', { expression: `(${fn})(...${JSON.stringify(args)})`, contextId, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

async function moveMouse(page, x, y) {
  await page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, pointerType: 'mouse' });
}

/** Main world: is anything of the extension shown over the page? */
const CARD_SHOWN = () =>
  [...document.documentElement.children].some((e) => e.localName !== 'head' && e.localName !== 'body' && e.checkVisibility({ opacityProperty: true }));

async function waitClosed(page) {
  for (let i = 0; i < 100; i++) {
    if (!(await page.evaluate(CARD_SHOWN))) return;
    await sleep(50);
  }
}

/** The card pages attached under `page` (CDP auto-attach, paused at start until the watcher is in). */
function watchCardFrames(page) {
  const frames = [];
  page.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
    const session = page.cdp.session(sessionId);
    if (targetInfo.type === 'iframe') {
      frames.push(session);
      await session.send('Page.enable').catch(() => undefined);
      await session.send('Page.addScriptToEvaluateOnNewDocument', { source: FRAME_WATCHER }).catch(() => undefined);
    }
    await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
  });
  return {
    start: () => page.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
    /** The log of the card page that has one (the newest frame first). */
    async log() {
      for (const f of [...frames].reverse()) {
        const log = await f.evaluate('window.__benchLog ?? null').catch(() => null);
        if (log) return log;
      }
      return [];
    },
  };
}

/**
 * One hover: rest on `target`, wait until the card is shown and its data painted. `name`: the
 * card's expected name (learnt on the first hover of the target). Returns ms after the delay.
 */
async function hoverOnce(page, contextId, frames, target, names, delayMs) {
  await moveMouse(page, 2, 2);
  await waitClosed(page);
  const point = await page.evaluate(pointFor, target);
  if (!point) return null;
  await sleep(150); // scrolling settles, the content script's scroll handling runs
  const startedAt = await page.evaluate(() => performance.timeOrigin + performance.now());
  const debug = process.env.COUNTERPOINT_BENCH_DEBUG;
  const revealing = debug ? evalIn(page, contextId, watchReveal, 8000) : undefined;
  const watching = evalIn(page, contextId, watchShown, 8000);
  await moveMouse(page, point.x, point.y);
  const { shownAt, timeout } = await watching;
  const reveal = await revealing;
  const restAt = await page.evaluate(() => window.__benchLastMove);
  if (timeout) return { ms: NaN, text: point.text, timeout: true };
  // The card page's loaded card of this entity: painted during this hover, or already there.
  let loadedAt = NaN;
  for (let i = 0; i < 160 && Number.isNaN(loadedAt); i++) {
    const log = await frames.log();
    const name = names.get(target);
    const fresh = log.find((e) => e.at >= startedAt && (name === undefined || e.name === name));
    const before = log.filter((e) => e.at < startedAt).at(-1);
    if (fresh) loadedAt = fresh.at;
    else if (name !== undefined && before?.name === name) loadedAt = startedAt;
    else await sleep(50);
    if (fresh && name === undefined) names.set(target, fresh.name);
  }
  if (debug) {
    const at = (t) => (t - restAt - delayMs).toFixed(1);
    // The begin times of the frames around the deadline and the reveal, after rest + delay.
    const near = reveal.frames
      .filter((f) => f.at > restAt + delayMs - 40 && f.at < Math.max(reveal.revealAt, restAt + delayMs) + 40)
      .map((f) => `${at(f.at)}${f.shown ? '*' : ''}`)
      .join(' ');
    // The frame the reveal was painted in: the first whose rendering ended after it.
    const painted = reveal.frames.find((f) => f.done > reveal.revealAt);
    console.log(`    ${point.text}: shown ${at(shownAt)} ms, loaded ${at(loadedAt)} ms; reveal ${at(reveal.revealAt)} ms, painted in frame ${painted ? at(painted.at) : '?'}, frames (* shown) ${near}`);
  }
  return { ms: Math.max(shownAt, loadedAt) - restAt - delayMs, text: point.text };
}

export async function measureHover(ext, origin, pageInfo, { warm = 20, cold = 5, log = () => {} } = {}) {
  const { cdp } = ext.browser;
  const delayMs = await ext.page.evaluate(async () => {
    const s = (await chrome.storage.local.get('counterpoint:settings'))['counterpoint:settings'];
    return typeof s?.hoverDelayMs === 'number' ? s.hoverDelayMs : 250;
  });
  const page = await openPage(cdp, `${origin}/blank.html`);
  const contexts = new Map();
  page.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
  page.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  page.on('Runtime.executionContextsCleared', () => contexts.clear());
  const frames = watchCardFrames(page);
  await frames.start();
  await page.send('Performance.enable');
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: MOVE_RECORDER });
  const url = origin + pageInfo.path;
  const load = async () => {
    await navigate(page, url);
    await settle(page);
    const targets = await page.evaluate(mentionTargets, 8);
    const contextId = await isolatedContext(page, ext, page.targetId, contexts);
    return { targets, contextId };
  };
  try {
    const out = { delayMs, warm: [], fresh: [], cold: [], texts: [] };
    const names = new Map();
    let { targets, contextId } = await load();
    if (targets.length === 0) throw new Error(`no mention to hover on ${pageInfo.name}`);
    // Warm-up: one hover per target (the frame is made, the worker runs, the frame caches cards).
    for (const t of targets) await hoverOnce(page, contextId, frames, t, names, delayMs);
    for (let i = 0; i < warm; i++) {
      const r = await hoverOnce(page, contextId, frames, targets[i % targets.length], names, delayMs);
      if (r) out.warm.push(r.ms);
    }
    // The first card on a fresh page (no frame yet), worker running; then with the worker stopped.
    for (let i = 0; i < cold; i++) {
      ({ targets, contextId } = await load());
      const r = await hoverOnce(page, contextId, frames, targets[i % targets.length], names, delayMs);
      if (r) out.fresh.push(r.ms);
    }
    for (let i = 0; i < cold; i++) {
      ({ targets, contextId } = await load());
      await stopWorker(ext);
      const r = await hoverOnce(page, contextId, frames, targets[i % targets.length], names, delayMs);
      if (r) out.cold.push(r.ms);
    }
    out.targets = targets.length;
    log(`  hover: ${out.warm.length} warm, ${out.fresh.length} first on a fresh page, ${out.cold.length} with a just-started worker on ${pageInfo.name}`);
    return out;
  } finally {
    await closePage(cdp, page);
  }
}
