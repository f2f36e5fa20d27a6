/**
 * Measure 3: hover rest → card painted, minus the configured hover delay.
 *
 * - Rest: the page's last `pointermove` (its event timeStamp, in the page's performance.now()
 *   clock), after one CDP mouse move onto the middle of a mention's first line box.
 * - Card painted: a requestAnimationFrame loop in the content script's own isolated world (the
 *   card's shadow root is closed; chrome.dom.openOrClosedShadowRoot opens it there) sees the card
 *   host `<counterpoint-card>`, shown (not a card prepared transparent during the delay), with a
 *   `.card[aria-busy="false"]` (content loaded, not the loading state); the time is taken by a
 *   message posted from that frame's rAF callback, which runs once the frame has been painted.
 * - Warm worker: the worker is running and the card's entity was looked up before on this page
 *   (the content script caches lookups per page). Just-started worker: the page is reloaded and
 *   the worker stopped before each hover, so the lookup starts a worker.
 */
import { closePage, navigate, openPage, sleep } from './cdp.mjs';
import { settle } from './measure-pages.mjs';
import { stopWorker } from './extension.mjs';

const HOST_TAG = 'counterpoint-card';

/** Main world: remembers the last pointer move. */
const MOVE_RECORDER = `addEventListener('pointermove', (e) => { window.__benchLastMove = e.timeStamp; }, { capture: true, passive: true });`;

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

/** Isolated world: waits for the loaded card, resolves with the time after its frame was painted. */
function watchCard(hostTag, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const channel = new MessageChannel();
    const tick = () => {
      const host = document.querySelector(hostTag);
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      const ready = root?.querySelector('.card[aria-busy="false"]');
      // Shown: a card prepared (transparent) during the hover delay is not.
      if (ready && host.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        channel.port1.onmessage = () => resolve({ paintedAt: performance.now() });
        channel.port2.postMessage(0);
        return;
      }
      if (performance.now() - t0 > timeoutMs) return resolve({ paintedAt: NaN, timeout: true });
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

async function waitClosed(page) {
  for (let i = 0; i < 100; i++) {
    if (!(await page.evaluate((tag) => !!document.querySelector(tag), HOST_TAG))) return;
    await sleep(50);
  }
}

async function hoverOnce(page, contextId, target, delayMs) {
  await moveMouse(page, 2, 2);
  await waitClosed(page);
  const point = await page.evaluate(pointFor, target);
  if (!point) return null;
  await sleep(150); // scrolling settles, the content script's scroll handling runs
  const watching = evalIn(page, contextId, watchCard, HOST_TAG, 8000);
  await moveMouse(page, point.x, point.y);
  const { paintedAt, timeout } = await watching;
  const restAt = await page.evaluate(() => window.__benchLastMove);
  if (timeout) return { ms: NaN, text: point.text, timeout: true };
  return { ms: paintedAt - restAt - delayMs, text: point.text };
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
    const out = { delayMs, warm: [], cold: [], texts: [] };
    let { targets, contextId } = await load();
    if (targets.length === 0) throw new Error(`no mention to hover on ${pageInfo.name}`);
    // Warm-up: one lookup per target (worker running, lookups cached by the page).
    for (const t of targets) await hoverOnce(page, contextId, t, delayMs);
    for (let i = 0; i < warm; i++) {
      const r = await hoverOnce(page, contextId, targets[i % targets.length], delayMs);
      if (r) out.warm.push(r.ms);
    }
    for (let i = 0; i < cold; i++) {
      ({ targets, contextId } = await load());
      await stopWorker(ext);
      const r = await hoverOnce(page, contextId, targets[i % targets.length], delayMs);
      if (r) out.cold.push(r.ms);
    }
    out.targets = targets.length;
    log(`  hover: ${out.warm.length} warm, ${out.cold.length} cold on ${pageInfo.name}`);
    return out;
  } finally {
    await closePage(cdp, page);
  }
}
