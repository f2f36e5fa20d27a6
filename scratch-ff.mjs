import puppeteer from 'puppeteer-core';
import { serveDir, ROOT } from './scripts/browser.mjs';
import { join } from 'node:path';
const GECKO_ID = 'counterpoint@counterpoint.example', UUID = '5c0f1a2e-7d3b-4c8e-9a61-0c0a7e5e1d01';
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, args: ['--remote-allow-system-access'],
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }), 'extensions.originControls.grantByDefault': true, 'network.dns.disableIPv6': true } });
await browser.installExtension(join(ROOT, '.output/firefox-mv3'));
const server = await serveDir(join(ROOT, 'tests/fixtures'));
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.text()));
await page.goto(`${server.origin}/news.html`, { waitUntil: 'load' });
await new Promise((r) => setTimeout(r, 2000));
const p = await page.evaluate(() => { const t = document.getElementById('p1'); const w = document.createTreeWalker(t, 4); let n; while ((n = w.nextNode())) { const i = n.data.indexOf('Raqqa'); if (i >= 0) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 5); const b = r.getClientRects()[0]; return { x: b.left + 5, y: b.top + b.height / 2 }; } } return null; });
await page.mouse.move(p.x, p.y);
await new Promise((r) => setTimeout(r, 1500));
console.log(page.frames().map((f) => f.url()));
const f = page.frames().find((f) => f.url().includes('card.html'));
if (f) console.log(await f.evaluate(() => document.body.innerText.slice(0, 200)).catch((e) => 'ERR ' + e.message));
const conn = browser.connection;
const ctx = page.mainFrame()._id;
const tree = await conn.send('browsingContext.getTree', { root: ctx });
console.log(JSON.stringify(tree.result ?? tree).slice(0, 600));
const child = (tree.result ?? tree).contexts[0].children[0];
try {
  const r = await conn.send('script.evaluate', { expression: 'document.body.innerText.slice(0,100)', target: { context: child.context }, awaitPromise: false });
  console.log(JSON.stringify(r.result ?? r));
} catch (e) { console.log('ERR', e.message); }
console.log(await page.evaluate(() => [...document.documentElement.children].map((c) => c.localName + ' ' + c.getAttribute('style')?.slice(0, 60))));
await browser.close(); await server.close();
