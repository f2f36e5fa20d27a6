#!/usr/bin/env node
/**
 * Screenshots of the built Chromium extension for the README, so they stay current:
 *
 *   docs/screenshots/popup.png           the toolbar popup searching "Raqqa"
 *   docs/screenshots/popup-dark.png      the same, dark scheme, searching "Daesh"
 *   docs/screenshots/card.png            a fixture page with a mention's card open
 *   docs/screenshots/sidepanel.png       the side panel on that page, comparing ISIS (narrow)
 *   docs/screenshots/sidepanel-dark.png  the same, dark scheme
 *   docs/screenshots/sidepanel-wide.png  the comparison with columns side by side
 *   docs/screenshots/reader.png          the reader view at a passage
 *   docs/screenshots/popup-320.png       the popup in a 320 CSS px window (WCAG 1.4.10 Reflow)
 *   docs/screenshots/popup-zoom200.png   the popup at 200% zoom (its largest window: 400×300 CSS px)
 *   docs/screenshots/sidepanel-252.png   the side panel at Firefox's 252px sidebar width
 *   docs/screenshots/reader-zoom200.png  the reader at 200% zoom in a 1280×800 window
 *
 * Builds nothing: run `npm run build` first. Plain ESM (Node 20 cannot run TypeScript).
 *
 *   node scripts/screenshots.mjs [--ext .output/chrome-mv3] [--out docs/screenshots]
 *
 * Only 127.0.0.1 is reachable from the browser; the fixture page is tests/fixtures/panel-page.html.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readCard } from './browser.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const EXT = option('--ext', join(ROOT, '.output/chrome-mv3'));
const OUT = option('--out', join(ROOT, 'docs/screenshots'));
const FIXTURES = join(ROOT, 'tests/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(join(EXT, 'manifest.json'))) {
  console.error(`No built extension at ${EXT}: run "npm run build" first.`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });

function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png' };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

const written = [];
async function shot(page, name, options = {}) {
  const path = join(OUT, name);
  await page.screenshot({ path, ...options });
  written.push(path);
}

/** Client rect of the first occurrence of `text` in the page's text nodes. */
async function textRect(page, text) {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const r = range.getClientRects()[0];
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }
    return null;
  }, text);
}

