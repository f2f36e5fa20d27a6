/**
 * Plain-JS browser helpers for `npm run demo` (Node 20 runs .mjs without a TypeScript step) and
 * the end-to-end tests (typed by browser.d.mts): a static file server on 127.0.0.1, Chromium with
 * or without the built extension, and reading the hover card out of its closed shadow root.
 *
 * The card is an extension page in an <iframe>, inside a closed shadow root: out of reach of page
 * scripts, on purpose. DevTools still shows both to the user, through the Chrome DevTools
 * Protocol: DOM.describeNode with `pierce` lists shadow roots of every mode, and the frame is a
 * frame of the page. That is how these helpers read the card, as a user sees it.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
 * The card's host in `page`'s own document, found as DevTools shows it: a child of <html> whose
 * closed shadow root holds the card page's <iframe>. Returns the CDP ids of the host and the
 * iframe, or null. (A page script cannot see into the shadow root, nor read the frame.)
 */
export async function findCardHost(cdp) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: '[...document.documentElement.children].filter((e) => e.localName === "div")' });
  if (!result.objectId) return null;
  const { result: props } = await cdp.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
  await cdp.send('DOM.getDocument', { depth: 0 });
  for (const p of props) {
    if (!/^\d+$/.test(p.name) || !p.value?.objectId) continue;
    const { node } = await cdp.send('DOM.describeNode', { objectId: p.value.objectId, depth: 2, pierce: true });
    const shadow = node.shadowRoots?.[0];
    const iframe = shadow?.children?.find((c) => c.nodeName === 'IFRAME');
    if (iframe) return { hostObjectId: p.value.objectId, iframe, mode: shadow.shadowRootType };
  }
  return null;
}

/** In the card page: what it shows, in its own coordinates. */
const READ_FRAME = () => {
  const card = document.querySelector('[role="dialog"]');
  if (!card) return null;
  const r = card.getBoundingClientRect();
  const label = card.getAttribute('aria-labelledby');
  const name = label ? document.getElementById(label)?.textContent ?? '' : '';
  const rect = { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  const marks = [...card.querySelectorAll('mark')].map((m) => m.textContent);
  const sources = [...card.querySelectorAll('.source-title')].map((t) => t.textContent);
  const perspectives = [...card.querySelectorAll('.source-perspective, .vp-perspective')].map((t) => t.textContent);
  const stances = [...card.querySelectorAll('[data-stance]')].map((t) => t.textContent);
  const buttons = [...card.querySelectorAll('button')].map((b) => {
    const br = b.getBoundingClientRect();
    return { label: b.getAttribute('aria-label') || b.textContent.trim(), pressed: b.getAttribute('aria-pressed'), x: br.left + br.width / 2, y: br.top + br.height / 2 };
  });
  const region = card.querySelector('[role="region"]');
  const style = getComputedStyle(card);
  return {
    role: card.getAttribute('role'), name, text: card.innerText, rect, marks, sources, perspectives, stances, buttons,
    background: style.backgroundColor, color: style.color,
    focused: document.hasFocus() && card.contains(document.activeElement),
    busy: card.getAttribute('aria-busy') === 'true',
    region: region ? { label: region.getAttribute('aria-label'), tabIndex: region.tabIndex } : null,
  };
};

/**
 * The open card as the user sees it: shown (its host is visible, not a card prepared hidden while
 * the hover delay runs), read from the card page in its frame (text with innerText, accessible
 * role and name, buttons), placed where its frame is in the page's viewport. Null when none is open.
 */
export async function readCard(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const found = await findCardHost(cdp);
    if (!found) return null;
    const { result: shown } = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.hostObjectId,
      returnByValue: true,
      functionDeclaration: 'function () { return this.checkVisibility({ opacityProperty: true, visibilityProperty: true }); }',
    });
    if (!shown.value) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: found.iframe.backendNodeId });
    const { result: box } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: 'function () { const r = this.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height, src: this.src }; }',
    });
    // The frame's own URL has the extension's id where the src has Chromium's per-session alias
    // (use_dynamic_url); the fragment (the frame's one-time token) is the same.
    const hash = new URL(box.value.src).hash;
    const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f.url().endsWith(`/card.html${hash}`));
    const inner = await frame?.evaluate(READ_FRAME).catch(() => null);
    if (!inner) return null;
    const { left, top, width, height } = box.value;
    const rect = { left, top, right: left + width, bottom: top + height, width, height };
    const buttons = inner.buttons.map((b) => ({ ...b, x: b.x + left, y: b.y + top }));
    return { ...inner, rect, buttons, mode: found.mode, frameUrl: box.value.src };
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
