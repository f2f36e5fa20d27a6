import { launchChromium, serveDir, textRect, ROOT, readCard } from './scripts/browser.mjs';
import { join } from 'node:path';
const ext = await launchChromium({ extensionDir: join(ROOT, '.output/chrome-mv3') });
const srv = await serveDir(join(ROOT, 'tests/fixtures'));
const page = await ext.context.newPage();
await page.goto(srv.origin + '/news.html');
await page.waitForTimeout(1500);
const w = ext.context.serviceWorkers()[0];
const ctxs = () => w.evaluate(async () => (await chrome.runtime.getContexts({})).map((c) => c.contextType + ' ' + c.documentUrl));
for (const label of ['Compare sources', 'Search corpus']) {
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  const r = await textRect(page, 'Raqqa', 1);
  await page.mouse.move(r.x, r.y, { steps: 2 });
  await page.waitForTimeout(800);
  const card = await readCard(page);
  const s = card.buttons.find((b) => b.label === label);
  await page.mouse.move(s.x, s.y, { steps: 4 });
  await page.mouse.click(s.x, s.y);
  for (let i = 0; i < 3; i++) { console.log(label, i, await ctxs()); await page.waitForTimeout(200); }
  if (label === 'Compare sources') await w.evaluate(async () => { await chrome.sidePanel.setOptions({ enabled: false }); await chrome.sidePanel.setOptions({ enabled: true }); });
}
const f = page.frames().find((f) => f.url().includes('card.html'));
console.log(await f.evaluate(() => Promise.race([chrome.action.openPopup().then(() => 'ok', (e) => 'err ' + e.message), new Promise((r) => setTimeout(() => r('hang'), 2000))])));
console.log(await f.evaluate(() => chrome.storage.session.get(null)));
await ext.close(); await srv.close();
