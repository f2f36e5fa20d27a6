/**
 * What a script imported at install costs each start of a service worker that never uses it
 * (ARCHITECTURE.md, The worker's start): bare extensions whose worker only answers (as
 * bench/measure-coldfloor.mjs makes them), each importing at install nothing, a one-line script,
 * or the built extension's `worker-scripts.js`; all launched at once and their cold starts taken
 * in turn, so each round sees the same load.
 *
 *   node bench/installed-bytes.mjs [extensionDir] [--rounds N]
 *
 * extensionDir: a Chrome build (default .output/chrome-mv3). Prints, per extension, the medians of
 * the worker's first line (ms after the worker's start) and of the round trip (send → answer).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { attach, launch, openPage, waitForTarget } from './cdp.mjs';
import { send, stopWorker } from './extension.mjs';
import { percentile } from './stats.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 16;
const built = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ?? '.output/chrome-mv3');
const bundle = readFileSync(join(built, 'worker-scripts.js'), 'utf8');

const MANIFEST = { manifest_version: 3, name: 'installed bytes', version: '1', background: { service_worker: 'background.js' } };
const WORKER = 'globalThis.firstLine = performance.now();\nchrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ res: null }); });\n';
const IMPORT = "addEventListener('install', () => importScripts('/imported.js'));\n";
const variants = [
  { name: 'nothing imported', imported: undefined },
  { name: 'a one-line script', imported: 'var one = 1;\n' },
  { name: `worker-scripts.js (${(bundle.length / 1024).toFixed(1)} KB)`, imported: bundle },
];

const exts = [];
try {
  for (const v of variants) {
    const dir = mkdtempSync(join(os.tmpdir(), 'counterpoint-installed-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
    writeFileSync(join(dir, 'background.js'), WORKER + (v.imported === undefined ? '' : IMPORT));
    if (v.imported !== undefined) writeFileSync(join(dir, 'imported.js'), v.imported);
    const browser = await launch({ extensionDir: dir });
    const sw = await waitForTarget(browser.cdp, (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    const origin = `chrome-extension://${new URL(sw.url).host}/`;
    const page = await openPage(browser.cdp, `${origin}manifest.json`);
    await page.send('ServiceWorker.enable');
    const ext = { browser, origin, page, dir, name: v.name, firstLine: [], roundTrip: [] };
    exts.push(ext);
    await send(ext, 'ping'); // (the first start after install compiles without a code cache)
  }
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < exts.length; k++) {
      const ext = exts[(k + r) % exts.length];
      await stopWorker(ext);
      const answer = await send(ext, 'ping');
      if (answer.err) throw new Error(`${ext.name}: ${answer.err}`);
      ext.roundTrip.push(answer.ms);
      const t = await waitForTarget(ext.browser.cdp, (t) => t.type === 'service_worker' && t.url.startsWith(ext.origin));
      const s = await attach(ext.browser.cdp, t.targetId);
      ext.firstLine.push((await s.evaluate(() => globalThis.firstLine)) ?? NaN);
      await ext.browser.cdp.send('Target.detachFromTarget', { sessionId: s.id }).catch(() => undefined);
    }
  }
  console.log(`${rounds} cold starts each, load ${os.loadavg()[0].toFixed(1)} at the end`);
  for (const e of exts) console.log(`${e.name.padEnd(36)} first line ${percentile(e.firstLine, 0.5).toFixed(1)} ms, round trip ${percentile(e.roundTrip, 0.5).toFixed(1)} ms`);
} finally {
  for (const e of exts) {
    await e.browser.close();
    rmSync(e.dir, { recursive: true, force: true });
  }
}
