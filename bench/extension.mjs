/**
 * The built extension in headless Chromium, driven over CDP: its service worker (attach, evaluate,
 * stop) and messages sent from one of its own pages, in @webext-core/messaging's wire format
 * ({id, type, data, timestamp} → {res} | {err}), exactly as the popup or side panel send them.
 */
import { attach, closePage, launch, openPage, sleep, waitForTarget } from './cdp.mjs';

/** `profile`: a user-data folder kept across launches (bench/measure-usercorpus.mjs restarts the browser on it). */
export async function launchExtension(extensionDir, { profile } = {}) {
  const browser = await launch({ extensionDir, profile });
  const { cdp } = browser;
  const sw = await waitForTarget(cdp, (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  const id = new URL(sw.url).host;
  const origin = `chrome-extension://${id}/`;
  // Any document of the extension's origin can message the worker; manifest.json has no script of its own.
  const page = await openPage(cdp, `${origin}manifest.json`);
  await page.send('ServiceWorker.enable');
  const ext = { browser, id, origin, page, extensionDir };
  // The worker publishes the matcher data on install; content scripts read it from storage.
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const ok = await page.evaluate(async () => {
      const got = await chrome.storage.local.get('counterpoint:matcher');
      return !!got['counterpoint:matcher'];
    });
    if (ok) break;
    await sleep(100);
  }
  return ext;
}

/** Sends a message from the extension page; returns { ms, sentAt (epoch ms), res?, err? }. */
export async function send(ext, type, data, { keepResult = false } = {}) {
  return ext.page.evaluate(
    async (type, data, keepResult) => {
      const sentAt = performance.timeOrigin + performance.now();
      const t0 = performance.now();
      // (JSON carries `undefined` as null; no message of the protocol takes null.)
      const r = await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data: data ?? undefined, timestamp: Date.now() });
      const ms = performance.now() - t0;
      return { ms, sentAt, err: r?.err?.message ?? (r ? undefined : 'no response'), res: keepResult ? r?.res : undefined };
    },
    type,
    data,
    keepResult,
  );
}

/**
 * Sends one message and, until it is answered, `lookup` (a lookupEntity) every `everyMs`, each
 * waiting for the previous: returns the message's { ms, err } and each lookup's round trip in ms.
 */
export async function sendWhileLookingUp(ext, type, data, lookup, everyMs) {
  return ext.page.evaluate(
    async (type, data, lookup, everyMs) => {
      const msg = (type, data) => chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() });
      const t0 = performance.now();
      let done = false;
      const main = msg(type, data).then((r) => ((done = true), { ms: performance.now() - t0, err: r?.err?.message ?? (r ? undefined : 'no response') }));
      const lookups = [];
      while (!done) {
        await new Promise((r) => setTimeout(r, everyMs));
        if (done) break;
        const t1 = performance.now();
        const r = await msg('lookupEntity', lookup);
        if (!r || r.err) throw new Error(`lookupEntity failed: ${r?.err?.message ?? 'no response'}`);
        lookups.push(performance.now() - t1);
      }
      return { ...(await main), lookups };
    },
    type,
    data,
    lookup,
    everyMs,
  );
}

/** Sends the messages one after another inside the extension page; returns each round trip in ms. */
export async function sendMany(ext, type, list) {
  return ext.page.evaluate(
    async (type, list) => {
      const times = [];
      for (const data of list) {
        const t0 = performance.now();
        const r = await chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data: data ?? undefined, timestamp: Date.now() });
        times.push(performance.now() - t0);
        if (!r || r.err) throw new Error(`${type} failed: ${r?.err?.message ?? 'no response'}`);
      }
      return times;
    },
    type,
    list,
  );
}

async function workerTargets(ext) {
  const { targetInfos } = await ext.browser.cdp.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(ext.origin));
}

/** Stops the extension's service worker and waits until it is gone. */
export async function stopWorker(ext) {
  await ext.page.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10000;
  while ((await workerTargets(ext)).length > 0) {
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await sleep(25);
  }
  // Let the browser finish tearing the worker down before the next start is timed.
  await sleep(200);
}

/** A CDP session on the running worker (started by a message if needed). */
export async function workerSession(ext) {
  if ((await workerTargets(ext)).length === 0) await send(ext, 'listEntities');
  const t = await waitForTarget(ext.browser.cdp, (t) => t.type === 'service_worker' && t.url.startsWith(ext.origin));
  const s = await attach(ext.browser.cdp, t.targetId);
  return s;
}

/** The worker's JS heap after garbage collection, in bytes. */
export async function workerHeap(session) {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize;
}

export async function detach(ext, session) {
  await ext.browser.cdp.send('Target.detachFromTarget', { sessionId: session.id }).catch(() => undefined);
}

export async function closeExtension(ext) {
  await closePage(ext.browser.cdp, ext.page);
  await ext.browser.close();
}
