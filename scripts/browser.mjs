/**
 * Plain-JS browser helpers for `npm run demo` (Node 20 runs .mjs without a TypeScript step) and
 * the end-to-end tests (typed by browser.d.mts): a static file server on 127.0.0.1, Chromium with
 * or without the built extension, and reading the hover card out of its closed shadow root.
 *
 * A closed shadow root is out of reach of page scripts, on purpose. DevTools still shows it to
 * the user, through the Chrome DevTools Protocol: DOM.describeNode with `pierce` lists shadow
 * roots of every mode. That is how these helpers read the card, as a user sees it.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CARD_TAG = 'counterpoint-card';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png' };

/** Serves `dir` at http://127.0.0.1:<port>/. */
export async function serveDir(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/**
 * Headless Chromium with a fresh profile, with the extension built at `extensionDir` or none.
 * Only 127.0.0.1 is reachable: every other request is aborted.
 */
export async function launchChromium({ extensionDir, headless = true, viewport = { width: 1280, height: 800 }, colorScheme } = {}) {
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'counterpoint-chromium-'));
  const extensionArgs = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    colorScheme,
    args: [...extensionArgs, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update'],
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/, (route) => route.abort());
  let extensionId;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The open card as the user sees it, read through CDP from its closed shadow root: its text
 * (innerText, so hidden parts and styles are left out), accessible role and name, its box in the
 * viewport, and whether it has focus. Null when no card is open (or one is only being prepared,
 * transparent, while the hover delay runs).
 */
export async function readCard(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    // The host, if a card is open: one round trip, so that what is read is the state when asked
    // (a card prepared, transparent, while the hover delay runs is not open yet).
    const { result: host } = await cdp.send('Runtime.evaluate', {
      expression: `(() => { const h = document.querySelector('${CARD_TAG}'); return h?.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ? h : null; })()`,
    });
    if (!host.objectId) return null;
    await cdp.send('DOM.getDocument', { depth: 0 });
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const card = this.querySelector('[role="dialog"]');
        if (!card) return null;
        const r = card.getBoundingClientRect();
        const label = card.getAttribute('aria-labelledby');
        const name = label ? this.getElementById(label)?.textContent ?? '' : '';
        const rect = { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
        const marks = [...card.querySelectorAll('mark')].map((m) => m.textContent);
        const sources = [...card.querySelectorAll('.source-title')].map((t) => t.textContent);
        const perspectives = [...card.querySelectorAll('.source-perspective, .vp-perspective')].map((t) => t.textContent);
        const stances = [...card.querySelectorAll('[data-stance]')].map((t) => t.textContent);
        const buttons = [...card.querySelectorAll('button')].map((b) => {
          const br = b.getBoundingClientRect();
          return { label: b.getAttribute('aria-label') || b.textContent.trim(), pressed: b.getAttribute('aria-pressed'), x: br.left + br.width / 2, y: br.top + br.height / 2 };
        });
        const style = getComputedStyle(card);
        return { role: card.getAttribute('role'), name, text: card.innerText, rect, marks, sources, perspectives, stances, buttons,
          background: style.backgroundColor, color: style.color,
          focused: this.activeElement !== null, busy: card.getAttribute('aria-busy') === 'true' };
      }`,
    });
    return result.value ? { ...result.value, mode: shadow.shadowRootType } : null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Client rect of the `nth` occurrence (0-based) of `text` in the page's text, scrolled into view. */
export async function textRect(page, text, nth = 0) {
  return page.evaluate(
    ([text, nth]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let i = n.data.indexOf(text);
        while (i >= 0) {
          if (seen++ === nth) {
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + text.length);
            n.parentElement.scrollIntoView({ block: 'center' });
            const r = range.getClientRects()[0];
            return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          }
          i = n.data.indexOf(text, i + 1);
        }
      }
      return null;
    },
    [text, nth],
  );
}

/** Number of ranges in the extension's highlight (visible to page scripts, as CSS.highlights is per document). */
export function highlightCount(page) {
  return page.evaluate(() => globalThis.CSS?.highlights?.get('counterpoint')?.size ?? 0);
}
