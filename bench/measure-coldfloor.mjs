/**
 * The browser's own floor under "Cold start → first answer": an extension whose service worker
 * does nothing but answer, written here into a temporary folder, timed exactly as the corpus
 * measure times ours (the worker stopped through CDP, then one message from an extension page,
 * send → answer), in the same runs (bench/measure-corpus.mjs), so both see the same load. What is
 * left between the two is the extension's own start.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launch, openPage, waitForTarget } from './cdp.mjs';
import { send, stopWorker } from './extension.mjs';
import { percentile } from './stats.mjs';

const MANIFEST = { manifest_version: 3, name: 'cold-start floor', version: '1', background: { service_worker: 'background.js' } };
const WORKER = 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ res: null }); });\n';

/** Launches the bare extension; `coldStart(n)` gives the median of n cold starts (ms). */
export async function openColdFloor() {
  const dir = mkdtempSync(join(os.tmpdir(), 'counterpoint-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  writeFileSync(join(dir, 'background.js'), WORKER);
  const browser = await launch({ extensionDir: dir });
  const close = async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const sw = await waitForTarget(browser.cdp, (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    const id = new URL(sw.url).host;
    const origin = `chrome-extension://${id}/`;
    const page = await openPage(browser.cdp, `${origin}manifest.json`);
    await page.send('ServiceWorker.enable');
    const ext = { browser, id, origin, page };
    await send(ext, 'ping');
    const coldStart = async (n) => {
      const times = [];
      for (let i = 0; i < n; i++) {
        await stopWorker(ext);
        const answer = await send(ext, 'ping');
        if (answer.err) throw new Error(`the floor extension did not answer: ${answer.err}`);
        times.push(answer.ms);
      }
      return percentile(times, 0.5);
    };
    return { coldStart, close };
  } catch (e) {
    await close();
    throw e;
  }
}