const { server, origin } = await serve(FIXTURES);
const profile = mkdtempSync(join(tmpdir(), 'counterpoint-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1100, height: 760 },
  deviceScaleFactor: 1,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
});
try {
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/, (route) => route.abort());
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  const base = `chrome-extension://${new URL(worker.url()).host}`;

  // The fixture page, as the "active tab" the popup and panel are pointed at.
  const article = context.pages()[0] ?? (await context.newPage());
  await article.goto(`${origin}/panel-page.html`);
  const tools = await context.newPage();
  await tools.goto(`${base}/options.html`);
  // (No `tabs` permission: each tab's content script is asked for its page's address.)
  const tabId = await tools.evaluate(async (url) => {
    for (const tab of await chrome.tabs.query({})) {
      const answer = await chrome.tabs.sendMessage(tab.id, { id: 1, type: 'pageMentions', timestamp: Date.now() }, { frameId: 0 }).catch(() => undefined);
      if (answer?.res?.url === url) return tab.id;
    }
    return undefined;
  }, `${origin}/panel-page.html`);
  if (tabId === undefined) throw new Error('The fixture tab was not found');
  await tools.close();

  // Popup, as the toolbar shows it (460px wide), light then dark.
  for (const [scheme, query, name] of [
    ['light', 'Raqqa', 'popup.png'],
    ['dark', 'Daesh', 'popup-dark.png'],
  ]) {
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 460, height: 600 });
    await popup.goto(`${base}/popup.html?layout=popup&tab=${tabId}#q=${encodeURIComponent(query)}`);
    await popup.locator('[role="option"]').first().waitFor();
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.waitForTimeout(150);
    await shot(popup, name);
    await popup.close();
  }

  // The card: rest the pointer on a mention on the fixture page.
  await article.bringToFront();
  await article.setViewportSize({ width: 1000, height: 680 });
  const rect = await textRect(article, 'Mosul');
  let cardShown = false;
  if (rect) {
    await article.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    for (let i = 0; i < 60 && !cardShown; i++) {
      await article.waitForTimeout(100);
      const card = await readCard(article);
      cardShown = !!card && !card.busy;
    }
  }
  if (cardShown) {
    await article.waitForTimeout(700);
    await shot(article, 'card.png');
  } else {
    console.warn('No card appeared on hover (is the content script built?): card.png not updated.');
  }

  // Side panel: narrow as Chrome shows it, pointed at the fixture tab, comparing ISIS.
  for (const [scheme, name] of [
    ['light', 'sidepanel.png'],
    ['dark', 'sidepanel-dark.png'],
  ]) {
    const panel = await context.newPage();
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.setViewportSize({ width: 400, height: 1000 });
    await panel.goto(`${base}/sidepanel.html?tab=${tabId}#entity=isis`);
    await panel.locator('.comparison .column').first().waitFor();
    await panel.locator('.page-entity, .on-page p').first().waitFor();
    await panel.waitForTimeout(300);
    await shot(panel, name);
    await panel.close();
  }
  const wide = await context.newPage();
  await wide.setViewportSize({ width: 1280, height: 900 });
  await wide.goto(`${base}/sidepanel.html?tab=${tabId}#entity=raqqa`);
  await wide.locator('.comparison .column').first().waitFor();
  await wide.locator('.page-entity, .on-page p').first().waitFor();
  await wide.evaluate(() => document.querySelector('.panel-comparison')?.scrollIntoView());
  await wide.waitForTimeout(300);
  await shot(wide, 'sidepanel-wide.png');
  await wide.close();

  // Reflow: narrow windows and 200% zoom (CSS size halved, two device pixels per CSS pixel).
  async function reflowShot(path, name, { width, height, zoom, ready, scheme = 'light' }) {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    if (zoom) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: zoom, mobile: false });
    }
    await page.goto(`${base}/${path}`);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, name);
    await page.close();
  }
  await reflowShot(`popup.html?layout=popup&tab=${tabId}#q=Raqqa`, 'popup-320.png', { width: 320, height: 640, ready: '[role="option"]' });
  await reflowShot(`popup.html?layout=popup&tab=${tabId}#q=Raqqa`, 'popup-zoom200.png', { width: 400, height: 300, zoom: 2, ready: '[role="option"]' });
  await reflowShot(`sidepanel.html?tab=${tabId}#entity=isis`, 'sidepanel-252.png', { width: 252, height: 900, ready: '.column', scheme: 'dark' });

  // Reader at the Kirkook passage.
  const reader = await context.newPage();
  await reader.setViewportSize({ width: 1000, height: 760 });
  await reader.goto(`${base}/reader.html`);
  const kirkook = await reader.evaluate(async () => {
    const message = { id: 1, type: 'search', data: { query: 'Kirkook', limit: 1 }, timestamp: Date.now() };
    return (await chrome.runtime.sendMessage(message))?.res?.hits?.[0]?.passage;
  }).catch(() => null);
  const hash = kirkook ? `#doc=${kirkook.docId}&passage=${kirkook.id}` : '#doc=001_a3ed7a2f4efbeee5';
  await reader.goto(`${base}/reader.html${hash}`);
  await reader.locator('.reader-body').waitFor();
  await reader.waitForTimeout(300);
  await shot(reader, 'reader.png');
  await reader.close();
  await reflowShot(`reader.html${hash}`, 'reader-zoom200.png', { width: 640, height: 400, zoom: 2, ready: 'mark#target' });
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const path of written) console.log(`wrote ${path.slice(ROOT.length + 1)}`);
